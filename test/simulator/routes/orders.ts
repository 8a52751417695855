/**
 * Orders: search, details v6.1, create v6 (synchronous), create v7 (asynchronous), modify, cancel.
 *
 * Rules the real service applies and the simulator reproduces:
 * - create v6 answers 201; lines whose Ingram part number is unknown are rejected and listed in
 *   `orders[0].rejectedLineItems` (`rejectCode: "EN"`, `rejectReason: "SKU-NOTFOUND    <sku>"`),
 *   the answer becomes 207 with `processedPartially: true`; if every line is rejected: 400;
 * - a customerOrderNumber already used is refused (400) unless the order carries the additional
 *   attribute `allowDuplicateCustomerOrderNumber=true`;
 * - lines shipped by the vendor (direct ship) go into their own Ingram order (orderType "D"),
 *   so one PO can yield several orders (`orderSplit: true`);
 * - only orders placed with `allowOrderOnCustomerHold=true` ("customer hold") can be modified,
 *   released (`actionCode=release`) or cancelled; cancel answers 405 otherwise;
 * - create v7 only acknowledges (200 + confirmationNumber); the result arrives by webhook.
 * Created orders are visible to search and details at once.
 */
import {
	DEFAULT_SHIP_TO,
	WAREHOUSES,
	type Address,
	type Order,
	type OrderLine,
	type OrderStatus,
} from '../data';
import { ERROR_TYPES, ingramError, type ErrorField } from '../errors';
import { round2, todayIso } from '../random';
import { findProduct } from './catalog';
import {
	asArray,
	asRecord,
	attribute,
	badRequest,
	contains,
	dateRange,
	inRange,
	isIsoDate,
	ok,
	paginate,
	PAGE_NUMBER_SIZE,
	Query,
	readPage,
	sameText,
	text,
	type DateRange,
	type Route,
	type RouteContext,
	type RouteRequest,
	type RouteResponse,
} from './common';

const TITLE: Record<OrderStatus, string> = {
	SHIPPED: 'Shipped',
	PROCESSING: 'Processing',
	'ON HOLD': 'On Hold',
	BACKORDERED: 'Backordered',
	CANCELLED: 'Cancelled',
	OPEN: 'Open',
};

function subtotal(order: Order): number {
	return round2(order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantityOrdered, 0));
}

function total(order: Order): number {
	return round2(subtotal(order) + order.freightCharges + order.totalTax);
}

function lineStatus(order: Order, line: OrderLine): string {
	if (order.status === 'CANCELLED') return 'Cancelled';
	if (order.status === 'SHIPPED') return 'Shipped';
	if (order.status === 'ON HOLD') return 'On Hold';
	return line.quantityBackOrdered > 0 ? 'Backordered' : 'In Progress';
}

function warehouseLocation(id: string): string {
	return WAREHOUSES.find((w) => w.warehouseId === id)?.location ?? '';
}

/** Order numbers are matched without the sub-order suffix: 20-RD3QV-11 finds 20-RD3QV. */
function findOrder(orders: Order[], number: string | undefined): Order | undefined {
	if (!number) return undefined;
	const base = number
		.trim()
		.toUpperCase()
		.replace(/^(\d{2}-[A-Z0-9]{5})-\d{2}$/, '$1');
	return orders.find((o) => o.ingramOrderNumber === base);
}

