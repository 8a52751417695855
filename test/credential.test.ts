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
		await expect(testCredential(pkg, simCredentials(sim).ingramMicroOAuth2Api)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
			tokenFetches: 1,
		});
		const [token, probe] = sim.requests;
		expect(token.operationId).toBe('get-accesstoken');
		expect(probe.operationId).toBe('get-reseller-v6-productsearch');
		expect(probe.status).toBe(200);
		expect(specViolations(sim)).toEqual([]);
	});

	test('a wrong secret: the test fails saying the Client ID or Secret was refused, and what to do', async () => {
		const data = { ...simCredentials(sim).ingramMicroOAuth2Api, clientSecret: 'wrong' };
		const result = await testCredential(pkg, data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Ingram Micro refused the Client ID or Client Secret \(HTTP 401 from the token endpoint\)\. Copy both again/,
		);
		expect(result.message).not.toContain('wrong');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('a wrong secret is caught even when a token issued for the old secret is stored (it once passed)', async () => {
		const { credentialsHelper } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', limit: 1 },
		});
		const stored = credentialsHelper.store.ingramMicroOAuth2Api;
		expect(stored.accessToken).toEqual(expect.any(String));
		sim.clearRequests();
		const result = await testCredential(pkg, { ...stored, clientSecret: 'changed-and-wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Ingram Micro refused the Client ID or Client Secret/);
		// the stored token was not sent with the new values: a fresh token was asked for, and refused
		expect(sim.requests.map((r) => `${r.operationId}:${r.status}`)).toEqual([
			'get-accesstoken:401',
		]);
	});

	test('an unreachable host: the test says it cannot reach Ingram Micro there', async () => {
		const data = {
			...simCredentials(sim).ingramMicroOAuth2Api,
			customBaseUrl: 'http://127.0.0.1:1',
		};
		const result = await testCredential(pkg, data);
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toMatch(
			/^Cannot reach Ingram Micro's token endpoint at http:\/\/127\.0\.0\.1:1: the connection was refused\. Check the Environment/,
		);
	});

	test('a customer number the app is not registered to: the test says the customer number was refused', async () => {
		const data = { ...simCredentials(sim).ingramMicroOAuth2Api, customerNumber: '20-999999' };
		const result = await testCredential(pkg, data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^The Client ID and Secret work, but Ingram Micro refused the request: usually the Customer Number/,
		);
	});

	test('a token service that is down: the test says so, not that the credentials are wrong', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 1, operationId: 'get-accesstoken' });
		const result = await testCredential(pkg, simCredentials(sim).ingramMicroOAuth2Api);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Ingram Micro's token service is unavailable \(HTTP 503\); the Client ID and Secret were not refused/,
		);
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
			parameters: {
				resource: 'product',
				operation: 'getPriceAndAvailability',
				identifyBy: 'ingramPartNumber',
				skus: skus.join(','),
			},
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
		expect(ingramMicroApiBaseUrl({ environment: 'production' })).toBe(
			'https://api.ingrammicro.com:443',
		);
		// the sandbox shares the host; only API calls move under /sandbox, the token URL does not
		expect(ingramMicroHost({ environment: 'sandbox' })).toBe('https://api.ingrammicro.com:443');
		expect(ingramMicroApiBaseUrl({ environment: 'sandbox' })).toBe(
			'https://api.ingrammicro.com:443/sandbox',
		);
		expect(
			ingramMicroApiBaseUrl({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010/' }),
		).toBe('http://127.0.0.1:4010');
	});
});

describe('credential fields are checked before anything is sent', () => {
	test.each([
		[
			'customerNumber',
			'20-2222222222',
			'The credential field "Customer Number" is 13 characters long; Ingram Micro accepts at most 10',
		],
		['customerNumber', ' ', 'The credential field "Customer Number" is empty'],
		[
			'countryCode',
			'USA',
			'The credential field "Country Code" must be two letters, such as US (got "USA")',
		],
		[
			'senderId',
			'x'.repeat(33),
			'The credential field "Sender ID" is 33 characters long; Ingram Micro accepts at most 32',
		],
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
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			nodeTypes: pkg.nodeTypes,
			active: false,
		});
		const node = {
			name: 'Credential Test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		} as unknown as INode;
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
