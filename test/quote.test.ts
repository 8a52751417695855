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

const SEARCH = 'get-quotessearch_v6';
const DETAILS = 'get-resellers-v6-quotes';
const VALIDATE = 'get-reseller-v6-validateQuote';
const CREATE = 'quote_Create';
const { quotes: QUOTES, skus: SKUS, vendorPartNumbers: VPNS } = SIM_FIXTURES;

const apiCalls = () => sim.count({ path: /^\/resellers\// });
const requestsTo = (operationId: string) =>
	sim.requests.filter((r) => r.operationId === operationId);
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Grows the seeded account to `total` quotes (copies with new numbers) so that paging has pages to walk. */
function seedQuotes(total: number) {
	const seeded = sim.data.quotes;
	for (let i = seeded.length; i < total; i++) {
		const copy = structuredClone(seeded[i % 60]);
		copy.quoteNumber = `QUO-${90000 + i}-P${i % 10}G${i % 7}X1`;
		seeded.push(copy);
	}
}

describe('Quote › Search', () => {
	test('filters reach Ingram with the IM-CustomerContact header and find the matching quote', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'search',
				returnAll: true,
				filters: { quoteName: 'campus', vendorName: 'Cisco', status: 'Ready To Order' },
				sort: { sortBy: 'quoteNumber', direction: 'asc' },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.quoteNumber)).toEqual([QUOTES.cisco]);
		expect(items[0].json.quoteName).toBe('Campus switching refresh');

		const [request] = requestsTo(SEARCH);
		expect(request.headers['im-customercontact']).toBe(SIM_DEFAULTS.customerContact);
		expect(request.query).toMatchObject({
			quoteName: 'campus',
			vendorName: 'Cisco',
			status: 'Ready To Order',
			sortBy: 'quoteNumber',
			sortingOrder: 'asc',
			pageNumber: '1',
			pageSize: '100',
		});
		expect(specViolations(sim)).toEqual([]);
	});

	test('date ranges: Ingram Order Date as two values, Created Date as one "from,to" string', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'search',
				returnAll: true,
				filters: {
					ingramOrderDate: { range: { from: '2025-03-01T00:00:00', to: '2025-06-30T00:00:00' } },
					quoteCreateDate: { range: { from: '2025-04-01T00:00:00', to: '2025-06-30T00:00:00' } },
				},
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(SEARCH);
		expect(request.query['ingramOrderDate-bt']).toEqual(['2025-03-01', '2025-06-30']);
		expect(request.query['quoteCreateDate-bt']).toBe('2025-04-01,2025-06-30');
		expect(specViolations(sim)).toEqual([]);

		const expected = sim.data.quotes.filter(
			(q) => q.ingramQuoteDate.slice(0, 10) >= '2025-04-01',
		).length;
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(60);
		expect(items).toHaveLength(expected);
		for (const item of items) expect(String(item.json.ingramQuoteDate) >= '2025-04-01').toBe(true);
	});

	test('Return All walks every page (pageNumber/pageSize); a Limit stops after the pages it needs', async () => {
		seedQuotes(250);
		const all = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'quote', operation: 'search', returnAll: true },
		});
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(250);
		expect(new Set(all.items.map((i) => i.json.quoteNumber)).size).toBe(250);
		expect(requestsTo(SEARCH).map((r) => [r.query.pageNumber, r.query.pageSize])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);

		sim.clearRequests();
		const limited = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'quote', operation: 'search', returnAll: false, limit: 120 },
		});
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(120);
		expect(sim.count({ operationId: SEARCH })).toBe(2);
		expect(specViolations(sim)).toEqual([]);
	});

	test('no match: Ingram answers 404 "No records found", the node returns no items and no error', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'search',
				returnAll: true,
				filters: { quoteName: 'no such quote' },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
		expect(requestsTo(SEARCH).map((r) => r.status)).toEqual([404]);
	});

	test('credential without Customer Contact Email: a clear NodeOperationError, nothing sent', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.customerContact = '';
		const { error } = await runNode({
			pkg,
			credentials,
			parameters: { resource: 'quote', operation: 'search', returnAll: true },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Customer Contact Email');
		expect(apiCalls()).toBe(0);
	});

	test('a Created Date range with only a From date is refused before sending', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'search',
				returnAll: true,
				filters: { quoteCreateDate: { range: { from: '2025-04-01T00:00:00', to: '' } } },
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Created Date" needs both a From and a To date [item 0]');
		expect(apiCalls()).toBe(0);
	});
});