function orderNotFound(req: RouteRequest): RouteResponse {
	return {
		status: 404,
		body: ingramError(req.operationId, req.correlationId, {
			type: ERROR_TYPES.validationError,
			message: 'Order not found.',
		}),
	};
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/**
 * GET /resellers/v6/orders/search. Page counters come back as STRINGS ("25"), and so do the
 * order totals, exactly like Ingram's example. Nothing found -> 204 No Content.
 */
export const searchOrders: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_NUMBER_SIZE);
	if (Array.isArray(page)) return badRequest(req, page);

	const errors: ErrorField[] = [];
	const range = (name: string): DateRange | undefined => {
		const parsed = dateRange(q.list(name));
		if (typeof parsed === 'string')
			errors.push({ field: name, value: q.list(name).join(','), message: parsed });
		return typeof parsed === 'object' ? parsed : undefined;
	};
	const orderDate = range('ingramOrderDate-bt');
	const invoiceDate = range('invoiceDate_bt');
	const shipDate = range('shipDate_bt');
	const deliveryDate = range('deliveryDate_bt');
	const singleDate = q.str('ingramOrderDate');
	if (singleDate && !isIsoDate(singleDate)) {
		errors.push({
			field: 'ingramOrderDate',
			value: singleDate,
			message: 'input date format error expected format is - yyyy-MM-dd',
		});
	}
	if (errors.length) return badRequest(req, errors);

	const statuses = [...q.list('orderStatus-in'), ...q.list('orderStatus')];
	const s = (name: string) => q.str(name);
	const anyLine = (order: Order, test: (l: OrderLine) => boolean) => order.lines.some(test);

	const matching = data.orders.filter(
		(o) =>
			(!s('ingramOrderNumber') || findOrder([o], s('ingramOrderNumber')) !== undefined) &&
			(!s('customerOrderNumber') ||
				sameText(o.customerOrderNumber, s('customerOrderNumber') as string)) &&
			(!s('endCustomerOrderNumber') ||
				sameText(o.endCustomerOrderNumber, s('endCustomerOrderNumber') as string)) &&
			(statuses.length === 0 || statuses.some((st) => sameText(o.status, st))) &&
			(!singleDate || o.ingramOrderDate.startsWith(singleDate)) &&
			(!orderDate || inRange(o.ingramOrderDate, orderDate)) &&
			(!invoiceDate || inRange(o.invoiceNumber ? o.shipment?.shipDate : undefined, invoiceDate)) &&
			(!shipDate || inRange(o.shipment?.shipDate, shipDate)) &&
			(!deliveryDate || inRange(o.shipment?.deliveryDate, deliveryDate)) &&
			(!s('ingramPartNumber') ||
				anyLine(o, (l) => sameText(l.ingramPartNumber, s('ingramPartNumber') as string))) &&
			(!s('vendorPartNumber') ||
				anyLine(o, (l) => sameText(l.vendorPartNumber, s('vendorPartNumber') as string))) &&
			(!s('vendorName') || anyLine(o, (l) => contains(l.vendorName, s('vendorName') as string))) &&
			(!s('serialNumber') ||
				anyLine(o, (l) => l.serialNumbers.includes(s('serialNumber') as string))) &&
			(!s('specialBidNumber') || anyLine(o, (l) => l.specialBidNumber === s('specialBidNumber'))) &&
			(!s('trackingNumber') || o.shipment?.trackingNumber === s('trackingNumber')),
	);

	const result = paginate(matching, req, PAGE_NUMBER_SIZE, page);
	if (result.items.length === 0) return { status: 204 };
	return ok({
		recordsFound: String(result.total),
		pageSize: String(result.pageSize),
		pageNumber: String(result.pageNumber),
		orders: result.items.map((o) => ({
			ingramOrderNumber: o.ingramOrderNumber,
			ingramOrderDate: o.ingramOrderDate,
			customerOrderNumber: o.customerOrderNumber,
			vendorSalesOrderNumber: o.vendorSalesOrderNumber,
			vendorName: o.lines[0]?.vendorName ?? '',
			endUserCompanyName: o.endUserInfo?.companyName ?? '',
			orderTotal: total(o).toFixed(2),
			orderStatus: o.status,
			subOrders: [
				{
					subOrderNumber: `${o.ingramOrderNumber}-11`,
					subOrderTotal: total(o).toFixed(2),
					subOrderStatus: o.status,
					links: [
						{
							topic: 'orders',
							href: `/resellers/v6.1/orders/${o.ingramOrderNumber}-11`,
							type: 'GET',
						},
					],
				},
			],
			links: {
				topic: 'orders',
				href: `/resellers/v6.1/orders/${o.ingramOrderNumber}`,
				type: 'GET',
			},
		})),
		nextPage: result.nextPage,
		previousPage: result.previousPage,
	});
};

// ---------------------------------------------------------------------------------------------
// Details
// ---------------------------------------------------------------------------------------------

/**
 * `simulateStatus` (sandbox only) shows the order as if it had reached another state, without
 * changing it.
 */
function simulate(
	order: Order,
	simulateStatus: string | undefined,
): { order: Order; title: string } {
	const copy = structuredClone(order);
	const shipment = copy.shipment ?? {
		shipDate: todayIso(),
		deliveryDate: todayIso(),
		carrierCode: 'RG',
		carrierName: 'FEDEX GROUND',
		trackingNumber: `39${copy.webOrderId}${copy.vendorSalesOrderNumber.slice(0, 2)}`,
		deliveryNumber: copy.vendorSalesOrderNumber,
	};
	switch (simulateStatus?.toUpperCase()) {
		case 'IM::SHIPPED':
			copy.status = 'SHIPPED';
			copy.shipment = shipment;
			copy.lines.forEach((l) =>
				Object.assign(l, { quantityConfirmed: l.quantityOrdered, quantityBackOrdered: 0 }),
			);
			return { order: copy, title: 'Shipped' };
		case 'IM::INVOICED':
			copy.status = 'SHIPPED';
			copy.shipment = shipment;
			copy.invoiceNumber = copy.invoiceNumber ?? `${copy.ingramOrderNumber}-11`;
			return { order: copy, title: 'Invoiced' };
		case 'IM::HOLD':
			copy.status = 'ON HOLD';
			return { order: copy, title: 'On Hold' };
		case 'IM::PARTIALLY_SHIPPED':
			copy.status = 'PROCESSING';
			copy.shipment = shipment;
			return { order: copy, title: 'Partially Shipped' };
		default:
			return { order: copy, title: TITLE[copy.status] };
	}
}

