/**
 * Invoices: search and details v6.1. Both need the IM-ApplicationID header. One invoice per
 * shipped order, numbered after the sub-order (`20-RD3QV-11`).
 *
 * Search pages with pageSize/pageNumber (default 25, at most 100), sorts with `orderby` +
 * `direction` (default invoice date, newest first) and only ever gives a `nextPage` link (no
 * previous-page link, unlike the other searches). No match -> 200 with an empty list.
 */
import { type Invoice, type Order } from '../data';
import { round2 } from '../random';
import {
	badRequest,
	isIsoDate,
	notFound,
	ok,
	paginate,
	PAGE_NUMBER_SIZE,
	Query,
	sameText,
	readPage,
	type Route,
	type RouteContext,
} from './common';

interface InvoiceView {
	invoice: Invoice;
	order: Order;
	amount: number;
}

function views({ data }: RouteContext): InvoiceView[] {
	const orders = new Map(data.orders.map((o) => [o.ingramOrderNumber, o]));
	return data.invoices
		.map((invoice) => {
			const order = orders.get(invoice.ingramOrderNumber) as Order;
			const net = order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantityOrdered, 0);
			return { invoice, order, amount: round2(net + order.freightCharges + order.totalTax) };
		})
		.filter((v) => v.order !== undefined);
}

const DATE_FILTERS: [
	param: string,
	pick: (v: InvoiceView) => string,
	compare: 'eq' | 'from' | 'to',
][] = [
	['invoiceDate', (v) => v.invoice.invoiceDate, 'eq'],
	['invoiceDueDate', (v) => v.invoice.invoiceDueDate, 'eq'],
	['paymentTermsNetDate', (v) => v.invoice.invoiceDueDate, 'eq'],
	['orderDate', (v) => v.order.ingramOrderDate.slice(0, 10), 'eq'],
	['invoiceFromDate', (v) => v.invoice.invoiceDate, 'from'],
	['invoiceToDate', (v) => v.invoice.invoiceDate, 'to'],
	['invoiceFromDueDate', (v) => v.invoice.invoiceDueDate, 'from'],
	['invoiceToDueDate', (v) => v.invoice.invoiceDueDate, 'to'],
	['orderFromDate', (v) => v.order.ingramOrderDate.slice(0, 10), 'from'],
	['orderToDate', (v) => v.order.ingramOrderDate.slice(0, 10), 'to'],
];

const ORDER_BY: Record<string, (v: InvoiceView) => string | number> = {
	invoicedate: (v) => v.invoice.invoiceDate,
	invoiceduedate: (v) => v.invoice.invoiceDueDate,
	invoicenumber: (v) => v.invoice.invoiceNumber,
	customerordernumber: (v) => v.order.customerOrderNumber,
	orderdate: (v) => v.order.ingramOrderDate,
	invoiceamount: (v) => v.amount,
};

/** GET /resellers/v6/invoices (also answers with a trailing slash, as the portal writes it) */
export const searchInvoices: Route = (req, ctx) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_NUMBER_SIZE);
	if (Array.isArray(page)) return badRequest(req, page);
	const badDates = DATE_FILTERS.filter(
		([param]) => q.has(param) && !isIsoDate(q.str(param) as string),
	);
	if (badDates.length) {
		return badRequest(
			req,
			badDates.map(([param]) => ({
				field: param,
				value: q.str(param),
				message: `${param} must be in the format yyyy-MM-dd`,
			})),
		);
	}
	const s = (name: string) => q.str(name);
	const matching = views(ctx).filter(
		(v) =>
			(!s('invoiceNumber') || sameText(v.invoice.invoiceNumber, s('invoiceNumber') as string)) &&
			(!s('invoiceStatus') || sameText(v.invoice.invoiceStatus, s('invoiceStatus') as string)) &&
			(!s('invoiceType') || sameText(v.invoice.invoiceType, s('invoiceType') as string)) &&
			(!s('customerOrderNumber') ||
				sameText(v.order.customerOrderNumber, s('customerOrderNumber') as string)) &&
			(!s('endCustomerOrderNumber') ||
				sameText(v.order.endCustomerOrderNumber, s('endCustomerOrderNumber') as string)) &&
			(!s('orderNumber') ||
				sameText(v.order.ingramOrderNumber, (s('orderNumber') as string).replace(/-\d{2}$/, ''))) &&
			(!s('DeliveryNumber') || v.invoice.deliveryNumber === s('DeliveryNumber')) &&
			(!s('specialBidNumber') ||
				v.order.lines.some((l) => l.specialBidNumber === s('specialBidNumber'))) &&
			(!s('serialNumber') ||
				v.order.lines.some((l) => l.serialNumbers.includes(s('serialNumber') as string))) &&
			DATE_FILTERS.every(([param, pick, compare]) => {
				const value = s(param);
				if (!value) return true;
				const date = pick(v);
				return compare === 'eq'
					? date === value
					: compare === 'from'
						? date >= value
						: date <= value;
			}),
	);
	const key = ORDER_BY[(s('orderby') ?? 'invoiceDate').toLowerCase()] ?? ORDER_BY.invoicedate;
	const descending = (s('direction') ?? 'desc').toLowerCase() !== 'asc';
	matching.sort((a, b) => {
		const [x, y] = descending ? [key(b), key(a)] : [key(a), key(b)];
		return typeof x === 'number' && typeof y === 'number'
			? x - y
			: String(x).localeCompare(String(y));
	});
	const result = paginate(matching, req, PAGE_NUMBER_SIZE, page);
	return ok({
		recordsFound: result.total,
		pageSize: result.pageSize,
		pageNumber: result.pageNumber,
		invoices: result.items.map(({ invoice, order, amount }) => ({
			paymentTermsDueDate: invoice.invoiceDueDate,
			erpOrderNumber: `${order.ingramOrderNumber}-11`,
			invoiceAmountInclTax: amount,
			invoiceNumber: invoice.invoiceNumber,
			invoiceStatus: invoice.invoiceStatus.toUpperCase(),
			invoiceDate: invoice.invoiceDate,
			invoiceDueDate: invoice.invoiceDueDate,
			invoicedAmountDue: invoice.invoiceStatus === 'Paid' ? 0 : amount,
			customerOrderNumber: order.customerOrderNumber,
			endCustomerOrderNumber: order.endCustomerOrderNumber,
			orderCreateDate: order.ingramOrderDate.slice(0, 10),
			specialBidNumbers: [...new Set(order.lines.map((l) => l.specialBidNumber).filter(Boolean))],
		})),
		nextPage: result.nextPage,
	});
};

