 
import type { INode } from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

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

describe('credential fields are checked before anything is sent', () => {
	test.each([
		['customerNumber', '20-2222222222', 'The credential field "Customer Number" is 13 characters long; Ingram Micro accepts at most 10'],
		['customerNumber', ' ', 'The credential field "Customer Number" is empty'],
		['countryCode', 'USA', 'The credential field "Country Code" must be two letters, such as US (got "USA")'],
		['senderId', 'x'.repeat(33), 'The credential field "Sender ID" is 33 characters long; Ingram Micro accepts at most 32'],
	])('%s = %p', async (field, value, message) => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api[field] = value;
		const { error } = await runNode({
			pkg,
			credentials,
			parameters: { resource: 'product', operation: 'search', returnAll: false, limit: 1 },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(sim.count()).toBe(0);
	});
});

describe('the credential test request', () => {
	const { Workflow } = n8nWorkflow;
	test.each([
		['production', {}, 'https://api.ingrammicro.com:443'],
		['sandbox', {}, 'https://api.ingrammicro.com:443/sandbox'],
		['custom', { customBaseUrl: 'http://127.0.0.1:4010/' }, 'http://127.0.0.1:4010'],
	])('goes to the %s base URL', (environment, extra, expected) => {
		const type = pkg.credentialTypes.ingramMicroOAuth2Api;
		const workflow = new Workflow({ nodes: [], connections: {}, nodeTypes: pkg.nodeTypes, active: false });
		const node = { name: 'Credential Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
		const credentials = { environment, ...extra };
		const baseURL = workflow.expression.getSimpleParameterValue(
			node,
			type.test!.request.baseURL as string,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		// the same URL the node itself uses for that environment
		expect(baseURL).toBe(expected);
		expect(ingramMicroApiBaseUrl(credentials)).toBe(expected);
	});
});