function detailLine(order: Order, line: OrderLine, index: number, partiallyShipped: boolean) {
	const shipped = order.status === 'SHIPPED' || (partiallyShipped && index === 0);
	const s = order.shipment;
	return {
		subOrderNumber: `${order.ingramOrderNumber}-11`,
		ingramOrderLineNumber: line.ingramLineNumber,
		vendorSalesOrderLineNumber: order.vendorSalesOrderNumber,
		customerLineNumber: line.customerLineNumber,
		lineStatus: partiallyShipped ? (shipped ? 'Shipped' : 'Backordered') : lineStatus(order, line),
		ingramPartNumber: line.ingramPartNumber,
		vendorPartNumber: line.vendorPartNumber,
		vendorName: line.vendorName,
		partDescription: line.description,
		unitWeight: 0,
		weightUom: 'EA',
		unitPrice: line.unitPrice,
		upcCode: line.upc,
		extendedPrice: round2(line.unitPrice * line.quantityOrdered),
		taxAmount: 0,
		currencyCode: order.currencyCode,
		quantityOrdered: line.quantityOrdered,
		quantityConfirmed: line.quantityConfirmed,
		quantityBackOrdered:
			partiallyShipped && !shipped ? line.quantityOrdered : line.quantityBackOrdered,
		specialBidNumber: line.specialBidNumber ?? '',
		requestedDeliverydate: '',
		promisedDeliveryDate: s?.deliveryDate ?? '',
		lineNotes: line.notes ?? '',
		shipmentDetails:
			shipped && s
				? [
						{
							quantity: line.quantityOrdered,
							deliveryNumber: s.deliveryNumber,
							estimatedShipDate: s.shipDate,
							shippedDate: s.shipDate,
							estimatedDeliveryDate: s.deliveryDate,
							shipFromWarehouseId: line.warehouseId,
							shipFromLocation: warehouseLocation(line.warehouseId),
							invoiceNumber: order.invoiceNumber ?? '',
							invoiceDate: order.invoiceNumber ? s.shipDate : '',
							carrierDetails: [
								{
									carrierCode: s.carrierCode,
									carrierName: s.carrierName,
									quantity: line.quantityOrdered,
									shippedDate: s.shipDate,
									estimatedDeliveryDate: s.deliveryDate,
									deliveredDate: s.deliveryDate,
									carrierPickupDate: s.shipDate,
									trackingDetails: [
										{
											trackingNumber: s.trackingNumber,
											trackingUrl: `https://www.fedex.com/fedextrack/?trknbr=${s.trackingNumber}`,
											packageWeight: '1.2',
											cartonNumber: '1',
											quantityInBox: String(line.quantityOrdered),
											serialNumbers: line.serialNumbers.map((serialNumber) => ({ serialNumber })),
										},
									],
								},
							],
						},
					]
				: [],
		additionalAttributes: [],
		links: order.invoiceNumber
			? [
					{
						topic: 'invoices',
						href: `/resellers/v6.1/invoices/${order.invoiceNumber}`,
						type: 'GET',
					},
				]
			: [],
	};
}

