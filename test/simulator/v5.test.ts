/**
 * The v5 (legacy Reseller API) stand-in: the document cut from Ingram's 2024-02 file, and the nine
 * routes. Every request a test sends is first validated against the v5 spec, and every answer
 * (success and FAILED shapes alike) against the operation's 200 response schema.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { seedData, SEED, SIM_FIXTURES } from './data';
import { APIGEE } from './errors';
import { Rng } from './random';
import type { RouteContext, RouteRequest, RouteResponse } from './routes/common';
import { V5_COUNTRY_CODE, V5_CUSTOMER_NUMBER, V5_ROUTES } from './v5/routes';
import {
	createV5Backend,
	V5_OPERATIONS,
	V5_SPEC_REPAIRS,
	v5Spec,
	validateV5SpecDocument,
	type V5OperationId,
} from './v5/spec';

const NOW = new Date('2025-07-01T10:00:00Z');

let api: OpenAPIBackend;

beforeAll(async () => {
	api = await createV5Backend();
});

function newContext(): RouteContext {
	return { data: seedData(), rng: new Rng(SEED + 1), now: () => NOW };
}

interface Call {
	params?: Record<string, string>;
	query?: Record<string, string>;
	body?: unknown;
	/** Skip request validation (for requests the spec itself would refuse). */
	unvalidated?: boolean;
}

/** Validates the request against the spec, runs the route, and checks the answer's schema. */
function call(ctx: RouteContext, operationId: V5OperationId, c: Call = {}): RouteResponse {
	const { method, path: template } = V5_OPERATIONS[operationId];
	const params = c.params ?? {};
	const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(params[name] ?? ''),
	);
	const query = c.query ?? {};
	if (!c.unvalidated) {
		const validation = api.validator.validateRequest(
			{
				method,
				path,
				query,
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: c.body === undefined ? undefined : JSON.stringify(c.body),
			},
			operationId,
		);
		expect(validation.errors ?? null).toBeNull();
	}
	const req: RouteRequest = {
		operationId,
		method: method.toUpperCase(),
		path,
		params,
		query,
		headers: {},
		body: c.body,
		correlationId: undefined,
	};
	const res = V5_ROUTES[operationId](req, ctx);
	if (res.status === 200) {
		const result = api.validator.validateResponse(res.body, operationId, 200);
		expect(result.errors ?? null).toBeNull();
	}
	return res;
}

const body = (res: RouteResponse) => res.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const keys = (value: unknown) => Object.keys(value as object).sort();

const ID_QUERY = { customerNumber: V5_CUSTOMER_NUMBER, isoCountryCode: V5_COUNTRY_CODE };

function paBody(items: Record<string, unknown>[], customernumber = V5_CUSTOMER_NUMBER) {
	return {
		servicerequest: {
			requestpreamble: { customernumber, isocountrycode: 'US' },
			priceandstockrequest: {
				showwarehouseavailability: 'True',
				extravailabilityflag: 'Y',
				includeallsystems: false,
				item: items,
			},
		},
	};
}

function orderBody(
	po: string,
	lines: Record<string, unknown>[],
	customernumber = V5_CUSTOMER_NUMBER,
) {
	return {
		ordercreaterequest: {
			requestpreamble: { isocountrycode: 'US', customernumber },
			ordercreatedetails: {
				customerponumber: po,
				ordertype: 'Standard',
				shiptoaddress: {
					attention: 'John Smith',
					addressline1: 'Ingram Micro',
					addressline2: '3351 Michelson Dr',
					city: 'Irvine',
					state: 'CA',
					postalcode: '92612',
					countrycode: 'US',
				},
				carriercode: 'OT',
				lines,
				extendedspecs: [{ attributename: 'commenttext', attributevalue: 'Happy Birthday Mom' }],
			},
		},
	};
}

function quoteSearchBody(retrieve: Record<string, unknown>, customerNumber = V5_CUSTOMER_NUMBER) {
	return {
		quoteSearchRequest: {
			requestPreamble: { customerNumber, isoCountryCode: 'US' },
			retrieveQuoteRequest: retrieve,
		},
	};
}

