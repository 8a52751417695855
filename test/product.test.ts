import type { INodeExecutionData } from 'n8n-workflow';

import { loadPackage, runNode, type CredentialStore, type LoadedPackage } from './harness';
import { catalogSkus, simCredentials, specViolations, UNKNOWN_SKU } from './helpers';
import { SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const priceParameters = (skus: string, extra: Record<string, unknown> = {}) => ({
	resource: 'product',
	operation: 'getPriceAndAvailability',
	identifyBy: 'ingramPartNumber',
	skus,
	...extra,
});

const itemsWithSkus = (skus: string[]): INodeExecutionData[] =>
	skus.map((sku) => ({ json: { sku } }));

describe('Product › Get Price and Availability', () => {
	test('120 SKUs arriving as 120 items are priced in 3 requests with one token; one output item per SKU, paired', async () => {
		const skus = catalogSkus(sim, 120);
		const credentials = simCredentials(sim);
		const { items, error, credentialsHelper } = await runNode({
			pkg,
			credentials,
			parameters: priceParameters('={{ $json.sku }}'),
			input: itemsWithSkus(skus),
		});

		expect(error).toBeUndefined();
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(3);
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(1);
		expect(credentialsHelper.preAuthenticationCalls).toBe(1);
		const sizes = sim.requests
			.filter((r) => r.operationId === 'post-priceandavailability')
			.map((r) => (r.body as { products: unknown[] }).products.length);
		expect(sizes).toEqual([50, 50, 20]);
		expect(specViolations(sim)).toEqual([]);

		expect(items).toHaveLength(120);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.ingramPartNumber).toBe(skus[index]);
			expect(typeof item.json.customerPrice).toBe('number');
			expect(typeof item.json.totalAvailability).toBe('number');
		});
	});

	test('a list of SKUs in one item, with an unknown one: each SKU gets its own status', async () => {
		const [a, b] = catalogSkus(sim, 2);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters(`${a}, ${UNKNOWN_SKU}\n${b}`),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.ingramPartNumber)).toEqual([a, UNKNOWN_SKU, b]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const unknown = items[1].json;
		expect(unknown).toEqual({
			found: false,
			ingramPartNumber: UNKNOWN_SKU,
			message: expect.stringContaining(UNKNOWN_SKU),
		});
		expect(items[0].json.found).toBe(true);
		// the batch was mixed: Ingram answers 207 and the node still returns every SKU
		expect(sim.requests.find((r) => r.operationId === 'post-priceandavailability')?.status).toBe(
			207,
		);
	});

	test('Simplify gives one flat row per SKU: found, prices, total and per-warehouse stock as plain columns', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters(sku),
		});
		expect(error).toBeUndefined();
		const row = items[0].json;
		// every value is a plain value: nothing nested fills a table cell
		expect(Object.values(row).every((value) => value === null || typeof value !== 'object')).toBe(
			true,
		);
		const product = sim.data.products.find((p) => p.ingramPartNumber === sku)!;
		expect(row).toMatchObject({
			found: true,
			ingramPartNumber: sku,
			vendorName: product.vendorName,
			currencyCode: 'USD',
			customerPrice: expect.any(Number),
			available: true,
			totalAvailability: product.stock.reduce((sum, s) => sum + s.quantityAvailable, 0),
		});
		for (const stock of product.stock)
			expect(row[`warehouse${stock.warehouseId}Available`]).toBe(stock.quantityAvailable);
	});

	test('Simplify is read per item: an expression can ask for the full answer for some items only', async () => {
		const [a, b] = catalogSkus(sim, 2);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}', { simplify: '={{ !$json.full }}' }),
			input: [{ json: { sku: a } }, { json: { sku: b, full: true } }],
		});
		expect(error).toBeUndefined();
		expect(items[0].json.found).toBe(true);
		expect(items[0].json.availability).toBeUndefined();
		expect(items[1].json.found).toBeUndefined();
		expect(
			(items[1].json.availability as { availabilityByWarehouse: unknown[] }).availabilityByWarehouse
				.length,
		).toBeGreaterThan(0);
	});

	test('options reach Ingram: pricing off, product attributes, discounts, warehouses, special bid', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters(sku, {
				includePricing: false,
				simplify: false,
				options: {
					includeProductAttributes: true,
					showAvailableDiscounts: true,
					specialBidNumber: 'SB-1234',
					warehouseIds: '10, 40',
					quantityRequested: 5,
				},
			}),
		});
		expect(error).toBeUndefined();
		const request = sim.requests.find((r) => r.operationId === 'post-priceandavailability')!;
		expect(request.query).toMatchObject({
			includePricing: 'false',
			includeAvailability: 'true',
			includeProductAttributes: 'true',
		});
		expect(request.body).toMatchObject({
			showAvailableDiscounts: true,
			specialBidNumber: 'SB-1234',
			availabilityByWarehouse: [
				{ availabilityByWarehouseId: '10' },
				{ availabilityByWarehouseId: '40' },
			],
			products: [{ ingramPartNumber: sku, quantityRequested: '5' }],
		});
		expect(specViolations(sim)).toEqual([]);
		expect(items[0].json.pricing).toBeUndefined();
		expect(items[0].json.availability).toBeDefined();
	});

	test('the same SKU asked by several items is priced once and answered to each', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}'),
			input: itemsWithSkus([sku, sku, sku]),
		});
		const request = sim.requests.find((r) => r.operationId === 'post-priceandavailability')!;
		expect((request.body as { products: unknown[] }).products).toHaveLength(1);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) {
			expect(item.json.ingramPartNumber).toBe(sku);
			expect(item.json.customerPrice).toBe(items[0].json.customerPrice);
			expect(typeof item.json.customerPrice).toBe('number');
		}
	});

	test('two quantities of one SKU are asked in separate requests (Ingram’s answers do not echo the quantity)', async () => {
		const [sku, other] = catalogSkus(sim, 2);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}', {
				options: { quantityRequested: '={{ $json.quantity }}' },
			}),
			input: [
				{ json: { sku, quantity: 1 } },
				{ json: { sku: other, quantity: 1 } },
				{ json: { sku, quantity: 100 } },
			],
		});
		expect(error).toBeUndefined();
		const bodies = sim.requests
			.filter((r) => r.operationId === 'post-priceandavailability')
			.map(
				(r) =>
					(r.body as { products: Array<{ ingramPartNumber: string; quantityRequested: string }> })
						.products,
			);
		expect(bodies).toEqual([
			[
				{ ingramPartNumber: sku, quantityRequested: '1' },
				{ ingramPartNumber: other, quantityRequested: '1' },
			],
			[{ ingramPartNumber: sku, quantityRequested: '100' }],
		]);
		expect(items.map((i) => [i.json.ingramPartNumber, i.pairedItem])).toEqual([
			[sku, { item: 0 }],
			[other, { item: 1 }],
			[sku, { item: 2 }],
		]);
	});

	test('a request that fails says which SKUs and items it was for', async () => {
		const skus = catalogSkus(sim, 3);
		sim.setFault({
			mode: 'status',
			status: 503,
			times: 100,
			operationId: 'post-priceandavailability',
		});
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}'),
			input: itemsWithSkus(skus),
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) {
			expect(item.json.httpCode).toBe('503');
			expect(String(item.json.description)).toContain(
				`This request priced 3 SKUs (${skus.join(', ')}) for items 0, 1, 2.`,
			);
		}
	});

	test('an item without a SKU fails with a message naming the field and the item, and nothing is sent', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { error, items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}'),
			input: [{ json: { sku } }, { json: { sku: '' } }],
		});
		expect(error?.message).toBe('"SKUs" is empty [item 1]');
		expect(error?.name).toBe('NodeOperationError');
		expect(items).toHaveLength(0);
		expect(sim.count()).toBe(0);
	});

	test.each([
		[
			'an object',
			{ sku: '123512' },
			/^"SKUs" must be text, but it is an object \(\{"sku":"123512"\}\) \[item 1\]$/,
		],
		[
			'a list holding an object',
			['123512', { sku: 'DF4128' }],
			/^"SKUs" must be a list of texts, but entry 2 is an object/,
		],
		['a boolean', true, /^"SKUs" must be text, but it is the boolean true \[item 1\]$/],
	])(
		'SKUs from an expression that gives %s are refused before anything is sent',
		async (_, value, message) => {
			const [sku] = catalogSkus(sim, 1);
			const { error } = await runNode({
				pkg,
				credentials: simCredentials(sim),
				parameters: priceParameters('={{ $json.sku }}'),
				input: [{ json: { sku } }, { json: { sku: value } }],
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expect(sim.count()).toBe(0);
		},
	);

	test('continueOnFail: the bad item becomes an error item paired with it, the others are priced', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { error, items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}'),
			input: [{ json: { sku: '' } }, { json: { sku } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({
			json: { error: '"SKUs" is empty [item 0]' },
			pairedItem: { item: 0 },
		});
		expect(items[1].json.ingramPartNumber).toBe(sku);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Product › Search and Get', () => {
	test('Return All walks every page (100 per page) and returns each product once', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', keyword: '', returnAll: true },
		});
		expect(error).toBeUndefined();
		const pages = sim.requests.filter((r) => r.operationId === 'get-reseller-v6-productsearch');
		expect(pages.length).toBeGreaterThan(2);
		expect(pages.map((p) => p.query.pageNumber)).toEqual(pages.map((_, i) => String(i + 1)));
		expect(pages.every((p) => p.query.pageSize === '100')).toBe(true);
		const ids = items.map((i) => i.json.ingramPartNumber);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(catalogSkus(sim).length);
		expect(specViolations(sim)).toEqual([]);
	});

	test('Return All keeps going when Ingram pages smaller than asked, until recordsFound is reached', async () => {
		sim.setMaxPageSize(25);
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(catalogSkus(sim).length);
		expect(sim.count({ operationId: 'get-reseller-v6-productsearch' })).toBe(
			Math.ceil(catalogSkus(sim).length / 25),
		);
	});

	test('Limit asks only for what it needs', async () => {
		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', returnAll: false, limit: 7 },
		});
		expect(items).toHaveLength(7);
		expect(sim.count({ operationId: 'get-reseller-v6-productsearch' })).toBe(1);
		expect(
			sim.requests.find((r) => r.operationId === 'get-reseller-v6-productsearch')?.query.pageSize,
		).toBe('7');
	});

	test('filters become the spec’s query parameters (arrays repeated), and no match is an empty result', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'search',
				keyword: 'no-such-thing-anywhere',
				returnAll: true,
				filters: {
					vendor: 'HP, Lenovo',
					type: 'IM::physical',
					hasDiscounts: true,
					acceptLanguage: 'en',
				},
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
		const request = sim.requests.find((r) => r.operationId === 'get-reseller-v6-productsearch')!;
		expect(request.query).toMatchObject({
			keyword: 'no-such-thing-anywhere',
			vendor: ['HP', 'Lenovo'],
			type: 'IM::physical',
			hasDiscounts: 'true',
		});
		expect(request.headers['accept-language']).toBe('en');
		expect(specViolations(sim)).toEqual([]);
	});

	test('keyword search finds the product by its vendor part number', async () => {
		const [sku] = catalogSkus(sim, 1);
		const { items: details } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'get',
				lookUpBy: 'ingramPartNumber',
				ingramPartNumber: { __rl: true, mode: 'id', value: sku },
			},
		});
		expect(details).toHaveLength(1);
		expect(details[0].json.ingramPartNumber).toBe(sku);
		const vendorPartNumber = String(details[0].json.vendorPartNumber);

		const { items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'search',
				keyword: vendorPartNumber,
				returnAll: true,
			},
		});
		expect(items.map((i) => i.json.ingramPartNumber)).toContain(sku);

		const { items: byVendorPart } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'get',
				lookUpBy: 'vendorPartNumber',
				vendorPartNumber,
				simplify: false,
			},
		});
		expect(byVendorPart[0].json.ingramPartNumber).toBe(sku);
		expect(sim.count({ operationId: 'get-reseller-v6-productdetailcmp' })).toBe(1);
		expect(specViolations(sim)).toEqual([]);
	});

	test.each([
		['planId', SIM_FIXTURES.plans.planId],
		['planName', SIM_FIXTURES.plans.planName],
	])('a subscription plan is found by %s through /catalog/details', async (lookUpBy, value) => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'get',
				lookUpBy,
				[lookUpBy]: value,
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		const request = sim.requests.find((r) => r.operationId === 'get-reseller-v6-productdetailcmp')!;
		expect(request.query).toEqual({ [lookUpBy]: value });
		expect(JSON.stringify(items.map((i) => i.json))).toContain(SIM_FIXTURES.plans.planId);
		expect(specViolations(sim)).toEqual([]);
	});

	test('an unknown part number is a NodeApiError with status 404, Ingram’s message and the correlation ID', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'get',
				lookUpBy: 'ingramPartNumber',
				ingramPartNumber: { __rl: true, mode: 'id', value: UNKNOWN_SKU },
			},
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('No Records Found');
		expect(error?.httpCode).toBe('404');
		const request = sim.requests.find((r) => r.operationId === 'get-reseller-v6-productdetail')!;
		expect(String(error?.description)).toContain(request.headers['im-correlationid']);
		expect(sim.count({ operationId: 'get-reseller-v6-productdetail' })).toBe(1);
	});

	test('an Ingram Part Number that is empty for one item fails before anything is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'get',
				lookUpBy: 'ingramPartNumber',
				ingramPartNumber: { __rl: true, mode: 'id', value: '={{ $json.sku }}' },
			},
			input: [{ json: { sku: catalogSkus(sim, 1)[0] } }, { json: { sku: '  ' } }],
		});
		expect(error?.message).toBe('"Ingram Part Number" is required [item 1]');
		// item 0 is valid, but nothing is sent while any item's input is wrong
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});
});