/** GET /resellers/v6.1/orders/{ordernumber}; unknown orders -> 404 (the spec lists only 200/500). */
export const getOrder: Route = (req, { data }) => {
	const found = findOrder(data.orders, req.params.ordernumber);
	if (!found) return orderNotFound(req);
	const simulateStatus = new Query(req.query).str('simulateStatus');
	const { order, title } = simulate(found, simulateStatus);
	const partial = simulateStatus?.toUpperCase() === 'IM::PARTIALLY_SHIPPED';
	return ok({
		ingramOrderNumber: order.ingramOrderNumber,
		ingramOrderDate: order.ingramOrderDate,
		orderType: order.orderType,
		customerOrderNumber: order.customerOrderNumber,
		endCustomerOrderNumber: order.endCustomerOrderNumber,
		webOrderId: order.webOrderId,
		vendorSalesOrderNumber: order.vendorSalesOrderNumber,
		ingramPurchaseOrderNumber: order.ingramPurchaseOrderNumber,
		orderStatus: title,
		orderTotal: total(order),
		orderSubTotal: subtotal(order),
		freightCharges: order.freightCharges,
		currencyCode: order.currencyCode,
		totalWeight: 1,
		totalTax: order.totalTax,
		totalFees: 0,
		paymentTerms: order.paymentTerms,
		notes: order.notes,
		billToInfo: order.billToInfo,
		shipToInfo: order.shipToInfo,
		endUserInfo: order.endUserInfo ?? {},
		lines: order.lines.map((l, i) => detailLine(order, l, i, partial)),
		miscellaneousCharges: order.freightCharges
			? [
					{
						subOrderNumber: `${order.ingramOrderNumber}-11`,
						chargeLineReference: '8',
						chargeDescription: 'FREIGHT OUT',
						chargeAmount: order.freightCharges.toFixed(2),
					},
				]
			: [],
		additionalAttributes: order.additionalAttributes,
	});
};

// ---------------------------------------------------------------------------------------------
// Create v6
// ---------------------------------------------------------------------------------------------

function address(value: unknown): Address | undefined {
	const a = asRecord(value);
	if (Object.keys(a).length === 0) return undefined;
	const s = (k: string) => text(a[k]) ?? '';
	return {
		contact: s('contact'),
		companyName: s('companyName'),
		addressLine1: s('addressLine1'),
		addressLine2: s('addressLine2'),
		addressLine3: s('addressLine3'),
		city: s('city'),
		state: s('state'),
		postalCode: s('postalCode'),
		countryCode: s('countryCode') || 'US',
		phoneNumber: s('phoneNumber'),
		email: s('email'),
	};
}

/** Ingram refuses US/Canadian addresses whose state is not a 2-letter code. */
function invalidState(a: Address | undefined): boolean {
	return Boolean(
		a &&
		a.state &&
		['US', 'CA'].includes(a.countryCode.toUpperCase()) &&
		!/^[A-Za-z]{2}$/.test(a.state),
	);
}

function addressChecks(body: Record<string, unknown>): ErrorField[] {
	const fields: ErrorField[] = [];
	if (body.endUserInfo !== undefined) {
		const values = Object.values(asRecord(body.endUserInfo));
		if (values.every((v) => text(v) === undefined)) {
			fields.push({
				field: 'endUserInfo',
				value: body.endUserInfo,
				message: 'endUserInfo Object: Values under endUserInfo object cannot be empty.',
			});
		}
	}
	for (const key of ['shipToInfo', 'endUserInfo']) {
		const a = address(body[key]);
		if (invalidState(a))
			fields.push({
				field: `${key}.state`,
				value: a?.state,
				message: 'State must be a 2 character state code for US and CA addresses.',
			});
	}
	return fields;
}

function newOrderNumber(ctx: RouteContext): string {
	let number: string;
	do number = `20-${ctx.rng.upper(1)}${ctx.rng.alnum(4)}`;
	while (findOrder(ctx.data.orders, number));
	return number;
}

interface AcceptedLine {
	line: OrderLine;
	directShip: boolean;
	kg: number;
}

