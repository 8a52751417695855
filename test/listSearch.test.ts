import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext, loadPackage, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

/** Calls a "From List" method the way the editor does while the user types and scrolls. */
async function listSearch(method: string, filter?: string, paginationToken?: string, credentials = simCredentials(sim)) {
	const { context, nodeType } = loadOptionsContext(pkg, { resource: 'order', operation: 'get' }, credentials);
	const search = nodeType.methods!.listSearch![method];
	return (await search.call(context as unknown as ILoadOptionsFunctions, filter, paginationToken)) as INodeListSearchResult;
}

describe('From List: orders', () => {
	test('pages through the account’s orders, 25 at a time, as the user scrolls', async () => {
		const first = await listSearch('searchOrders');
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0].name).toContain(String(first.results[0].value));

		const seen = new Set(first.results.map((r) => r.value));
		let token = first.paginationToken;
		while (token) {
			const page = await listSearch('searchOrders', undefined, token);
			page.results.forEach((r) => seen.add(r.value));
			token = page.paginationToken;
		}
		expect(seen.size).toBe(SIM_FIXTURES.counts.orders);
		expect(specViolations(sim)).toEqual([]);
	});

	test('typing an Ingram order number or a PO number narrows the list', async () => {
		const byNumber = await listSearch('searchOrders', SIM_FIXTURES.orders.shipped);
		expect(byNumber.results.map((r) => r.value)).toEqual([SIM_FIXTURES.orders.shipped]);
		expect(sim.requests.at(-1)?.query.ingramOrderNumber).toBe(SIM_FIXTURES.orders.shipped);

		const byPo = await listSearch('searchOrders', SIM_FIXTURES.orders.shippedCustomerOrderNumber);
		expect(byPo.results.map((r) => r.value)).toContain(SIM_FIXTURES.orders.shipped);
		expect(sim.requests.at(-1)?.query.customerOrderNumber).toBe(SIM_FIXTURES.orders.shippedCustomerOrderNumber);
	});

	test('nothing found is an empty list, not an error', async () => {
		await expect(listSearch('searchOrders', 'NO-SUCH-PO-42')).resolves.toEqual({ results: [], paginationToken: undefined });
	});
});

describe('From List: quotes', () => {
	test('lists quotes with number, name and status; sends the customer contact Ingram requires', async () => {
		const page = await listSearch('searchQuotes');
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((r) => String(r.value).startsWith('QUO-'))).toBe(true);
		expect(sim.requests.at(-1)?.headers['im-customercontact']).toBeTruthy();
		expect(specViolations(sim)).toEqual([]);
	});

	test('without a Customer Contact Email in the credential, the list says what is missing', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.customerContact = '';
		await expect(listSearch('searchQuotes', undefined, undefined, credentials)).rejects.toThrow(/Customer Contact Email/);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});
});