describe('v5 spec', () => {
	it('holds only the eight v5 paths, their nine operations and every component they reference', () => {
		const spec = v5Spec();
		const paths = spec.paths as Record<string, Record<string, { operationId?: string }>>;
		expect(Object.keys(paths).sort()).toEqual(
			[...new Set(Object.values(V5_OPERATIONS).map((o) => o.path))].sort(),
		);
		const ids = Object.values(paths).flatMap((item) =>
			Object.values(item).flatMap((op) => (op && op.operationId ? [op.operationId] : [])),
		);
		expect(ids.sort()).toEqual(Object.keys(V5_OPERATIONS).sort());
		expect(Object.keys(V5_ROUTES).sort()).toEqual(Object.keys(V5_OPERATIONS).sort());

		// Every $ref resolves inside the cut-down document.
		const text = JSON.stringify(spec);
		const refs = [...text.matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
		expect(refs.length).toBeGreaterThan(10);
		const components = spec.components as Record<string, Record<string, unknown>>;
		for (const [, kind, name] of refs) expect(components[kind]?.[name]).toBeDefined();
		expect(Object.keys(components.securitySchemes)).toEqual(['application']);
		expect(text).not.toContain('/resellers/v6');
	});

	it('is valid OAS 3.0 and lists its one repair', async () => {
		await expect(validateV5SpecDocument()).resolves.toBeUndefined();
		expect(V5_SPEC_REPAIRS).toHaveLength(1);
		expect(V5_SPEC_REPAIRS[0]).toMatch(/startcreatetimestamp.*explode: false/);
	});

	it('accepts a date-time startcreatetimestamp in order search (the repair)', () => {
		const result = api.validator.validateRequest(
			{
				method: 'get',
				path: '/resellers/v5/Orders/search',
				query: {
					customerNumber: V5_CUSTOMER_NUMBER,
					isocountrycode: 'US',
					startcreatetimestamp: '2025-01-01T00:00:00Z',
				},
				headers: {},
			},
			'get-orders-search',
		);
		expect(result.errors ?? null).toBeNull();
	});
});

describe('v5 identity', () => {
	const wrong = '20-999999';
	const requests: [V5OperationId, Call][] = [
		['MultiSKUPriceAndStock', { body: paBody([{ ingrampartnumber: '123512' }], wrong) }],
		[
			'get-v5-catalog-productsearch',
			{ query: { customerNumber: wrong, isoCountryCode: 'US', partNumber: '123512' } },
		],
		[
			'post-v5-orders-create',
			{ body: orderBody('PO-WRONG', [{ ingrampartnumber: '123512', quantity: '1' }], wrong) },
		],
		['get-orders-search', { query: { customerNumber: wrong, isocountrycode: 'US' } }],
		[
			'get-v5-orders-details',
			{
				params: { ordernumber: SIM_FIXTURES.orders.shipped },
				query: { customernumber: wrong, isocountrycode: 'US' },
			},
		],
		[
			'delete-orders-orderNumber',
			{
				params: { ordernumber: SIM_FIXTURES.orders.onHold },
				query: { customerNumber: wrong, isoCountryCode: 'US', entryDate: '2025-06-27' },
			},
		],
		[
			'get-invoices',
			{
				params: { invoiceNumber: SIM_FIXTURES.invoices.shipped },
				query: { customerNumber: wrong, isoCountryCode: 'US' },
			},
		],
		['post-v5-quotes-search', { body: quoteSearchBody({}, wrong) }],
		[
			'get-v5-quotes-details',
			{
				params: { quoteNumber: SIM_FIXTURES.quotes.details },
				query: { customerNumber: wrong, isoCountryCode: 'US' },
			},
		],
	];

	it.each(requests)('%s: another customer number gets the gateway fault', (operationId, c) => {
		const ctx = newContext();
		const res = call(ctx, operationId, c);
		expect(res.status).toBe(500);
		expect(res.body).toEqual(APIGEE.invalidCustomerNumber);
		expect(body(res).faultstring).toBe(
			'Invalid customer number. The customer number provided on the API call does not match the registered customer number.',
		);
	});

	it('the right customer in another country is a business error in each envelope', () => {
		const ctx = newContext();
		const de = (q: Record<string, string>) =>
			Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v === 'US' ? 'DE' : v]));
		const pa = paBody([{ ingrampartnumber: '123512' }, { ingrampartnumber: 'DF4128' }]);
		pa.servicerequest.requestpreamble.isocountrycode = 'DE';
		const paRes = body(call(ctx, 'MultiSKUPriceAndStock', { body: pa }));
		expect(paRes.serviceresponse.responsepreamble).toEqual({
			responsestatus: 'FAILED',
			statuscode: '500',
			responsemessage: 'Data Not Found',
		});
		expect(paRes.serviceresponse.priceandstockresponse.details).toEqual([
			{ itemstatus: 'FAILED', statusmessage: 'E-INVALID CUSTOMER NUMBER' },
			{ itemstatus: 'FAILED', statusmessage: 'E-INVALID CUSTOMER NUMBER' },
		]);

		const qs = quoteSearchBody({});
		qs.quoteSearchRequest.requestPreamble.isoCountryCode = 'DE';
		expect(body(call(ctx, 'post-v5-quotes-search', { body: qs }))).toEqual({
			quoteSearchResponse: {
				responsePreamble: {
					responseStatus: 'Failed',
					responseStatusCode: '400',
					responseMessage: 'Customer Not Found',
				},
				totalCount: 0,
			},
		});
		const search = body(
			call(ctx, 'get-orders-search', {
				query: de({ customerNumber: V5_CUSTOMER_NUMBER, isocountrycode: 'US' }),
			}),
		);
		expect(search.serviceResponse.responsepreamble.requeststatus).toBe('FAILED');
		const quote = body(
			call(ctx, 'get-v5-quotes-details', {
				params: { quoteNumber: SIM_FIXTURES.quotes.details },
				query: de(ID_QUERY),
			}),
		);
		expect(quote.quoteDetailResponse.responsePreamble.responseStatus).toBe('Failed');
	});
});