describe('Authentication', () => {
	test('the token is fetched once and reused by a later execution; an expired token is renewed once', async () => {
		const credentials: CredentialStore = simCredentials(sim);
		const [sku] = catalogSkus(sim, 1);
		const parameters = priceParameters(sku);

		await runNode({ pkg, credentials, parameters });
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(1);
		const firstToken = credentials.ingramMicroOAuth2Api.accessToken;
		expect(firstToken).toBeTruthy();

		// a second execution reads the stored token
		const second = await runNode({ pkg, credentials, parameters });
		expect(second.error).toBeUndefined();
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(1);

		// Ingram expires it: one 401, one new token, the call succeeds
		sim.expireAllTokens();
		sim.clearRequests();
		const third = await runNode({ pkg, credentials, parameters });
		expect(third.error).toBeUndefined();
		expect(third.items[0].json.ingramPartNumber).toBe(sku);
		expect(sim.requests.map((r) => `${r.operationId}:${r.status}`)).toEqual([
			'post-priceandavailability:401',
			'get-accesstoken:200',
			'post-priceandavailability:200',
		]);
		expect(credentials.ingramMicroOAuth2Api.accessToken).not.toBe(firstToken);
	});

	test('wrong client secret: a clear 401 error, and neither the secret nor a token leaks into output or error', async () => {
		const credentials = simCredentials(sim);
		const wrongValue = `wrong-${Date.now()}-value`;
		credentials.ingramMicroOAuth2Api.clientSecret = wrongValue;
		const result = await runNode({
			pkg,
			credentials,
			parameters: priceParameters(catalogSkus(sim, 1)[0]),
			onError: 'continueRegularOutput',
		});
		const item = result.items[0].json;
		expect(String(item.error)).toContain(
			'Ingram Micro refused the Client ID or Client Secret (HTTP 401 from the token endpoint)',
		);
		expect(String(item.error)).toContain('check that the Environment matches the app');
		expect(String(item.description)).toContain("Nothing was sent to Ingram Micro's API");
		expect(item.httpCode).toBe('401');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
		const everything = JSON.stringify(result.run);
		expect(everything).not.toContain(wrongValue);
	});
});

