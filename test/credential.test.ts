 
import {
	ingramMicroApiBaseUrl,
	ingramMicroHost,
} from '../credentials/IngramMicroOAuth2Api.credentials';
import { loadPackage, runNode, testCredential, type LoadedPackage } from './harness';
import { catalogSkus, simCredentials, specViolations } from './helpers';
import { XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('Ingram Micro OAuth2 API credential', () => {
	test('the credential test proves a working client ID and secret', async () => {
		await expect(testCredential(pkg, simCredentials(sim).ingramMicroOAuth2Api)).resolves.toBe(200);
		const [token, probe] = sim.requests;
		expect(token.operationId).toBe('get-accesstoken');
		expect(probe.operationId).toBe('get-reseller-v6-productsearch');
		expect(probe.status).toBe(200);
		expect(specViolations(sim)).toEqual([]);
	});

	test('the credential test fails for a wrong secret', async () => {
		const data = { ...simCredentials(sim).ingramMicroOAuth2Api, clientSecret: 'wrong' };
		await expect(testCredential(pkg, data)).rejects.toThrow(/401/);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('the token is requested by form POST: the secret travels in the body, never in the URL', async () => {
		await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', returnAll: false, limit: 1 },
		});
		const token = sim.requests.find((r) => r.operationId === 'get-accesstoken')!;
		expect(token.method).toBe('POST');
		expect(token.path).toBe('/oauth/oauth20/token');
		expect(JSON.stringify(token.query)).not.toContain(sim.options.clientSecret);
		expect(token.headers['content-type']).toContain('application/x-www-form-urlencoded');
	});

	test("every API call carries Ingram's headers; the correlation ID is 32 hex characters and fresh per request", async () => {
		const skus = catalogSkus(sim, 60);
		await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'getPriceAndAvailability', identifyBy: 'ingramPartNumber', skus: skus.join(',') },
		});
		const calls = sim.requests.filter((r) => r.path.startsWith('/resellers'));
		expect(calls).toHaveLength(2);
		for (const call of calls) {
			expect(call.headers['im-customernumber']).toBe(sim.options.customerNumber);
			expect(call.headers['im-countrycode']).toBe('US');
			expect(call.headers['im-senderid']).toBe('n8n');
			expect(call.headers['im-correlationid']).toMatch(/^[0-9a-f]{32}$/);
			expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
		}
		expect(calls[0].headers['im-correlationid']).not.toBe(calls[1].headers['im-correlationid']);
	});

	test('an empty Sender ID is left out rather than sent empty', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.senderId = '';
		await runNode({
			pkg,
			credentials,
			parameters: { resource: 'product', operation: 'search', returnAll: false, limit: 1 },
		});
		const call = sim.requests.find((r) => r.path.startsWith('/resellers'))!;
		expect(call.headers['im-senderid']).toBeUndefined();
	});

	test('the environment decides where token and API calls go', () => {
		expect(ingramMicroHost({ environment: 'production' })).toBe('https://api.ingrammicro.com:443');
		expect(ingramMicroApiBaseUrl({ environment: 'production' })).toBe('https://api.ingrammicro.com:443');
		// the sandbox shares the host; only API calls move under /sandbox, the token URL does not
		expect(ingramMicroHost({ environment: 'sandbox' })).toBe('https://api.ingrammicro.com:443');
		expect(ingramMicroApiBaseUrl({ environment: 'sandbox' })).toBe('https://api.ingrammicro.com:443/sandbox');
		expect(ingramMicroApiBaseUrl({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010/' })).toBe(
			'http://127.0.0.1:4010',
		);
	});
});
