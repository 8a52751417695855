import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadPackage, runNode, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_FIXTURES, XiSimulator, type RecordedRequest } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const run = (
	parameters: IDataObject,
	extra: { input?: INodeExecutionData[]; onError?: 'continueRegularOutput' } = {},
) =>
	runNode({
		pkg,
		credentials: simCredentials(sim),
		parameters: { resource: 'order', ...parameters },
		...extra,
	});

const apiRequests = () => sim.requests.filter((r) => r.path.startsWith('/resellers'));
const only = (operationId: string): RecordedRequest => {
	const matching = sim.requests.filter((r) => r.operationId === operationId);
	expect(matching).toHaveLength(1);
	return matching[0];
};
const locator = (value: string) => ({ __rl: true, mode: 'id', value });
const lines = (...entries: Array<[string, number]>) => ({
	line: entries.map(([ingramPartNumber, quantity]) => ({ ingramPartNumber, quantity })),
});

const { skus, orders } = SIM_FIXTURES;
const CREATE = 'post-createorder_v6';
const CREATE_ASYNC = 'post-createorder_v7';

describe('Order › Create', () => {
	test('places an order with ship-to, reseller, shipment details and flags; body matches the spec', async () => {
		const { items, error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-0001',
			lines: lines([skus.inStock, 2]),
			shipToInfo: { addressId: '200' },
			resellerInfo: { companyName: 'Acme Resale', phoneNumber: '(714) 566-1000' },
			shipmentDetails: {
				requestedDeliveryDate: '2030-07-15T00:00:00.000Z',
				shipComplete: 'P',
				signatureRequired: true,
				carrierCode: 'RG',
			},
			additionalFields: {
				allowOrderOnCustomerHold: true,
				vendAuthNumber: 'VA-1',
				additionalAttributes: {
					attribute: [{ attributeName: 'shipFromWarehouseId', attributeValue: '10' }],
				},
			},
		});

		expect(error).toBeUndefined();
		const request = only(CREATE);
		expect(request.status).toBe(201);
		expect(request.body).toEqual({
			customerOrderNumber: 'PO-N8N-0001',
			vmf: { vendAuthNumber: 'VA-1' },
			additionalAttributes: [
				{ attributeName: 'shipFromWarehouseId', attributeValue: '10' },
				{ attributeName: 'allowOrderOnCustomerHold', attributeValue: 'true' },
			],
			shipToInfo: { addressId: '200' },
			// the v6 spec types the reseller phone number as an integer
			resellerInfo: { companyName: 'Acme Resale', phoneNumber: 7145661000 },
			shipmentDetails: {
				carrierCode: 'RG',
				requestedDeliveryDate: '2030-07-15',
				shipComplete: 'P',
				signatureRequired: true,
			},
			lines: [{ customerLineNumber: '1', ingramPartNumber: skus.inStock, quantity: 2 }],
		});
		expect(specViolations(sim)).toEqual([]);

		expect(items).toHaveLength(1);
		const order = items[0].json;
		expect(order).toMatchObject({
			status: 'accepted',
			acceptedLines: 1,
			rejectedLines: 0,
			customerOrderNumber: 'PO-N8N-0001',
		});
		expect(order.ingramOrderNumber).toMatch(/^20-[A-Z0-9]{5}$/);
		expect(order.rejectedLineItems).toEqual([]);
		expect(
			sim.data.orders.find((o) => o.ingramOrderNumber === order.ingramOrderNumber)?.customerHold,
		).toBe(true);
	});

	test('the risky flags are sent only when on: added but off (or false by expression), they are absent', async () => {
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-FLAGS-OFF',
			lines: lines([skus.inStock, 1]),
			additionalFields: {
				allowDuplicateCustomerOrderNumber: false,
				allowOrderOnCustomerHold: false,
				allowPartialOrder: '={{ "false" }}',
			},
		});
		expect(error).toBeUndefined();
		expect(only(CREATE).body).not.toHaveProperty('additionalAttributes');
		expect(specViolations(sim)).toEqual([]);
		// off is what Ingram does without the flag: the order is processed, not held
		expect(
			sim.data.orders.find((o) => o.customerOrderNumber === 'PO-N8N-FLAGS-OFF')?.customerHold,
		).toBe(false);
	});

	test('a flag that is on is sent once, as "true", over the same name in Additional Attributes', async () => {
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-FLAGS-ON',
			lines: lines([skus.inStock, 1]),
			additionalFields: {
				allowPartialOrder: true,
				additionalAttributes: {
					attribute: [
						{ attributeName: 'allowPartialOrder', attributeValue: 'false' },
						{ attributeName: 'shipFromWarehouseId', attributeValue: '10' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect((only(CREATE).body as IDataObject).additionalAttributes).toEqual([
			{ attributeName: 'shipFromWarehouseId', attributeValue: '10' },
			{ attributeName: 'allowPartialOrder', attributeValue: 'true' },
		]);
	});

	test('prices left empty, or at the 0 lines were once saved with, are not sent; a price that is set is', async () => {
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-PRICES',
			lines: {
				line: [
					{ ingramPartNumber: skus.inStock, quantity: 1, unitPrice: '', endUserPrice: '' },
					{ ingramPartNumber: skus.inStock, quantity: 2, unitPrice: 0, endUserPrice: 0 },
					{ ingramPartNumber: skus.inStock, quantity: 3, unitPrice: 12.5, endUserPrice: '' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect((only(CREATE).body as IDataObject).lines).toEqual([
			{ customerLineNumber: '1', ingramPartNumber: skus.inStock, quantity: 1 },
			{ customerLineNumber: '2', ingramPartNumber: skus.inStock, quantity: 2 },
			{ customerLineNumber: '3', ingramPartNumber: skus.inStock, quantity: 3, unitPrice: 12.5 },
		]);
		expect(specViolations(sim)).toEqual([]);
	});

	test('207 partial order (one unknown SKU): the item shows accepted and rejected lines', async () => {
		const { items, error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-PARTIAL',
			lines: lines([skus.inStock, 1], [skus.unknown, 3]),
			additionalFields: { allowPartialOrder: true },
		});

		expect(error).toBeUndefined();
		expect(only(CREATE).status).toBe(207);
		expect(items).toHaveLength(1);
		const order = items[0].json;
		expect(order).toMatchObject({
			status: 'partial',
			acceptedLines: 1,
			rejectedLines: 1,
			processedPartially: true,
		});
		expect(
			(order.lines as IDataObject[]).map((l) => [l.customerLineNumber, l.ingramPartNumber]),
		).toEqual([['1', skus.inStock]]);
		// Ingram's misspelt `customerLinenumber` comes out as customerLineNumber, matching the input line
		expect(order.rejectedLineItems).toEqual([
			expect.objectContaining({
				customerLineNumber: '2',
				ingramPartNumber: skus.unknown,
				rejectCode: 'EN',
				rejectReason: expect.stringContaining('SKU-NOTFOUND'),
			}),
		]);
		expect((order.rejectedLineItems as IDataObject[])[0]).not.toHaveProperty('customerLinenumber');
	});

	test('a PO split into a stock and a direct-ship order gives one item per Ingram order', async () => {
		const { items, error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-SPLIT',
			linesInput: 'json',
			linesJson: JSON.stringify([
				{ ingramPartNumber: skus.inStock, quantity: 1, customerLineNumber: '10' },
				{ ingramPartNumber: skus.directShip, quantity: 1, customerLineNumber: '20' },
			]),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items.map((i) => i.json.orderType)).toEqual(['S', 'D']);
		expect(items.every((i) => i.json.orderSplit === true && i.json.acceptedLines === 2)).toBe(true);
		expect(new Set(items.map((i) => i.json.ingramOrderNumber)).size).toBe(2);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('a duplicate Customer Order Number is refused unless "Allow Duplicate" is on', async () => {
		const parameters = {
			operation: 'create',
			customerOrderNumber: orders.shippedCustomerOrderNumber,
			lines: lines([skus.inStock, 1]),
		};
		const refused = await run(parameters);
		expect(refused.error?.httpCode).toBe('400');
		expect(String(refused.error?.description)).toMatch(
			/customerOrderNumber: Duplicate customerOrderNumber/,
		);

		const accepted = await run({
			...parameters,
			additionalFields: { allowDuplicateCustomerOrderNumber: true },
		});
		expect(accepted.error).toBeUndefined();
		expect(accepted.items[0].json.customerOrderNumber).toBe(orders.shippedCustomerOrderNumber);
		expect(sim.count({ operationId: CREATE })).toBe(2);
		expect(sim.requests.filter((r) => r.operationId === CREATE).map((r) => r.status)).toEqual([
			400, 201,
		]);
	});

	test('answered 500, the order is sent exactly once and the error says it was not retried', async () => {
		sim.setFault({ mode: 'status', status: 500, times: 3, operationId: CREATE });
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-500',
			lines: lines([skus.inStock, 1]),
		});
		expect(sim.count({ operationId: CREATE })).toBe(1);
		expect(error?.httpCode).toBe('500');
		expect(String(error?.description)).toMatch(/sent only once and not retried/);
		expect(String(error?.description)).toMatch(/correlation ID: [0-9a-f]{32}/);
	});

	test('a 429 on a create is sent again after the reset: the gateway refused it before anything was processed', async () => {
		sim.setFault({ mode: 'rateLimit', times: 1, resetSeconds: 1, operationId: CREATE });
		const { items, error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-429',
			lines: lines([skus.inStock, 1]),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'accepted', customerOrderNumber: 'PO-N8N-429' });
		expect(sim.requests.filter((r) => r.operationId === CREATE).map((r) => r.status)).toEqual([
			429, 201,
		]);
		expect(sim.data.orders.filter((o) => o.customerOrderNumber === 'PO-N8N-429')).toHaveLength(1);
	});

	test('a token service hiccup before a create is retried: the order itself is sent exactly once', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 1, operationId: 'get-accesstoken' });
		const credentials = simCredentials(sim);
		const { items, error } = await runNode({
			pkg,
			credentials,
			parameters: {
				resource: 'order',
				operation: 'create',
				customerOrderNumber: 'PO-N8N-TOKEN',
				lines: lines([skus.inStock, 1]),
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'accepted' });
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(2);
		expect(sim.count({ operationId: CREATE })).toBe(1);
	});

	test('a dropped connection is not retried either', async () => {
		sim.setFault({ mode: 'drop', times: 3, operationId: CREATE });
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-N8N-DROP',
			lines: lines([skus.inStock, 1]),
		});
		expect(sim.count({ operationId: CREATE })).toBe(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/connection/i);
		expect(String(error?.description)).toMatch(/sent only once and not retried/);
	});

	test.each([
		[
			'a Customer Order Number over 35 characters',
			{ customerOrderNumber: 'X'.repeat(36), lines: lines([skus.inStock, 1]) },
			/"Customer Order Number" is 36 characters long; at most 35 are allowed \[item 0\]/,
		],
		['no lines', { customerOrderNumber: 'PO-1', lines: {} }, /Add at least one line \[item 0\]/],
		[
			'a fractional quantity in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": 1.5}]',
			},
			/"Line 1 › Quantity" must be a whole number of at least 1, but it is the number 1.5 \[item 0\]/,
		],
		[
			'a reseller phone number with letters',
			{
				customerOrderNumber: 'PO-1',
				lines: lines([skus.inStock, 1]),
				resellerInfo: { phoneNumber: '714-CALL-NOW' },
			},
			/"Reseller › Phone Number" must contain only digits \(got "714-CALL-NOW"\) \[item 0\]/,
		],
		[
			'shipping instructions over 132 characters',
			{
				customerOrderNumber: 'PO-1',
				lines: lines([skus.inStock, 1]),
				shipmentDetails: { shippingInstructions: 'x'.repeat(133) },
			},
			/"Shipment Details › Shipping Instructions" is 133 characters long/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const { error } = await run({ operation: 'create', ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});

	// Expressions that resolve to objects, lists or booleans once created orders with PO "[object Object]",
	// "A,B" and quantities 1, 3 and 1e+21. Each is now refused, naming the field and the item.
	test.each([
		[
			'a Customer Order Number that is an object',
			{ customerOrderNumber: '={{ $json.order }}', lines: lines([skus.inStock, 1]) },
			/^"Customer Order Number" must be text, but it is an object \(\{"po":"PO-7"\}\) \[item 0\]$/,
		],
		[
			'a Customer Order Number that is a list',
			{ customerOrderNumber: '={{ ["A", "B"] }}', lines: lines([skus.inStock, 1]) },
			/^"Customer Order Number" must be text, but it is a list \(\["A","B"\]\) \[item 0\]$/,
		],
		[
			'a ship-to field that is an object',
			{
				customerOrderNumber: 'PO-1',
				lines: lines([skus.inStock, 1]),
				shipToInfo: { companyName: '={{ $json.order }}' },
			},
			/^"Ship-To › Company Name" must be text, but it is an object/,
		],
		[
			'a quantity true in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": true}]',
			},
			/^"Line 1 › Quantity" must be a whole number of at least 1, but it is the boolean true \[item 0\]$/,
		],
		[
			'a quantity [3] in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": [3]}]',
			},
			/^"Line 1 › Quantity" must be a whole number of at least 1, but it is a list \(\[3\]\) \[item 0\]$/,
		],
		[
			'a quantity 1e21 in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": 1e21}]',
			},
			/^"Line 1 › Quantity" must be a whole number of at least 1, but it is the number 1e\+21 \[item 0\]$/,
		],
		[
			'a quantity "2e3" as text in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": "2e3"}]',
			},
			/^"Line 1 › Quantity" must be a whole number of at least 1, but it is "2e3" \[item 0\]$/,
		],
		[
			'an SKU that is an object in JSON lines',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": {"sku": "123512"}, "quantity": 1}]',
			},
			/^"Line 1 › Ingram Part Number" must be text, but it is an object/,
		],
		[
			'invalid JSON in Lines (JSON)',
			{
				customerOrderNumber: 'PO-1',
				linesInput: 'json',
				linesJson: '[{"ingramPartNumber": "123512", "quantity": 1},]',
			},
			/^"Lines \(JSON\)" is not valid JSON \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const { error } = await run(
			{ operation: 'create', ...parameters },
			{ input: [{ json: { order: { po: 'PO-7' } } }] },
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});

	test('invalid JSON says what the parser found', async () => {
		const { error } = await run({
			operation: 'create',
			customerOrderNumber: 'PO-1',
			linesInput: 'json',
			linesJson: '[{"ingramPartNumber": "123512" "quantity": 1}]',
		});
		expect(error?.message).toMatch(
			/^"Lines \(JSON\)" is not valid JSON at line 1, column 32, near "/,
		);
		expect(String(error?.description)).toMatch(/^The JSON parser said: /);
		expect(apiRequests()).toHaveLength(0);
	});

	test('a bad item 4 of 4 stops the run before any order is sent, so fixing it and re-running creates no duplicates', async () => {
		const { items, error } = await run(
			{
				operation: 'create',
				customerOrderNumber: '={{ $json.po }}',
				lines: lines([skus.inStock, 1]),
			},
			{
				input: ['PO-N8N-A', 'PO-N8N-B', 'PO-N8N-C', 'X'.repeat(40)].map((po) => ({ json: { po } })),
			},
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'"Customer Order Number" is 40 characters long; at most 35 are allowed [item 3]',
		);
		expect(items).toHaveLength(0);
		expect(apiRequests()).toHaveLength(0);
	});

	test('continue on fail: a bad item becomes an error item paired with it, the good one is ordered', async () => {
		const { items, error } = await run(
			{
				operation: 'create',
				customerOrderNumber: '={{ $json.po }}',
				lines: lines([skus.inStock, 1]),
			},
			{
				input: [{ json: { po: 'PO-N8N-GOOD' } }, { json: { po: '' } }],
				onError: 'continueRegularOutput',
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ status: 'accepted', customerOrderNumber: 'PO-N8N-GOOD' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.error).toBe('"Customer Order Number" is required [item 1]');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(sim.count({ operationId: CREATE })).toBe(1);
	});
});