describe('Token endpoint', () => {
	const TOKEN = 'get-accesstoken';
	const price = async () =>
		await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters(catalogSkus(sim, 1)[0]),
		});

	test.each([
		['a 503', { mode: 'status', status: 503 }],
		['a 500', { mode: 'status', status: 500 }],
		['a dropped connection', { mode: 'drop' }],
		['a 429', { mode: 'rateLimit', resetSeconds: 1 }],
	] as const)(
		'%s from the token endpoint is retried like a read, and the call goes through',
		async (_, fault) => {
			sim.setFault({ ...fault, times: 1, operationId: TOKEN } as Parameters<
				typeof sim.setFault
			>[0]);
			const { error, items } = await price();
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(sim.count({ operationId: TOKEN })).toBe(2);
			expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(1);
		},
	);

	test('a token service that stays down: "unavailable", not "check your credentials", after 4 tries; no API call', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 100, operationId: TOKEN });
		const { error } = await price();
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			"Ingram Micro's token service is unavailable (HTTP 503); the Client ID and Secret were not refused. Try again later.",
		);
		expect(String(error?.description)).toMatch(
			/^Nothing was sent to Ingram Micro's API. Tried 4 times.\n/,
		);
		expect(sim.count({ operationId: TOKEN })).toBe(4);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test.each([
		[
			'an HTML page',
			{ contentType: 'text/html', content: '<html><body>Gateway login</body></html>' },
			undefined,
			'an HTML page',
		],
		['an empty JSON object', undefined, {}, 'an empty JSON object'],
		['a number', undefined, 42, 'the JSON value 42'],
		[
			'an object without access_token',
			undefined,
			{ token_type: 'Bearer' },
			'a JSON object with token_type but no access_token',
		],
	])(
		'a 200 answer that is %s fails at once, saying so; no API call is made',
		async (_, text, body, words) => {
			sim.setFault({ mode: 'answer', status: 200, text, body, times: 100, operationId: TOKEN });
			const { error } = await price();
			expect(error?.message).toBe(
				`Ingram Micro's token endpoint answered without an access token (${words}). Check the Environment (or the Base URL): it must point at Ingram Micro's API.`,
			);
			expect(error?.message).not.toMatch(/401|renewed/);
			expect(sim.count({ operationId: TOKEN })).toBe(1);
			expect(sim.count({ path: /^\/resellers/ })).toBe(0);
		},
	);
});