describe('v5 price and availability', () => {
	it('answers one line per SKU in request order, each with its own itemstatus', () => {
		const ctx = newContext();
		const res = call(ctx, 'MultiSKUPriceAndStock', {
			body: paBody([
				{ ingrampartnumber: SIM_FIXTURES.skus.inStock, quantity: 1 },
				{ ingrampartnumber: SIM_FIXTURES.skus.unknown, quantity: 1 },
				{ vendorpartnumber: SIM_FIXTURES.vendorPartNumbers.backordered, quantity: 2 },
				{ upc: SIM_FIXTURES.upc.dellMonitor },
			]),
		});
		expect(res.status).toBe(200);
		const b = body(res);
		expect(keys(b)).toEqual(['serviceresponse']);
		expect(keys(b.serviceresponse)).toEqual(['priceandstockresponse', 'responsepreamble']);
		expect(b.serviceresponse.responsepreamble).toEqual({
			responsestatus: 'SUCCESS',
			statuscode: '200',
			responsemessage: 'Data Found',
		});
		const details = b.serviceresponse.priceandstockresponse.details as Record<string, unknown>[];
		expect(details.map((d) => [d.itemstatus, d.ingrampartnumber])).toEqual([
			['SUCCESS', SIM_FIXTURES.skus.inStock],
			['FAILED', SIM_FIXTURES.skus.unknown],
			['SUCCESS', SIM_FIXTURES.skus.backordered],
			['SUCCESS', SIM_FIXTURES.skus.dellMonitor],
		]);
		expect(details[1].statusmessage).toMatch(/SKU not found/);
		expect(details[1]).not.toHaveProperty('customerprice');

		const cisco = details[0];
		const product = ctx.data.products.find((p) => p.ingramPartNumber === '123512');
		expect(cisco.globalskuid).toBe('A300-123512');
		expect(cisco.customerprice).toBe(product?.customerPrice);
		expect(cisco.vendornumber).toBe(product?.vendorNumber);
		expect(cisco.skustatus).toBe('ACTIVE');
		expect(cisco.categorysubcategory).toMatch(/^\d{2} {2}\d{2}$/);
		const warehouses = cisco.warehousedetails as Record<string, unknown>[];
		expect(warehouses.length).toBe(product?.stock.length);
		expect(warehouses.reduce((s, w) => s + (w.availablequantity as number), 0)).toBe(
			product?.stock.reduce((s, w) => s + w.quantityAvailable, 0),
		);
		// The backordered SKU has nothing available anywhere.
		const backordered = details[2].warehousedetails as Record<string, unknown>[];
		expect(backordered.every((w) => w.availablequantity === 0)).toBe(true);
	});

	it('restricts warehouses to warehouseidlist', () => {
		const res = call(newContext(), 'MultiSKUPriceAndStock', {
			body: paBody([{ ingrampartnumber: '123512', warehouseidlist: ['20', '40'] }]),
		});
		const line = body(res).serviceresponse.priceandstockresponse.details[0];
		expect(line.warehousedetails.map((w: { warehouseid: string }) => w.warehouseid)).toEqual([
			'20',
			'40',
		]);
	});

	it('accepts 50 SKUs and refuses 51 with a FAILED envelope', () => {
		const ctx = newContext();
		const skus = ctx.data.products
			.slice(0, 51)
			.map((p) => ({ ingrampartnumber: p.ingramPartNumber }));
		const fifty = body(call(ctx, 'MultiSKUPriceAndStock', { body: paBody(skus.slice(0, 50)) }));
		expect(fifty.serviceresponse.responsepreamble.responsestatus).toBe('SUCCESS');
		expect(fifty.serviceresponse.priceandstockresponse.details).toHaveLength(50);
		expect(
			fifty.serviceresponse.priceandstockresponse.details.map(
				(d: { ingrampartnumber: string }) => d.ingrampartnumber,
			),
		).toEqual(skus.slice(0, 50).map((s) => s.ingrampartnumber));

		const res = call(ctx, 'MultiSKUPriceAndStock', { body: paBody(skus) });
		expect(res.status).toBe(200);
		expect(body(res)).toEqual({
			serviceresponse: {
				responsepreamble: {
					responsestatus: 'FAILED',
					statuscode: '400',
					responsemessage: 'A maximum of 50 SKUs is allowed per request; 51 were sent',
				},
			},
		});
	});

	it('is FAILED overall when no SKU is known', () => {
		const b = body(
			call(newContext(), 'MultiSKUPriceAndStock', {
				body: paBody(SIM_FIXTURES.skus.unknownAll.map((s) => ({ ingrampartnumber: s }))),
			}),
		);
		expect(b.serviceresponse.responsepreamble).toEqual({
			responsestatus: 'FAILED',
			statuscode: '500',
			responsemessage: 'Data Not Found',
		});
		expect(
			b.serviceresponse.priceandstockresponse.details.map(
				(d: { itemstatus: string }) => d.itemstatus,
			),
		).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED']);
	});
});