/** POST /resellers/v6/orders */
export const createOrderV6: Route = (req, ctx) => {
	const { data } = ctx;
	const body = asRecord(req.body);
	const customerOrderNumber = text(body.customerOrderNumber);
	const attributes = body.additionalAttributes;
	const allowDuplicate =
		attribute(attributes, 'allowDuplicateCustomerOrderNumber')?.toLowerCase() === 'true';
	const customerHold = attribute(attributes, 'allowOrderOnCustomerHold')?.toLowerCase() === 'true';
	const shipFromWarehouseId = attribute(attributes, 'shipFromWarehouseId');
	const headerBid = text(body.specialBidNumber);

	const fields: ErrorField[] = [];
	if (!customerOrderNumber) {
		fields.push({
			field: 'customerOrderNumber',
			value: null,
			message: 'customerOrderNumber is required.',
		});
	} else if (
		!allowDuplicate &&
		data.orders.some((o) => sameText(o.customerOrderNumber, customerOrderNumber))
	) {
		fields.push({
			field: 'customerOrderNumber',
			value: customerOrderNumber,
			message:
				'Duplicate customerOrderNumber. Send additionalAttributes allowDuplicateCustomerOrderNumber=true to place it anyway.',
		});
	}
	fields.push(...addressChecks(body));
	const requestedLines = asArray(body.lines).map(asRecord);
	if (requestedLines.length === 0)
		fields.push({ field: 'lines', value: null, message: 'At least one line is required.' });
	if (fields.length) return badRequest(req, fields);

	const accepted: AcceptedLine[] = [];
	const rejected: Record<string, unknown>[] = [];
	requestedLines.forEach((raw, i) => {
		const sku = text(raw.ingramPartNumber);
		const quantity = typeof raw.quantity === 'number' ? raw.quantity : Number(raw.quantity ?? 1);
		const customerLineNumber = text(raw.customerLineNumber) ?? String(i + 1).padStart(3, '0');
		const product = findProduct(data.products, sku);
		if (!product) {
			rejected.push({
				customerLinenumber: customerLineNumber,
				ingramPartNumber: sku ?? '',
				quantityOrdered: quantity,
				rejectCode: 'EN',
				rejectReason: `SKU-NOTFOUND    ${sku ?? ''}`,
			});
			return;
		}
		if (!Number.isInteger(quantity) || quantity < 1) {
			rejected.push({
				customerLinenumber: customerLineNumber,
				ingramPartNumber: sku,
				quantityOrdered: quantity,
				rejectCode: 'EQ',
				rejectReason: `INVALID-QUANTITY    ${raw.quantity}`,
			});
			return;
		}
		const stock = product.stock.find((s) =>
			shipFromWarehouseId ? s.warehouseId === shipFromWarehouseId : s.quantityAvailable >= quantity,
		);
		const isPhysicalStock = product.productType === 'IM::physical' && !product.directShip;
		const backordered =
			isPhysicalStock && (!stock || stock.quantityAvailable < quantity) ? quantity : 0;
		const unitPrice =
			typeof raw.unitPrice === 'number'
				? raw.unitPrice
				: text(raw.specialBidNumber) || headerBid
					? round2(product.customerPrice * 0.95)
					: product.customerPrice;
		accepted.push({
			directShip: product.directShip,
			kg: product.weightKg * quantity,
			line: {
				ingramLineNumber: '',
				customerLineNumber,
				ingramPartNumber: product.ingramPartNumber,
				vendorPartNumber: product.vendorPartNumber,
				vendorName: product.vendorName,
				description: product.description,
				upc: product.upc,
				quantityOrdered: quantity,
				quantityConfirmed: quantity - backordered,
				quantityBackOrdered: backordered,
				unitPrice,
				specialBidNumber: text(raw.specialBidNumber) ?? headerBid,
				notes: text(raw.notes),
				warehouseId:
					stock?.warehouseId ?? product.stock[0]?.warehouseId ?? (product.directShip ? 'DS' : '20'),
				serialNumbers: [],
			},
		});
	});

	if (accepted.length === 0) {
		return badRequest(
			req,
			rejected.map((r, i) => ({
				field: `lines[${i}].ingramPartNumber`,
				value: r.ingramPartNumber,
				message: String(r.rejectReason),
			})),
		);
	}

	const shipTo = address(body.shipToInfo);
	const shipToAddressId = text(asRecord(body.shipToInfo).addressId);
	const shipToInfo: Address & { addressId?: string } =
		!shipTo || (shipToAddressId && !shipTo.addressLine1)
			? { ...DEFAULT_SHIP_TO, addressId: shipToAddressId ?? DEFAULT_SHIP_TO.addressId }
			: shipTo;
	const endUserInfo = address(body.endUserInfo);
	const now = ctx.now();
	const orderDate = now.toISOString().slice(0, 10);

	// Stock lines ship from an Ingram warehouse; direct-ship lines become a separate order.
	const groups = [
		accepted.filter((a) => !a.directShip),
		accepted.filter((a) => a.directShip),
	].filter((g) => g.length);
	const orders: Order[] = groups.map((group) => {
		const directShip = group[0].directShip;
		const lines = group.map((a, i) => ({
			...a.line,
			ingramLineNumber: String(i + 1).padStart(3, '0'),
		}));
		const anyBackordered = lines.some((l) => l.quantityBackOrdered > 0);
		const status: OrderStatus = customerHold
			? 'ON HOLD'
			: anyBackordered
				? 'BACKORDERED'
				: 'PROCESSING';
		return {
			ingramOrderNumber: newOrderNumber(ctx),
			ingramOrderDate: now.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
			orderType: directShip ? 'D' : 'S',
			customerOrderNumber: customerOrderNumber as string,
			endCustomerOrderNumber: text(body.endCustomerOrderNumber) ?? '',
			webOrderId: ctx.rng.digits(8),
			vendorSalesOrderNumber: ctx.rng.digits(9),
			ingramPurchaseOrderNumber: `${ctx.rng.digits(2)}${ctx.rng.upper(3)}${ctx.rng.digits(2)}`,
			status,
			customerHold,
			notes: text(body.notes) ?? '',
			billToAddressId: text(body.billToAddressId) ?? '000',
			billToInfo: data.orders[0]?.billToInfo ?? shipToInfo,
			shipToInfo,
			endUserInfo,
			lines,
			freightCharges: directShip
				? 0
				: round2(Math.max(7.13, group.reduce((sum, a) => sum + a.kg, 0) * 1.6)),
			totalTax: 0,
			currencyCode: 'USD',
			paymentTerms: 'NET 30 DAYS',
			specialBidNumber: headerBid,
			additionalAttributes: asArray(attributes)
				.map(asRecord)
				.map((a) => ({
					attributeName: text(a.attributeName) ?? '',
					attributeValue: text(a.attributeValue) ?? '',
				})),
			source: 'api',
		};
	});
	// Newest first, like the seeded history.
	data.orders.unshift(...orders);

	const responseOrders = orders.map((order, i) => ({
		numberOfLinesWithSuccess: order.lines.length,
		numberOfLinesWithError: i === 0 ? rejected.length : 0,
		numberOfLinesWithWarning: 0,
		ingramOrderNumber: order.ingramOrderNumber,
		ingramOrderDate: orderDate,
		notes: order.notes,
		orderType: order.orderType,
		orderTotal: total(order),
		freightCharges: order.freightCharges,
		totalTax: order.totalTax,
		currencyCode: order.currencyCode,
		lines: order.lines.map((l) => ({
			subOrderNumber: `${order.ingramOrderNumber}-11`,
			ingramLineNumber: l.ingramLineNumber,
			customerLineNumber: l.customerLineNumber,
			lineStatus: l.quantityBackOrdered > 0 ? 'Backordered' : 'In Progress',
			ingramPartNumber: l.ingramPartNumber,
			vendorPartNumber: l.vendorPartNumber,
			unitPrice: l.unitPrice,
			extendedUnitPrice: round2(l.unitPrice * l.quantityConfirmed),
			quantityOrdered: l.quantityOrdered,
			quantityConfirmed: l.quantityConfirmed,
			quantityBackOrdered: l.quantityBackOrdered,
			...(l.specialBidNumber ? { specialBidNumber: l.specialBidNumber } : {}),
			notes: l.description,
			// An object, as in every Ingram example (the schema says array).
			shipmentDetails:
				order.orderType === 'D'
					? {
							carrierCode: 'DS',
							carrierName: 'VENDOR DIRECT SHIP',
							shipFromWarehouseId: '',
							shipFromLocation: l.vendorName,
						}
					: {
							carrierCode: 'RG',
							carrierName: 'FEDEX GROUND',
							shipFromWarehouseId: l.warehouseId,
							shipFromLocation: warehouseLocation(l.warehouseId),
						},
		})),
		...(i === 0 && rejected.length ? { rejectedLineItems: rejected } : {}),
		additionalAttributes: [],
		links: [
			{ topic: 'orders', href: `/resellers/v6.1/orders/${order.ingramOrderNumber}`, type: 'GET' },
		],
	}));

	return {
		status: rejected.length ? 207 : 201,
		body: {
			customerOrderNumber,
			endCustomerOrderNumber: text(body.endCustomerOrderNumber) ?? '',
			billToAddressId: text(body.billToAddressId) ?? '000',
			...(headerBid ? { specialBidNumber: headerBid } : {}),
			orderSplit: orders.length > 1,
			processedPartially: rejected.length > 0,
			purchaseOrderTotal: round2(orders.reduce((sum, o) => sum + total(o), 0)),
			resellerInfo: asRecord(body.resellerInfo),
			shipToInfo,
			...(endUserInfo ? { endUserInfo } : {}),
			orders: responseOrders,
		},
	};
};