describe('Faults on reads', () => {
	const sku = () => catalogSkus(sim, 1)[0];
	const readOnce = async () =>
		await runNode({ pkg, credentials: simCredentials(sim), parameters: priceParameters(sku()) });

	test('429 with X-RateLimit-Reset: waits for the reset, then succeeds', async () => {
		sim.setFault({
			mode: 'rateLimit',
			times: 1,
			resetSeconds: 1,
			operationId: 'post-priceandavailability',
		});
		const started = Date.now();
		const { error, items } = await readOnce();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(500);
	});

	test('429 with Retry-After recovers too', async () => {
		sim.setFault({
			mode: 'rateLimit',
			times: 1,
			resetSeconds: 1,
			header: 'retry-after',
			operationId: 'post-priceandavailability',
		});
		const { error } = await readOnce();
		expect(error).toBeUndefined();
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(2);
	});

	test.each([500, 502, 503, 504] as const)('%s then success: the read recovers', async (status) => {
		sim.setFault({ mode: 'status', status, times: 2, operationId: 'post-priceandavailability' });
		const { error, items } = await readOnce();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(3);
	});

	test('a rate limit whose reset is too far away fails at once and says when to retry', async () => {
		sim.setFault({
			mode: 'rateLimit',
			times: 100,
			resetSeconds: 600,
			operationId: 'post-priceandavailability',
		});
		const started = Date.now();
		const { error } = await readOnce();
		expect(Date.now() - started).toBeLessThan(3000);
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toMatch(
			/^Ingram Micro's rate limit is reached \(HTTP 429 Too Many Requests\): retry after \d\d:\d\d:\d\d UTC \(in (59\d|60[01]) s\)$/,
		);
		expect(String(error?.description)).toContain('safe to run again after the reset');
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(1);
	});

	test("a read that hangs fails after the credential's timeout, asked twice, not after n8n's 5 minutes × 4", async () => {
		sim.setFault({
			mode: 'slow',
			delayMs: 5000,
			times: 2,
			operationId: 'post-priceandavailability',
		});
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.readTimeoutSeconds = 1;
		const started = Date.now();
		const { error } = await runNode({ pkg, credentials, parameters: priceParameters(sku()) });
		expect(Date.now() - started).toBeLessThan(4500);
		expect(error?.message).toBe('Ingram Micro did not answer within 1 s');
		expect(String(error?.description)).toContain('Timeout for Reads');
		expect(String(error?.description)).toContain('Tried 2 times');
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(2);
	});

	test('a dropped connection is retried', async () => {
		sim.setFault({ mode: 'drop', times: 1, operationId: 'post-priceandavailability' });
		const { error } = await readOnce();
		expect(error).toBeUndefined();
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(2);
	});

	test('a slow answer is waited for', async () => {
		sim.setFault({
			mode: 'slow',
			delayMs: 1500,
			times: 1,
			operationId: 'post-priceandavailability',
		});
		const { error, items } = await readOnce();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(1);
	});

	test('retries are bounded: a service that stays down fails after 4 attempts with Ingram’s status', async () => {
		sim.setFault({
			mode: 'status',
			status: 503,
			times: 100,
			operationId: 'get-reseller-v6-productsearch',
		});
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', returnAll: false, limit: 5 },
		});
		expect(error?.httpCode).toBe('503');
		expect(String(error?.description)).toContain('Tried 4 times');
		expect(sim.count({ operationId: 'get-reseller-v6-productsearch' })).toBe(4);
	});
});