describe('v5 catalog search', () => {
	it('finds a SKU by Ingram part number, vendor part number or UPC', () => {
		const ctx = newContext();
		for (const partNumber of ['DF4128', '920-002555']) {
			const b = body(
				call(ctx, 'get-v5-catalog-productsearch', { query: { ...ID_QUERY, partNumber } }),
			);
			expect(keys(b.serviceresponse)).toEqual(['productsearchresponse', 'responsepreamble']);
			expect(b.serviceresponse.responsepreamble).toEqual({
				requeststatus: 'SUCCESS',
				returncode: '200',
				returnmessage: 'Data Available',
			});
			expect(b.serviceresponse.productsearchresponse[0].partnumbers[0]).toMatchObject({
				ingrampartnumber: 'DF4128',
				manufacturerpartnumber: '920-002555',
				currency: 'USD',
			});
		}
		const byUpc = body(
			call(ctx, 'get-v5-catalog-productsearch', {
				query: { ...ID_QUERY, partNumber: SIM_FIXTURES.upc.dellMonitor },
			}),
		);
		expect(byUpc.serviceresponse.productsearchresponse[0].partnumbers[0].ingrampartnumber).toBe(
			SIM_FIXTURES.skus.dellMonitor,
		);
	});

	it('answers an unknown part number with FAILED', () => {
		const b = body(
			call(newContext(), 'get-v5-catalog-productsearch', {
				query: { ...ID_QUERY, partNumber: 'ZZ9999' },
			}),
		);
		expect(b).toEqual({
			serviceresponse: {
				responsepreamble: {
					requeststatus: 'FAILED',
					returncode: '404',
					returnmessage: 'Data Not Available',
				},
			},
		});
	});
});

