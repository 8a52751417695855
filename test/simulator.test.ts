/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Tests of the XI simulator itself (not of the node): that it behaves like Ingram's gateway and
 * services as documented, so the node's tests can trust it.
 */
import { randomBytes } from 'node:crypto';
import {
	SIM_DEFAULTS,
	SIM_FIXTURES,
	validateXiSpecDocument,
	XiSimulator,
	type RecordedRequest,
} from './simulator';

/** Ingram limits IM-CorrelationID to 32 characters: 32 hex digits, not a 36-character UUID. */
const correlationId = () => randomBytes(16).toString('hex');

interface CallOptions {
	method?: string;
	token?: string | null;
	headers?: Record<string, string | undefined>;
	body?: unknown;
	prefix?: string;
}

interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let sim: XiSimulator;
let token: string;

async function getToken(simulator: XiSimulator): Promise<string> {
	const res = await fetch(`${simulator.baseUrl}/oauth/oauth20/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: SIM_DEFAULTS.clientId,
			client_secret: SIM_DEFAULTS.clientSecret,
		}).toString(),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

/** Calls the simulator with every header Ingram requires somewhere (tests remove what they need to). */
async function call(
	path: string,
	options: CallOptions = {},
	simulator: XiSimulator = sim,
): Promise<CallResult> {
	const headers: Record<string, string> = {};
	const all: Record<string, string | undefined> = {
		'IM-CustomerNumber': SIM_DEFAULTS.customerNumber,
		'IM-CountryCode': SIM_DEFAULTS.countryCode,
		'IM-CorrelationID': correlationId(),
		'IM-SenderID': SIM_DEFAULTS.senderId,
		'IM-CustomerContact': SIM_DEFAULTS.customerContact,
		'IM-ApplicationID': SIM_DEFAULTS.senderId,
		...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
		...(options.token !== null ? { Authorization: `Bearer ${options.token ?? token}` } : {}),
		...options.headers,
	};
	for (const [name, value] of Object.entries(all)) if (value !== undefined) headers[name] = value;
	const res = await fetch(`${simulator.baseUrl}${options.prefix ?? ''}${path}`, {
		method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
		headers,
		body:
			options.body === undefined
				? undefined
				: typeof options.body === 'string'
					? options.body
					: JSON.stringify(options.body),
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

const lastRequest = (simulator: XiSimulator = sim): RecordedRequest =>
	simulator.requests[simulator.requests.length - 1];

const returnLine = {
	invoiceNumber: SIM_FIXTURES.invoices.shipped,
	invoiceDate: '2025-05-13',
	ingramPartNumber: SIM_FIXTURES.skus.lenovoNotebook,
	quantity: 1,
	primaryReason: 'The product is defective',
	secondaryReason: 'Product does not power on.',
	numberOfBoxes: 1,
	shipFromInfo: [
		{
			companyName: 'ABC TECH',
			contact: 'STARK',
			addressLine1: '17501 W 98TH ST',
			city: 'LENEXA',
			state: 'KS',
			postalCode: '66219',
			countryCode: 'US',
			email: 'stark@example.com',
		},
	],
};

beforeAll(async () => {
	sim = await XiSimulator.start();
	token = await getToken(sim);
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

describe('the spec the simulator validates against', () => {
	it('is valid OAS 3.0 after merging quote create from the JSON', async () => {
		await expect(validateXiSpecDocument()).resolves.toBeUndefined();
	});
});

describe('token endpoint', () => {
	it('accepts the spec GET with credentials in the query string', async () => {
		const qs = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: SIM_DEFAULTS.clientId,
			client_secret: SIM_DEFAULTS.clientSecret,
		});
		const res = await call(`/oauth/oauth20/token?${qs.toString()}`, { token: null });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			access_token: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
			token_type: 'Bearer',
			expires_in: '86400',
		});
		expect(sim.issuedTokens).toContain(res.json.access_token);
		expect(lastRequest().operationId).toBe('get-accesstoken');
	});

	it('accepts the portal POST form, also under /sandbox', async () => {
		const res = await fetch(`${sim.baseUrl}/sandbox/oauth/oauth20/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${SIM_DEFAULTS.clientId}&client_secret=${SIM_DEFAULTS.clientSecret}`,
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { expires_in: unknown };
		expect(typeof body.expires_in).toBe('string');
		expect(lastRequest()).toMatchObject({
			path: '/oauth/oauth20/token',
			sandbox: true,
			method: 'POST',
			body: { grant_type: 'client_credentials' },
		});
	});

	it('answers wrong credentials with Apigee 401 and a missing grant type with 400', async () => {
		const wrong = await call(
			'/oauth/oauth20/token?grant_type=client_credentials&client_id=nope&client_secret=nope',
			{ token: null },
		);
		expect(wrong.status).toBe(401);
		expect(wrong.json).toEqual({
			fault: {
				faultstring: 'Invalid client identifier {0}',
				detail: { errorcode: 'oauth.v2.InvalidClientIdentifier' },
			},
		});
		const missing = await call(
			`/oauth/oauth20/token?client_id=${SIM_DEFAULTS.clientId}&client_secret=${SIM_DEFAULTS.clientSecret}`,
			{ token: null },
		);
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ message: expect.any(String) });
	});
});

describe('authentication', () => {
	it('answers 401 with an empty body without a token or with an unknown one', async () => {
		for (const t of [null, 'not-a-token']) {
			const res = await call('/resellers/v6/catalog', { token: t });
			expect(res.status).toBe(401);
			expect(res.text).toBe('');
		}
	});

	it('rejects every issued token after expireAllTokens, and accepts a fresh one', async () => {
		const own = await getToken(sim);
		expect((await call('/resellers/v6/catalog?pageSize=1', { token: own })).status).toBe(200);
		sim.expireAllTokens();
		expect((await call('/resellers/v6/catalog?pageSize=1', { token: own })).status).toBe(401);
		token = await getToken(sim);
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
	});

	it('expires tokens after tokenTtlSeconds', async () => {
		const short = await XiSimulator.start({ tokenTtlSeconds: 0.2 });
		try {
			const t = await getToken(short);
			expect((await call('/resellers/v6/catalog?pageSize=1', { token: t }, short)).status).toBe(
				200,
			);
			await new Promise((r) => setTimeout(r, 250));
			expect((await call('/resellers/v6/catalog?pageSize=1', { token: t }, short)).status).toBe(
				401,
			);
		} finally {
			await short.stop();
		}
	});

	it('answers a customer number the app is not registered to like the gateway (500 faultcode)', async () => {
		const res = await call('/resellers/v6/catalog', {
			headers: { 'IM-CustomerNumber': '20-999999' },
		});
		expect(res.status).toBe(500);
		expect(res.json).toEqual({
			faultcode: 'Server',
			faultstring: expect.stringContaining('Invalid customer number'),
		});
	});
});

describe('spec validation (openapi-backend)', () => {
	it('rejects a missing IM-CorrelationID, a 36-character one and a 3-letter IM-CountryCode', async () => {
		const missing = await call('/resellers/v6/catalog', {
			headers: { 'IM-CorrelationID': undefined },
		});
		expect(missing.status).toBe(400);
		expect(missing.json.errors[0].fields).toEqual([
			{
				field: 'IM-CorrelationID',
				value: null,
				message: "must have required property 'IM-CorrelationID'",
			},
		]);

		const uuid = 'fbac82ba-cf0a-4bcf-fc03-0c5084a1b2c3'; // 36 characters
		const long = await call('/resellers/v6/catalog', { headers: { 'IM-CorrelationID': uuid } });
		expect(long.status).toBe(400);
		expect(long.json.errors[0].fields).toEqual([
			{ field: 'IM-CorrelationID', value: uuid, message: 'must NOT have more than 32 characters' },
		]);

		const country = await call('/resellers/v6/quotes/search', {
			headers: { 'IM-CountryCode': 'USA' },
		});
		expect(country.status).toBe(400);
		expect(country.json.errors[0]).toMatchObject({
			type: '/errors/validation-failed',
			message: 'Validation failed',
			fields: [{ field: 'IM-CountryCode', value: 'USA' }],
		});
		expect(lastRequest().validationErrors).toHaveLength(1);
	});

	it("words each service's 400 like the spec examples do (id/traceid, typos, nulls, array wrapping)", async () => {
		const orderCreate = await call('/resellers/v6/orders', {
			body: {
				customerOrderNumber: SIM_FIXTURES.orders.shippedCustomerOrderNumber,
				lines: [{ ingramPartNumber: '123512', quantity: 1 }],
			},
		});
		expect(orderCreate.json.errors[0]).toMatchObject({
			id: expect.any(String),
			type: '/errors/validation-failed',
			messaage: 'Validation failed',
		});
		const orderSearch = await call('/resellers/v6/orders/search?ingramOrderDate-bt=2025-01-01');
		expect(orderSearch.json.errors[0]).toMatchObject({
			'1ype': '/errors/validation-failed',
			message: 'Validation failed',
		});
		const details = await call('/resellers/v6/catalog/details');
		expect(details.json.errors[0]).toMatchObject({
			traceid: expect.any(String),
			type: 'errors/bad-request',
			message: expect.stringContaining('Model Binding'),
		});
		const deals = await call('/resellers/v6/deals/search?Size=0');
		expect(deals.json.errors[0]).toMatchObject({
			traceid: expect.any(String),
			message: null,
			fields: [{ field: 'Size' }],
		});
		const freight = await call('/resellers/v6/freightestimate', {
			body: {
				shipToAddressId: '200',
				lines: [{ ingramPartNumber: SIM_FIXTURES.skus.unknown, quantity: '1' }],
			},
		});
		expect(freight.json).toEqual([
			{
				errors: [
					{
						traceid: expect.any(String),
						type: '/errors/validation-failed',
						fields: [expect.objectContaining({ field: 'lines[0].ingramPartNumber' })],
					},
				],
			},
		]);
	});

	it('matches header names case-insensitively', async () => {
		const res = await call('/resellers/v6/catalog?pageSize=1', {
			headers: { 'IM-CorrelationID': undefined, 'im-correlationid': correlationId() },
		});
		expect(res.status).toBe(200);
	});

	it('lists every violation at once, with body paths', async () => {
		const res = await call('/resellers/v6/orders', {
			headers: { 'IM-CountryCode': 'USA' },
			body: {
				customerOrderNumber: 'X'.repeat(36),
				lines: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: '2' }],
				shipmentDetails: { signatureRequired: 'true' },
			},
		});
		expect(res.status).toBe(400);
		const fields = res.json.errors[0].fields.map((f: { field: string }) => f.field).sort();
		expect(fields).toEqual([
			'IM-CountryCode',
			'customerOrderNumber',
			'lines[0].quantity',
			'shipmentDetails.signatureRequired',
		]);
	});

	it('rejects wrong body and query types, and the spec enums as they are', async () => {
		const pa = await call(
			'/resellers/v6/catalog/priceandavailability?includePricing=yes&includeAvailability=true',
			{ body: { products: 'DF4128' } },
		);
		expect(pa.status).toBe(400);
		expect(pa.json.errors[0].fields.map((f: { field: string }) => f.field).sort()).toEqual([
			'includePricing',
			'products',
		]);

		// The docs show "OPEN" orders, but the spec's orderStatus enum does not allow it.
		const status = await call('/resellers/v6/orders/search?orderStatus=OPEN');
		expect(status.status).toBe(400);
		expect((await call('/resellers/v6/orders/search?orderStatus-in=OPEN')).status).toBe(200);

		// Renewals search body is an object in the schema (Ingram's example sends an array); errors are array-wrapped.
		const renewals = await call('/resellers/v6/renewals/search', { body: [{ vendor: 'HP' }] });
		expect(renewals.status).toBe(400);
		expect(renewals.json).toEqual([
			{
				errors: [
					expect.objectContaining({
						traceid: expect.any(String),
						type: '/errors/validation-failed',
					}),
				],
			},
		]);
	});

	it('reports the endpoint-specific required headers', async () => {
		const cases: [string, CallOptions, string][] = [
			[
				'/resellers/v6/quotes/search',
				{ headers: { 'IM-CustomerContact': undefined } },
				'IM-CustomerContact',
			],
			[
				'/resellers/v6/invoices',
				{ headers: { 'IM-ApplicationID': undefined } },
				'IM-ApplicationID',
			],
			[
				`/resellers/v6/deals/${SIM_FIXTURES.deals.cisco}?vendorName=Cisco`,
				{ headers: { 'IM-ApplicationID': undefined } },
				'IM-ApplicationId',
			],
			[
				'/resellers/v7/vendorrequiredinfo',
				{ headers: { 'IM-SenderID': undefined }, body: { quoteNumber: SIM_FIXTURES.quotes.cisco } },
				'IM-SenderID',
			],
			[
				'/resellers/v6/freightestimate',
				{
					headers: { 'IM-CustomerContact': undefined },
					body: { shipToAddressId: '200', lines: [{ ingramPartNumber: '123512', quantity: '1' }] },
				},
				'IM-CustomerContact',
			],
		];
		for (const [path, options, header] of cases) {
			const res = await call(path, options);
			expect({ path, status: res.status }).toEqual({ path, status: 400 });
			// Freight estimate errors come array-wrapped: [{"errors":[...]}].
			const body = Array.isArray(res.json) ? res.json[0] : res.json;
			expect(body.errors[0].fields[0]).toMatchObject({ field: header, value: null });
		}
	});

	it('refuses bracketed array parameters instead of silently ignoring them', async () => {
		const res = await call('/resellers/v6/catalog?keyword[]=laserjet');
		expect(res.status).toBe(400);
		expect(res.json.errors[0].fields[0].field).toBe('keyword[]');
		expect((await call('/resellers/v6/catalog?someUnknownParam=1&pageSize=1')).status).toBe(200);
	});

	it('can be switched off', async () => {
		const lax = await XiSimulator.start({ validate: false });
		try {
			const t = await getToken(lax);
			const res = await call(
				'/resellers/v6/catalog?pageSize=1',
				{ token: t, headers: { 'IM-CorrelationID': 'x'.repeat(40) } },
				lax,
			);
			expect(res.status).toBe(200);
		} finally {
			await lax.stop();
		}
	});

	it('accepts a valid request for every resource', async () => {
		const valid: [string, CallOptions, number][] = [
			['/resellers/v6/catalog?keyword=laserjet&vendor=HP', {}, 200],
			[`/resellers/v6/catalog/details/${SIM_FIXTURES.skus.lenovoNotebook}`, {}, 200],
			[`/resellers/v6/catalog/details?planId=${SIM_FIXTURES.plans.planId}`, {}, 200],
			[
				'/resellers/v6/catalog/priceandavailability?includePricing=true&includeAvailability=true',
				{ body: { products: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock }] } },
				200,
			],
			[
				'/resellers/v6/orders/search?ingramOrderDate-bt=2025-01-01&ingramOrderDate-bt=2025-06-30',
				{},
				200,
			],
			[`/resellers/v6.1/orders/${SIM_FIXTURES.orders.shipped}`, {}, 200],
			[
				'/resellers/v7/orders',
				{
					body: {
						customerOrderNumber: 'V7-TEST',
						lines: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 }],
					},
				},
				200,
			],
			['/resellers/v6/quotes/search?vendorName=Cisco', {}, 200],
			[`/resellers/v6/quotes/${SIM_FIXTURES.quotes.details}`, {}, 200],
			[`/resellers/v6/q2o/validatequote?quoteNumber=${SIM_FIXTURES.quotes.cisco}`, {}, 200],
			[
				'/resellers/v6/quotes/create',
				{
					body: {
						quoteName: 'Test',
						customercontact: SIM_DEFAULTS.customerContact,
						products: [{ ingramPartNumber: '03WK88', quantity: '2' }],
					},
				},
				200,
			],
			[
				'/resellers/v7/vendorrequiredinfo',
				{ body: { products: [{ ingramPartNumber: '5DV320' }, { planID: '438308' }] } },
				200,
			],
			['/resellers/v6/invoices?invoiceStatus=Open', {}, 200],
			[
				`/resellers/v6.1/invoices/${SIM_FIXTURES.invoices.shipped}?includeSerialNumbers=true`,
				{},
				200,
			],
			[
				'/resellers/v6/renewals/search',
				{ body: { vendor: 'HP', status: { OpporutinyStatus: { value: 'Open' } } } },
				200,
			],
			[`/resellers/v6/renewals/${SIM_FIXTURES.renewals.vmware}`, {}, 200],
			['/resellers/v6/deals/search?vendor=Cisco', {}, 200],
			[`/resellers/v6/deals/${SIM_FIXTURES.deals.cisco}?vendorName=Cisco`, {}, 200],
			['/resellers/v6/returns/search?returnStatus-in=Open,Approved', {}, 200],
			[`/resellers/v6/returns/${SIM_FIXTURES.returns.open}`, {}, 200],
			['/resellers/v6/returns/create', { body: { list: [returnLine] } }, 200],
			[
				'/resellers/v6/freightestimate',
				{
					body: {
						shipToAddressId: '200',
						lines: [
							{
								customerLineNumber: '001',
								ingramPartNumber: SIM_FIXTURES.skus.inStock,
								quantity: '3',
							},
						],
					},
				},
				200,
			],
		];
		for (const [path, options, status] of valid) {
			const res = await call(path, options);
			expect({ path, status: res.status, errors: lastRequest().validationErrors }).toEqual({
				path,
				status,
				errors: undefined,
			});
		}
	});
});

describe('routing', () => {
	it('serves API paths at the root and under /sandbox, recording the path without the prefix', async () => {
		const res = await call('/resellers/v6/catalog?pageSize=1', { prefix: '/sandbox' });
		expect(res.status).toBe(200);
		expect(lastRequest()).toMatchObject({
			path: '/resellers/v6/catalog',
			sandbox: true,
			operationId: 'get-reseller-v6-productsearch',
		});
	});

	it('answers unknown paths 404 and unknown methods 405 in the errors shape', async () => {
		const unknown = await call('/resellers/v6/nothing-here');
		expect(unknown.status).toBe(404);
		expect(unknown.json.errors[0]).toMatchObject({
			type: expect.any(String),
			message: expect.any(String),
		});
		const method = await call('/resellers/v6/catalog', { method: 'DELETE' });
		expect(method.status).toBe(405);
		expect(unknown.headers.get('content-type')).toBe('application/json');
	});
});

describe('pagination', () => {
	it('catalog: pageSize/pageNumber as numbers, capped at 100, 404 past the last page', async () => {
		const first = await call('/resellers/v6/catalog?pageSize=100&pageNumber=1');
		expect(first.json).toMatchObject({
			recordsFound: SIM_FIXTURES.counts.products,
			pageSize: 100,
			pageNumber: 1,
			previousPage: null,
		});
		expect(first.json.catalog).toHaveLength(100);
		expect(first.json.nextPage).toBe('/resellers/v6/catalog?pageSize=100&pageNumber=2');
		const capped = await call('/resellers/v6/catalog?pageSize=500');
		expect(capped.json.pageSize).toBe(100);
		expect((await call('/resellers/v6/catalog?pageSize=25')).json.catalog).toHaveLength(25);
		const last = await call('/resellers/v6/catalog?pageSize=100&pageNumber=4');
		expect(last.json.nextPage).toBeNull();
		const past = await call('/resellers/v6/catalog?pageSize=100&pageNumber=5');
		expect(past.status).toBe(404);
		expect(past.json).toEqual({
			errors: [{ id: 123, type: 'Validation error', message: 'No Records Found' }],
		});
	});

	it('orders: counters as strings, default 25, 204 when nothing matches', async () => {
		const seen = new Set<string>();
		for (let page = 1; page <= 3; page++) {
			const res = await call(`/resellers/v6/orders/search?pageSize=50&pageNumber=${page}`);
			expect(res.json).toMatchObject({
				recordsFound: '120',
				pageSize: '50',
				pageNumber: String(page),
			});
			expect(typeof res.json.orders[0].orderTotal).toBe('string');
			res.json.orders.forEach((o: { ingramOrderNumber: string }) => seen.add(o.ingramOrderNumber));
			if (page === 3) expect(res.json.nextPage).toBeNull();
		}
		expect(seen.size).toBe(SIM_FIXTURES.counts.orders);
		expect((await call('/resellers/v6/orders/search')).json.orders).toHaveLength(25);
		const none = await call('/resellers/v6/orders/search?customerOrderNumber=NO-SUCH-PO');
		expect(none.status).toBe(204);
		expect(none.text).toBe('');
	});

	it('invoices: only a nextPage link; quotes: prevPage instead of previousPage', async () => {
		const invoices = await call('/resellers/v6/invoices?pageSize=40&pageNumber=3');
		expect(invoices.json).toMatchObject({
			recordsFound: SIM_FIXTURES.counts.invoices,
			pageSize: 40,
			pageNumber: 3,
			nextPage: null,
		});
		expect(invoices.json.invoices).toHaveLength(10);
		expect(invoices.json).not.toHaveProperty('previousPage');
		const quotes = await call('/resellers/v6/quotes/search?pageNumber=2');
		expect(quotes.json).toMatchObject({
			recordsFound: SIM_FIXTURES.counts.quotes,
			pageSize: 25,
			pageNumber: 2,
		});
		expect(quotes.json.prevPage).toContain('pageNumber=1');
		expect(quotes.json).not.toHaveProperty('previousPage');
	});

	it('renewals and returns: page/size strings (non-numbers refused), renewals array-wrapped', async () => {
		const renewals = await call('/resellers/v6/renewals/search?page=2&size=15', { body: {} });
		expect(renewals.json).toEqual([
			expect.objectContaining({
				recordsFound: SIM_FIXTURES.counts.renewals,
				pageSize: 15,
				pageNumber: 2,
			}),
		]);
		expect(renewals.json[0].renewals).toHaveLength(15);
		expect(renewals.json[0].nextPage).toBe('/resellers/v6/renewals/search?size=15&page=3');
		const bad = await call('/resellers/v6/renewals/search?size=abc', { body: {} });
		expect(bad.status).toBe(400);
		expect(Array.isArray(bad.json)).toBe(true);

		const returns = await call('/resellers/v6/returns/search?page=1&size=20');
		expect(returns.json).toMatchObject({
			recordsFound: SIM_FIXTURES.counts.returns,
			pageSize: 20,
			pageNumber: 1,
			previousPage: null,
		});
		expect(returns.json.nextPage).toContain('page=2');
	});

	it('deals: capitalised Page/Size, capped at 100', async () => {
		const deals = await call('/resellers/v6/deals/search?Page=2&Size=20');
		expect(deals.json).toMatchObject({
			recordsFound: SIM_FIXTURES.counts.deals,
			pageSize: 20,
			pageNumber: 2,
			nextPage: null,
		});
		expect(deals.json.deals).toHaveLength(10);
		expect((await call('/resellers/v6/deals/search?Size=1000')).json.pageSize).toBe(100);
	});
});

describe('price and availability', () => {
	const pa =
		'/resellers/v6/catalog/priceandavailability?includePricing=true&includeAvailability=true';

	it('answers a top-level array in request order; 207 when found and unknown products mix', async () => {
		const res = await call(pa, {
			body: {
				products: [
					{ ingramPartNumber: SIM_FIXTURES.skus.inStock },
					{ ingramPartNumber: SIM_FIXTURES.skus.unknown },
					{ vendorPartNumber: SIM_FIXTURES.vendorPartNumbers.backordered },
				],
			},
		});
		expect(res.status).toBe(207);
		expect(res.json).toHaveLength(3);
		expect(res.json[0]).toMatchObject({
			ingramPartNumber: SIM_FIXTURES.skus.inStock,
			pricing: { currencyCode: 'USD' },
			availability: { available: true },
		});
		expect(res.json[1]).toEqual({
			productStatusCode: 'E',
			productStatusMessage: `Product not found for IngramPartNumber:  ${SIM_FIXTURES.skus.unknown}`,
			ingramPartNumber: SIM_FIXTURES.skus.unknown,
		});
		expect(res.json[2]).toMatchObject({
			ingramPartNumber: SIM_FIXTURES.skus.backordered,
			availability: { available: false, totalAvailability: 0 },
		});
	});

	it('answers 200 when all were found, and when none was (each element must be checked)', async () => {
		expect(
			(await call(pa, { body: { products: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock }] } }))
				.status,
		).toBe(200);
		const none = await call(pa, {
			body: { products: [{ ingramPartNumber: 'ZZ9999' }, { ingramPartNumber: 'DF4128MW' }] },
		});
		expect(none.status).toBe(200);
		expect(none.json.every((p: { productStatusCode: string }) => p.productStatusCode === 'E')).toBe(
			true,
		);
	});

	it('includes pricing, availability and attributes only when asked', async () => {
		const bare = await call(
			'/resellers/v6/catalog/priceandavailability?includePricing=false&includeAvailability=false',
			{ body: { products: [{ ingramPartNumber: SIM_FIXTURES.skus.dellMonitor }] } },
		);
		expect(bare.json[0]).not.toHaveProperty('pricing');
		expect(bare.json[0]).not.toHaveProperty('availability');
		expect(bare.json[0]).not.toHaveProperty('productAuthorized');
		const full = await call(`${pa}&includeProductAttributes=true`, {
			body: {
				products: [{ ingramPartNumber: SIM_FIXTURES.skus.dellMonitor }],
				showAvailableDiscounts: true,
				specialBidNumber: 'BID-1',
				availabilityByWarehouse: [{ availabilityByWarehouseId: '40' }],
			},
		});
		expect(full.json[0]).toMatchObject({
			productAuthorized: true,
			uom: 'EA',
			pricing: { customerPrice: 70.62, retailPrice: 189.99 },
		});
		expect(
			full.json[0].availability.availabilityByWarehouse.map(
				(w: { warehouseId: string }) => w.warehouseId,
			),
		).toEqual(['40']);
		expect(full.json[0].discounts[0].specialPricing[0]).toMatchObject({
			discountType: 'Special Bid',
			specialBidNumber: 'BID-1',
		});
	});

	it('refuses more than 50 products (Ingram business rule, not in the spec)', async () => {
		const products = Array.from({ length: 51 }, () => ({
			ingramPartNumber: SIM_FIXTURES.skus.inStock,
		}));
		const res = await call(pa, { body: { products } });
		expect(res.status).toBe(400);
		expect(res.json.errors[0].fields[0]).toMatchObject({ field: 'products', value: 51 });
		expect((await call(pa, { body: { products: products.slice(0, 50) } })).status).toBe(200);
	});
});

describe('orders', () => {
	const create = (body: Record<string, unknown>) => call('/resellers/v6/orders', { body });

	it('creates an order (201) that search and details then show', async () => {
		const res = await create({
			customerOrderNumber: 'SIM-201',
			lines: [
				{ customerLineNumber: '001', ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 2 },
			],
		});
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({
			customerOrderNumber: 'SIM-201',
			orderSplit: false,
			processedPartially: false,
		});
		const order = res.json.orders[0];
		expect(order).toMatchObject({
			numberOfLinesWithSuccess: 1,
			numberOfLinesWithError: 0,
			ingramOrderNumber: expect.stringMatching(/^20-[A-Z0-9]{5}$/),
			currencyCode: 'USD',
		});
		const found = await call('/resellers/v6/orders/search?customerOrderNumber=SIM-201');
		expect(
			found.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber),
		).toEqual([order.ingramOrderNumber]);
		const details = await call(`/resellers/v6.1/orders/${order.ingramOrderNumber}`);
		expect(details.json).toMatchObject({
			orderStatus: 'Processing',
			lines: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantityOrdered: 2 }],
		});
	});

	it('rejects unknown SKUs line by line (207), and the whole order when all are unknown (400)', async () => {
		const partial = await create({
			customerOrderNumber: 'SIM-207',
			lines: [
				{ customerLineNumber: '001', ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 },
				{ customerLineNumber: '002', ingramPartNumber: SIM_FIXTURES.skus.unknown, quantity: 3 },
			],
		});
		expect(partial.status).toBe(207);
		expect(partial.json.processedPartially).toBe(true);
		expect(partial.json.orders[0]).toMatchObject({
			numberOfLinesWithSuccess: 1,
			numberOfLinesWithError: 1,
		});
		expect(partial.json.orders[0].rejectedLineItems).toEqual([
			{
				customerLinenumber: '002',
				ingramPartNumber: SIM_FIXTURES.skus.unknown,
				quantityOrdered: 3,
				rejectCode: 'EN',
				rejectReason: `SKU-NOTFOUND    ${SIM_FIXTURES.skus.unknown}`,
			},
		]);
		const none = await create({
			customerOrderNumber: 'SIM-400',
			lines: [{ ingramPartNumber: SIM_FIXTURES.skus.unknown, quantity: 1 }],
		});
		expect(none.status).toBe(400);
	});

	it('refuses a duplicate customerOrderNumber unless allowDuplicateCustomerOrderNumber=true', async () => {
		const dup = await create({
			customerOrderNumber: SIM_FIXTURES.orders.shippedCustomerOrderNumber,
			lines: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 }],
		});
		expect(dup.status).toBe(400);
		expect(dup.json.errors[0].fields[0].field).toBe('customerOrderNumber');
		const allowed = await create({
			customerOrderNumber: SIM_FIXTURES.orders.shippedCustomerOrderNumber,
			lines: [{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 }],
			additionalAttributes: [
				{ attributeName: 'allowDuplicateCustomerOrderNumber', attributeValue: 'true' },
			],
		});
		expect(allowed.status).toBe(201);
	});

	it('splits direct-ship lines into their own order', async () => {
		const res = await create({
			customerOrderNumber: 'SIM-SPLIT',
			lines: [
				{ ingramPartNumber: SIM_FIXTURES.skus.inStock, quantity: 1 },
				{ ingramPartNumber: SIM_FIXTURES.skus.directShip, quantity: 1 },
			],
		});
		expect(res.status).toBe(201);
		expect(res.json.orderSplit).toBe(true);
		expect(res.json.orders.map((o: { orderType: string }) => o.orderType)).toEqual(['S', 'D']);
	});

	it('lets only customer-hold orders be modified, released and cancelled', async () => {
		expect(
			(await call(`/resellers/v6/orders/${SIM_FIXTURES.orders.processing}`, { method: 'DELETE' }))
				.status,
		).toBe(405);
		expect(
			(await call(`/resellers/v6/orders/${SIM_FIXTURES.orders.unknown}`, { method: 'DELETE' }))
				.status,
		).toBe(404);
		const cancelled = await call(`/resellers/v6/orders/${SIM_FIXTURES.orders.onHold}`, {
			method: 'DELETE',
		});
		expect(cancelled.status).toBe(200);
		expect(
			(await call(`/resellers/v6.1/orders/${SIM_FIXTURES.orders.onHold}`)).json.orderStatus,
		).toBe('Cancelled');

		const modified = await call(`/resellers/v6/orders/${SIM_FIXTURES.orders.onHold2}`, {
			method: 'PUT',
			body: {
				lines: [
					{
						customerLineNumber: '010',
						ingramPartNumber: SIM_FIXTURES.skus.inStock,
						addUpdateDeleteLine: 'ADD',
						quantity: 2,
					},
				],
			},
		});
		expect(modified.status).toBe(201);
		expect(modified.json.lines[0]).toMatchObject({
			ingramPartNumber: SIM_FIXTURES.skus.inStock,
			quantityOrdered: 2,
		});
		const released = await call(
			`/resellers/v6/orders/${SIM_FIXTURES.orders.onHold2}?actionCode=release`,
			{ method: 'PUT', body: {} },
		);
		expect(released.status).toBe(200);
		expect(released.text).toBe('null');
		const again = await call(`/resellers/v6/orders/${SIM_FIXTURES.orders.onHold2}`, {
			method: 'PUT',
			body: { notes: 'too late' },
		});
		expect(again.status).toBe(400);
	});

	it('v7: acknowledges with a confirmation number; a quote-to-order needs a known Ready To Order quote', async () => {
		const ok = await call('/resellers/v7/orders', {
			body: { quoteNumber: SIM_FIXTURES.quotes.cisco, customerOrderNumber: 'V7-Q2O' },
		});
		expect(ok.status).toBe(200);
		expect(ok.json).toEqual({
			quoteNumber: SIM_FIXTURES.quotes.cisco,
			confirmationNumber: expect.stringMatching(/^US-I-T-\d{20}$/),
			message: expect.stringContaining('Order Status webhook'),
		});
		expect(sim.data.v7Orders).toHaveLength(1);
		const unknown = await call('/resellers/v7/orders', {
			body: { quoteNumber: SIM_FIXTURES.quotes.unknown },
		});
		expect(unknown.status).toBe(400);
		expect(unknown.json.errors[0]).toHaveProperty('traceid');
		const tooLong = await call('/resellers/v7/orders', {
			body: {
				customerOrderNumber: 'X'.repeat(19),
				lines: [{ ingramPartNumber: '123512', quantity: 1 }],
			},
		});
		expect(tooLong.status).toBe(400);
	});
});

describe('faults', () => {
	it('rateLimit: 429 with X-RateLimit-* headers (Reset in epoch seconds) or Retry-After', async () => {
		sim.setFault({ mode: 'rateLimit', times: 1, resetSeconds: 30 });
		const limited = await call('/resellers/v6/catalog?pageSize=1');
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({ errors: [{ field: null, message: 'too many requests' }] });
		expect(limited.headers.get('x-ratelimit-limit')).toBe('60');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		const reset = Number(limited.headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 28);
		expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 31);

		sim.setFault({ mode: 'rateLimit', times: 1, resetSeconds: 7, header: 'retry-after' });
		const retry = await call('/resellers/v6/catalog?pageSize=1');
		expect(retry.status).toBe(429);
		expect(retry.headers.get('retry-after')).toBe('7');
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
	});

	it('status: counts down and clears; 5xx bodies in Ingram or Apigee shape', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 2 });
		const first = await call('/resellers/v6/catalog?pageSize=1');
		expect(first.status).toBe(503);
		expect(first.json.fault.detail.errorcode).toEqual(expect.any(String));
		expect(sim.activeFault).toMatchObject({ mode: 'status', times: 1 });
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(503);
		expect(sim.activeFault).toBeNull();
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
		expect(sim.count({ operationId: 'get-reseller-v6-productsearch' })).toBe(3);
		expect(sim.requests.filter((r) => r.faulted === 'status')).toHaveLength(2);

		sim.setFault({ mode: 'status', status: 500, times: 1 });
		const ingram = await call('/resellers/v6/renewals/search', { body: {} });
		expect(ingram.status).toBe(500);
		expect(ingram.json).toEqual([
			{ errors: [expect.objectContaining({ type: '/errors/system-errors' })] },
		]);
	});

	it('only matching requests consume a filtered fault; token calls only when targeted', async () => {
		sim.setFault({
			mode: 'status',
			status: 502,
			times: 1,
			operationId: 'post-priceandavailability',
		});
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
		await getToken(sim);
		const pa = await call(
			'/resellers/v6/catalog/priceandavailability?includePricing=true&includeAvailability=false',
			{ body: { products: [{ ingramPartNumber: '123512' }] } },
		);
		expect(pa.status).toBe(502);

		sim.setFault({ mode: 'status', status: 500, times: 1, method: 'POST' });
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
		const tokenRes = await fetch(`${sim.baseUrl}/oauth/oauth20/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${SIM_DEFAULTS.clientId}&client_secret=${SIM_DEFAULTS.clientSecret}`,
		});
		expect(tokenRes.status).toBe(200);
		expect(sim.activeFault).not.toBeNull();

		sim.setFault({ mode: 'status', status: 500, times: 1, operationId: 'get-accesstoken' });
		const faultedToken = await fetch(
			`${sim.baseUrl}/oauth/oauth20/token?grant_type=client_credentials&client_id=${SIM_DEFAULTS.clientId}&client_secret=${SIM_DEFAULTS.clientSecret}`,
		);
		expect(faultedToken.status).toBe(500);
		expect(((await faultedToken.json()) as { fault: unknown }).fault).toBeDefined();
	});

	it('slow: delays, then answers normally; setLatency delays everything', async () => {
		sim.setFault({ mode: 'slow', delayMs: 150, times: 1 });
		let started = Date.now();
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(lastRequest().faulted).toBe('slow');

		sim.setLatency(100);
		started = Date.now();
		await call('/resellers/v6/catalog?pageSize=1', { token: null });
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		sim.setLatency(0);
	});

	it('drop: destroys the connection (fetch rejects), and the request is still recorded', async () => {
		sim.setFault({ mode: 'drop', times: 2 });
		await expect(call('/resellers/v6/catalog?pageSize=1')).rejects.toThrow();
		await expect(call('/resellers/v6/catalog?pageSize=1')).rejects.toThrow();
		expect((await call('/resellers/v6/catalog?pageSize=1')).status).toBe(200);
		expect(sim.requests.map((r) => [r.faulted, r.status])).toEqual([
			['drop', 0],
			['drop', 0],
			[undefined, 200],
		]);
	});
});

describe('recording and reset', () => {
	it('records every request with its query, lower-case headers, parsed body, operation and status', async () => {
		await getToken(sim);
		await call('/resellers/v6/catalog?keyword=hp&keyword=laserjet&pageSize=5');
		await call(
			'/resellers/v6/catalog/priceandavailability?includePricing=true&includeAvailability=true',
			{ body: { products: [{ ingramPartNumber: '123512' }] } },
		);
		expect(sim.requests).toHaveLength(3);
		const [tokenCall, search, pa] = sim.requests;
		expect(tokenCall).toMatchObject({
			method: 'POST',
			operationId: 'get-accesstoken',
			status: 200,
		});
		expect(search).toMatchObject({
			method: 'GET',
			path: '/resellers/v6/catalog',
			query: { keyword: ['hp', 'laserjet'], pageSize: '5' },
			status: 200,
			sandbox: false,
		});
		expect(search.headers['im-customernumber']).toBe(SIM_DEFAULTS.customerNumber);
		expect(search.headers['im-correlationid']).toMatch(/^[0-9a-f]{32}$/);
		expect(pa).toMatchObject({
			operationId: 'post-priceandavailability',
			body: { products: [{ ingramPartNumber: '123512' }] },
			status: 200,
		});
		expect(sim.count({ method: 'get' })).toBe(1);
		expect(sim.count({ path: /priceandavailability/ })).toBe(1);
		expect(sim.count({ operationId: 'get-accesstoken' })).toBe(1);
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});

	it('reset() puts the data back to the seed, clears requests and faults, and keeps tokens', async () => {
		const created = await call('/resellers/v6/orders', {
			body: {
				customerOrderNumber: 'SIM-RESET',
				lines: [{ ingramPartNumber: '123512', quantity: 1 }],
			},
		});
		const returned = await call('/resellers/v6/returns/create', { body: { list: [returnLine] } });
		const caseNumber = returned.json.returnsClaims[0].caseRequestNumber;
		expect((await call(`/resellers/v6/returns/${caseNumber}`)).status).toBe(200);
		sim.setFault({ mode: 'status', status: 500, times: 5 });
		sim.reset();
		expect(sim.requests).toHaveLength(0);
		expect(sim.activeFault).toBeNull();
		expect((await call('/resellers/v6/orders/search?customerOrderNumber=SIM-RESET')).status).toBe(
			204,
		);
		expect(
			(await call(`/resellers/v6.1/orders/${created.json.orders[0].ingramOrderNumber}`)).status,
		).toBe(404);
		expect((await call(`/resellers/v6/returns/${caseNumber}`)).status).toBe(404);
		expect((await call('/resellers/v6/orders/search')).json.recordsFound).toBe('120');
	});

	it('serves the same seeded data in every simulator', async () => {
		const other = await XiSimulator.start();
		try {
			const t = await getToken(other);
			const a = await call('/resellers/v6/orders/search?pageSize=5');
			const b = await call('/resellers/v6/orders/search?pageSize=5', { token: t }, other);
			expect(b.json.orders).toEqual(a.json.orders);
		} finally {
			await other.stop();
		}
	});
});