describe('Price and availability: requests in parallel', () => {
	// 450 SKUs = 9 requests of 50. Unknown SKUs past the catalog still take their place in a request.
	const skus = () =>
		[
			...catalogSkus(sim),
			...Array.from({ length: 50 }, (_, n) => `ZP${String(n).padStart(4, '0')}`),
		].slice(0, 450);
	const priceAll = async (extra: Record<string, unknown> = {}) =>
		await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: priceParameters('={{ $json.sku }}', extra),
			input: itemsWithSkus(skus()),
		});

	test('9 requests at 300 ms latency: the first alone (it fetches the token), then the others together; output order and pairing unchanged', async () => {
		sim.setLatency(300);
		const started = Date.now();
		const { error, items } = await priceAll();
		const elapsed = Date.now() - started;
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.ingramPartNumber)).toEqual(skus());
		expect(items.map((i) => i.pairedItem)).toEqual(skus().map((_, item) => ({ item })));
		expect(sim.count({ operationId: 'post-priceandavailability' })).toBe(9);
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(1);
		// one after another: token + 9 × 300 ms ≥ 3 s; in parallel: token + 2 round trips ≈ 0.9 s
		expect(elapsed).toBeLessThan(2000);
	});

	test('with a token already stored, all 9 requests go out together: one round trip', async () => {
		const credentials = simCredentials(sim);
		const input = itemsWithSkus(skus());
		const parameters = priceParameters('={{ $json.sku }}');
		const first = await runNode({ pkg, credentials, parameters, input });
		expect(first.error).toBeUndefined();
		sim.setLatency(300);
		sim.clearRequests();
		const started = Date.now();
		const again = await runNode({
			pkg,
			credentials: first.credentialsHelper.store,
			parameters,
			input,
		});
		expect(again.error).toBeUndefined();
		expect(again.items).toHaveLength(450);
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(0);
		expect(Date.now() - started).toBeLessThan(900);
	});

	test('Parallel Requests = 1 sends them one after another', async () => {
		sim.setLatency(300);
		const started = Date.now();
		const { error } = await priceAll({ options: { parallelRequests: 1 } });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
	});

	test('rate-limit answers in the middle of a parallel run are waited out; every SKU is priced once', async () => {
		await priceAll(); // token in place, so the fault hits price requests only
		sim.clearRequests();
		sim.setFault({
			mode: 'rateLimit',
			times: 3,
			resetSeconds: 1,
			operationId: 'post-priceandavailability',
		});
		const { error, items } = await priceAll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(450);
		const statuses = sim.requests
			.filter((r) => r.operationId === 'post-priceandavailability')
			.map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(3);
		expect(statuses.filter((s) => s === 200 || s === 207)).toHaveLength(9);
	});
});