describe('Quote › Get', () => {
	test('simplified: header, totals and products with their quote price, without the boilerplate', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'quote', operation: 'get', quoteNumber: locator(QUOTES.details) },
		});
		expect(error).toBeUndefined();
		expect(requestsTo(DETAILS).map((r) => r.path)).toEqual([
			`/resellers/v6/quotes/${QUOTES.details}`,
		]);
		const quote = items[0].json;
		expect(quote).toMatchObject({
			quoteNumber: QUOTES.details,
			quoteName: 'Q3',
			status: 'Active',
			specialBidId: 'TEST-9771006-1923',
		});
		expect(quote.legalTerms).toBeUndefined();
		expect(quote.introPreamble).toBeUndefined();
		const products = quote.products as Array<Record<string, unknown>>;
		expect(products.map((p) => p.ingramPartNumber)).toEqual(['9DD701']);
		expect(typeof products[0].quotePrice).toBe('number');
		expect(products[0].price).toBeUndefined();
		expect(specViolations(sim)).toEqual([]);
	});

	test('Simplify off returns Ingram’s full quote', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'get',
				quoteNumber: locator(QUOTES.hp),
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.quoteNumber).toBe(QUOTES.hp);
		expect(items[0].json.legalTerms).toEqual(expect.any(String));
		expect((items[0].json.products as Array<{ price: unknown }>)[0].price).toEqual(
			expect.objectContaining({ msrp: expect.any(Number) }),
		);
	});

	test('an empty Quote Number fails before sending, naming the field and the item', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'get',
				quoteNumber: locator('={{ $json.quote }}'),
			},
			input: [{ json: { quote: '  ' } }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Quote Number" is required [item 0]');
		expect(apiCalls()).toBe(0);
	});

	test('continueOnFail: an unknown quote becomes an error item paired with its input, the others still load', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'get',
				quoteNumber: locator('={{ $json.quote }}'),
			},
			input: [{ json: { quote: QUOTES.hp } }, { json: { quote: QUOTES.unknown } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { quoteNumber: QUOTES.hp }, pairedItem: { item: 0 } });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(String(items[1].json.error)).toContain(QUOTES.unknown);
		expect(items[1].json.httpCode).toBe('404');
	});
});

describe('Quote › Validate', () => {
	test('lists the fields the vendor requires before the quote can be ordered', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'quote', operation: 'validate', quoteNumber: locator(QUOTES.cisco) },
		});
		expect(error).toBeUndefined();
		expect(requestsTo(VALIDATE).map((r) => r.query)).toEqual([{ quoteNumber: QUOTES.cisco }]);
		const result = items[0].json;
		expect(result.vendorName).toBe('Cisco');
		expect(
			(result.vmfAdditionalAttributes as Array<{ attributeName: string }>).map(
				(a) => a.attributeName,
			),
		).toContain('VEND_AUTH_NBR_FLG');
		expect(result.lines).toHaveLength(2);
		expect(specViolations(sim)).toEqual([]);
	});

	test('an empty Quote Number fails before sending', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'quote',
				operation: 'validate',
				quoteNumber: locator('={{ $json.missing }}'),
			},
		});
		expect(error?.message).toBe('"Quote Number" is required [item 0]');
		expect(apiCalls()).toBe(0);
	});
});

