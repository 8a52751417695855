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

const SEARCH = 'get-resellers-v6-invoicesearch';
const DETAILS = 'get-invoicedetails-v6.1';
const { invoices: INVOICES, orders: ORDERS } = SIM_FIXTURES;

const apiCalls = () => sim.count({ path: /^\/resellers\// });
const requestsTo = (operationId: string) =>
	sim.requests.filter((r) => r.operationId === operationId);
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Grows the account to `total` invoices (copies of seeded ones, new numbers) so that paging has pages to walk. */
function seedInvoices(total: number) {
	const seeded = sim.data.invoices;
	const original = seeded.length;
	for (let i = original; i < total; i++) {
		seeded.push({
			...seeded[i % original],
			invoiceNumber: `${seeded[i % original].ingramOrderNumber}-${String(i).padStart(3, '0')}`,
		});
	}
}

describe('Invoice › Search', () => {
	test('filters and sort reach Ingram as the spec’s parameters, with IM-ApplicationID', async () => {
		const all = sim.data.invoices.map((i) => i.invoiceDate).sort();
		const from = all[10];
		const to = all[60];
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'search',
				returnAll: true,
				filters: {
					invoiceDateRange: { range: { from: `${from}T00:00:00`, to: `${to}T00:00:00` } },
					invoiceType: 'Invoice',
				},
				sort: { sortBy: 'InvoiceDate', direction: 'asc' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(SEARCH);
		expect(request.headers['im-applicationid']).toBe('n8n');
		expect(request.query).toMatchObject({
			invoiceFromDate: from,
			invoiceToDate: to,
			invoiceType: 'Invoice',
			orderby: 'InvoiceDate',
			direction: 'asc',
			pageNumber: '1',
			pageSize: '100',
		});
		expect(specViolations(sim)).toEqual([]);

		const expected = sim.data.invoices.filter(
			(i) => i.invoiceDate >= from && i.invoiceDate <= to,
		).length;
		expect(items).toHaveLength(expected);
		const dates = items.map((i) => String(i.json.invoiceDate));
		expect(dates).toEqual([...dates].sort());
		expect(dates[0] >= from && dates[dates.length - 1] <= to).toBe(true);
	});

	test('an invoice number finds exactly that invoice', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'search',
				returnAll: false,
				limit: 10,
				filters: { invoiceNumber: INVOICES.shipped },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.invoiceNumber)).toEqual([INVOICES.shipped]);
		expect(items[0].json.customerOrderNumber).toBe(ORDERS.shippedCustomerOrderNumber);
		expect(requestsTo(SEARCH)[0].query.pageSize).toBe('10');
	});

	test('Return All walks every page; a Limit stops after the pages it needs', async () => {
		seedInvoices(230);
		const all = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'invoice', operation: 'search', returnAll: true },
		});
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(230);
		expect(new Set(all.items.map((i) => i.json.invoiceNumber)).size).toBe(230);
		expect(requestsTo(SEARCH).map((r) => r.query.pageNumber)).toEqual(['1', '2', '3']);

		sim.clearRequests();
		const limited = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'invoice', operation: 'search', returnAll: false, limit: 150 },
		});
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(150);
		expect(sim.count({ operationId: SEARCH })).toBe(2);
		expect(specViolations(sim)).toEqual([]);
	});

	test.each([
		[
			'a From date after the To date',
			{ orderDateRange: { range: { from: '2025-06-01T00:00:00', to: '2025-05-01T00:00:00' } } },
			'"Order Date" starts after it ends (2025-06-01 > 2025-05-01) [item 0]',
		],
		[
			'an invoice number over 11 characters',
			{ invoiceNumber: '20-RD3QV-11-X' },
			'"Invoice Number" is 13 characters long; at most 11 are allowed [item 0]',
		],
		[
			'a date that is not a date',
			{ invoiceDateRange: { range: { from: 'last tuesday', to: '2025-01-01' } } },
			'"Invoice Date From" is not a valid date (got "last tuesday") [item 0]',
		],
	])('bad input (%s) fails before sending', async (_case, filters, message) => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'invoice', operation: 'search', returnAll: true, filters },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(apiCalls()).toBe(0);
	});
});

describe('Invoice › Get', () => {
	test('simplified: header, payment terms, totals and priced lines with serial numbers, via v6.1 with IM-ApplicationID', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'get',
				invoiceNumber: locator(INVOICES.shipped),
				options: { includeSerialNumbers: true, customerType: 'invoice' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(DETAILS);
		expect(request.path).toBe(`/resellers/v6.1/invoices/${INVOICES.shipped}`);
		expect(request.headers['im-applicationid']).toBe('n8n');
		expect(request.query).toEqual({ includeSerialNumbers: 'true', customerType: 'invoice' });
		expect(specViolations(sim)).toEqual([]);

		const invoice = items[0].json;
		const order = sim.data.orders.find((o) => o.ingramOrderNumber === ORDERS.shipped)!;
		expect(invoice).toMatchObject({
			invoiceNumber: INVOICES.shipped,
			customerOrderNumber: ORDERS.shippedCustomerOrderNumber,
		});
		expect(invoice.totals).toEqual(
			expect.objectContaining({
				invoicedAmountDue: expect.any(Number),
				freightAmount: order.freightCharges,
			}),
		);
		expect(invoice.billToInfo).toBeUndefined();
		expect(invoice.fxRateInfo).toBeUndefined();
		const lines = invoice.lines as Array<Record<string, unknown>>;
		expect(lines.map((l) => l.ingramPartNumber)).toEqual(
			order.lines.map((l) => l.ingramPartNumber),
		);
		expect(lines[0].serialNumbers).toEqual(
			order.lines[0].serialNumbers.map((serialNumber) => ({ serialNumber })),
		);
		expect(lines[0].taxRate).toBeUndefined();
	});

	test('Simplify off returns Ingram’s full invoice (addresses, summary)', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'get',
				invoiceNumber: locator(INVOICES.shipped),
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.billToInfo).toEqual(
			expect.objectContaining({ companyName: expect.any(String) }),
		);
		expect(items[0].json.summary).toEqual(expect.objectContaining({ totals: expect.any(Object) }));
		expect(requestsTo(DETAILS)[0].query).toEqual({});
	});

	test('an invoice number over 12 characters fails before sending', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'get',
				invoiceNumber: locator('20-RD3QV-11-XYZ'),
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'"Invoice Number" is 15 characters long; at most 12 are allowed [item 0]',
		);
		expect(apiCalls()).toBe(0);
	});

	test('continueOnFail: an unknown invoice becomes an error item paired with its input', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'invoice',
				operation: 'get',
				invoiceNumber: locator('={{ $json.invoice }}'),
			},
			input: [{ json: { invoice: INVOICES.unknown } }, { json: { invoice: INVOICES.shipped } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.httpCode).toBe('404');
		expect(String(items[0].json.error)).toContain(INVOICES.unknown);
		expect(items[1]).toMatchObject({
			json: { invoiceNumber: INVOICES.shipped },
			pairedItem: { item: 1 },
		});
	});
});
