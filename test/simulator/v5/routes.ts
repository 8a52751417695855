/**
 * Ingram Micro's legacy Reseller API v5: the nine operations, as routes with the XI simulator's
 * `Route` signature so test/simulator/server.ts can mount them next to the v6 ones.
 *
 * How v5 differs from v6, and what the routes reproduce:
 * - no IM-* headers: the caller says who it is in the body (`requestpreamble.customernumber` /
 *   `isocountrycode`, `requestPreamble.customerNumber` / `isoCountryCode` for quotes) or in the
 *   query (`customerNumber`, `customernumber`, `isocountrycode`, ... spelled per operation);
 * - a customer number other than the registered one gets the gateway's HTTP 500 faultcode body;
 *   the right customer number with another country is a business error ("customer not found");
 * - business errors are HTTP 200 with a FAILED / Failed preamble; each operation has its own
 *   envelope and preamble key names (see the `*_PREAMBLE` helpers below);
 * - P&A takes at most 50 items and answers one line per item, in request order, each with its
 *   own `itemstatus`.
 *
 * Where Ingram's schema and its examples disagree on a name or a type, the routes follow the
 * schema (so every answer validates against it). `V5_SHAPE_CHOICES` lists those decisions.
 *
 * Data: the catalog, seeded orders, invoices and quotes are the XI simulator's (ctx.data), rendered
 * into v5 shapes, so v5 and v6 answers agree. Orders placed through v5 live in a store per XiData
 * instance (a WeakMap, so a simulator reset that replaces its data also forgets them).
 */
import {
	DEFAULT_SHIP_TO,
	BILL_TO,
	RESELLER_COMPANY,
	WAREHOUSES,
	type Order,
	type Product,
	type Quote,
	type XiData,
} from '../data';
import { APIGEE } from '../errors';
import { round2 } from '../random';
import {
	asArray,
	asRecord,
	contains,
	ok,
	Query,
	sameText,
	text,
	type Route,
	type RouteContext,
	type RouteResponse,
} from '../routes/common';

/** The account the simulator is registered to (Ingram's sandbox customer). */
export const V5_CUSTOMER_NUMBER = '20-222222';
export const V5_COUNTRY_CODE = 'US';
export const V5_PA_MAX_ITEMS = 50;
export const V5_SEARCH_MAX_PAGE_SIZE = 100;

/** Schema-versus-example conflicts in Ingram's file and which side the routes take. */
export const V5_SHAPE_CHOICES: string[] = [
	'Order search: top-level key `serviceResponse` and block `ordersearchresponse` (schema); the examples say `serviceresponse` / `ordesearchresponse`.',
	'Order create: `ordercreateresponse` is a sibling of `ordersummary` and its line array is `Lines` (schema); the example nests it and says `lines`. `totalorderamount` is a string.',
	'Order details: `freightamount` is a string and `packagedetails` an object (schema).',
	'Invoice: the ship-to block is `shoptoaddress` (schema, sic); the example says `shiptoaddress`. `discountamount` is a number.',
	'Quote search: the list is `quoteList` (schema); the schema-level example says `quotelist`.',
	'Quote details: `statusCode` is the string "200" and `price.*` are numbers (schema); the example has a number and strings.',
];

interface Account {
	customerNumber: string;
	isoCountryCode: string;
}

const accounts = new WeakMap<XiData, Account>();

/** Registers the account a simulator's data belongs to (default: V5_CUSTOMER_NUMBER in the US). */
export function registerV5Account(data: XiData, account: Partial<Account>): void {
	accounts.set(data, {
		customerNumber: account.customerNumber ?? V5_CUSTOMER_NUMBER,
		isoCountryCode: account.isoCountryCode ?? V5_COUNTRY_CODE,
	});
}

function accountOf(data: XiData): Account {
	return (
		accounts.get(data) ?? { customerNumber: V5_CUSTOMER_NUMBER, isoCountryCode: V5_COUNTRY_CODE }
	);
}

type Identity = 'ok' | 'unknownCountry' | RouteResponse;

/** The gateway refuses foreign customer numbers; the service refuses an unknown country. */
function checkIdentity(
	ctx: RouteContext,
	customerNumber: string | undefined,
	isoCountryCode: string | undefined,
): Identity {
	const account = accountOf(ctx.data);
	if (!customerNumber || customerNumber.trim() !== account.customerNumber)
		return { status: 500, body: APIGEE.invalidCustomerNumber };
	if (!isoCountryCode || !sameText(isoCountryCode, account.isoCountryCode)) return 'unknownCountry';
	return 'ok';
}

// ---------------------------------------------------------------------------------------------
// Preambles (each operation family spells them differently)
// ---------------------------------------------------------------------------------------------

function responsePreamble(responsestatus: string, statuscode: string, responsemessage: string) {
	return { responsestatus, statuscode, responsemessage };
}

function requestPreambleStatus(requeststatus: string, returncode: string, returnmessage: string) {
	return { requeststatus, returncode, returnmessage };
}

const CUSTOMER_NOT_FOUND = 'Customer Not Found';

// ---------------------------------------------------------------------------------------------
// Shared lookups
// ---------------------------------------------------------------------------------------------

function findByIpn(products: Product[], ipn: string): Product | undefined {
	return products.find((p) => sameText(p.ingramPartNumber, ipn));
}

function findByVpn(products: Product[], vpn: string): Product | undefined {
	return products.find((p) => sameText(p.vendorPartNumber, vpn));
}

function findByUpc(products: Product[], upc: string): Product | undefined {
	const bare = upc.replace(/^0+/, '');
	return products.find((p) => p.upc && (p.upc === upc || p.upc.replace(/^0+/, '') === bare));
}

/** Ingram's legacy systems split descriptions into two 30-odd character lines. */
function descriptionLines(p: Product): [string, string] {
	const words = p.description.toUpperCase().split(/\s+/);
	let first = '';
	let i = 0;
	while (i < words.length && (first + ' ' + words[i]).trim().length <= 35) {
		first = (first + ' ' + words[i]).trim();
		i++;
	}
	const second = words.slice(i).join(' ').slice(0, 35) || p.extraDescription.toUpperCase();
	return [first || p.description.slice(0, 35).toUpperCase(), second.slice(0, 35)];
}

/** A stable two-digit code for a category name (the legacy `categorysubcategory` is numeric). */
function twoDigits(name: string): string {
	let h = 7;
	for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 97;
	return String(h).padStart(2, '0');
}

function cpuCode(p: Product): string {
	return (
		p.subCategory
			.toUpperCase()
			.replace(/[^A-Z]/g, '')
			.slice(0, 6) || 'MISC'
	);
}

function mediaCode(p: Product): string {
	return (
		p.category
			.toUpperCase()
			.replace(/[^A-Z]/g, '')
			.slice(0, 4) || 'MISC'
	);
}

