import { loadPackage, runNode, type LoadedPackage } from './harness';
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

const SEARCH = 'get-resellers-v6-dealssearch';
const DETAILS = 'get-resellers-v6-dealsdetails';
const searchRequests = () => sim.requests.filter((r) => r.operationId === SEARCH);
const dealLocator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Copies of a seeded deal under new IDs, so that the account has more than one page of 100. */
function growDeals(total: number) {
	const base = sim.data.deals[3];
	for (let i = sim.data.deals.length; i < total; i++) {
		sim.data.deals.push({ ...structuredClone(base), dealId: String(70000000 + i) });
	}
}

describe('Deal › Search', () => {
	test('filters become query parameters; only that vendor’s deals come back', async () => {
		const expected = sim.data.deals.filter((d) => d.vendor === 'Cisco').map((d) => d.dealId);
		expect(expected.length).toBeGreaterThan(1);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'search',
				returnAll: true,
				filters: { vendor: 'Cisco' },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.dealId).sort()).toEqual([...expected].sort());
		expect(searchRequests()[0].query).toEqual({ vendor: 'Cisco', Page: '1', Size: '100' });
		expect(specViolations(sim)).toEqual([]);
	});

	test('deal ID and end user filters narrow to the one deal', async () => {
		const deal = sim.data.deals.find((d) => d.dealId === SIM_FIXTURES.deals.cisco)!;
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'search',
				returnAll: false,
				limit: 10,
				filters: { dealId: deal.dealId, endUser: deal.endUser },
			},
		});
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ dealId: deal.dealId, vendor: 'Cisco', endUser: deal.endUser }),
		]);
		expect(searchRequests()[0].query).toMatchObject({ dealId: deal.dealId, endUser: deal.endUser });
	});

	test('Return All walks the pages with capitalised Page/Size', async () => {
		growDeals(230);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'deal', operation: 'search', returnAll: true },
		});
		expect(error).toBeUndefined();
		const pages = searchRequests();
		expect(pages.map((r) => [r.query.Page, r.query.Size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(pages.every((r) => r.query.page === undefined && r.query.size === undefined)).toBe(true);
		const ids = items.map((i) => i.json.dealId);
		expect(ids).toHaveLength(230);
		expect(new Set(ids).size).toBe(230);
		expect(specViolations(sim)).toEqual([]);
	});

	test('Limit asks for one page of that size', async () => {
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'deal', operation: 'search', returnAll: false, limit: 4 },
		});
		expect(items).toHaveLength(4);
		expect(searchRequests().map((r) => r.query)).toEqual([{ Page: '1', Size: '4' }]);
	});
});

describe('Deal › Get', () => {
	test('sends IM-ApplicationId and vendorName; simplified output keeps the approved products', async () => {
		const deal = sim.data.deals.find((d) => d.dealId === SIM_FIXTURES.deals.cisco)!;
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'get',
				dealId: dealLocator(deal.dealId),
				vendorName: SIM_FIXTURES.deals.ciscoVendorName,
			},
		});
		expect(error).toBeUndefined();
		const request = sim.requests.find((r) => r.operationId === DETAILS)!;
		expect(request.path).toBe(`/resellers/v6/deals/${deal.dealId}`);
		expect(request.query).toEqual({ vendorName: 'Cisco' });
		expect(request.headers['im-applicationid']).toBe('n8n');
		expect(specViolations(sim)).toEqual([]);

		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json).toMatchObject({
			dealId: deal.dealId,
			vendor: 'Cisco',
			endUser: deal.endUser,
			currencyCode: 'USD',
		});
		expect(json.endUserInfo).toBeUndefined();
		expect(json.products).toEqual(
			deal.products.map((p) =>
				expect.objectContaining({
					ingramPartNumber: p.ingramPartNumber,
					approvedQuantity: p.approvedQuantity,
					remainingQuantity: p.remainingQuantity,
				}),
			),
		);
		expect((json.products as Array<Record<string, unknown>>)[0].comments).toBeUndefined();
	});

	test('a deal ID with a space is sent encoded and found', async () => {
		sim.data.deals.push({ ...structuredClone(sim.data.deals[1]), dealId: 'TEST-RESEU DISC' });
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'get',
				dealId: dealLocator('TEST-RESEU DISC'),
				vendorName: sim.data.deals[1].vendor,
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.dealId).toBe('TEST-RESEU DISC');
		expect(items[0].json.endUserInfo).toBeDefined();
	});

	test('the deal under another vendor is a 404 NodeApiError naming the deal', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'get',
				dealId: dealLocator(SIM_FIXTURES.deals.cisco),
				vendorName: 'HP',
			},
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(String(error?.message)).toContain(SIM_FIXTURES.deals.cisco);
		expect(sim.count({ operationId: DETAILS })).toBe(1);
	});

	test('a Vendor Name that comes out empty fails naming the field and the item, and nothing is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'get',
				dealId: dealLocator(SIM_FIXTURES.deals.cisco),
				vendorName: '={{ $json.vendor }}',
			},
			input: [{ json: { vendor: '  ' } }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Vendor Name" is required [item 0]');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('continueOnFail: a bad item becomes an error item paired with it; the next item is still read', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'deal',
				operation: 'get',
				dealId: dealLocator('={{ $json.dealId }}'),
				vendorName: 'Cisco',
			},
			input: [{ json: { dealId: '' } }, { json: { dealId: SIM_FIXTURES.deals.cisco } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({
			json: { error: '"Deal" is required [item 0]' },
			pairedItem: { item: 0 },
		});
		expect(items[1].json.dealId).toBe(SIM_FIXTURES.deals.cisco);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(sim.count({ operationId: DETAILS })).toBe(1);
	});
});
