import type { INodeParameters } from 'n8n-workflow';

import {
	loadPackage,
	runNode,
	type CredentialStore,
	type LoadedPackage,
	type NodeRunResult,
} from './harness';
import { catalogSkus, simCredentials } from './helpers';
import { SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());

/**
 * Everything a user can see of an execution — output items, error items, the error that stopped
 * the run, the run data n8n stores — must be free of the client secret and of every access token.
 */
test('no client secret or access token appears in any output, error item or stored run', async () => {
	const credentials: CredentialStore = simCredentials(sim);
	const secret = String(credentials.ingramMicroOAuth2Api.clientSecret);
	const runs: NodeRunResult[] = [];
	const run = async (parameters: INodeParameters, onError?: 'continueRegularOutput') =>
		runs.push(
			await runNode({
				pkg,
				credentials,
				parameters,
				onError,
				input: [{ json: { n: 1 } }, { json: { n: 2 } }],
			}),
		);

	// success, a 404, an expired token renewed mid-workflow, a create failing with 500, bad input
	await run({
		resource: 'product',
		operation: 'getPriceAndAvailability',
		identifyBy: 'ingramPartNumber',
		skus: catalogSkus(sim, 3).join(','),
	});
	await run(
		{
			resource: 'order',
			operation: 'get',
			orderNumber: { __rl: true, mode: 'id', value: SIM_FIXTURES.orders.unknown },
		},
		'continueRegularOutput',
	);
	sim.expireAllTokens();
	await run({ resource: 'order', operation: 'search', returnAll: false, limit: 3 });
	sim.setFault({ mode: 'status', status: 500, times: 5, operationId: 'post-createorder_v6' });
	await run(
		{
			resource: 'order',
			operation: 'create',
			customerOrderNumber: '={{ "PO-SECRET-" + $json.n }}',
			lines: { line: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 }] },
		},
		'continueRegularOutput',
	);
	await run({
		resource: 'order',
		operation: 'create',
		customerOrderNumber: '={{ "" }}',
		lines: { line: [] },
	});

	expect(sim.issuedTokens.length).toBeGreaterThanOrEqual(2);
	expect(runs.some((r) => r.error)).toBe(true);
	expect(runs.flatMap((r) => r.items).some((item) => item.json.error)).toBe(true);

	const visible = JSON.stringify(runs.map((r) => ({ items: r.items, error: r.error, run: r.run })));
	expect(visible).not.toContain(secret);
	for (const token of sim.issuedTokens) expect(visible).not.toContain(token);
});
