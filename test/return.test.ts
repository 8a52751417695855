import { loadPackage, runNode, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_DEFAULTS, SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const SEARCH = 'get-resellers-v6-returnssearch';
const DETAILS = 'get-resellers-v6-returnsdetails';
const CREATE = 'post-returnscreate';
const { returns: RETURNS, invoices: INVOICES, orders: ORDERS } = SIM_FIXTURES;

const apiCalls = () => sim.count({ path: /^\/resellers\// });
const requestsTo = (operationId: string) =>
	sim.requests.filter((r) => r.operationId === operationId);
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Grows the account to `total` returns (copies with new case numbers) so that paging has pages to walk. */
function seedReturns(total: number) {
	const seeded = sim.data.returns;
	const original = seeded.length;
	for (let i = original; i < total; i++) {
		seeded.push({
			...structuredClone(seeded[i % original]),
			caseRequestNumber: `CAS-${70000 + i}-P1G2X3-0`,
		});
	}
}

describe('Return › Search', () => {
	test('status lists and date ranges go as comma-separated strings; the matching returns come back', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'search',
				returnAll: true,
				filters: {
					returnStatus: ['Open', 'Partially Approved'],
					createdOn: { range: { from: '2025-01-01T00:00:00', to: '2025-06-30T00:00:00' } },
				},
				sort: { sortBy: 'createdOn', direction: 'asc' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(SEARCH);
		expect(request.query).toMatchObject({
			'returnStatus-in': 'Open,Partially Approved',
			'createdOn-bt': '2025-01-01,2025-06-30',
			sortingColumnName: 'createdOn',
			sort: 'asc',
			page: '1',
			size: '100',
		});
		expect(specViolations(sim)).toEqual([]);

		const expected = sim.data.returns
			.filter(
				(r) =>
					['Open', 'Partially Approved'].includes(r.status) &&
					r.createdOn.slice(0, 10) >= '2025-01-01',
			)
			.map((r) => r.caseRequestNumber);
		expect(expected.length).toBeGreaterThan(2);
		expect(items.map((i) => i.json.caseRequestNumber).sort()).toEqual([...expected].sort());
		const created = items.map((i) => String(i.json.createdOn));
		expect(created).toEqual([...created].sort());
	});

	test('text filters: a case request number finds that return', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'search',
				returnAll: true,
				filters: { caseRequestNumber: RETURNS.open },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.caseRequestNumber)).toEqual([RETURNS.open]);
		expect(requestsTo(SEARCH)[0].query.caseRequestNumber).toBe(RETURNS.open);
	});

	test('return reasons picked from Ingram’s list are sent comma-separated and select those returns', async () => {
		const reasons = ['(DF) Defective Items', '(SS) Short Shipment'];
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'search',
				returnAll: true,
				filters: { returnReason: reasons },
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(SEARCH)[0].query['returnReason-in']).toBe(
			'(DF) Defective Items,(SS) Short Shipment',
		);
		const expected = sim.data.returns.filter((r) => reasons.includes(r.returnReason)).length;
		expect(expected).toBeGreaterThan(0);
		expect(items).toHaveLength(expected);
		for (const item of items) expect(reasons).toContain(item.json.returnReason);
	});

	test('Return All walks the pages with page/size sent as strings; a Limit stops after the pages it needs', async () => {
		seedReturns(230);
		const all = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'return', operation: 'search', returnAll: true },
		});
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(230);
		expect(new Set(all.items.map((i) => i.json.caseRequestNumber)).size).toBe(230);
		expect(requestsTo(SEARCH).map((r) => [r.query.page, r.query.size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);

		sim.clearRequests();
		const limited = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'return', operation: 'search', returnAll: false, limit: 120 },
		});
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(120);
		expect(sim.count({ operationId: SEARCH })).toBe(2);
		expect(specViolations(sim)).toEqual([]);
	});

	test('a Modified On range missing its To date fails before sending', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'search',
				returnAll: true,
				filters: { modifiedOn: { range: { from: '2025-01-01T00:00:00', to: '' } } },
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Modified On" needs both a From and a To date [item 0]');
		expect(apiCalls()).toBe(0);
	});
});