// ---------------------------------------------------------------------------------------------
// Create v7 (asynchronous)
// ---------------------------------------------------------------------------------------------

/** POST /resellers/v7/orders: validates, acknowledges with a confirmation number, records. */
export const createOrderV7: Route = (req, ctx) => {
	const body = asRecord(req.body);
	const quoteNumber = text(body.quoteNumber);
	const fields: ErrorField[] = [];
	if (quoteNumber) {
		const quote = ctx.data.quotes.find((q) => sameText(q.quoteNumber, quoteNumber));
		if (!quote)
			fields.push({ field: 'quoteNumber', value: quoteNumber, message: 'Invalid quote number.' });
		else if (!sameText(quote.status, 'Ready To Order')) {
			fields.push({
				field: 'quoteNumber',
				value: quoteNumber,
				message: `Quote is in "${quote.status}" status; only quotes in "Ready To Order" status can be ordered.`,
			});
		}
	} else if (asArray(body.lines).length === 0) {
		fields.push({
			field: 'lines',
			value: null,
			message: 'Either quoteNumber or lines is required.',
		});
	}
	fields.push(...addressChecks(body));
	if (fields.length) return badRequest(req, fields);

	const confirmationNumber = `US-I-T-${ctx.rng.digits(20)}`;
	ctx.data.v7Orders.push({
		confirmationNumber,
		quoteNumber: quoteNumber ?? '',
		customerOrderNumber: text(body.customerOrderNumber) ?? '',
		receivedAt: ctx.now().toISOString(),
		body: req.body,
	});
	return ok({
		quoteNumber: quoteNumber ?? '',
		confirmationNumber,
		message:
			'Thank you for submitting the order request, it\u2019s currently under process.We will notify you of the status via the Order Status webhook.',
	});
};