describe('v5 orders', () => {
	const detailsQuery = { customernumber: V5_CUSTOMER_NUMBER, isocountrycode: 'US' };
	const searchQuery = { customerNumber: V5_CUSTOMER_NUMBER, isocountrycode: 'US' };

	it('create -> details -> search -> cancel -> details stay consistent', () => {
		const ctx = newContext();
		const created = call(ctx, 'post-v5-orders-create', {
			body: orderBody('PO-V5-0001', [
				{ linetype: 'P', linenumber: '002', ingrampartnumber: '123512', quantity: '2' },
				{ linetype: 'P', vendorpartnumber: '920-002555', quantity: '1' },
			]),
		});
		expect(created.status).toBe(200);
		const c = body(created);
		expect(keys(c)).toEqual(['serviceresponse']);
		expect(keys(c.serviceresponse)).toEqual([
			'ordercreateresponse',
			'ordersummary',
			'responsepreamble',
		]);
		expect(c.serviceresponse.responsepreamble).toEqual({
			responsestatus: 'SUCCESS',
			statuscode: '200',
			responsemessage: 'Order Created',
		});
		const summary = c.serviceresponse.ordersummary;
		expect(summary.customerponumber).toBe('PO-V5-0001');
		expect(summary.totalordercreated).toBe('1');
		const [order] = c.serviceresponse.ordercreateresponse;
		expect(order.globalorderid).toMatch(/^20-[A-Z][A-Z0-9]{4}$/);
		expect(order.invoicingsystemorderid).toBe(order.globalorderid);
		expect(order.ordertype).toBe('S');
		expect(order.numberoflineswithsuccess).toBe('2');
		expect(order.Lines.map((l: { partnumber: string }) => l.partnumber)).toEqual([
			'123512',
			'DF4128',
		]);
		expect(order.Lines[0].linenumber).toBe('002');
		// DF4128 is backordered everywhere.
		expect(order.Lines[1]).toMatchObject({ confirmedquantity: 0, backorderedquantity: 1 });
		expect(summary.totalorderamount).toBe(order.orderamount.toFixed(2));
		const orderNumber: string = order.globalorderid;

		const details = body(
			call(ctx, 'get-v5-orders-details', {
				params: { ordernumber: orderNumber },
				query: detailsQuery,
			}),
		);
		expect(keys(details.serviceresponse)).toEqual(['orderdetailresponse', 'responsepreamble']);
		expect(keys(details.serviceresponse.responsepreamble)).toEqual([
			'responsemessage',
			'responsestatus',
			'statuscode',
		]);
		const d = details.serviceresponse.orderdetailresponse;
		expect(d).toMatchObject({
			ordernumber: orderNumber,
			customerordernumber: 'PO-V5-0001',
			orderstatus: 'PENDING',
			ordertype: 'S',
			ordersubtotal: order.orderamount,
		});
		expect(d.lines).toHaveLength(2);
		expect(d.lines[0].erpordernumber).toBe(`${orderNumber}-11`);
		expect(d.extendedspecs).toEqual([
			{ attributename: 'commenttext', attributevalue: 'Happy Birthday Mom' },
		]);

		const byPo = body(
			call(ctx, 'get-orders-search', {
				query: { ...searchQuery, customerordernumber: 'po-v5-0001' },
			}),
		);
		expect(keys(byPo)).toEqual(['serviceResponse']);
		expect(byPo.serviceResponse.responsepreamble).toEqual({
			requeststatus: 'SUCCESS',
			returnmessage: 'Data found',
		});
		const found = byPo.serviceResponse.ordersearchresponse;
		expect(found.ordersfound).toBe('1');
		expect(found.orders[0]).toMatchObject({
			ordernumber: orderNumber,
			customerordernumber: 'PO-V5-0001',
			entrytimestamp: '2025-07-01T10:00:00Z',
		});
		expect(found.orders[0].suborders[0]).toMatchObject({
			subordernumber: `${orderNumber}-11`,
			statuscode: 'P',
			status: 'PENDING',
		});
		expect(found.orders[0].links.href).toBe(
			`/resellers/v5/orders/${orderNumber}?customerNumber=20-222222&isoCountryCode=US`,
		);
		const pending = body(
			call(ctx, 'get-orders-search', { query: { ...searchQuery, orderstatus: 'P' } }),
		);
		expect(
			pending.serviceResponse.ordersearchresponse.orders.map(
				(o: { ordernumber: string }) => o.ordernumber,
			),
		).toContain(orderNumber);

		const cancelled = call(ctx, 'delete-orders-orderNumber', {
			params: { ordernumber: orderNumber },
			query: { ...ID_QUERY, entryDate: '2025-07-01' },
		});
		expect(body(cancelled)).toEqual({
			serviceresponse: {
				responsepreamble: {
					requestStatus: 'SUCCESS',
					returnCode: '00',
					returnMessage: 'Order Deleted Successfully',
				},
			},
		});
		const after = body(
			call(ctx, 'get-v5-orders-details', {
				params: { ordernumber: orderNumber },
				query: detailsQuery,
			}),
		);
		expect(after.serviceresponse.orderdetailresponse.orderstatus).toBe('VOIDED');
		const voided = body(
			call(ctx, 'get-orders-search', {
				query: { ...searchQuery, ordernumber: orderNumber, orderstatus: 'V' },
			}),
		);
		expect(voided.serviceResponse.ordersearchresponse.orders[0].suborders[0].statuscode).toBe('V');
		const again = body(
			call(ctx, 'delete-orders-orderNumber', {
				params: { ordernumber: orderNumber },
				query: { ...ID_QUERY, entryDate: '2025-07-01' },
			}),
		);
		expect(again.serviceresponse.responsepreamble.requestStatus).toBe('FAILED');

		// Another simulator (another XiData) does not see the order.
		const other = body(
			call(newContext(), 'get-v5-orders-details', {
				params: { ordernumber: orderNumber },
				query: detailsQuery,
			}),
		);
		expect(other.serviceresponse.responsepreamble.responsestatus).toBe('FAILED');
	});

	it('splits direct-ship lines into their own type D order, which cannot be cancelled', () => {
		const ctx = newContext();
		const c = body(
			call(ctx, 'post-v5-orders-create', {
				body: orderBody('PO-V5-SPLIT', [
					{ ingrampartnumber: '123512', quantity: '1' },
					{ ingrampartnumber: SIM_FIXTURES.skus.directShip, quantity: '1' },
				]),
			}),
		);
		expect(c.serviceresponse.ordersummary.totalordercreated).toBe('2');
		const [stock, direct] = c.serviceresponse.ordercreateresponse;
		expect([stock.ordertype, direct.ordertype]).toEqual(['S', 'D']);
		expect(stock.globalorderid).not.toBe(direct.globalorderid);
		const res = body(
			call(ctx, 'delete-orders-orderNumber', {
				params: { ordernumber: direct.globalorderid },
				query: { ...ID_QUERY, entryDate: '2025-07-01' },
			}),
		);
		expect(res.serviceresponse.responsepreamble).toEqual({
			requestStatus: 'FAILED',
			returnCode: '99',
			returnMessage: 'Direct ship orders cannot be cancelled',
		});
	});

	it('rejects unknown SKUs per line, and the whole order when no line is valid', () => {
		const ctx = newContext();
		const partial = body(
			call(ctx, 'post-v5-orders-create', {
				body: orderBody('PO-V5-PART', [
					{ ingrampartnumber: '123512', quantity: '1' },
					{ ingrampartnumber: 'ZZ9999', quantity: '1' },
				]),
			}),
		);
		expect(partial.serviceresponse.responsepreamble.responsestatus).toBe('SUCCESS');
		expect(partial.serviceresponse.ordercreateresponse[0].numberoflineswitherror).toBe('1');

		const none = body(
			call(ctx, 'post-v5-orders-create', {
				body: orderBody('PO-V5-NONE', [{ ingrampartnumber: 'ZZ9999', quantity: '1' }]),
			}),
		);
		expect(none).toEqual({
			serviceresponse: {
				responsepreamble: {
					responsestatus: 'FAILED',
					statuscode: '400',
					responsemessage: 'No order created: SKU not found ZZ9999',
				},
			},
		});
		const duplicate = body(
			call(ctx, 'post-v5-orders-create', {
				body: orderBody('PO-V5-PART', [{ ingrampartnumber: '123512', quantity: '1' }]),
			}),
		);
		expect(duplicate.serviceresponse.responsepreamble.responsestatus).toBe('FAILED');
	});

	it('shows seeded XI orders in v5 shapes', () => {
		const ctx = newContext();
		const shipped = body(
			call(ctx, 'get-v5-orders-details', {
				params: { ordernumber: SIM_FIXTURES.orders.shipped },
				query: detailsQuery,
			}),
		);
		const d = shipped.serviceresponse.orderdetailresponse;
		expect(d.ordernumber).toBe('20-RD3QV');
		expect(d.customerordernumber).toBe('MyPONumber');
		expect(d.orderstatus).toBe('INVOICED');
		expect(d.lines.map((l: { partnumber: string }) => l.partnumber)).toEqual(['6YE881', '123512']);
		expect(d.lines[0].shipmentdetails[0].packagedetails.trackingnumber).toBeTruthy();

		const hold = body(
			call(ctx, 'get-orders-search', { query: { ...searchQuery, ordernumber: '20-RD128-11' } }),
		);
		expect(hold.serviceResponse.ordersearchresponse.orders[0].suborders[0]).toMatchObject({
			statuscode: 'C',
			status: 'CREDIT HOLD',
			holdreasoncode: 'CH',
		});

		const simulated = body(
			call(ctx, 'get-v5-orders-details', {
				params: { ordernumber: SIM_FIXTURES.orders.onHold },
				query: { ...detailsQuery, simulate: 'IM::shipped' },
			}),
		);
		expect(simulated.serviceresponse.orderdetailresponse.orderstatus).toBe('SHIPPED');
	});

	it('pages the search and answers an empty page with the "No data found" shape', () => {
		const ctx = newContext();
		const all = body(
			call(ctx, 'get-orders-search', { query: { ...searchQuery, pagesize: '100' } }),
		);
		const total = Number(all.serviceResponse.ordersearchresponse.ordersfound);
		expect(total).toBe(ctx.data.orders.length);
		expect(all.serviceResponse.ordersearchresponse.orders).toHaveLength(100);
		const page2 = body(
			call(ctx, 'get-orders-search', { query: { ...searchQuery, pagesize: '1', pagenumber: '2' } }),
		);
		expect(page2.serviceResponse.ordersearchresponse).toMatchObject({
			ordersfound: String(total),
			pagesize: '1',
			pagenumber: '2',
		});
		expect(page2.serviceResponse.ordersearchresponse.orders[0].ordernumber).toBe(
			all.serviceResponse.ordersearchresponse.orders[1].ordernumber,
		);
		const none = body(
			call(ctx, 'get-orders-search', {
				query: { ...searchQuery, customerordernumber: 'NO-SUCH-PO' },
			}),
		);
		expect(none).toEqual({
			serviceResponse: {
				responsepreamble: { requeststatus: 'FAILED', returnmessage: 'No data found' },
				ordersearchresponse: { ordersfound: '0', pagesize: '0', pagenumber: '1' },
			},
		});
	});

	it('answers an unknown order number with the "Not Found" details shape', () => {
		const b = body(
			call(newContext(), 'get-v5-orders-details', {
				params: { ordernumber: SIM_FIXTURES.orders.unknown },
				query: detailsQuery,
			}),
		);
		expect(b).toEqual({
			serviceresponse: {
				responsepreamble: {
					responsestatus: 'FAILED',
					statuscode: '400',
					responsemessage: 'Order number not found',
				},
				orderdetailresponse: {
					ordernumber: 'Not Found',
					customerordernumber: 'Not-Found',
					orderstatus: 'Not-Found',
				},
			},
		});
	});

	it('cancels only orders not yet released, and FAILs unknown ones', () => {
		const ctx = newContext();
		const cancel = (ordernumber: string, entryDate: string) =>
			body(
				call(ctx, 'delete-orders-orderNumber', {
					params: { ordernumber },
					query: { ...ID_QUERY, entryDate },
				}),
			).serviceresponse.responsepreamble;
		expect(cancel(SIM_FIXTURES.orders.unknown, '2025-06-27')).toEqual({
			requestStatus: 'FAILED',
			returnCode: '99',
			returnMessage: `Order ${SIM_FIXTURES.orders.unknown} not found`,
		});
		expect(cancel(SIM_FIXTURES.orders.processing, '2025-06-25').returnMessage).toMatch(/released/);
		expect(cancel(SIM_FIXTURES.orders.onHold, '2025-06-26').requestStatus).toBe('FAILED');
		expect(cancel(SIM_FIXTURES.orders.onHold, '2025-06-27').requestStatus).toBe('SUCCESS');
		// The XI data sees the cancellation too.
		expect(ctx.data.orders.find((o) => o.ingramOrderNumber === '20-RD128')?.status).toBe(
			'CANCELLED',
		);
	});
});