const yn = (value: boolean) => (value ? 'Y' : 'N');

function warehouseName(id: string): string {
	return WAREHOUSES.find((w) => w.warehouseId === id)?.location ?? '';
}

function money(value: number): string {
	return round2(value).toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// Price & availability: POST /resellers/v5/Catalog/priceandavailability
// ---------------------------------------------------------------------------------------------

function truthyFlag(value: unknown): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	return ['true', 'y', 'yes', '1'].includes(String(value).trim().toLowerCase());
}

function paLine(
	item: Record<string, unknown>,
	products: Product[],
	showWarehouses: boolean,
): Record<string, unknown> {
	const ipn = text(item.ingrampartnumber);
	const vpn = text(item.vendorpartnumber);
	const upc = text(item.upc);
	const cpn = text(item.customerpartnumber);
	const product = ipn
		? findByIpn(products, ipn)
		: vpn
			? findByVpn(products, vpn)
			: upc
				? findByUpc(products, upc)
				: undefined;
	if (!product) {
		const echo: Record<string, unknown> = {};
		if (ipn) echo.ingrampartnumber = ipn;
		if (vpn) echo.vendorpartnumber = vpn;
		return {
			itemstatus: 'FAILED',
			statusmessage:
				ipn || vpn || upc || cpn
					? `3000-SKU not found/replic ${ipn ?? vpn ?? upc ?? cpn}`
					: 'E-INGRAMPARTNUMBER, VENDORPARTNUMBER OR UPC REQUIRED',
			...echo,
		};
	}
	const [d1, d2] = descriptionLines(product);
	const line: Record<string, unknown> = {
		itemstatus: 'SUCCESS',
		statusmessage: product.hasDiscounts ? 'A-Qty breaks available' : 'A-No qty breaks availa',
		ingrampartnumber: product.ingramPartNumber,
		vendorpartnumber: product.vendorPartNumber,
		globalskuid: `A300-${product.ingramPartNumber}`,
		customerprice: text(item.specialbidnumber)
			? round2(product.customerPrice * 0.95)
			: product.customerPrice,
		partdescription1: d1,
		partdescription2: d2,
		vendornumber: product.vendorNumber,
		vendorname: product.vendorName.toUpperCase(),
		cpucode: cpuCode(product),
		class: product.productClass,
		skustatus: 'ACTIVE',
		mediacpu: `${mediaCode(product)}  ${cpuCode(product)}`,
		categorysubcategory: `${twoDigits(product.category)}  ${twoDigits(product.subCategory)}`,
		retailprice: product.retailPrice,
		newmedia: mediaCode(product),
		enduserrequired: yn(product.endUserRequired),
		backorderflag: yn(product.acceptBackOrder),
		skuauthorized: yn(product.authorizedToPurchase),
		extendedvendorpartnumber: product.vendorPartNumber,
	};
	if (showWarehouses) {
		const only = asArray(item.warehouseidlist)
			.map(text)
			.filter((w): w is string => Boolean(w));
		line.warehousedetails = product.stock
			.filter((s) => only.length === 0 || only.includes(s.warehouseId))
			.map((s) => ({
				warehouseid: s.warehouseId,
				warehousedescription: s.location,
				availablequantity: s.quantityAvailable,
				onorderquantity: s.quantityOnOrder,
				onholdquantity: 0,
				...(s.backOrderEta ? { etadate: s.backOrderEta } : {}),
			}));
	}
	return line;
}