describe('Quote › Create', () => {
	const createParameters = (extra: Record<string, unknown> = {}) => ({
		resource: 'quote',
		operation: 'create',
		quoteName: 'Office refresh',
		customerContact: 'jane.doe@reseller.example.com',
		linesInput: 'fields',
		lines: {
			line: [
				{ ingramPartNumber: SKUS.inStock, quantity: 2, lineLevelNotes: 'rack mount' },
				{ vendorPartNumber: VPNS.backordered, quantity: 1 },
			],
		},
		endUserInfo: {
			companyName: 'Example Inc',
			contact: 'John Doe',
			city: 'Flint',
			state: 'MI',
			countryCode: 'US',
		},
		additionalFields: {
			firstname: 'Jane',
			lastname: 'Doe',
			quoteExpiryDate: '2026-04-30T00:00:00',
			sendQuoteCopy: 'buyer@example.com, boss@example.com',
			customerNeed: 'Before Q3',
		},
		...extra,
	});

	test('sends the schema’s field names and string quantities; the new quote can then be read with Get', async () => {
		const created = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters(),
		});
		expect(created.error).toBeUndefined();
		expect(sim.count({ operationId: CREATE })).toBe(1);
		const quoteNumber = String(created.items[0].json.quoteNumber);
		expect(quoteNumber).toMatch(/^QUO-\d+-[A-Z0-9]+$/);

		const [request] = requestsTo(CREATE);
		expect(request.body).toEqual({
			quoteName: 'Office refresh',
			firstname: 'Jane',
			lastname: 'Doe',
			CustomerContact: 'jane.doe@reseller.example.com',
			quoteExpiryDate: '04/30/2026',
			customerNeed: 'Before Q3',
			endUserInfo: {
				companyName: 'Example Inc',
				contact: 'John Doe',
				city: 'Flint',
				state: 'MI',
				countryCode: 'US',
			},
			sendQuoteCopy: 'buyer@example.com,boss@example.com',
			products: [
				{ ingramPartNumber: SKUS.inStock, quantity: '2', lineLevelNotes: 'rack mount' },
				{ vendorPartNumber: VPNS.backordered, quantity: '1' },
			],
		});
		expect(specViolations(sim)).toEqual([]);

		const read = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'quote', operation: 'get', quoteNumber: locator(quoteNumber) },
		});
		expect(read.error).toBeUndefined();
		expect(read.items[0].json).toMatchObject({
			quoteNumber,
			quoteName: 'Office refresh',
			status: 'Ready To Order',
		});
		const products = read.items[0].json.products as Array<Record<string, unknown>>;
		expect(products.map((p) => [p.ingramPartNumber, p.quantity])).toEqual([
			[SKUS.inStock, 2],
			[SKUS.backordered, 1],
		]);
	});

	test('products from a JSON array; a configure-to-order quote with a Deal ID needs no products', async () => {
		const fromJson = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters({
				linesInput: 'json',
				linesJson: `[{"ingramPartNumber": "${SKUS.inStock}", "quantity": 3}]`,
			}),
		});
		expect(fromJson.error).toBeUndefined();
		expect((requestsTo(CREATE)[0].body as { products: unknown[] }).products).toEqual([
			{ ingramPartNumber: SKUS.inStock, quantity: '3' },
		]);

		const fromDeal = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters({
				lines: {},
				additionalFields: { dealId: SIM_FIXTURES.deals.cisco },
			}),
		});
		expect(fromDeal.error).toBeUndefined();
		const body = requestsTo(CREATE)[1].body as Record<string, unknown>;
		expect(body.dealId).toBe(SIM_FIXTURES.deals.cisco);
		expect(body.products).toEqual([]);
		expect(sim.data.quotes[0]).toMatchObject({
			quoteNumber: fromDeal.items[0].json.quoteNumber,
			quoteType: 'Deal',
		});
		expect(specViolations(sim)).toEqual([]);
	});

	test.each([
		[
			'a product without Ingram or vendor part number',
			{
				lines: {
					line: [
						{ ingramPartNumber: SKUS.inStock, quantity: 1 },
						{ quantity: 2, lineLevelNotes: 'which one?' },
					],
				},
			},
			'Product 2: "Ingram Part Number" or "Vendor Part Number" is required [item 0]',
		],
		[
			'no products and no deal',
			{ lines: {} },
			'Add at least one product, or a Deal ID for a configure-to-order quote [item 0]',
		],
		[
			'a quantity that is not a whole number',
			{ lines: { line: [{ ingramPartNumber: SKUS.inStock, quantity: 1.5 }] } },
			'"Product 1 › Quantity" must be a whole number of at least 1, but it is the number 1.5 [item 0]',
		],
		[
			'a contact email over 64 characters',
			{ customerContact: `${'x'.repeat(60)}@example.com` },
			'"Customer Contact Email" is 72 characters long; at most 64 are allowed [item 0]',
		],
		[
			'11 quote copy recipients',
			{
				additionalFields: {
					sendQuoteCopy: Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(','),
				},
			},
			'"Send Quote Copy To" has 11 email addresses; Ingram Micro accepts at most 10 [item 0]',
		],
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

	test('Customer Contact Email left empty: the credential’s Customer Contact Email is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters({ customerContact: '' }),
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(CREATE);
		expect((request.body as Record<string, unknown>).CustomerContact).toBe(
			SIM_DEFAULTS.customerContact,
		);
		expect(specViolations(sim)).toEqual([]);
	});

	test('a Customer Contact Email in the node wins over the credential’s', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: createParameters(),
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(CREATE);
		expect((request.body as Record<string, unknown>).CustomerContact).toBe(
			'jane.doe@reseller.example.com',
		);
		expect(SIM_DEFAULTS.customerContact).not.toBe('jane.doe@reseller.example.com');
	});

	test('no Customer Contact Email in the node nor in the credential: fails naming the field and the item', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.customerContact = '';
		const { error } = await runNode({
			pkg,
			credentials,
			parameters: createParameters({ customerContact: '={{ $json.contact }}' }),
			input: [{ json: { contact: 'a@example.com' } }, { json: { contact: '' } }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('"Customer Contact Email" is required [item 1]');
		expect(String(error?.description)).toMatch(
			/Customer Contact Email in the Ingram Micro credential/,
		);
		expect(apiCalls()).toBe(0);
	});

	test('answered 500: sent exactly once (no duplicate quote) and the error says so', async () => {
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
	});
});