/** GET /resellers/v6.1/invoices/{invoiceNumber}?includeSerialNumbers= */
export const getInvoice: Route = (req, ctx) => {
	const view = views(ctx).find((v) => sameText(v.invoice.invoiceNumber, req.params.invoiceNumber));
	if (!view) return notFound(req, `Invoice ${req.params.invoiceNumber} not found.`);
	const withSerials = new Query(req.query).bool('includeSerialNumbers') === true;
	const { invoice, order, amount } = view;
	const net = round2(amount - order.freightCharges - order.totalTax);
	return ok({
		invoiceNumber: invoice.invoiceNumber,
		invoiceStatus: invoice.invoiceStatus,
		invoiceDate: invoice.invoiceDate,
		customerOrderNumber: order.customerOrderNumber,
		endCustomerOrderNumber: order.endCustomerOrderNumber,
		orderDate: order.ingramOrderDate.slice(0, 10),
		billToID: order.billToAddressId,
		invoiceType: invoice.invoiceType,
		invoiceDueDate: invoice.invoiceDueDate,
		customerCountryCode: 'US',
		customerNumber: '20-222222',
		ingramOrderNumber: `${order.ingramOrderNumber}-11`,
		notes: order.notes,
		paymentTermsInfo: {
			paymentTermsCode: invoice.paymentTermsCode,
			paymentTermsDescription: invoice.paymentTermsDescription,
			paymentTermsDueDate: invoice.invoiceDueDate,
		},
		billToInfo: order.billToInfo,
		shipToInfo: order.shipToInfo,
		lines: order.lines.map((l) => ({
			ingramLineNumber: l.ingramLineNumber,
			customerLineNumber: l.customerLineNumber,
			ingramPartNumber: l.ingramPartNumber,
			upc: l.upc,
			vendorPartNumber: l.vendorPartNumber,
			vendorName: l.vendorName,
			productDescription: l.description,
			unitWeight: 0,
			quantity: l.quantityOrdered,
			unitPrice: l.unitPrice,
			unitOfMeasure: 'EA',
			currencyCode: 'USD',
			extendedPrice: round2(l.unitPrice * l.quantityOrdered),
			taxPercentage: 0,
			taxRate: 0,
			taxAmount: 0,
			...(withSerials
				? { serialNumbers: l.serialNumbers.map((serialNumber) => ({ serialNumber })) }
				: {}),
			quantityOrdered: l.quantityOrdered,
			quantityShipped: l.quantityOrdered,
		})),
		endUserInfo: order.endUserInfo ?? {},
		fxRateInfo: {
			currencyCode: 'USD',
			companyCurrency: 'USD',
			invoiceCurrency: 'USD',
			currencyFxRate: 1,
		},
		summary: {
			lines: {
				productLineCount: order.lines.length,
				productLineTotalQuantity: order.lines.reduce((sum, l) => sum + l.quantityOrdered, 0),
			},
			miscCharges: [
				{
					chargeDescription: 'FREIGHT OUT',
					miscChargeLineCount: 1,
					miscChargeLineTotal: order.freightCharges,
					chargeLineReference: '8',
				},
			],
			totals: {
				netInvoiceAmount: net,
				discountAmount: 0,
				discountType: 'Terms Charge',
				totalTaxAmount: order.totalTax,
				freightAmount: order.freightCharges,
				invoicedAmountDue: invoice.invoiceStatus === 'Paid' ? 0 : amount,
			},
			foreignFxTotals: {
				foreignCurrencyCode: 'USD',
				foreignCurrencyFxRate: 1,
				foreignTotalTaxableAmount: net.toFixed(2),
				foreignTotalTaxAmount: 0,
				foreignInvoiceAmountDue: amount.toFixed(2),
			},
		},
	});
};
