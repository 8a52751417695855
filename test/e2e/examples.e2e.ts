/**
 * The package installed into a real n8n the community way, and every example workflow that starts
 * by hand run with `n8n execute --id`: the items each node put out are checked, and the simulator
 * (which validates every request against Ingram's spec) shows what was sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { specViolations } from '../helpers';
import { SIM_FIXTURES } from '../simulator';
import { exampleWorkflows, prepareN8n, type PreparedN8n } from './environment';
import { PACKAGE_NAME } from './n8n';

let env: PreparedN8n;

beforeAll(async () => {
	env = await prepareN8n();
});

afterAll(async () => {
	await env?.dispose();
});

const operations = () => env.sim.requests.map((r) => r.operationId);

describe('installed like n8n installs community packages', () => {
	test('the package sits in <user folder>/.n8n/nodes/node_modules with only runtime fields, listed in nodes/package.json', () => {
		const nodesDir = join(env.userFolder, '.n8n', 'nodes');
		const installed = JSON.parse(
			readFileSync(join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
		);
		expect(installed.name).toBe(PACKAGE_NAME);
		expect(installed.devDependencies).toBeUndefined();
		// the CDF transport's two libraries are installed with the package, as n8n does
		expect(Object.keys(installed.dependencies).sort()).toEqual(['basic-ftp', 'ssh2']);
		for (const dependency of ['basic-ftp', 'ssh2']) {
			expect(
				existsSync(join(nodesDir, 'node_modules', PACKAGE_NAME, 'node_modules', dependency)),
			).toBe(true);
		}
		expect(installed.peerDependencies).toBeUndefined();
		expect(installed.n8n.nodes).toEqual([
			'dist/nodes/IngramContent/IngramContent.node.js',
			'dist/nodes/IngramContentTrigger/IngramContentTrigger.node.js',
			'dist/nodes/IngramMicro/IngramMicro.node.js',
			'dist/nodes/IngramMicroTrigger/IngramMicroTrigger.node.js',
		]);
		for (const file of [...installed.n8n.nodes, ...installed.n8n.credentials]) {
			expect(existsSync(join(nodesDir, 'node_modules', PACKAGE_NAME, file))).toBe(true);
		}
		const list = JSON.parse(readFileSync(join(nodesDir, 'package.json'), 'utf8'));
		expect(list.dependencies).toEqual({ [PACKAGE_NAME]: installed.version });
	});

	test('every example uses the production node types n8n-nodes-ingram.*', () => {
		const types = exampleWorkflows().flatMap((w) => w.nodes.map((n) => n.type));
		expect(types.filter((t) => t.includes('ingram'))).not.toHaveLength(0);
		for (const type of types) expect(type).toMatch(/^(n8n-nodes-base|n8n-nodes-ingram)\./);
	});
});

describe('example workflows run with n8n execute --id', () => {
	test('price and availability: four SKUs as four items, one output item per SKU with its own status, one request', async () => {
		const run = await env.n8n.execute('ingramMicroPandA');
		expect(run.error).toBeUndefined();
		const priced = run.items('Get price and availability');
		expect(priced.map((i) => i.ingramPartNumber)).toEqual(['123512', 'DF4128', '4A0036', 'ZZ9999']);
		expect(priced[0]).toMatchObject({
			found: true,
			vendorName: 'Cisco',
			available: true,
			currencyCode: 'USD',
		});
		expect(priced[0].customerPrice).toEqual(expect.any(Number));
		expect(priced[1]).toMatchObject({
			found: true,
			ingramPartNumber: SIM_FIXTURES.skus.backordered,
			available: false,
		});
		// the unknown SKU is an item of its own, not a failed run
		expect(priced[3]).toMatchObject({ found: false, message: expect.stringMatching(/not found/i) });
		expect(operations().filter((o) => o === 'post-priceandavailability')).toHaveLength(1);
	});

	test('create an order, then get it: the order Ingram created is the one read back', async () => {
		env.sim.requests.length = 0;
		const run = await env.n8n.execute('ingramMicroOrder');
		expect(run.error).toBeUndefined();
		const [created] = run.items('Create order');
		expect(created).toMatchObject({ status: 'accepted' });
		expect(created.ingramOrderNumber).toMatch(/^20-[A-Z0-9]{5}$/);
		expect(created.customerOrderNumber).toMatch(/^N8N-\d{12}$/);
		const [order] = run.items('Get order');
		expect(order).toMatchObject({
			ingramOrderNumber: created.ingramOrderNumber,
			customerOrderNumber: created.customerOrderNumber,
		});
		expect(
			(order.lines as Array<Record<string, unknown>>).map((l) => [
				l.ingramPartNumber,
				l.quantityOrdered,
			]),
		).toEqual([['123512', 2]]);
		expect(operations().filter((o) => o !== 'get-accesstoken')).toEqual([
			'post-createorder_v6',
			'get-orderdetails-v6.1',
		]);
		// the token fetched by the first `n8n execute` was stored in n8n's database and reused
		expect(operations()).not.toContain('get-accesstoken');
	});

	test('order search with Return All: every order of the account, each once, over several pages', async () => {
		env.sim.requests.length = 0;
		const run = await env.n8n.execute('ingramMicroSrch1');
		expect(run.error).toBeUndefined();
		const orders = run.items('Search all orders');
		const expected = env.sim.data.orders.length;
		expect(expected).toBeGreaterThanOrEqual(SIM_FIXTURES.counts.orders);
		expect(orders).toHaveLength(expected);
		expect(new Set(orders.map((o) => o.ingramOrderNumber)).size).toBe(expected);
		expect(operations().filter((o) => o === 'get-resellers-v6-ordersearch').length).toBeGreaterThan(
			1,
		);
	});

	test("the v5 (legacy API) example: three SKUs priced, one of them unknown; the three latest orders read back in full; every request as Ingram's 2024-02 file says", async () => {
		env.sim.requests.length = 0;
		const run = await env.n8n.execute('ingramMicroV5Leg');
		expect(run.error).toBeUndefined();
		const priced = run.items('Price and availability (v5)');
		expect(priced.map((i) => i.ingramPartNumber)).toEqual(['123512', 'DF4128', 'ZZ9999']);
		expect(priced[0]).toMatchObject({ found: true, customerPrice: expect.any(Number) });
		expect(priced[2]).toMatchObject({ found: false, message: expect.stringMatching(/not found/i) });
		const latest = run.items('Latest orders (v5)');
		expect(latest).toHaveLength(3);
		const details = run.items('Order details (v5)');
		expect(details.map((o) => o.ordernumber)).toEqual(latest.map((o) => o.ordernumber));
		expect(details[0].lines).toEqual(expect.any(Array));
		const v5 = env.sim.requests.filter((r) => r.path.startsWith('/resellers/v5/'));
		expect(v5.map((r) => r.operationId).sort()).toEqual([
			'MultiSKUPriceAndStock',
			'get-orders-search',
			'get-v5-orders-details',
			'get-v5-orders-details',
			'get-v5-orders-details',
		]);
		// v5 names the account in the body or query, never in IM-* headers
		for (const request of v5)
			expect(Object.keys(request.headers).filter((h) => h.startsWith('im-'))).toEqual([]);
		expect(specViolations(env.sim)).toEqual([]);
	});
});