describe('v5 invoices', () => {
	it('renders a seeded invoice', () => {
		const ctx = newContext();
		const b = body(
			call(ctx, 'get-invoices', {
				params: { invoiceNumber: SIM_FIXTURES.invoices.shipped },
				query: ID_QUERY,
			}),
		);
		expect(keys(b.serviceresponse)).toEqual(['invoicedetailresponse', 'responsepreamble']);
		expect(b.serviceresponse.responsepreamble).toEqual({
			responsestatus: 'SUCCESS',
			statuscode: '200',
			responsemessage: 'Invoice Found',
		});
		const inv = b.serviceresponse.invoicedetailresponse;
		expect(inv).toMatchObject({
			invoicenumber: 'RD3QV-11',
			globalorderid: '20-RD3QV-11',
			customerordernumber: 'MyPONumber',
			orderstatus: 'I',
			customernumber: V5_CUSTOMER_NUMBER,
		});
		expect(inv.totalamount).toMatch(/^\d+\.\d{2}$/);
		expect(inv.lines.at(-1).linenumber).toBe('895');
	});

	it('answers an unknown invoice with FAILED', () => {
		const b = body(
			call(newContext(), 'get-invoices', {
				params: { invoiceNumber: SIM_FIXTURES.invoices.unknown },
				query: ID_QUERY,
			}),
		);
		expect(b).toEqual({
			serviceresponse: {
				responsepreamble: {
					responsestatus: 'FAILED',
					statuscode: '400',
					responsemessage: 'Invoice Not Found',
				},
			},
		});
	});
});

