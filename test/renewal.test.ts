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

const SEARCH = 'post-renewalssearch';
const DETAILS = 'get-resellers-v6-renewalsdetails';
const searchRequests = () => sim.requests.filter((r) => r.operationId === SEARCH);
const renewalLocator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Copies of a seeded renewal under new IDs, so that the account has more than one page of 100. */
function growRenewals(total: number) {
	const base = sim.data.renewals[5];
	for (let i = sim.data.renewals.length; i < total; i++) {
		sim.data.renewals.push({ ...structuredClone(base), renewalId: String(9000000 + i) });
	}
}

describe('Renewal › Search', () => {
	test('filters go to the query and to the body (OpporutinyStatus, MM/dd/yyyy dates); only matching renewals come back', async () => {
		const expected = sim.data.renewals
			.filter(
				(r) =>
					r.opportunityStatus.value === 'Open' &&
					r.expirationDate >= '2025-06-01' &&
					r.expirationDate <= '2025-12-31',
			)
			.map((r) => Number(r.renewalId))
			.sort();
		expect(expected.length).toBeGreaterThan(1);

		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'search',
				returnAll: true,
				filters: {
					status: 'Open',
					expirationDateRange: { range: { from: '2025-06-01T00:00:00', to: '2025-12-31' } },
				},
				sort: { sortBy: 'renewalValue', direction: 'desc' },
			},
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.renewalId as number).sort()).toEqual(expected);
		const values = items.map((i) => i.json.renewalValue as number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		const [request] = searchRequests();
		expect(request.body).toEqual({
			status: { OpporutinyStatus: { value: 'Open' } },
			dateType: { expirationDate: { customStartDate: '06/01/2025', customEndDate: '12/31/2025' } },
		});
		expect(request.query).toEqual({ sort: 'renewalValue,desc', page: '1', size: '100' });
		expect(specViolations(sim)).toEqual([]);
	});

	test('basic search by customer order number, plus vendor, end user and sub-status in the body', async () => {
		const renewal = sim.data.renewals.find((r) => r.renewalId === SIM_FIXTURES.renewals.hp)!;
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'search',
				returnAll: false,
				limit: 10,
				filters: {
					customerOrderNumber: renewal.customerOrderNumber,
					vendor: 'hp',
					endUser: renewal.endUser,
					status: renewal.opportunityStatus.value,
					subStatus: renewal.opportunityStatus.subStatus,
				},
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.renewalId)).toContain(Number(renewal.renewalId));
		expect(items.every((i) => i.json.vendor === 'HP')).toBe(true);
		const [request] = searchRequests();
		expect(request.query).toMatchObject({ customerOrderNumber: renewal.customerOrderNumber });
		expect(request.body).toEqual({
			status: { OpporutinyStatus: renewal.opportunityStatus },
			vendor: 'hp',
			endUser: renewal.endUser,
		});
		expect(specViolations(sim)).toEqual([]);
	});

	test('Return All walks the pages with page/size sent as strings, each renewal once', async () => {
		growRenewals(230);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'renewal', operation: 'search', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(searchRequests().map((r) => [r.query.page, r.query.size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		const ids = items.map((i) => i.json.renewalId);
		expect(ids).toHaveLength(230);
		expect(new Set(ids).size).toBe(230);
		expect(specViolations(sim)).toEqual([]);
	});

	test('Limit asks for one page of that size', async () => {
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'renewal', operation: 'search', returnAll: false, limit: 7 },
		});
		expect(items).toHaveLength(7);
		expect(searchRequests().map((r) => r.query)).toEqual([{ page: '1', size: '7' }]);
	});

	test('a date range with only one end fails naming the field and the item, and nothing is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'search',
				returnAll: true,
				filters: { invoiceDateRange: { range: { from: '2025-01-01' } } },
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Invoice Date" needs both a From and a To date [item 0]');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('a reversed date range fails before anything is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'search',
				returnAll: true,
				filters: { startDateRange: { range: { from: '2025-03-01', to: '2025-02-01' } } },
			},
		});
		expect(error?.message).toBe(
			'"Start Date" starts after it ends (2025-03-01 > 2025-02-01) [item 0]',
		);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});
});

describe('Renewal › Get', () => {
	test('simplified: the renewal with its products, without address or attributes', async () => {
		const renewal = sim.data.renewals.find((r) => r.renewalId === SIM_FIXTURES.renewals.hp)!;
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'get',
				renewalId: renewalLocator(renewal.renewalId),
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json).toMatchObject({
			renewalId: renewal.renewalId,
			vendor: renewal.vendor,
			endUser: renewal.endUser,
			customerOrderNumber: renewal.customerOrderNumber,
			renewalValue: String(renewal.renewalValue),
		});
		expect(json.products).toEqual(
			renewal.products.map((p) => ({
				ingramPartNumber: p.ingramPartNumber,
				vendorPartNumber: p.vendorPartNumber,
				productDescription: p.productDescription,
				quantity: p.quantity,
				unitPrice: p.unitPrice,
			})),
		);
		expect(json.endUserInfo).toBeUndefined();
		expect(json.additionalAttributes).toBeUndefined();
		expect(sim.requests.find((r) => r.operationId === DETAILS)?.path).toBe(
			`/resellers/v6/renewals/${renewal.renewalId}`,
		);
		expect(specViolations(sim)).toEqual([]);
	});

	test('raw: the full record, serial numbers included', async () => {
		const renewal = sim.data.renewals.find((r) => r.renewalId === SIM_FIXTURES.renewals.vmware)!;
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'get',
				renewalId: renewalLocator(renewal.renewalId),
				simplify: false,
			},
		});
		expect(items[0].json.endUserInfo).toMatchObject({
			companyName: renewal.endUserInfo.companyName,
		});
		expect(items[0].json.additionalAttributes).toEqual([
			expect.objectContaining({
				attributeDescription: 'SerialNumber',
				attributeValue: renewal.serialNumbers[0],
			}),
		]);
	});

	test('an empty renewal ID fails naming the field and the item, and nothing is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'renewal', operation: 'get', renewalId: renewalLocator('  ') },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Renewal" is required [item 0]');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('continueOnFail: an unknown renewal becomes an error item paired with it; the next item is still read', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'renewal',
				operation: 'get',
				renewalId: renewalLocator('={{ $json.id }}'),
			},
			input: [
				{ json: { id: SIM_FIXTURES.renewals.unknown } },
				{ json: { id: SIM_FIXTURES.renewals.hp } },
			],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.httpCode).toBe('404');
		expect(String(items[0].json.error)).toContain(SIM_FIXTURES.renewals.unknown);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.renewalId).toBe(SIM_FIXTURES.renewals.hp);
		expect(sim.count({ operationId: DETAILS })).toBe(2);
	});
});