// ---------------------------------------------------------------------------------------------
// Modify / release / cancel
// ---------------------------------------------------------------------------------------------

const NOT_ON_HOLD =
	'Order can not be modified/released. Order is already released or Order is not placed on Customer Hold';

function modifyLine(order: Order, line: OrderLine) {
	return {
		subOrderNumber: `${order.ingramOrderNumber}-11`,
		ingramLineNumber: line.ingramLineNumber,
		customerLineNumber: line.customerLineNumber,
		ingramPartNumber: line.ingramPartNumber,
		vendorPartNumber: line.vendorPartNumber,
		quantityOrdered: line.quantityOrdered,
		quantityConfirmed: line.quantityConfirmed,
		quantityBackOrdered: line.quantityBackOrdered,
		shipmentDetails: { carrierCode: 'RG', carrierName: 'FEDEX GROUND' },
		...(line.notes ? { notes: line.notes } : {}),
	};
}

/**
 * PUT /resellers/v6/orders/{orderNumber}: lines ADD/UPDATE/DELETE, ship-to, notes, and
 * `actionCode=release`. Status: 201 when something was added or changed, 200 for deletions only
 * or when lines were rejected (as Ingram's examples show), 207 when lines changed but the new
 * address was refused; a release answers 200 with a `null` body (Ingram's "Release" example).
 */