export const v5PriceAndAvailability: Route = (req, ctx) => {
	const request = asRecord(asRecord(req.body).servicerequest);
	const preamble = asRecord(request.requestpreamble);
	const identity = checkIdentity(ctx, text(preamble.customernumber), text(preamble.isocountrycode));
	if (typeof identity === 'object') return identity;
	const pas = asRecord(request.priceandstockrequest);
	const items = asArray(pas.item).map(asRecord);
	const failed = (statuscode: string, message: string) =>
		ok({ serviceresponse: { responsepreamble: responsePreamble('FAILED', statuscode, message) } });
	if (items.length === 0) return failed('400', 'At least one item is required');
	if (items.length > V5_PA_MAX_ITEMS)
		return failed(
			'400',
			`A maximum of ${V5_PA_MAX_ITEMS} SKUs is allowed per request; ${items.length} were sent`,
		);
	if (identity === 'unknownCountry') {
		return ok({
			serviceresponse: {
				responsepreamble: responsePreamble('FAILED', '500', 'Data Not Found'),
				priceandstockresponse: {
					details: items.map(() => ({
						itemstatus: 'FAILED',
						statusmessage: 'E-INVALID CUSTOMER NUMBER',
					})),
				},
			},
		});
	}
	const showWarehouses = truthyFlag(pas.showwarehouseavailability) !== false;
	const details = items.map((item) => paLine(item, ctx.data.products, showWarehouses));
	const found = details.filter((d) => d.itemstatus === 'SUCCESS').length;
	return ok({
		serviceresponse: {
			responsepreamble:
				found === 0
					? responsePreamble('FAILED', '500', 'Data Not Found')
					: responsePreamble('SUCCESS', '200', 'Data Found'),
			priceandstockresponse: { details },
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Catalog search: GET /resellers/v5/Catalog
// ---------------------------------------------------------------------------------------------

export const v5ProductSearch: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customerNumber'), q.str('isoCountryCode'));
	if (typeof identity === 'object') return identity;
	const failed = (code: string, message: string) =>
		ok({ serviceresponse: { responsepreamble: requestPreambleStatus('FAILED', code, message) } });
	if (identity === 'unknownCountry') return failed('400', CUSTOMER_NOT_FOUND);
	const partNumber = q.str('partNumber');
	if (!partNumber) return failed('400', 'partNumber is required');
	const matches = ctx.data.products.filter(
		(p) =>
			sameText(p.ingramPartNumber, partNumber) ||
			sameText(p.vendorPartNumber, partNumber) ||
			(p.upc && p.upc.replace(/^0+/, '') === partNumber.replace(/^0+/, '')),
	);
	if (matches.length === 0) return failed('404', 'Data Not Available');
	return ok({
		serviceresponse: {
			responsepreamble: requestPreambleStatus('SUCCESS', '200', 'Data Available'),
			productsearchresponse: [
				{
					responseflag: '1',
					partnumbers: matches.map((p) => ({
						ingrampartnumber: p.ingramPartNumber,
						manufacturerpartnumber: p.vendorPartNumber,
						upccode: p.upc,
						productdescription: p.description.toUpperCase(),
						currency: 'USD',
						haswarranty: p.hasWarranty ? 'true' : 'false',
					})),
				},
			],
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Orders: the v5 view of an order (seeded XI orders and orders placed through v5)
// ---------------------------------------------------------------------------------------------

interface V5Address {
	attention?: string;
	name?: string;
	addressline1: string;
	addressline2?: string;
	addressline3?: string;
	city: string;
	state: string;
	postalcode: string;
	countrycode: string;
}

interface V5Line {
	linenumber: string;
	product: Product | undefined;
	partnumber: string;
	vendorpartnumber: string;
	vendorname: string;
	vendorcode: string;
	description: string;
	quantity: number;
	confirmed: number;
	backordered: number;
	unitprice: number;
	warehouseid: string;
	serialnumbers: string[];
}

/** v5 order status codes the routes use, with the words Ingram shows next to them. */
const STATUS_WORDS: Record<string, string> = {
	P: 'PENDING',
	R: 'RELEASED',
	'4': 'SHIPPED',
	I: 'INVOICED',
	V: 'VOIDED',
	C: 'CREDIT HOLD',
};

interface V5Order {
	ordernumber: string;
	customerordernumber: string;
	enduserordernumber?: string;
	/** ISO date-time with offset. */
	entrytimestamp: string;
	ordertype: 'S' | 'D';
	statuscode: keyof typeof STATUS_WORDS;
	shipto: V5Address;
	carriercode: string;
	carrierdescription: string;
	lines: V5Line[];
	freight: number;
	tax: number;
	currencycode: string;
	invoicenumber?: string;
	trackingnumber?: string;
	shipdate?: string;
	extendedspecs: { attributename: string; attributevalue: string }[];
	/** The XI order this view was made from (seeded data), so cancel can update it. */
	xi?: Order;
}

const v5Orders = new WeakMap<XiData, Map<string, V5Order>>();

function storeOf(data: XiData): Map<string, V5Order> {
	let store = v5Orders.get(data);
	if (!store) {
		store = new Map();
		v5Orders.set(data, store);
	}
	return store;
}

function xiStatusCode(order: Order): V5Order['statuscode'] {
	switch (order.status) {
		case 'SHIPPED':
			return order.invoiceNumber ? 'I' : '4';
		case 'CANCELLED':
			return 'V';
		case 'ON HOLD':
			return 'C';
		case 'OPEN':
			return 'P';
		default:
			return 'R';
	}
}

function fromXi(order: Order, products: Product[]): V5Order {
	const s = order.shipToInfo;
	return {
		ordernumber: order.ingramOrderNumber,
		customerordernumber: order.customerOrderNumber,
		enduserordernumber: order.endCustomerOrderNumber || undefined,
		entrytimestamp: order.ingramOrderDate,
		ordertype: order.orderType,
		statuscode: xiStatusCode(order),
		shipto: {
			attention: s.contact,
			name: s.companyName,
			addressline1: s.addressLine1,
			addressline2: s.addressLine2,
			city: s.city,
			state: s.state,
			postalcode: s.postalCode,
			countrycode: s.countryCode,
		},
		carriercode: order.shipment?.carrierCode ?? 'OT',
		carrierdescription: order.shipment?.carrierName ?? 'OTHER',
		lines: order.lines.map((l) => {
			const product = findByIpn(products, l.ingramPartNumber);
			return {
				linenumber: l.customerLineNumber || l.ingramLineNumber,
				product,
				partnumber: l.ingramPartNumber,
				vendorpartnumber: l.vendorPartNumber,
				vendorname: l.vendorName.toUpperCase(),
				vendorcode: product?.vendorNumber ?? '',
				description: l.description,
				quantity: l.quantityOrdered,
				confirmed: l.quantityConfirmed,
				backordered: l.quantityBackOrdered,
				unitprice: l.unitPrice,
				warehouseid: l.warehouseId,
				serialnumbers: l.serialNumbers,
			};
		}),
		freight: order.freightCharges,
		tax: order.totalTax,
		currencycode: order.currencyCode,
		invoicenumber: order.invoiceNumber,
		trackingnumber: order.shipment?.trackingNumber,
		shipdate: order.shipment?.shipDate,
		extendedspecs: [
			{ attributename: 'termscode', attributevalue: '30' },
			{ attributename: 'termsdescription', attributevalue: order.paymentTerms },
			...(order.notes ? [{ attributename: 'commenttext', attributevalue: order.notes }] : []),
		],
		xi: order,
	};
}

/** `20-RD128-11` and `20-rd128` both find 20-RD128. */
function baseOrderNumber(value: string): string {
	return value
		.trim()
		.toUpperCase()
		.replace(/^(\d{2}-[A-Z0-9]{5})-\d{2}$/, '$1');
}

function allOrders(data: XiData): V5Order[] {
	const placed = [...storeOf(data).values()];
	const seeded = data.orders.map((o) => fromXi(o, data.products));
	return [...placed, ...seeded].sort((a, b) => b.entrytimestamp.localeCompare(a.entrytimestamp));
}

function findV5Order(data: XiData, number: string): V5Order | undefined {
	const base = baseOrderNumber(number);
	const placed = storeOf(data).get(base);
	if (placed) return placed;
	const seeded = data.orders.find((o) => o.ingramOrderNumber === base);
	return seeded ? fromXi(seeded, data.products) : undefined;
}

function subtotalOf(order: V5Order): number {
	return round2(order.lines.reduce((sum, l) => sum + l.unitprice * l.quantity, 0));
}

// ---------------------------------------------------------------------------------------------
// Order create: POST /resellers/v5/Orders
// ---------------------------------------------------------------------------------------------

function newOrderNumber(ctx: RouteContext): string {
	let number: string;
	do number = `20-${ctx.rng.upper(1)}${ctx.rng.alnum(4)}`;
	while (findV5Order(ctx.data, number));
	return number;
}

/** The first warehouse that can fill the quantity, else the one with most stock (backorder). */
function pickWarehouse(p: Product, quantity: number): { id: string; available: number } {
	const full = p.stock.find((s) => s.quantityAvailable >= quantity);
	if (full) return { id: full.warehouseId, available: full.quantityAvailable };
	const best = [...p.stock].sort((a, b) => b.quantityAvailable - a.quantityAvailable)[0];
	return best
		? { id: best.warehouseId, available: best.quantityAvailable }
		: { id: WAREHOUSES[0].warehouseId, available: p.productType === 'IM::digital' ? quantity : 0 };
}

function pad3(n: number): string {
	return String(n).padStart(3, '0');
}

export const v5CreateOrder: Route = (req, ctx) => {
	const request = asRecord(asRecord(req.body).ordercreaterequest);
	const preamble = asRecord(request.requestpreamble);
	const identity = checkIdentity(ctx, text(preamble.customernumber), text(preamble.isocountrycode));
	if (typeof identity === 'object') return identity;
	const failed = (message: string) =>
		ok({ serviceresponse: { responsepreamble: responsePreamble('FAILED', '400', message) } });
	if (identity === 'unknownCountry') return failed(CUSTOMER_NOT_FOUND);

	const details = asRecord(request.ordercreatedetails);
	const po = text(details.customerponumber);
	if (!po) return failed('customerponumber is required');
	const specs = asArray(details.extendedspecs).map(asRecord);
	const spec = (name: string) =>
		specs.filter((s) => sameText(text(s.attributename), name)).map((s) => text(s.attributevalue));
	const allowDuplicate = spec('duplicatecustomerordernumbervalidate').some(
		(v) => v && sameText(v, 'ALLOW'),
	);
	if (!allowDuplicate && allOrders(ctx.data).some((o) => sameText(o.customerordernumber, po)))
		return failed(`Duplicate customer PO number ${po}`);

	const shipRaw = asRecord(details.shiptoaddress);
	const shipto: V5Address = text(shipRaw.addressline1)
		? {
				attention: text(shipRaw.attention),
				addressline1: text(shipRaw.addressline1) as string,
				addressline2: text(shipRaw.addressline2),
				addressline3: text(shipRaw.addressline3),
				city: text(shipRaw.city) ?? '',
				state: text(shipRaw.state) ?? '',
				postalcode: text(shipRaw.postalcode) ?? '',
				countrycode: text(shipRaw.countrycode) ?? 'US',
			}
		: {
				name: DEFAULT_SHIP_TO.companyName,
				addressline1: DEFAULT_SHIP_TO.addressLine1,
				addressline2: DEFAULT_SHIP_TO.addressLine2,
				city: DEFAULT_SHIP_TO.city,
				state: DEFAULT_SHIP_TO.state,
				postalcode: DEFAULT_SHIP_TO.postalCode,
				countrycode: DEFAULT_SHIP_TO.countryCode,
			};

	const rejected: string[] = [];
	const accepted: V5Line[] = [];
	const productLines = asArray(details.lines)
		.map(asRecord)
		.filter((l) => !sameText(text(l.linetype), 'C'));
	if (productLines.length === 0) return failed('At least one product line is required');
	productLines.forEach((l, i) => {
		const ipn = text(l.ingrampartnumber);
		const vpn = text(l.vendorpartnumber);
		const upc = text(l.UPCCode);
		const product = ipn
			? findByIpn(ctx.data.products, ipn)
			: vpn
				? findByVpn(ctx.data.products, vpn)
				: upc
					? findByUpc(ctx.data.products, upc)
					: undefined;
		const quantity = Number(text(l.quantity) ?? '0');
		if (!product) {
			rejected.push(
				`SKU not found ${ipn ?? vpn ?? upc ?? text(l.customerpartnumber) ?? ''}`.trim(),
			);
			return;
		}
		if (!Number.isInteger(quantity) || quantity < 1) {
			rejected.push(`Invalid quantity for ${product.ingramPartNumber}`);
			return;
		}
		const warehouse = pickWarehouse(product, quantity);
		const direct = product.directShip || product.productType === 'IM::digital';
		const confirmed = direct ? quantity : Math.min(quantity, warehouse.available);
		accepted.push({
			linenumber: text(l.linenumber) ?? pad3(i + 1),
			product,
			partnumber: product.ingramPartNumber,
			vendorpartnumber: product.vendorPartNumber,
			vendorname: product.vendorName.toUpperCase(),
			vendorcode: product.vendorNumber,
			description: product.description,
			quantity,
			confirmed,
			backordered: quantity - confirmed,
			unitprice: product.customerPrice,
			warehouseid: warehouse.id,
			serialnumbers: [],
		});
	});
	if (accepted.length === 0) return failed(`No order created: ${rejected.join('; ')}`);

	// Vendor direct-ship lines become their own order (type D), like Ingram splits them.
	const groups: { type: 'S' | 'D'; lines: V5Line[] }[] = [];
	const stock = accepted.filter((l) => !l.product?.directShip);
	const direct = accepted.filter((l) => l.product?.directShip);
	if (stock.length) groups.push({ type: 'S', lines: stock });
	if (direct.length) groups.push({ type: 'D', lines: direct });

	const now = ctx.now();
	const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const carriercode = text(details.carriercode) ?? 'OT';
	const comments = spec('commenttext').filter((v): v is string => Boolean(v));
	const store = storeOf(ctx.data);
	const created = groups.map((group) => {
		const order: V5Order = {
			ordernumber: newOrderNumber(ctx),
			customerordernumber: po,
			enduserordernumber: text(details.enduserordernumber),
			entrytimestamp: timestamp,
			ordertype: group.type,
			statuscode: 'P',
			shipto,
			carriercode,
			carrierdescription: carriercode === 'OT' ? 'OTHER' : carriercode,
			lines: group.lines,
			freight: 0,
			tax: 0,
			currencycode: 'USD',
			extendedspecs: comments.map((c) => ({ attributename: 'commenttext', attributevalue: c })),
		};
		store.set(order.ordernumber, order);
		return order;
	});

	const total = round2(created.reduce((sum, o) => sum + subtotalOf(o) + o.freight + o.tax, 0));
	return ok({
		serviceresponse: {
			responsepreamble: responsePreamble(
				'SUCCESS',
				'200',
				rejected.length
					? `Order created with ${rejected.length} line(s) in error: ${rejected.join('; ')}`
					: 'Order Created',
			),
			ordersummary: {
				customerponumber: po,
				totalorderamount: money(total),
				totalordercreated: String(created.length),
				shiptoaddress: { ...shipto },
			},
			ordercreateresponse: created.map((order, i) => ({
				numberoflineswithsuccess: String(order.lines.length),
				numberoflineswitherror: String(i === 0 ? rejected.length : 0),
				numberoflineswithwarning: String(order.lines.filter((l) => l.backordered > 0).length),
				globalorderid: order.ordernumber,
				ordertype: order.ordertype,
				ordertimestamp: timestamp.slice(0, 10),
				invoicingsystemorderid: order.ordernumber,
				taxamount: order.tax,
				freightamount: order.freight,
				orderamount: round2(subtotalOf(order) + order.freight + order.tax),
				Lines: order.lines.map((l, n) => ({
					linetype: 'P',
					globallinenumber: pad3(n + 1),
					partnumber: l.partnumber,
					globalskuid: `A300-${l.partnumber}`,
					linenumber: l.linenumber,
					carriercode: order.carriercode,
					carrierdescription: order.carrierdescription,
					requestedunitprice: l.unitprice,
					requestedquantity: l.quantity,
					confirmedquantity: l.confirmed,
					backorderedquantity: l.backordered,
					unitproductprice: l.unitprice,
					netamount: round2(l.unitprice * l.quantity),
					warehouseid: l.warehouseid,
					ordersuffix: '11',
				})),
			})),
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Order search: GET /resellers/v5/Orders/search
// ---------------------------------------------------------------------------------------------

function positiveInt(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

function orderLinks(order: V5Order, account: Account) {
	const qs = `customerNumber=${account.customerNumber}&isoCountryCode=${account.isoCountryCode}`;
	const sub = `${order.ordernumber}-11`;
	return {
		suborder: [
			{ topic: 'orders', href: `/resellers/v5/orders/${sub}?${qs}`, type: 'GET' },
			...(order.invoicenumber
				? [
						{
							topic: 'invoices',
							href: `/resellers/v5/invoices/${order.invoicenumber}?${qs}`,
							type: 'GET',
						},
					]
				: []),
		],
		order: {
			topic: 'orders',
			href: `/resellers/v5/orders/${order.ordernumber}?${qs}`,
			type: 'GET',
		},
	};
}

export const v5SearchOrders: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customerNumber'), q.str('isocountrycode'));
	if (typeof identity === 'object') return identity;
	const pagenumber = positiveInt(q.str('pagenumber'), 1);
	const pagesize = Math.min(positiveInt(q.str('pagesize'), 25), V5_SEARCH_MAX_PAGE_SIZE);
	const noData = (found: number) =>
		ok({
			serviceResponse: {
				responsepreamble: {
					requeststatus: 'FAILED',
					returnmessage: identity === 'unknownCountry' ? CUSTOMER_NOT_FOUND : 'No data found',
				},
				ordersearchresponse: {
					ordersfound: String(found),
					pagesize: '0',
					pagenumber: String(pagenumber),
				},
			},
		});
	if (identity === 'unknownCountry') return noData(0);

	const ordernumber = q.str('ordernumber');
	const customerordernumber = q.str('customerordernumber');
	const status = q.str('orderstatus') ?? 'any';
	const from = q.str('startcreatetimestamp');
	const to = q.str('endcreatetimestamp');
	const time = (iso: string) => new Date(iso).getTime();
	const matches = allOrders(ctx.data).filter(
		(o) =>
			(!ordernumber || o.ordernumber === baseOrderNumber(ordernumber)) &&
			(!customerordernumber || sameText(o.customerordernumber, customerordernumber)) &&
			(sameText(status, 'any') || o.statuscode === status.toUpperCase()) &&
			(!from || time(o.entrytimestamp) >= time(from)) &&
			(!to || time(o.entrytimestamp) <= time(to)),
	);
	const page = matches.slice((pagenumber - 1) * pagesize, pagenumber * pagesize);
	if (page.length === 0) return noData(matches.length);
	const account = accountOf(ctx.data);
	return ok({
		serviceResponse: {
			responsepreamble: { requeststatus: 'SUCCESS', returnmessage: 'Data found' },
			ordersearchresponse: {
				ordersfound: String(matches.length),
				pagesize: String(page.length),
				pagenumber: String(pagenumber),
				orders: page.map((o) => {
					const links = orderLinks(o, account);
					return {
						ordernumber: o.ordernumber,
						entrytimestamp: new Date(o.entrytimestamp).toISOString().replace(/\.\d{3}Z$/, 'Z'),
						customerordernumber: o.customerordernumber,
						suborders: [
							{
								subordernumber: `${o.ordernumber}-11`,
								statuscode: o.statuscode,
								status: STATUS_WORDS[o.statuscode],
								...(o.statuscode === 'C'
									? { holdreasoncode: 'CH', holdreason: 'HARD-9 CUST NOT FLOOR ORD' }
									: {}),
								links: links.suborder,
							},
						],
						links: links.order,
					};
				}),
			},
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Order details: GET /resellers/v5/Orders/{ordernumber}
// ---------------------------------------------------------------------------------------------

const SIMULATED_STATUS: Record<string, V5Order['statuscode']> = {
	'im::shipped': '4',
	'im::invoiced': 'I',
	'im::hold': 'C',
	'im::partially_shipped': '4',
};

function orderNotFound(): RouteResponse {
	return ok({
		serviceresponse: {
			responsepreamble: responsePreamble('FAILED', '400', 'Order number not found'),
			orderdetailresponse: {
				ordernumber: 'Not Found',
				customerordernumber: 'Not-Found',
				orderstatus: 'Not-Found',
			},
		},
	});
}

function detailAddress(a: V5Address, suffix?: string) {
	const out: Record<string, string> = {};
	if (suffix) out.suffix = suffix;
	for (const [k, v] of Object.entries(a)) if (v) out[k] = v;
	return out;
}

export const v5GetOrder: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customernumber'), q.str('isocountrycode'));
	if (typeof identity === 'object') return identity;
	if (identity === 'unknownCountry')
		return ok({
			serviceresponse: {
				responsepreamble: responsePreamble('FAILED', '400', CUSTOMER_NOT_FOUND),
			},
		});
	const order = findV5Order(ctx.data, req.params.ordernumber ?? '');
	const cpo = q.str('customerordernumber');
	const from = q.str('startcreatetimestamp');
	const to = q.str('endcreatetimestamp');
	const day = order?.entrytimestamp.slice(0, 10) ?? '';
	if (
		!order ||
		(cpo && !sameText(order.customerordernumber, cpo)) ||
		(from && day < from.slice(0, 10)) ||
		(to && day > to.slice(0, 10))
	)
		return orderNotFound();

	const simulate = q.str('simulate')?.toLowerCase();
	const statuscode = (simulate && SIMULATED_STATUS[simulate]) || order.statuscode;
	const partial = simulate === 'im::partially_shipped';
	const shipped = statuscode === '4' || statuscode === 'I';
	const words = STATUS_WORDS[statuscode];
	const tracking = order.trackingnumber ?? `1Z${order.ordernumber.replace(/\W/g, '')}0001`;
	const shipdate = order.shipdate ?? order.entrytimestamp.slice(0, 10);
	const subtotal = subtotalOf(order);
	const weight = order.lines.reduce((sum, l) => sum + (l.product?.weightKg ?? 1) * l.quantity, 0);

	const lines = order.lines.map((l, i) => {
		const [d1, d2] = l.product
			? descriptionLines(l.product)
			: [l.description.toUpperCase().slice(0, 35), ''];
		const shippedQty = partial ? Math.ceil(l.quantity / 2) : l.quantity;
		const lineShipped = shipped && (!partial || i === 0);
		const line: Record<string, unknown> = {
			linenumber: l.linenumber,
			globallinenumber: pad3(i + 1),
			ordersuffix: '11',
			erpordernumber: `${order.ordernumber}-11`,
			linestatus: lineShipped ? words : partial ? 'RELEASED' : words,
			partnumber: l.partnumber,
			manufacturerpartnumber: l.vendorpartnumber,
			vendorname: l.vendorname,
			vendorcode: l.vendorcode,
			partdescription1: d1,
			...(d2 ? { partdescription2: d2 } : {}),
			unitweight: String(l.product?.weightKg ?? 1),
			unitprice: l.unitprice,
			extendedprice: round2(l.unitprice * l.quantity),
			taxamount: 0,
			requestedquantity: String(l.quantity),
			confirmedquantity: String(l.confirmed),
			backorderquantity: String(l.backordered),
			shipmentdetails: [
				{
					quantity: lineShipped ? shippedQty : l.quantity,
					...(lineShipped ? { shipmentdate: shipdate, shippeddate: shipdate } : {}),
					shipfromwarehouseid: l.warehouseid,
					warehousename: warehouseName(l.warehouseid),
					...(statuscode === 'I' && order.invoicenumber
						? { invoicenumber: order.invoicenumber, invoicedate: shipdate }
						: {}),
					status: lineShipped ? (statuscode === 'I' ? 'I' : 'S') : statuscode,
					statusdescription: lineShipped ? words : partial ? 'RELEASED' : words,
					holdreasoncodedescription: statuscode === 'C' ? 'HARD-9 CUST NOT FLOOR ORD' : 'NA',
					...(order.ordertype === 'D' ? { ponumber: 'PO NOT GENERATED YET' } : {}),
					carriertype: 'SML',
					carriercode: order.carriercode,
					carriername: order.carrierdescription,
					...(lineShipped
						? {
								packagedetails: {
									trackingnumber: tracking,
									packageweight: String(Math.max(1, Math.round(l.product?.weightKg ?? 1))),
									cartonnumber: '001',
									quantityinbox: String(shippedQty),
								},
							}
						: {}),
				},
			],
		};
		if (lineShipped) {
			line.trackingnumber = [tracking];
			if (l.serialnumbers.length)
				line.serialnumberdetails = l.serialnumbers.map((serialnumber) => ({ serialnumber }));
		}
		if (l.backordered > 0 && l.product) {
			const eta = l.product.stock.find((s) => s.backOrderEta)?.backOrderEta;
			if (eta) line.backorderetadate = eta;
		}
		return line;
	});

	return ok({
		serviceresponse: {
			responsepreamble: responsePreamble('SUCCESS', '200', 'Data Found'),
			orderdetailresponse: {
				ordernumber: order.ordernumber,
				ordertype: order.ordertype,
				customerordernumber: order.customerordernumber,
				...(order.enduserordernumber ? { enduserponumber: order.enduserordernumber } : {}),
				orderstatus: words,
				entrytimestamp: order.entrytimestamp,
				entrymethoddescription: order.xi ? 'XML/PCG' : 'API',
				ordertotalvalue: round2(subtotal + order.freight + order.tax),
				ordersubtotal: subtotal,
				freightamount: money(order.freight),
				currencycode: order.currencycode,
				totalweight: String(round2(weight)),
				totaltax: money(order.tax),
				billtoaddress: {
					suffix: '000',
					name: BILL_TO.companyName,
					addressline1: BILL_TO.addressLine1,
					city: BILL_TO.city,
					state: BILL_TO.state,
					postalcode: BILL_TO.postalCode,
					countrycode: BILL_TO.countryCode,
				},
				shiptoaddress: detailAddress(order.shipto, '200'),
				lines,
				extendedspecs: order.extendedspecs,
			},
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Order cancel: DELETE /resellers/v5/Orders/{ordernumber}
// ---------------------------------------------------------------------------------------------

function cancelAnswer(requestStatus: string, returnCode: string, returnMessage: string) {
	return ok({
		serviceresponse: { responsepreamble: { requestStatus, returnCode, returnMessage } },
	});
}

/**
 * Only orders not yet released to the warehouse (pending or on hold) can be cancelled, never a
 * direct-ship one, and `entryDate` must be the order's entry date. Failures use returnCode "99"
 * (Ingram documents only the success code "00").
 */
export const v5CancelOrder: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customerNumber'), q.str('isoCountryCode'));
	if (typeof identity === 'object') return identity;
	if (identity === 'unknownCountry') return cancelAnswer('FAILED', '99', CUSTOMER_NOT_FOUND);
	const number = req.params.ordernumber ?? '';
	const order = findV5Order(ctx.data, number);
	const entryDate = q.str('entryDate');
	if (!order || (entryDate && entryDate !== order.entrytimestamp.slice(0, 10)))
		return cancelAnswer('FAILED', '99', `Order ${number} not found`);
	if (!entryDate || !/^\d{4}-\d{2}-\d{2}$/.test(entryDate))
		return cancelAnswer('FAILED', '99', 'entryDate must be the order entry date (yyyy-mm-dd)');
	if (order.statuscode === 'V') return cancelAnswer('FAILED', '99', 'Order already cancelled');
	if (order.ordertype === 'D')
		return cancelAnswer('FAILED', '99', 'Direct ship orders cannot be cancelled');
	if (order.statuscode !== 'P' && order.statuscode !== 'C')
		return cancelAnswer(
			'FAILED',
			'99',
			'Order has been released to the warehouse and cannot be cancelled',
		);
	if (order.xi) order.xi.status = 'CANCELLED';
	else order.statuscode = 'V';
	return cancelAnswer('SUCCESS', '00', 'Order Deleted Successfully');
};

// ---------------------------------------------------------------------------------------------
// Invoice details: GET /resellers/v5/invoices/{invoiceNumber}
// ---------------------------------------------------------------------------------------------

export const v5GetInvoice: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customerNumber'), q.str('isoCountryCode'));
	if (typeof identity === 'object') return identity;
	const failed = (message: string) =>
		ok({ serviceresponse: { responsepreamble: responsePreamble('FAILED', '400', message) } });
	if (identity === 'unknownCountry') return failed(CUSTOMER_NOT_FOUND);
	const number = (req.params.invoiceNumber ?? '').trim().toUpperCase();
	const invoice = ctx.data.invoices.find((i) => i.invoiceNumber === number);
	const xi =
		invoice && ctx.data.orders.find((o) => o.ingramOrderNumber === invoice.ingramOrderNumber);
	if (!invoice || !xi) return failed('Invoice Not Found');
	const order = fromXi(xi, ctx.data.products);
	const address = (a: typeof BILL_TO) => ({
		...(a.contact ? { attention: a.contact } : {}),
		name1: a.companyName,
		addressline1: a.addressLine1,
		...(a.addressLine2 ? { addressline2: a.addressLine2 } : {}),
		city: a.city,
		state: a.state,
		postalcode: a.postalCode,
		countrycode: a.countryCode,
	});
	const suffix = number.slice(-2);
	const lines: Record<string, unknown>[] = order.lines.map((l) => ({
		linenumber: l.linenumber.replace(/^0+(?=\d)/, ''),
		linetype: 'P',
		partnumber: l.partnumber,
		vendorpartnumber: l.vendorpartnumber,
		partdescription: l.description.toUpperCase(),
		shipfrombranch: l.warehouseid,
		shippedquantity: String(l.confirmed),
		orderedquantity: String(l.quantity),
		backorderquantity: String(l.backordered),
		extendedprice: money(l.unitprice * l.confirmed),
		ordersuffix: suffix,
		unitprice: money(l.unitprice),
		unitofmeasure: 'EA',
		...(l.serialnumbers.length
			? {
					serialnumberdetails: l.serialnumbers.map((serialnumber) => ({
						serialnumber,
						deliverynumber: xi.shipment?.deliveryNumber ?? '',
					})),
				}
			: {}),
		...(order.trackingnumber
			? { trackingnumberdetails: [{ trackingnumber: order.trackingnumber }] }
			: {}),
	}));
	lines.push({
		linenumber: '895',
		partdescription: order.freight > 0 ? 'FREIGHT' : 'FREE FREIGHT',
		shipfrombranch: order.lines[0]?.warehouseid ?? '10',
		shippedquantity: '0',
		orderedquantity: '0',
		backorderquantity: '0',
		extendedprice: money(order.freight),
		ordersuffix: suffix,
		unitprice: money(order.freight),
	});
	const shipped = round2(order.lines.reduce((s, l) => s + l.unitprice * l.confirmed, 0));
	const account = accountOf(ctx.data);
	return ok({
		serviceresponse: {
			responsepreamble: responsePreamble('SUCCESS', '200', 'Invoice Found'),
			invoicedetailresponse: {
				customernumber: account.customerNumber,
				// Ingram's example drops the branch prefix here and keeps it in globalorderid.
				invoicenumber: number.replace(/^\d{2}-/, ''),
				invoicedate: invoice.invoiceDate.slice(0, 10),
				customerordernumber: order.customerordernumber,
				customerfreightamount: money(order.freight),
				customerforeignfrightamt: '0.00',
				totaltaxamount: money(order.tax),
				totalamount: money(shipped + order.freight + order.tax),
				shiptosuffix: '200',
				billtosuffix: '000',
				freightamount: money(order.freight),
				paymentterms: invoice.paymentTermsCode,
				orderdate: order.entrytimestamp.slice(0, 10),
				carrier: order.carriercode,
				carrierdescription: order.carrierdescription,
				discountamount: 0,
				...(order.enduserordernumber ? { enduserponumber: order.enduserordernumber } : {}),
				shipdate: order.shipdate ?? invoice.invoiceDate.slice(0, 10),
				companycurrency: order.currencycode,
				currencycode: order.currencycode,
				currencyrate: '1.000000',
				globalorderid: number,
				ordertype: order.ordertype,
				orderstatus: 'I',
				totalsales: money(shipped),
				weight: money(
					order.lines.reduce((s, l) => s + (l.product?.weightKg ?? 1) * l.confirmed, 0),
				),
				billto: address(BILL_TO),
				shoptoaddress: address(xi.shipToInfo),
				lines,
				extendedspecs: [
					{ attributename: 'termscode', attributevalue: invoice.paymentTermsCode },
					{ attributename: 'termsdescription', attributevalue: invoice.paymentTermsDescription },
				],
			},
		},
	});
};

// ---------------------------------------------------------------------------------------------
// Quotes: POST /resellers/v5/quote/search, GET /resellers/v5/quote/{quoteNumber}
// ---------------------------------------------------------------------------------------------

function quoteTotal(q: Quote): number {
	return round2(q.products.reduce((sum, p) => sum + p.quotePrice * p.quantity, 0));
}

const QUOTE_SORT: Record<string, (q: Quote) => string> = {
	quotenumber: (q) => q.quoteNumber,
	createddate: (q) => q.ingramQuoteDate,
	datecreated: (q) => q.ingramQuoteDate,
	createdon: (q) => q.ingramQuoteDate,
	lastmodifieddate: (q) => q.lastModifiedDate,
	expirydate: (q) => q.ingramQuoteExpiryDate,
	endusername: (q) => q.endUserInfo.companyName,
};

const INACTIVE_QUOTE = /draft|closed/i;

function quoteSearchAnswer(
	responseStatus: 'Passed' | 'Failed',
	responseStatusCode: string,
	responseMessage: string,
	list?: Quote[],
	total = 0,
) {
	return ok({
		quoteSearchResponse: {
			responsePreamble: { responseStatus, responseStatusCode, responseMessage },
			...(list
				? {
						quoteList: list.map((quote) => ({
							quoteName: quote.quoteName,
							quoteNumber: quote.quoteNumber,
							revisionNumber: Number(quote.revision) || 0,
							endUserName: quote.endUserInfo.companyName,
							...(quote.specialBidNumber ? { bidNumber: quote.specialBidNumber } : {}),
							totalAmount: String(quoteTotal(quote)),
							quoteStatus: quote.status,
							createdDate: quote.ingramQuoteDate.slice(0, 10),
							lastModifiedDate: quote.lastModifiedDate.slice(0, 10),
							quoteExpiryDate: quote.ingramQuoteExpiryDate.slice(0, 10),
						})),
					}
				: {}),
			totalCount: total,
		},
	});
}

/**
 * Filters: quoteNumber (partial), bidNumber, endUserName (partial), fromDate/toDate on the created
 * date. Like the v6 route, the default "last 30 days" window is not applied, so tests do not
 * depend on the wall clock; draft and closed quotes are never listed.
 */
export const v5SearchQuotes: Route = (req, ctx) => {
	const request = asRecord(asRecord(req.body).quoteSearchRequest);
	const preamble = asRecord(request.requestPreamble);
	const identity = checkIdentity(ctx, text(preamble.customerNumber), text(preamble.isoCountryCode));
	if (typeof identity === 'object') return identity;
	if (identity === 'unknownCountry') return quoteSearchAnswer('Failed', '400', CUSTOMER_NOT_FOUND);
	const r = asRecord(request.retrieveQuoteRequest);
	const fromDate = text(r.fromDate);
	const toDate = text(r.toDate);
	const isDate = (d: string | undefined) => !d || /^\d{4}-\d{2}-\d{2}$/.test(d);
	if (!isDate(fromDate) || !isDate(toDate))
		return quoteSearchAnswer('Failed', '400', 'Date must be entered as YYYY-MM-DD');
	const perPage = positiveInt(text(r.recordsPerPage), 25);
	if (perPage > 100)
		return quoteSearchAnswer(
			'Failed',
			'400',
			'The number of records requested exceeds the 100 record limit.',
		);
	const pageIndex = positiveInt(text(r.pageIndex), 1);
	const column = (text(r.sortingColumnName) ?? 'createdDate').toLowerCase();
	const sortKey = QUOTE_SORT[column];
	if (!sortKey) return quoteSearchAnswer('Failed', '400', 'Provide valid sort column name');
	const descending = (text(r.sorting) ?? 'desc').toLowerCase() !== 'asc';

	const quoteNumber = text(r.quoteNumber);
	const bidNumber = text(r.bidNumber);
	const endUserName = text(r.endUserName);
	const matches = ctx.data.quotes
		.filter(
			(quote) =>
				!INACTIVE_QUOTE.test(quote.status) &&
				(!quoteNumber || contains(quote.quoteNumber, quoteNumber)) &&
				(!bidNumber || contains(quote.specialBidNumber, bidNumber)) &&
				(!endUserName || contains(quote.endUserInfo.companyName, endUserName)) &&
				(!fromDate || quote.ingramQuoteDate.slice(0, 10) >= fromDate) &&
				(!toDate || quote.ingramQuoteDate.slice(0, 10) <= toDate),
		)
		.sort((a, b) =>
			descending ? sortKey(b).localeCompare(sortKey(a)) : sortKey(a).localeCompare(sortKey(b)),
		);
	const page = matches.slice((pageIndex - 1) * perPage, pageIndex * perPage);
	return quoteSearchAnswer(
		'Passed',
		'200',
		page.length ? 'Records Found' : 'No Records Found',
		page,
		matches.length,
	);
};

function quoteDetailFailed(message: string): RouteResponse {
	return ok({
		quoteDetailResponse: {
			responsePreamble: { responseStatus: 'Failed', statusCode: '400', responseMessage: message },
		},
	});
}

export const v5GetQuote: Route = (req, ctx) => {
	const q = new Query(req.query);
	const identity = checkIdentity(ctx, q.str('customerNumber'), q.str('isoCountryCode'));
	if (typeof identity === 'object') return identity;
	if (identity === 'unknownCountry') return quoteDetailFailed(CUSTOMER_NOT_FOUND);
	const number = (req.params.quoteNumber ?? '').trim();
	const quote = ctx.data.quotes.find((x) => sameText(x.quoteNumber, number));
	if (!quote) return quoteDetailFailed('Quote Not Found');
	const account = accountOf(ctx.data);
	const e = quote.endUserInfo;
	const products = quote.products.map((p) => ({
		quoteProductGuid: p.quoteProductGuid,
		quantity: p.quantity.toFixed(1),
		...(p.notes ? { comments: p.notes } : {}),
		sku: p.ingramPartNumber,
		lineNumber: `${Number(p.lineNumber) || 1}.0`,
		price: {
			quotePrice: p.quotePrice,
			msrp: p.msrp,
			extendedMsrp: round2(p.msrp * p.quantity),
			extendedQuotePrice: round2(p.quotePrice * p.quantity),
		},
		description: p.description,
		vendorPartNumber: p.vendorPartNumber,
		weight: String(findByIpn(ctx.data.products, p.ingramPartNumber)?.weightKg ?? 1),
		isSuggestionProduct: 'false',
		vpnCategory: 'hwsw',
		quoteProductsVendor: p.vendorName.toUpperCase(),
	}));
	const msrpTotal = round2(quote.products.reduce((s, p) => s + p.msrp * p.quantity, 0));
	return ok({
		quoteDetailResponse: {
			responsePreamble: {
				responseStatus: 'Passed',
				statusCode: '200',
				responseMessage: 'Records Found',
			},
			retrieveQuoteResponse: {
				quoteGuid: quote.quoteGuid,
				quoteName: quote.quoteName,
				quoteNumber: quote.quoteNumber,
				quoteExpiryDate: quote.ingramQuoteExpiryDate.slice(0, 10),
				revisionNumber: quote.revision,
				introPreamble: 'Thank you for contacting Ingram Micro.',
				purchaseInstructions: 'Please reference the quote number on your order.',
				legalTerms:
					"Subject to product availability and Ingram Micro's standard terms and conditions.",
				currencyCode: quote.currencyCode,
				...(quote.customerNeed ? { customerNeed: quote.customerNeed } : {}),
				status: quote.status,
				created: quote.ingramQuoteDate.slice(0, 10),
				modified: quote.lastModifiedDate.slice(0, 10),
				accountInfo: {
					accountName: RESELLER_COMPANY,
					bcn: account.customerNumber.replace(/\D/g, ''),
					phone: BILL_TO.phoneNumber ?? '',
				},
				contactInfo: { contactName: quote.createdBy, contactEmail: quote.resellerContact },
				vendorAttributes: {
					...(quote.specialBidNumber ? { dealId: quote.specialBidNumber } : {}),
					vendorName: quote.vendorName.toUpperCase(),
				},
				endUser: {
					endUserName: e.companyName,
					endUserAddress: e.addressLine1,
					endUserCity: e.city,
					endUserState: e.state,
					endUserZipCode: e.postalCode,
					...(e.email ? { endUserEmail: e.email } : {}),
					...(e.phoneNumber ? { endUserPhone: e.phoneNumber } : {}),
					...(e.contact ? { endUserContactName: e.contact } : {}),
				},
			},
			quoteProductList: products,
			totalQuoteProductCount: String(products.length),
			totalExtendedMsrp: money(msrpTotal),
			totalQuantity: quote.products.reduce((s, p) => s + p.quantity, 0),
			totalExtendedQuotePrice: money(quoteTotal(quote)),
		},
	});
};

/** The nine v5 operations by operationId (paths in ./spec.ts V5_OPERATIONS). */
export const V5_ROUTES: Record<string, Route> = {
	MultiSKUPriceAndStock: v5PriceAndAvailability, // POST   /resellers/v5/Catalog/priceandavailability
	'get-v5-catalog-productsearch': v5ProductSearch, // GET    /resellers/v5/Catalog
	'post-v5-orders-create': v5CreateOrder, // POST   /resellers/v5/Orders
	'get-orders-search': v5SearchOrders, // GET    /resellers/v5/Orders/search
	'get-v5-orders-details': v5GetOrder, // GET    /resellers/v5/Orders/{ordernumber}
	'delete-orders-orderNumber': v5CancelOrder, // DELETE /resellers/v5/Orders/{ordernumber}
	'get-invoices': v5GetInvoice, // GET    /resellers/v5/invoices/{invoiceNumber}
	'post-v5-quotes-search': v5SearchQuotes, // POST   /resellers/v5/quote/search
	'get-v5-quotes-details': v5GetQuote, // GET    /resellers/v5/quote/{quoteNumber}
};