describe('v5 quotes', () => {
	it('searches quotes in the quoteSearchResponse envelope', () => {
		const ctx = newContext();
		const b = body(
			call(ctx, 'post-v5-quotes-search', {
				body: quoteSearchBody({
					pageIndex: '1',
					recordsPerPage: '5',
					sorting: 'desc',
					sortingColumnName: 'createdon',
				}),
			}),
		);
		expect(keys(b)).toEqual(['quoteSearchResponse']);
		expect(b.quoteSearchResponse.responsePreamble).toEqual({
			responseStatus: 'Passed',
			responseStatusCode: '200',
			responseMessage: 'Records Found',
		});
		expect(b.quoteSearchResponse.quoteList).toHaveLength(5);
		expect(b.quoteSearchResponse.totalCount).toBe(ctx.data.quotes.length);
		const dates = b.quoteSearchResponse.quoteList.map(
			(q: { createdDate: string }) => q.createdDate,
		);
		expect([...dates].sort().reverse()).toEqual(dates);

		const one = body(
			call(ctx, 'post-v5-quotes-search', { body: quoteSearchBody({ quoteNumber: '10926-Y8G1' }) }),
		);
		expect(
			one.quoteSearchResponse.quoteList.map((q: { quoteNumber: string }) => q.quoteNumber),
		).toEqual([SIM_FIXTURES.quotes.details]);
	});

	it('answers a bad sort column or page size with Failed', () => {
		const ctx = newContext();
		expect(
			body(
				call(ctx, 'post-v5-quotes-search', {
					body: quoteSearchBody({ sortingColumnName: 'price' }),
				}),
			),
		).toEqual({
			quoteSearchResponse: {
				responsePreamble: {
					responseStatus: 'Failed',
					responseStatusCode: '400',
					responseMessage: 'Provide valid sort column name',
				},
				totalCount: 0,
			},
		});
		const tooMany = body(
			call(ctx, 'post-v5-quotes-search', { body: quoteSearchBody({ recordsPerPage: '101' }) }),
		);
		expect(tooMany.quoteSearchResponse.responsePreamble.responseMessage).toBe(
			'The number of records requested exceeds the 100 record limit.',
		);
	});

	it('returns quote details in the quoteDetailResponse envelope', () => {
		const ctx = newContext();
		const b = body(
			call(ctx, 'get-v5-quotes-details', {
				params: { quoteNumber: SIM_FIXTURES.quotes.details },
				query: { ...ID_QUERY, thirdPartySource: 'customer' },
			}),
		);
		expect(keys(b)).toEqual(['quoteDetailResponse']);
		const r = b.quoteDetailResponse;
		expect(r.responsePreamble).toEqual({
			responseStatus: 'Passed',
			statusCode: '200',
			responseMessage: 'Records Found',
		});
		const quote = ctx.data.quotes.find((q) => q.quoteNumber === SIM_FIXTURES.quotes.details);
		expect(r.retrieveQuoteResponse.quoteNumber).toBe(SIM_FIXTURES.quotes.details);
		expect(r.retrieveQuoteResponse.accountInfo.bcn).toBe('20222222');
		expect(r.quoteProductList).toHaveLength(quote?.products.length ?? -1);
		expect(r.totalQuoteProductCount).toBe(String(quote?.products.length));
		expect(typeof r.quoteProductList[0].price.quotePrice).toBe('number');
	});

	it('answers an unknown quote with Failed', () => {
		const b = body(
			call(newContext(), 'get-v5-quotes-details', {
				params: { quoteNumber: SIM_FIXTURES.quotes.unknown },
				query: ID_QUERY,
			}),
		);
		expect(b).toEqual({
			quoteDetailResponse: {
				responsePreamble: {
					responseStatus: 'Failed',
					statusCode: '400',
					responseMessage: 'Quote Not Found',
				},
			},
		});
	});
});

