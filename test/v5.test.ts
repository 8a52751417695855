/**
 * Ingram's legacy Reseller API v5 as operations of the Ingram Micro node (API Version "Version 5 (Legacy)"),
 * run through n8n's execution engine against the XI simulator, which validates every v5 request
 * against Ingram's 2024-02 spec.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { loadPackage, runNode, type LoadedPackage } from './harness';
import { catalogSkus, simCredentials, specViolations, UNKNOWN_SKU } from './helpers';
import { SIM_DEFAULTS, SIM_FIXTURES, XiSimulator } from './simulator';
import { registerV5Account, V5_COUNTRY_CODE, V5_CUSTOMER_NUMBER } from './simulator/v5/routes';

let pkg: LoadedPackage;
let sim: XiSimulator;

const PA = 'MultiSKUPriceAndStock';
const CREATE = 'post-v5-orders-create';
const { orders, invoices, quotes, skus } = SIM_FIXTURES;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	// The credential's account must be the one the simulator's v5 routes are registered to.
	registerV5Account(sim.data, { customerNumber: SIM_DEFAULTS.customerNumber });
});

async function run(
	parameters: Record<string, unknown>,
	input?: INodeExecutionData[],
	onError?: 'continueRegularOutput',
) {
	return await runNode({
		pkg,
		credentials: simCredentials(sim),
		parameters: { apiVersion: 'v5', ...parameters },
		input,
		onError,
		typeVersion: 1.1,
	});
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- v5 bodies are deep, untyped JSON
type Json = any;

const v5Requests = () => sim.requests.filter((r) => r.path.startsWith('/resellers/v5/'));

test('the test account agrees with the v5 routes', () => {
	expect(SIM_DEFAULTS.customerNumber).toBe(V5_CUSTOMER_NUMBER);
	expect(SIM_DEFAULTS.countryCode).toBe(V5_COUNTRY_CODE);
});

const createParameters = (po: string, extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'create',
	customerOrderNumber: po,
	shipTo: {
		address: {
			addressline1: 'Ingram Micro',
			addressline2: '3351 Michelson Dr',
			city: 'Irvine',
			state: 'CA',
			postalcode: '92612',
			countrycode: 'US',
		},
	},
	lines: { line: [{ ingramPartNumber: skus.inStock, quantity: 2 }] },
	...extra,
});

describe('v5 requests', () => {
	afterEach(() => expect(specViolations(sim)).toEqual([]));

	test('carry no IM-* headers; identity in the body or the query', async () => {
		await run({ resource: 'product', operation: 'getPriceAndAvailability', skus: skus.inStock });
		await run({ resource: 'order', operation: 'get', orderNumber: orders.shipped });
		const [pa, get] = v5Requests();
		for (const request of [pa, get])
			expect(Object.keys(request.headers).filter((h) => h.startsWith('im-'))).toEqual([]);
		expect((pa.body as Json).servicerequest.requestpreamble).toEqual({
			customernumber: V5_CUSTOMER_NUMBER,
			isocountrycode: 'US',
		});
		expect(get.query).toMatchObject({ customernumber: V5_CUSTOMER_NUMBER, isocountrycode: 'US' });
	});
});

describe('Product (v5)', () => {
	afterEach(() => expect(specViolations(sim)).toEqual([]));

	test('Search finds a product by part number; nothing found is no items', async () => {
		const found = await run({ resource: 'product', operation: 'search', partNumber: skus.inStock });
		expect(found.error).toBeUndefined();
		expect(found.items).toHaveLength(1);
		expect(found.items[0].json.ingrampartnumber).toBe(skus.inStock);
		const none = await run({ resource: 'product', operation: 'search', partNumber: UNKNOWN_SKU });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});

	test('P&A: 120 SKUs as 120 items go in 3 requests; one item per SKU, in order, paired', async () => {
		const list = catalogSkus(sim, 120);
		const { items, error } = await run(
			{ resource: 'product', operation: 'getPriceAndAvailability', skus: '={{ $json.sku }}' },
			list.map((sku) => ({ json: { sku } })),
		);
		expect(error).toBeUndefined();
		const sizes = sim.requests
			.filter((r) => r.operationId === PA)
			.map((r) => (r.body as Json).servicerequest.priceandstockrequest.item.length);
		expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 20]);
		expect(items).toHaveLength(120);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.ingramPartNumber).toBe(list[index]);
			expect(item.json.found).toBe(true);
			expect(typeof item.json.customerPrice).toBe('number');
		});
	});

	test('P&A: an unknown SKU is an item with its own status, not a node error', async () => {
		const [a, b] = catalogSkus(sim, 2);
		const { items, error } = await run({
			resource: 'product',
			operation: 'getPriceAndAvailability',
			skus: `${a}, ${UNKNOWN_SKU}, ${b}`,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.ingramPartNumber)).toEqual([a, UNKNOWN_SKU, b]);
		expect(items[1].json).toMatchObject({
			found: false,
			message: expect.stringContaining(UNKNOWN_SKU),
		});
		expect(items[0].json.found).toBe(true);
	});

	test('P&A with only unknown SKUs (Ingram: FAILED "Data Not Found") still gives one item per SKU', async () => {
		const { items, error } = await run({
			resource: 'product',
			operation: 'getPriceAndAvailability',
			skus: UNKNOWN_SKU,
			simplify: false,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ itemstatus: 'FAILED', ingrampartnumber: UNKNOWN_SKU });
	});

	test('P&A: an empty SKU and an object from an expression are refused by name and item, nothing sent', async () => {
		const empty = await run(
			{ resource: 'product', operation: 'getPriceAndAvailability', skus: '={{ $json.sku }}' },
			[{ json: { sku: skus.inStock } }, { json: { sku: '' } }],
		);
		expect(empty.error?.name).toBe('NodeOperationError');
		expect(empty.error?.message).toBe('"SKUs" is empty [item 1]');
		const object = await run(
			{ resource: 'product', operation: 'getPriceAndAvailability', skus: '={{ $json.sku }}' },
			[{ json: { sku: { id: 1 } } }],
		);
		expect(object.error?.name).toBe('NodeOperationError');
		expect(object.error?.message).toMatch(/"SKUs" must be text, but it is an object .*\[item 0\]/);
		expect(v5Requests()).toEqual([]);
	});
});

describe('Order (v5)', () => {
	afterEach(() => expect(specViolations(sim)).toEqual([]));

	test('Create places an order and returns its numbers', async () => {
		const { items, error } = await run(createParameters('PO-V5-1'));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const created = items[0].json as Json;
		expect(created.message).toBe('Order Created');
		expect(created.ordersummary.customerponumber).toBe('PO-V5-1');
		expect(created.ordercreateresponse[0].globalorderid).toMatch(/^20-/);
		expect(sim.count({ operationId: CREATE })).toBe(1);
	});

	test("Create refused with HTTP 200 FAILED (duplicate PO) is a NodeApiError with Ingram's message and what to do", async () => {
		const { error } = await run(createParameters(orders.shippedCustomerOrderNumber));
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/Duplicate customer PO number/);
		expect(error?.httpCode).toBe('400');
		expect(String(error?.description)).toMatch(/HTTP 200 with status FAILED/);
		expect(String(error?.description)).toMatch(/Allow Duplicate Customer Order Number/);
	});

	test('Create answered 500 is sent exactly once', async () => {
		sim.setFault({ mode: 'status', status: 500, times: 3, operationId: CREATE });
		const { error } = await run(createParameters('PO-V5-500'));
		expect(sim.count({ operationId: CREATE })).toBe(1);
		expect(error?.httpCode).toBe('500');
		expect(String(error?.description)).toMatch(/sent only once and not retried/);
	});

	test('Create with a line without part number is refused before sending', async () => {
		const { error } = await run(
			createParameters('PO-V5-BAD', { lines: { line: [{ ingramPartNumber: '', quantity: 1 }] } }),
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/"Lines › Line 1 › Ingram Part Number" is empty.*\[item 0\]/);
		expect(v5Requests()).toEqual([]);
	});

	test('Search: Limit, and Return All over pages of 100', async () => {
		const limited = await run({ resource: 'order', operation: 'search', limit: 7 });
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(7);
		expect(v5Requests()[0].query).toMatchObject({ pagesize: '7', pagenumber: '1' });

		sim.clearRequests();
		const all = await run({ resource: 'order', operation: 'search', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(SIM_FIXTURES.counts.orders);
		expect(v5Requests().map((r) => r.query.pagenumber)).toEqual(['1', '2']);
		expect(v5Requests().every((r) => r.query.pagesize === '100')).toBe(true);
	});

	test('Search with no match is no items', async () => {
		const { items, error } = await run({
			resource: 'order',
			operation: 'search',
			filters: { customerOrderNumber: 'NO-SUCH-PO' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('Get returns the order, simplified; an unknown order is a NodeApiError, or an error item', async () => {
		const { items, error } = await run({
			resource: 'order',
			operation: 'get',
			orderNumber: orders.shipped,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			ordernumber: orders.shipped,
			customerordernumber: orders.shippedCustomerOrderNumber,
		});
		expect(Array.isArray(items[0].json.lines)).toBe(true);

		const unknown = await run({ resource: 'order', operation: 'get', orderNumber: orders.unknown });
		expect(unknown.error?.name).toBe('NodeApiError');
		expect(unknown.error?.message).toMatch(/Order number not found/);

		const continued = await run(
			{ resource: 'order', operation: 'get', orderNumber: orders.unknown },
			undefined,
			'continueRegularOutput',
		);
		expect(continued.error).toBeUndefined();
		expect(continued.items[0].json.error).toMatch(/Order number not found/);
	});

	test('Get with an empty order number is refused by name and item, nothing sent', async () => {
		const { error } = await run(
			{ resource: 'order', operation: 'get', orderNumber: '={{ $json.n }}' },
			[{ json: { n: orders.shipped } }, { json: { n: '' } }],
		);
		expect(error?.message).toBe('"Order Number" is required [item 1]');
		expect(v5Requests()).toEqual([]);
	});

	test("Cancel cancels an order on hold; cancelling it again is Ingram's FAILED as a NodeApiError", async () => {
		const order = sim.data.orders.find((o) => o.ingramOrderNumber === orders.onHold)!;
		const parameters = {
			resource: 'order',
			operation: 'cancel',
			orderNumber: orders.onHold,
			entryDate: order.ingramOrderDate.slice(0, 10),
		};
		const { items, error } = await run(parameters);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			orderNumber: orders.onHold,
			cancelled: true,
			message: 'Order Deleted Successfully',
		});
		const again = await run(parameters);
		expect(again.error?.name).toBe('NodeApiError');
		expect(again.error?.message).toMatch(/already cancelled/);
		expect(String(again.error?.description)).toMatch(/status FAILED \(code 99\)/);
	});
});

describe('Quote and Invoice (v5)', () => {
	afterEach(() => expect(specViolations(sim)).toEqual([]));

	test('Quote › Search with Limit', async () => {
		const { items, error } = await run({ resource: 'quote', operation: 'search', limit: 5 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items[0].json.quoteNumber).toEqual(expect.any(String));
	});

	test('Quote › Search: a Quote Number longer than Ingram allows is refused by name, nothing sent', async () => {
		const { error } = await run({
			resource: 'quote',
			operation: 'search',
			filters: { quoteNumber: 'x'.repeat(101) },
		});
		// too long for Ingram's schema: refused before sending
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/"Filters › Quote Number" is 101 characters long/);
		expect(v5Requests()).toEqual([]);
	});

	test('Quote › Get, and an unknown quote is a NodeApiError', async () => {
		const { items, error } = await run({
			resource: 'quote',
			operation: 'get',
			quoteNumber: quotes.details,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.quoteNumber).toBe(quotes.details);
		expect(Array.isArray(items[0].json.products)).toBe(true);
		const unknown = await run({ resource: 'quote', operation: 'get', quoteNumber: quotes.unknown });
		expect(unknown.error?.name).toBe('NodeApiError');
		expect(unknown.error?.message).toMatch(/Quote Not Found/);
		expect(String(unknown.error?.description)).toMatch(/status Failed/);
	});

	test('Invoice › Get, and an unknown invoice is a NodeApiError', async () => {
		const { items, error } = await run({
			resource: 'invoice',
			operation: 'get',
			invoiceNumber: invoices.shipped,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.globalorderid).toBe(invoices.shipped);
		const unknown = await run({
			resource: 'invoice',
			operation: 'get',
			invoiceNumber: invoices.unknown,
		});
		expect(unknown.error?.name).toBe('NodeApiError');
		expect(unknown.error?.message).toMatch(/Invoice Not Found/);
	});

	// Each operation has its own FAILED envelope (serviceresponse / quoteSearchResponse /
	// quoteDetailResponse, statuscode / returncode / statusCode): every one must become an error.
	const everyOperation: Array<[string, () => Record<string, unknown>]> = [
		[
			'Product › Search',
			() => ({ resource: 'product', operation: 'search', partNumber: skus.inStock }),
		],
		['Order › Create', () => createParameters('PO-V5-COUNTRY')],
		['Order › Search', () => ({ resource: 'order', operation: 'search', limit: 5 })],
		['Order › Get', () => ({ resource: 'order', operation: 'get', orderNumber: orders.shipped })],
		[
			'Order › Cancel',
			() => ({
				resource: 'order',
				operation: 'cancel',
				orderNumber: orders.onHold,
				entryDate: sim.data.orders
					.find((o) => o.ingramOrderNumber === orders.onHold)!
					.ingramOrderDate.slice(0, 10),
			}),
		],
		['Quote › Search', () => ({ resource: 'quote', operation: 'search', limit: 5 })],
		['Quote › Get', () => ({ resource: 'quote', operation: 'get', quoteNumber: quotes.details })],
		[
			'Invoice › Get',
			() => ({ resource: 'invoice', operation: 'get', invoiceNumber: invoices.shipped }),
		],
	];

	test.each(everyOperation)(
		"a credential country the account does not have: %s reports Ingram's Customer Not Found as a NodeApiError",
		async (_name, parameters) => {
			registerV5Account(sim.data, { isoCountryCode: 'CA' });
			const { error, items } = await run(parameters());
			expect(items).toEqual([]);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toMatch(/Customer Not Found/i);
			expect(String(error?.description)).toMatch(/answered HTTP 200 with status FAILED/i);
			expect(v5Requests()).toHaveLength(1);
		},
	);

	test('a credential country the account does not have: P&A (Ingram refuses it on every line) is one NodeApiError about the credential, not "not found" SKUs', async () => {
		registerV5Account(sim.data, { isoCountryCode: 'CA' });
		const [a, b] = catalogSkus(sim, 2);
		const { error, items } = await run({
			resource: 'product',
			operation: 'getPriceAndAvailability',
			skus: `${a}, ${b}`,
		});
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/E-INVALID CUSTOMER NUMBER/);
		expect(String(error?.description)).toMatch(
			/Customer Number and Country Code of the Ingram Micro credential/,
		);
		expect(String(error?.description)).toMatch(new RegExp(`priced 2 SKUs \\(${a}, ${b}\\)`));
	});
});

describe('retries (v5)', () => {
	afterEach(() => expect(specViolations(sim)).toEqual([]));

	test('a read answered 503 is asked again and succeeds', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 1, operationId: PA });
		const { items, error } = await run({
			resource: 'product',
			operation: 'getPriceAndAvailability',
			skus: skus.inStock,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.found).toBe(true);
		expect(sim.requests.filter((r) => r.operationId === PA).map((r) => r.status)).toEqual([
			503, 200,
		]);
	});

	test('a read answered 429 with X-RateLimit-Reset waits, then succeeds', async () => {
		sim.setFault({
			mode: 'rateLimit',
			times: 1,
			resetSeconds: 1,
			operationId: 'get-v5-orders-details',
		});
		const { items, error } = await run({
			resource: 'order',
			operation: 'get',
			orderNumber: orders.shipped,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(
			sim.requests.filter((r) => r.operationId === 'get-v5-orders-details').map((r) => r.status),
		).toEqual([429, 200]);
	});

	test('a Cancel answered 503 is sent once, not retried', async () => {
		sim.setFault({
			mode: 'status',
			status: 503,
			times: 3,
			operationId: 'delete-orders-orderNumber',
		});
		const order = sim.data.orders.find((o) => o.ingramOrderNumber === orders.onHold)!;
		const { error } = await run({
			resource: 'order',
			operation: 'cancel',
			orderNumber: orders.onHold,
			entryDate: order.ingramOrderDate.slice(0, 10),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('503');
		expect(sim.count({ operationId: 'delete-orders-orderNumber' })).toBe(1);
	});
});

describe('v6 workflows', () => {
	test('a node saved without API Version still runs the v6 operation', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'getPriceAndAvailability', skus: skus.inStock },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(1);
		expect(v5Requests()).toEqual([]);
	});

	test('an Order › Create node of version 1 (no operation, no API Version saved) stays a v6 create', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'order',
				customerOrderNumber: 'PO-V6-V1',
				lines: { line: [{ ingramPartNumber: skus.inStock, quantity: 1 }] },
			},
			typeVersion: 1,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ operationId: 'post-createorder_v6' })).toBe(1);
		expect(v5Requests()).toEqual([]);
	});

	test('the v5 Resource list offers only the four v5 resources', () => {
		const description = pkg.nodeTypes.getByNameAndVersion(
			`${pkg.packageName}.ingramMicro`,
			1.1,
		).description;
		const resourceLists = description.properties.filter((p) => p.name === 'resource');
		const v5 = resourceLists.find((p) => p.displayOptions?.show?.apiVersion?.[0] === 'v5');
		expect((v5?.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
			'invoice',
			'order',
			'product',
			'quote',
		]);
		expect(description.properties[0].name).toBe('apiVersion');
		expect(description.properties[0].default).toBe('v6');
	});
});