export const modifyOrder: Route = (req, ctx) => {
	const order = findOrder(ctx.data.orders, req.params.orderNumber);
	if (!order) return orderNotFound(req);
	if (!order.customerHold || order.status !== 'ON HOLD')
		return badRequest(req, [{ field: null, message: NOT_ON_HOLD }]);

	const body = asRecord(req.body);
	const changed: OrderLine[] = [];
	const deleted: OrderLine[] = [];
	const rejected: Record<string, unknown>[] = [];
	const reject = (raw: Record<string, unknown>, reason: string, code = 'EN') =>
		rejected.push({
			ingramLineNumber: text(raw.ingramLineNumber) ?? '',
			customerLineNumber: text(raw.customerLineNumber) ?? '',
			ingramPartNumber: text(raw.ingramPartNumber) ?? '',
			quantityOrdered: typeof raw.quantity === 'number' ? raw.quantity : 0,
			rejectCode: code,
			rejectReason: `Line Modification/ Addition for Line Number ${text(raw.customerLineNumber) ?? text(raw.ingramLineNumber) ?? ''} Failed for reason : ${reason}`,
		});

	for (const raw of asArray(body.lines).map(asRecord)) {
		const action = text(raw.addUpdateDeleteLine)?.toUpperCase();
		const existing =
			order.lines.find((l) => l.ingramLineNumber === text(raw.ingramLineNumber)) ??
			order.lines.find(
				(l) =>
					text(raw.customerLineNumber) && l.customerLineNumber === text(raw.customerLineNumber),
			);
		const quantity = typeof raw.quantity === 'number' ? raw.quantity : undefined;
		if (action === 'ADD') {
			const product = findProduct(ctx.data.products, text(raw.ingramPartNumber));
			if (!product) {
				reject(raw, 'ERROR-PART-NOT-FOUNDEN');
				continue;
			}
			if (quantity === undefined || quantity < 1) {
				reject(raw, 'ERROR-INVALID-QUANTITY', 'EQ');
				continue;
			}
			const next = Math.max(0, ...order.lines.map((l) => Number(l.ingramLineNumber) || 0)) + 1;
			const line: OrderLine = {
				ingramLineNumber: String(next).padStart(3, '0'),
				customerLineNumber: text(raw.customerLineNumber) ?? String(next).padStart(3, '0'),
				ingramPartNumber: product.ingramPartNumber,
				vendorPartNumber: product.vendorPartNumber,
				vendorName: product.vendorName,
				description: product.description,
				upc: product.upc,
				quantityOrdered: quantity,
				quantityConfirmed: quantity,
				quantityBackOrdered: 0,
				unitPrice: product.customerPrice,
				notes: text(raw.notes),
				warehouseId: product.stock[0]?.warehouseId ?? '20',
				serialNumbers: [],
			};
			order.lines.push(line);
			changed.push(line);
		} else if (action === 'UPDATE') {
			if (!existing) {
				reject(raw, 'ERROR-INVALID-LINE-NUMBER', 'EL');
				continue;
			}
			if (quantity !== undefined) {
				if (quantity < 1) {
					reject(raw, 'ERROR-INVALID-QUANTITY', 'EQ');
					continue;
				}
				Object.assign(existing, {
					quantityOrdered: quantity,
					quantityConfirmed: quantity,
					quantityBackOrdered: 0,
				});
			}
			if (raw.notes !== undefined) existing.notes = text(raw.notes);
			changed.push(existing);
		} else if (action === 'DELETE') {
			if (!existing) {
				reject(raw, 'ERROR-INVALID-LINE-NUMBER', 'EL');
				continue;
			}
			order.lines = order.lines.filter((l) => l !== existing);
			deleted.push(existing);
		} else {
			reject(
				raw,
				'ERROR-ACTION-REQUIRED (addUpdateDeleteLine must be ADD, UPDATE or DELETE)',
				'EA',
			);
		}
	}

	let addressRefused = false;
	if (body.shipToInfo !== undefined) {
		const shipTo = address(body.shipToInfo);
		if (!shipTo || invalidState(shipTo) || !shipTo.addressLine1 || !shipTo.city)
			addressRefused = true;
		else order.shipToInfo = shipTo;
	}
	if (body.notes !== undefined) order.notes = text(body.notes) ?? '';
	const headerChanged =
		(body.shipToInfo !== undefined && !addressRefused) || body.notes !== undefined;

	if (addressRefused && changed.length === 0 && deleted.length === 0) {
		return badRequest(req, [
			{
				field: 'shipToAddress',
				message:
					'Invalid details in shipping adress.Please update shipping address details with valid data',
			},
		]);
	}

	if (new Query(req.query).str('actionCode')?.toLowerCase() === 'release') {
		order.customerHold = false;
		order.status = order.lines.some((l) => l.quantityBackOrdered > 0)
			? 'BACKORDERED'
			: 'PROCESSING';
		return { status: 200, body: null };
	}

	const response: Record<string, unknown> = {
		ingramOrderNumber: order.ingramOrderNumber,
		orderModifiedDate: ctx.now().toISOString(),
		...(addressRefused
			? {
					changeDescription:
						'Invalid details in shipping adress.Please update line details with valid data',
				}
			: {}),
		customerOrderNumber: order.customerOrderNumber,
		endCustomerOrderNumber: order.endCustomerOrderNumber,
		orderTotal: total(order),
		notes: order.notes,
		orderSubTotal: subtotal(order),
		freightCharges: order.freightCharges,
		totalTax: order.totalTax,
		orderStatus: order.status,
		billToAddressId: order.billToAddressId,
		shipToInfo: order.shipToInfo,
		lines: [
			...changed.map((l) => modifyLine(order, l)),
			...deleted.map((l) => ({
				ingramLineNumber: l.ingramLineNumber,
				customerLineNumber: l.customerLineNumber,
				ingramPartNumber: l.ingramPartNumber,
			})),
		],
		...(rejected.length ? { rejectedLineItems: rejected } : {}),
		additionalAttributes: order.additionalAttributes,
	};
	let status = 200;
	if (addressRefused) status = 207;
	else if (rejected.length === 0 && (changed.length > 0 || headerChanged)) status = 201;
	return { status, body: response };
};

/** DELETE /resellers/v6/orders/{OrderNumber}: only orders still on customer hold. */
export const cancelOrder: Route = (req, { data }) => {
	const order = findOrder(data.orders, req.params.OrderNumber);
	if (!order) return orderNotFound(req);
	if (!order.customerHold || order.status !== 'ON HOLD') {
		return {
			status: 405,
			// Ingram's wording, typo included.
			body: ingramError(req.operationId, req.correlationId, {
				type: ERROR_TYPES.validationError,
				message: 'Order can not be deleted as the order is not no hold.',
			}),
		};
	}
	order.status = 'CANCELLED';
	order.customerHold = false;
	order.lines.forEach((l) => Object.assign(l, { quantityConfirmed: 0, quantityBackOrdered: 0 }));
	return { status: 200 };
};