describe('the XI simulator serves v5 over HTTP, validating each request against the 2024-02 file', () => {
	test('a valid P&A request is answered by the v5 route; one the file does not allow is refused', async () => {
		const { XiSimulator, SIM_DEFAULTS } = await import('./index');
		const sim = await XiSimulator.start({ port: 0 });
		try {
			const grant = await fetch(`${sim.baseUrl}/oauth/oauth20/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: `grant_type=client_credentials&client_id=${SIM_DEFAULTS.clientId}&client_secret=${SIM_DEFAULTS.clientSecret}`,
			});
			const { access_token: token } = (await grant.json()) as { access_token: string };
			const post = (body: unknown) =>
				fetch(`${sim.baseUrl}/resellers/v5/Catalog/priceandavailability`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
			const answer = await post({
				servicerequest: {
					requestpreamble: { customernumber: V5_CUSTOMER_NUMBER, isocountrycode: 'US' },
					priceandstockrequest: {
						showwarehouseavailability: 'True',
						item: [{ ingrampartnumber: '123512', quantity: 1 }],
						includeallsystems: false,
					},
				},
			});
			expect(answer.status).toBe(200);
			const body = (await answer.json()) as {
				serviceresponse: { priceandstockresponse: { details: Array<{ itemstatus: string }> } };
			};
			expect(body.serviceresponse.priceandstockresponse.details[0].itemstatus).toBe('SUCCESS');
			expect((await post({ servicerequest: 'not an object' })).status).toBe(400);
			expect(sim.requests.map((r) => [r.operationId, r.status])).toEqual([
				['get-accesstoken', 200],
				['MultiSKUPriceAndStock', 200],
				['MultiSKUPriceAndStock', 400],
			]);
		} finally {
			await sim.stop();
		}
	});
});
