/**
 * The Ingram Micro credential's Test button, as the editor uses it in a real n8n 2.41.1: the editor
 * loads the saved credential (secrets redacted), the user edits a field, and the editor posts the
 * form to /rest/credentials/test; n8n restores the redacted values (the stored access token among
 * them) and runs the credential's test request. A stored token once let a wrong secret pass here.
 */
import { EXAMPLE_CREDENTIALS, prepareN8n, type PreparedN8n } from './environment';

let env: PreparedN8n;

interface CredentialWithData {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

beforeAll(async () => {
	env = await prepareN8n();
	// a run stores an access token in the credential, as in any instance that has been used
	const run = await env.n8n.execute('ingramMicroPandA');
	expect(run.error).toBeUndefined();
	await env.n8n.start();
	await env.n8n.setupOwner();
});

afterAll(async () => {
	await env?.dispose();
});

/** What the editor does: load the credential, change fields in the form, press Test. */
async function testWith(
	changes: Record<string, unknown>,
): Promise<{ status: string; message: string }> {
	const saved = await env.n8n.rest<CredentialWithData>(
		'GET',
		`/credentials/${EXAMPLE_CREDENTIALS.api.id}?includeData=true`,
	);
	const { id, name, type } = saved;
	env.sim.clearRequests();
	return await env.n8n.rest('POST', '/credentials/test', {
		credentials: { id, name, type, data: { ...saved.data, ...changes } },
	});
}

test('the saved credential passes; its stored token is reused (no token request)', async () => {
	const saved = await env.n8n.rest<CredentialWithData>(
		'GET',
		`/credentials/${EXAMPLE_CREDENTIALS.api.id}?includeData=true`,
	);
	// the editor never sees the token or the secret
	expect(JSON.stringify(saved.data)).not.toContain(env.sim.options.clientSecret);
	const result = await testWith({});
	expect(result).toMatchObject({ status: 'OK' });
	expect(env.sim.requests.map((r) => `${r.operationId}:${r.status}`)).toEqual([
		'get-reseller-v6-productsearch:200',
	]);
});

test('a wrong Client Secret fails although a token is stored, and says what to fix', async () => {
	const result = await testWith({ clientSecret: 'typed-wrong-in-the-form' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^Ingram Micro refused the Client ID or Client Secret \(HTTP 401 from the token endpoint\)\. Copy both again/,
	);
	expect(result.message).not.toContain('typed-wrong-in-the-form');
	expect(env.sim.requests.map((r) => `${r.operationId}:${r.status}`)).toEqual([
		'get-accesstoken:401',
	]);
});

test('an unreachable host says it cannot reach Ingram Micro there', async () => {
	const result = await testWith({ customBaseUrl: 'http://127.0.0.1:1' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^Cannot reach Ingram Micro's token endpoint at http:\/\/127\.0\.0\.1:1: the connection was refused\. Check the Environment/,
	);
});

test('a customer number the app is not registered to says so', async () => {
	const result = await testWith({ customerNumber: '20-999999' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^The Client ID and Secret work, but Ingram Micro refused the request: usually the Customer Number/,
	);
});