describe('Return › Get', () => {
	test('returns the claim with its products', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'get',
				caseRequestNumber: locator(RETURNS.open),
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(DETAILS).map((r) => r.path)).toEqual([
			`/resellers/v6/returns/${RETURNS.open}`,
		]);
		const claim = items[0].json;
		expect(claim).toMatchObject({ caseRequestNumber: RETURNS.open, status: 'Open' });
		expect((claim.products as Array<{ invoiceNumber: string }>)[0].invoiceNumber).toBe(
			INVOICES.shipped,
		);
		expect(specViolations(sim)).toEqual([]);
	});

	test('continueOnFail: an unknown case number becomes an error item paired with its input', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'get',
				caseRequestNumber: locator('={{ $json.id }}'),
			},
			input: [{ json: { id: RETURNS.second } }, { json: { id: RETURNS.unknown } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			json: { caseRequestNumber: RETURNS.second },
			pairedItem: { item: 0 },
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.httpCode).toBe('404');
	});

	test('an empty Case Request Number (from an expression) fails before sending', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'get',
				caseRequestNumber: locator('={{ $json.id }}'),
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Case Request Number" is required [item 0]');
		expect(apiCalls()).toBe(0);
	});
});

describe('Return › Create', () => {
	const shipFromInfo = {
		companyName: 'ABC TECH',
		contact: 'STARK',
		addressLine1: '17501 W 98TH ST SPC 1833',
		city: 'LENEXA',
		state: 'KS',
		postalCode: '662191736',
		countryCode: 'US',
		email: 'stark@example.com',
	};
	const shippedLine = () =>
		sim.data.orders.find((o) => o.ingramOrderNumber === ORDERS.shipped)!.lines[0];
	const createParameters = (extra: Record<string, unknown> = {}) => ({
		resource: 'return',
		operation: 'create',
		linesInput: 'fields',
		lines: {
			line: [
				{
					invoiceNumber: INVOICES.shipped,
					invoiceDate: '2025-05-13',
					ingramPartNumber: shippedLine().ingramPartNumber,
					quantity: 1,
					primaryReason: 'The product is defective',
					secondaryReason: 'Product does not power on.',
					numberOfBoxes: 1,
					referenceNumber: 'RMA-N8N-1',
				},
			],
		},
		shipFromInfo,
		...extra,
	});

	test('the body follows the schema (list[], ship-from as an array of one, integers); the new return can be read back', async () => {
		const created = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters(),
		});
		expect(created.error).toBeUndefined();
		expect(sim.count({ operationId: CREATE })).toBe(1);
		const [request] = requestsTo(CREATE);
		expect(request.body).toEqual({
			list: [
				{
					invoiceNumber: INVOICES.shipped,
					invoiceDate: '2025-05-13',
					ingramPartNumber: shippedLine().ingramPartNumber,
					quantity: 1,
					primaryReason: 'The product is defective',
					secondaryReason: 'Product does not power on.',
					numberOfBoxes: 1,
					referenceNumber: 'RMA-N8N-1',
					shipFromInfo: [shipFromInfo],
				},
			],
		});
		expect(request.headers['im-customercontact']).toBe(SIM_DEFAULTS.customerContact);
		expect(specViolations(sim)).toEqual([]);

		expect(created.items).toHaveLength(1);
		const claim = created.items[0].json;
		expect(claim).toMatchObject({
			status: 'Open',
			referenceNumber: 'RMA-N8N-1',
			ingramPartNumber: shippedLine().ingramPartNumber,
		});

		const read = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'return',
				operation: 'get',
				caseRequestNumber: locator(String(claim.caseRequestNumber)),
			},
		});
		expect(read.error).toBeUndefined();
		expect(read.items[0].json).toMatchObject({
			caseRequestNumber: claim.caseRequestNumber,
			status: 'Open',
		});
	});

	test('lines from a JSON array by vendor part number: one claim per line, one Ship-From for all', async () => {
		const [first, second] = sim.data.orders.find(
			(o) => o.ingramOrderNumber === ORDERS.shipped,
		)!.lines;
		const line = (vendorPartNumber: string) => ({
			invoiceNumber: INVOICES.shipped,
			invoiceDate: '2025-05-13T00:00:00.000Z',
			vendorPartNumber,
			quantity: '1',
			primaryReason: 'I ordered the wrong product',
			secondaryReason: 'Product is unopened.',
			numberOfBoxes: 2,
		});
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters({
				linesInput: 'json',
				linesJson: JSON.stringify([line(first.vendorPartNumber), line(second.vendorPartNumber)]),
			}),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.vendorPartNumber)).toEqual([
			first.vendorPartNumber,
			second.vendorPartNumber,
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const body = requestsTo(CREATE)[0].body as { list: Array<Record<string, unknown>> };
		expect(
			body.list.map((l) => [l.invoiceDate, l.quantity, l.numberOfBoxes, l.shipFromInfo]),
		).toEqual([
			['2025-05-13', 1, 2, [shipFromInfo]],
			['2025-05-13', 1, 2, [shipFromInfo]],
		]);
		expect(specViolations(sim)).toEqual([]);
	});

	test.each([
		[
			'a line without invoice number',
			{
				linesInput: 'json',
				linesJson:
					'[{"invoiceDate": "2025-05-13", "ingramPartNumber": "6YE881", "quantity": 1, "primaryReason": "a", "secondaryReason": "b", "numberOfBoxes": 1}]',
			},
			'"Line 1 › Invoice Number" is required [item 0]',
		],
		[
			'a line without Ingram or vendor part number',
			{
				linesInput: 'json',
				linesJson:
					'[{"invoiceNumber": "20-RD3QV-11", "invoiceDate": "2025-05-13", "quantity": 1, "primaryReason": "a", "secondaryReason": "b", "numberOfBoxes": 1}]',
			},
			'Line 1: "Ingram Part Number" or "Vendor Part Number" is required [item 0]',
		],
		[
			'an invoice date that is not a date',
			{
				linesInput: 'json',
				linesJson:
					'[{"invoiceNumber": "20-RD3QV-11", "invoiceDate": "13/05/2025", "ingramPartNumber": "6YE881", "quantity": 1, "primaryReason": "a", "secondaryReason": "b", "numberOfBoxes": 1}]',
			},
			'"Line 1: Invoice Date" is not a valid date (got "13/05/2025") [item 0]',
		],
		[
			'a Ship-From without email and postal code',
			{ shipFromInfo: { ...shipFromInfo, email: '', postalCode: undefined } },
			'"Ship-From" needs "Postal Code", "Email" [item 0]',
		],
		['no lines', { lines: {} }, 'Add at least one line [item 0]'],
	])('bad input (%s) fails before sending', async (_case, extra, message) => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters(extra),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(apiCalls()).toBe(0);
	});

	test('answered 500: sent exactly once (no duplicate return) and the error says so', async () => {
		sim.setFault({ mode: 'status', status: 500, times: 3, operationId: CREATE });
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters(),
		});
		expect(sim.count({ operationId: CREATE })).toBe(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('500');
		expect(String(error?.description)).toContain('sent only once');
		expect(sim.data.returns.some((r) => r.referenceNumber === 'RMA-N8N-1')).toBe(false);
	});

	test('continueOnFail: Ingram’s 400 for one item becomes its error item, the other item’s return is created', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters({
				lines: {
					line: [
						{
							invoiceNumber: '={{ $json.invoice }}',
							invoiceDate: '2025-05-13',
							ingramPartNumber: shippedLine().ingramPartNumber,
							quantity: 1,
							primaryReason: 'The product is defective',
							secondaryReason: 'Product does not power on.',
							numberOfBoxes: 1,
						},
					],
				},
			}),
			input: [{ json: { invoice: INVOICES.unknown } }, { json: { invoice: INVOICES.shipped } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.httpCode).toBe('400');
		expect(String(items[0].json.description)).toContain('Invoice not found');
		expect(items[1]).toMatchObject({ json: { status: 'Open' }, pairedItem: { item: 1 } });
		expect(sim.count({ operationId: CREATE })).toBe(2);
	});
});