describe('Order › Create Async', () => {
	test('from lines: confirmation returned, v7 shapes sent (date yyyyMMdd, vendAuthNumber at the top)', async () => {
		const { items, error } = await run({
			operation: 'createAsync',
			orderFrom: 'lines',
			customerOrderNumber: 'PO-N8N-V7',
			lines: { line: [{ vendorPartNumber: '920-002555', quantity: 3 }] },
			shipToInfo: {
				companyName: 'Acme',
				addressLine1: '1 Main St',
				city: 'Irvine',
				state: 'CA',
				postalCode: '92602',
				countryCode: 'US',
			},
			resellerInfo: { phoneNumber: '714-566-1000' },
			shipmentDetails: { requestedDeliveryDate: '2030-01-31' },
			additionalFields: {
				acceptBackOrder: false,
				vendAuthNumber: 'VA-7',
				allowPartialOrder: true,
				vmfAdditionalAttributes: {
					attribute: [{ attributeName: 'endUserEmail', attributeValue: 'it@example.com' }],
				},
			},
		});

		expect(error).toBeUndefined();
		const request = only(CREATE_ASYNC);
		expect(request.status).toBe(200);
		expect(request.body).toEqual({
			customerOrderNumber: 'PO-N8N-V7',
			acceptBackOrder: false,
			vendAuthNumber: 'VA-7',
			additionalAttributes: [{ attributeName: 'allowPartialOrder', attributeValue: 'true' }],
			vmfAdditionalAttributes: [
				{ attributeName: 'endUserEmail', attributeValue: 'it@example.com' },
			],
			shipToInfo: {
				companyName: 'Acme',
				addressLine1: '1 Main St',
				city: 'Irvine',
				state: 'CA',
				postalCode: '92602',
				countryCode: 'US',
			},
			// v7 wants the phone number as a string
			resellerInfo: { phoneNumber: '714-566-1000' },
			shipmentDetails: { requestedDeliveryDate: '20300131' },
			lines: [{ customerLineNumber: '1', vendorPartNumber: '920-002555', quantity: 3 }],
		});
		expect(specViolations(sim)).toEqual([]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			status: 'submitted',
			customerOrderNumber: 'PO-N8N-V7',
			quoteNumber: '',
		});
		expect(items[0].json.confirmationNumber).toMatch(/^US-I-T-\d+$/);
		expect(String(items[0].json.message)).toMatch(/Order Status webhook/);
	});

	test('quote to order: the quote number is sent and no lines', async () => {
		const { items, error } = await run({
			operation: 'createAsync',
			orderFrom: 'quote',
			quoteNumber: locator(SIM_FIXTURES.quotes.cisco),
			customerOrderNumber: 'PO-N8N-QTO',
			lines: lines([skus.inStock, 1]),
		});
		expect(error).toBeUndefined();
		expect(only(CREATE_ASYNC).body).toEqual({
			quoteNumber: SIM_FIXTURES.quotes.cisco,
			customerOrderNumber: 'PO-N8N-QTO',
		});
		expect(items[0].json).toMatchObject({
			quoteNumber: SIM_FIXTURES.quotes.cisco,
			status: 'submitted',
		});
		expect(sim.data.v7Orders).toHaveLength(1);
	});

	test.each([
		[
			'picked from the list',
			{ __rl: true, mode: 'list', value: SIM_FIXTURES.quotes.cisco, cachedResultName: 'Q3' },
		],
		['entered by ID', locator(SIM_FIXTURES.quotes.cisco)],
		['saved as plain text before Quote Number was a locator', SIM_FIXTURES.quotes.cisco],
	])('quote to order: a quote number %s is sent as the quote number', async (_, quoteNumber) => {
		const { error } = await run({
			operation: 'createAsync',
			orderFrom: 'quote',
			quoteNumber,
			customerOrderNumber: 'PO-N8N-QTO',
		});
		expect(error).toBeUndefined();
		expect(only(CREATE_ASYNC).body).toEqual({
			quoteNumber: SIM_FIXTURES.quotes.cisco,
			customerOrderNumber: 'PO-N8N-QTO',
		});
	});

	test('answered 500, it is sent once', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 3, operationId: CREATE_ASYNC });
		const { error } = await run({
			operation: 'createAsync',
			customerOrderNumber: 'PO-N8N-V7',
			lines: lines([skus.inStock, 1]),
		});
		expect(sim.count({ operationId: CREATE_ASYNC })).toBe(1);
		expect(String(error?.description)).toMatch(/not retried/);
	});

	test.each([
		[
			'a Customer Order Number over 18 characters (v7 limit)',
			{ customerOrderNumber: 'X'.repeat(19), lines: lines([skus.inStock, 1]) },
			/"Customer Order Number" is 19 characters long; at most 18 are allowed \[item 0\]/,
		],
		[
			'a quote order without quote number',
			{ orderFrom: 'quote', quoteNumber: locator('={{ " " }}'), customerOrderNumber: 'PO-1' },
			/"Quote Number" is required \[item 0\]/,
		],
		[
			'a line without any part number',
			{ customerOrderNumber: 'PO-1', lines: { line: [{ quantity: 1 }] } },
			/Line 1: "Ingram Part Number" or "Vendor Part Number" is required \[item 0\]/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const { error } = await run({ operation: 'createAsync', ...parameters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('Order › Update', () => {
	test('adds and updates lines on an order on customer hold', async () => {
		const { items, error } = await run({
			operation: 'update',
			orderNumber: locator(orders.onHold2),
			lines: {
				line: [
					{
						addUpdateDeleteLine: 'ADD',
						ingramPartNumber: skus.inStock,
						quantity: 4,
						customerLineNumber: '9',
					},
					{ addUpdateDeleteLine: 'UPDATE', ingramLineNumber: '001', quantity: 7 },
				],
			},
			updateFields: { notes: 'Deliver to dock 4' },
		});
		expect(error).toBeUndefined();
		const request = only('put-ordermodify');
		expect(request.status).toBe(201);
		expect(request.query).toEqual({});
		expect(request.body).toEqual({
			notes: 'Deliver to dock 4',
			lines: [
				{
					addUpdateDeleteLine: 'ADD',
					ingramPartNumber: skus.inStock,
					quantity: 4,
					customerLineNumber: '9',
				},
				{ addUpdateDeleteLine: 'UPDATE', ingramLineNumber: '001', quantity: 7 },
			],
		});
		expect(specViolations(sim)).toEqual([]);
		expect(items[0].json).toMatchObject({
			status: 'accepted',
			released: false,
			ingramOrderNumber: orders.onHold2,
		});
		expect((items[0].json.lines as IDataObject[]).map((l) => l.quantityOrdered)).toEqual([4, 7]);
	});

	test('Release Order sends actionCode=release and the order leaves customer hold', async () => {
		const { items, error } = await run({
			operation: 'update',
			orderNumber: locator(orders.onHold),
			releaseOrder: true,
		});
		expect(error).toBeUndefined();
		const request = only('put-ordermodify');
		expect(request.query).toEqual({ actionCode: 'release' });
		expect(request.body).toEqual({ lines: [] });
		expect(specViolations(sim)).toEqual([]);
		expect(items[0].json).toEqual({
			status: 'accepted',
			released: true,
			ingramOrderNumber: orders.onHold,
		});
		expect(sim.data.orders.find((o) => o.ingramOrderNumber === orders.onHold)?.customerHold).toBe(
			false,
		);
	});

	test('Sandbox Testing › Region Code is sent with the change', async () => {
		const { error } = await run({
			operation: 'update',
			orderNumber: locator(orders.onHold),
			releaseOrder: true,
			sandboxTesting: { regionCode: 'CS' },
		});
		expect(error).toBeUndefined();
		expect(only('put-ordermodify').query).toEqual({ actionCode: 'release', regionCode: 'CS' });
		expect(specViolations(sim)).toEqual([]);
	});

	test('207 (valid lines, refused address) is surfaced as a partial change', async () => {
		const { items, error } = await run({
			operation: 'update',
			orderNumber: locator(orders.onHold),
			lines: {
				line: [{ addUpdateDeleteLine: 'ADD', ingramPartNumber: skus.inStock, quantity: 1 }],
			},
			shipToInfo: {
				companyName: 'Acme',
				addressLine1: '1 Main St',
				city: 'Irvine',
				state: 'CAL',
				countryCode: 'US',
			},
		});
		expect(error).toBeUndefined();
		expect(only('put-ordermodify').status).toBe(207);
		expect(items[0].json.status).toBe('partial');
		expect(String(items[0].json.message)).toMatch(
			/only part of the change: Invalid details in shipping adress/,
		);
	});

	test.each([
		['nothing to change', {}, /Nothing to update: .* \[item 0\]/],
		[
			'an UPDATE without Ingram Line Number',
			{ lines: { line: [{ addUpdateDeleteLine: 'UPDATE', quantity: 2 }] } },
			/Line 1: "Ingram Line Number" is required to update a line \[item 0\]/,
		],
		[
			'an ADD without quantity',
			{ lines: { line: [{ addUpdateDeleteLine: 'ADD', ingramPartNumber: skus.inStock }] } },
			/Line 1: adding a line needs "Ingram Part Number" and "Quantity"/,
		],
		[
			'an unknown change in JSON',
			{
				linesInput: 'json',
				linesJson: '[{"addUpdateDeleteLine": "MOVE", "ingramLineNumber": "001"}]',
			},
			/Line 1: "Change" must be ADD, UPDATE or DELETE \(got "MOVE"\)/,
		],
		[
			'a Ship-To contact over the modify limit of 40',
			{ shipToInfo: { contact: 'c'.repeat(41) } },
			/"Ship-To › Contact Name" is 41 characters long; at most 40 are allowed/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const { error } = await run({
			operation: 'update',
			orderNumber: locator(orders.onHold),
			...parameters,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('Order › Get', () => {
	test('simplified: order header plus lines with their tracking numbers', async () => {
		const { items, error } = await run({ operation: 'get', orderNumber: locator(orders.shipped) });
		expect(error).toBeUndefined();
		expect(only('get-orderdetails-v6.1').path).toBe(`/resellers/v6.1/orders/${orders.shipped}`);
		const order = items[0].json;
		expect(order).toMatchObject({
			ingramOrderNumber: orders.shipped,
			customerOrderNumber: 'MyPONumber',
			orderStatus: 'Shipped',
		});
		expect(order).not.toHaveProperty('billToInfo');
		const orderLines = order.lines as IDataObject[];
		expect(orderLines.map((l) => l.ingramPartNumber)).toEqual(['6YE881', '123512']);
		const tracking = order.trackingNumbers as string[];
		expect(tracking.length).toBeGreaterThan(0);
		expect(
			orderLines.every((l) => (l.trackingNumbers as string[]).every((t) => tracking.includes(t))),
		).toBe(true);
		expect(orderLines[0]).not.toHaveProperty('shipmentDetails');
	});

	test('Sandbox Testing and options reach Ingram: simulateStatus (IM:: added), regionCode, date; raw', async () => {
		const { items, error } = await run({
			operation: 'get',
			orderNumber: locator(orders.onHold),
			simplify: false,
			options: { ingramOrderDate: '2025-06-27T10:00:00', isIml: false },
			sandboxTesting: { simulateStatus: 'PARTIALLY_SHIPPED', regionCode: 'CS' },
		});
		expect(error).toBeUndefined();
		expect(only('get-orderdetails-v6.1').query).toEqual({
			simulateStatus: 'IM::PARTIALLY_SHIPPED',
			regionCode: 'CS',
			ingramOrderDate: '2025-06-27',
			isIml: 'false',
		});
		expect(specViolations(sim)).toEqual([]);
		expect(items[0].json.orderStatus).toBe('Partially Shipped');
		expect(items[0].json).toHaveProperty('billToInfo');
	});

	test("an unknown order fails with Ingram's message and the status", async () => {
		const { error } = await run({ operation: 'get', orderNumber: locator(orders.unknown) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toMatch(/Order not found/);
	});

	test('an order number that resolves to nothing is refused before sending anything', async () => {
		const { error } = await run(
			{ operation: 'get', orderNumber: locator('={{ $json.order }}') },
			{ input: [{ json: { order: '' } }] },
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Order Number" is required [item 0]');
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('Order › Search', () => {
	test('Return All walks every page', async () => {
		const { items, error } = await run({ operation: 'search', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SIM_FIXTURES.counts.orders);
		const pages = sim.requests.filter((r) => r.operationId === 'get-resellers-v6-ordersearch');
		expect(pages.map((r) => r.query.pageNumber)).toEqual(['1', '2']);
		expect(pages.every((r) => r.query.pageSize === '100')).toBe(true);
		expect(new Set(items.map((i) => i.json.ingramOrderNumber)).size).toBe(
			SIM_FIXTURES.counts.orders,
		);
	});

	test('Limit asks for one page of that size', async () => {
		const { items, error } = await run({ operation: 'search', returnAll: false, limit: 30 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		expect(only('get-resellers-v6-ordersearch').query).toMatchObject({
			pageNumber: '1',
			pageSize: '30',
		});
	});

	test("filters are sent with Ingram's names: statuses as a list, date ranges as 2 entries", async () => {
		const { items, error } = await run({
			operation: 'search',
			returnAll: true,
			filters: {
				orderStatus: ['ON HOLD', 'BACKORDERED'],
				ingramOrderDateRange: { range: { from: '2025-06-01T00:00:00', to: '2025-06-30T23:00:00' } },
				shipDateRange: { range: { from: '2025-01-01', to: '2025-06-30' } },
				vendorName: 'Logitech',
			},
		});
		expect(error).toBeUndefined();
		expect(only('get-resellers-v6-ordersearch').query).toMatchObject({
			'orderStatus-in': ['ON HOLD', 'BACKORDERED'],
			'ingramOrderDate-bt': ['2025-06-01', '2025-06-30'],
			shipDate_bt: ['2025-01-01', '2025-06-30'],
			vendorName: 'Logitech',
		});
		expect(specViolations(sim)).toEqual([]);
		expect(
			items.every((i) => ['ON HOLD', 'BACKORDERED'].includes(String(i.json.orderStatus))),
		).toBe(true);
	});

	test('a search by customer order number finds that order; nothing found (204) gives no items', async () => {
		const found = await run({
			operation: 'search',
			filters: { customerOrderNumber: 'MyPONumber' },
		});
		expect(found.items.map((i) => i.json.ingramOrderNumber)).toEqual([orders.shipped]);

		sim.clearRequests();
		const none = await run({ operation: 'search', filters: { customerOrderNumber: 'NO-SUCH-PO' } });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
		expect(sim.requests.find((r) => r.operationId === 'get-resellers-v6-ordersearch')?.status).toBe(
			204,
		);
	});

	test.each([
		[
			'a date range with one end',
			{ shipDateRange: { range: { from: '2025-01-01' } } },
			/"Ship Date" needs both a From and a To date \[item 0\]/,
		],
		[
			'a date range backwards',
			{ invoiceDateRange: { range: { from: '2025-06-01', to: '2025-01-01' } } },
			/"Invoice Date" starts after it ends/,
		],
		[
			'an Ingram Order Number over 11 characters',
			{ ingramOrderNumber: '20-RD3QV-1111' },
			/"Ingram Order Number" is 13 characters long; at most 11 are allowed/,
		],
	])('refuses %s before sending anything', async (_, filters, message) => {
		const { error } = await run({ operation: 'search', filters });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('Order › Cancel', () => {
	test('cancels an order on customer hold', async () => {
		const { items, error } = await run({
			operation: 'cancel',
			orderNumber: locator(orders.onHold),
			sandboxTesting: { regionCode: 'CS' },
		});
		expect(error).toBeUndefined();
		const request = only('delete-ordercancel');
		expect(request.path).toBe(`/resellers/v6/orders/${orders.onHold}`);
		expect(request.query).toEqual({ regionCode: 'CS' });
		expect(items.map((i) => i.json)).toEqual([{ orderNumber: orders.onHold, cancelled: true }]);
		expect(sim.data.orders.find((o) => o.ingramOrderNumber === orders.onHold)?.status).toBe(
			'CANCELLED',
		);
	});

	test('405: the error says in plain words that the order is not on customer hold', async () => {
		const { error } = await run({ operation: 'cancel', orderNumber: locator(orders.processing) });
		expect(sim.count({ operationId: 'delete-ordercancel' })).toBe(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('405');
		expect(error?.message).toBe(
			`Order ${orders.processing} cannot be cancelled because it is not on customer hold`,
		);
		const description = String(error?.description);
		expect(description).toMatch(/Allow Order On Customer Hold/);
		expect(description).toMatch(/Ingram Micro said: Order can not be deleted/);
		const correlationId = sim.requests.find((r) => r.operationId === 'delete-ordercancel')?.headers[
			'im-correlationid'
		];
		expect(description).toContain(`Ingram Micro correlation ID: ${correlationId}`);
	});

	test('continue on fail: the 405 becomes an error item paired with its input', async () => {
		const { items, error } = await run(
			{ operation: 'cancel', orderNumber: locator('={{ $json.order }}') },
			{
				input: [{ json: { order: orders.onHold } }, { json: { order: orders.processing } }],
				onError: 'continueRegularOutput',
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ orderNumber: orders.onHold, cancelled: true });
		expect(items[1].json).toMatchObject({
			httpCode: '405',
			error: expect.stringMatching(/not on customer hold/),
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Order › default operation', () => {
	const runSavedAs = async (typeVersion: number) =>
		await runNode({
			pkg,
			credentials: simCredentials(sim),
			typeVersion,
			// an Order › Create as n8n saves it when Create is the default: without its operation
			parameters: {
				resource: 'order',
				customerOrderNumber: 'PO-N8N-DEFAULT',
				lines: lines([skus.inStock, 1]),
			},
		});

	test('version 1.1: an Order node with no operation set searches; nothing is created', async () => {
		const { error, items } = await runSavedAs(1.1);
		expect(error).toBeUndefined();
		expect(sim.count({ operationId: CREATE })).toBe(0);
		expect(sim.count({ operationId: 'get-resellers-v6-ordersearch' })).toBe(1);
		expect(items.length).toBeGreaterThan(0);
	});

	test('version 1: an Order › Create saved without its operation (it was the default) still creates', async () => {
		const { error, items } = await runSavedAs(1);
		expect(error).toBeUndefined();
		expect(sim.count({ operationId: CREATE })).toBe(1);
		expect(items[0].json).toMatchObject({
			status: 'accepted',
			customerOrderNumber: 'PO-N8N-DEFAULT',
		});
	});
});

describe('Order › Search › Return All over many pages', () => {
	let big: XiSimulator;
	beforeAll(async () => {
		big = await XiSimulator.start({ extraOrders: 1000 });
	});
	afterAll(async () => await big.stop());
	beforeEach(() => big.reset());

	const searchAll = (extra: IDataObject = {}) =>
		runNode({
			pkg,
			credentials: simCredentials(big),
			parameters: { resource: 'order', operation: 'search', returnAll: true, ...extra },
		});
	const pageNumbers = () =>
		big.requests
			.filter((r) => r.operationId === 'get-resellers-v6-ordersearch')
			.map((r) => Number(r.query.pageNumber));

	test('page 1 gives the total, the other pages follow 4 at a time; every order once, in Ingram’s order', async () => {
		big.setLatency(200);
		const started = Date.now();
		const { error, items } = await searchAll();
		const elapsed = Date.now() - started;
		expect(error).toBeUndefined();
		const expected = big.data.orders.length;
		expect(expected).toBeGreaterThan(1000);
		expect(items).toHaveLength(expected);
		expect(new Set(items.map((i) => i.json.ingramOrderNumber)).size).toBe(expected);
		const pages = Math.ceil(expected / 100);
		expect([...pageNumbers()].sort((a, b) => a - b)).toEqual(
			Array.from({ length: pages }, (_, n) => n + 1),
		);
		// one after another this is token + 12 × 200 ms ≥ 2.6 s; in parallel about token + 4 rounds
		expect(elapsed).toBeLessThan(2000);

		big.clearRequests();
		const sequential = await searchAll({ parallelRequests: 1 });
		expect(sequential.items.map((i) => i.json.ingramOrderNumber)).toEqual(
			items.map((i) => i.json.ingramOrderNumber),
		);
		expect(pageNumbers()).toEqual(Array.from({ length: pages }, (_, n) => n + 1));
	});

	test('a service that pages 1 record at a time: all 1,100+ pages are walked (this once stopped silently at 500)', async () => {
		big.setMaxPageSize(1);
		const { error, items } = await searchAll({ parallelRequests: 10 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(big.data.orders.length);
		expect(pageNumbers()).toHaveLength(big.data.orders.length);
	});

	test('a page that keeps failing fails the run: no partial list comes out', async () => {
		await searchAll(); // token in place
		big.clearRequests();
		big.setFault({
			mode: 'status',
			status: 503,
			times: 100,
			operationId: 'get-resellers-v6-ordersearch',
		});
		const { error, items } = await searchAll();
		expect(error?.httpCode).toBe('503');
		expect(items).toHaveLength(0);
	});

	test('more records than Return All fetches: fails with the count, before fetching the rest', async () => {
		const page = {
			recordsFound: 250000,
			pageSize: 100,
			pageNumber: 1,
			orders: big.data.orders
				.slice(0, 100)
				.map((o) => ({ ingramOrderNumber: o.ingramOrderNumber })),
		};
		big.setFault({
			mode: 'answer',
			status: 200,
			body: page,
			times: 1,
			operationId: 'get-resellers-v6-ordersearch',
		});
		const { error, items } = await searchAll();
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'The search matches 250,000 records; Return All fetches at most 100,000 [item 0]',
		);
		expect(String(error?.description)).toMatch(
			/Nothing was returned rather than an incomplete list/,
		);
		expect(String(error?.description)).toMatch(/set a Limit/);
		expect(items).toHaveLength(0);
		expect(pageNumbers()).toEqual([1]);
	});
});
