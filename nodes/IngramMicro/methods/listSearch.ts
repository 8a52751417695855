import { DateTime } from 'luxon';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { xiSearchPage, type Paging, type SearchPage, type XiRequest } from '../transport';

/** One page of a "From List" dropdown; more pages load as the user scrolls. */
const PAGE_SIZE = 25;

/** Filters for one way of reading what the user typed: query parameters, or the body of a POST search. */
interface Reading {
	qs?: IDataObject;
	body?: IDataObject;
}

/** Where a "From List" finds its records, and how a record reads in the list. */
interface ListSource {
	request: Pick<XiRequest, 'method' | 'path' | 'extraHeaders'>;
	paging: Pick<Paging, 'parameters' | 'itemsKey' | 'emptyOn404'>;
	/**
	 * What the user typed as Ingram filters. Several readings (an end user, else a vendor …) are
	 * tried in order until one finds something: Ingram has no search across all fields.
	 */
	readings: (text: string) => Reading[];
	entry: (record: IDataObject) => INodeListSearchItems;
}

/**
 * The token of the next page: the page number, plus which reading of the typed text found the
 * first page when it was not the first one ("2", "2:1").
 */
const nextToken = (page: number, reading: number) =>
	reading ? `${page + 1}:${reading}` : String(page + 1);

function readToken(token: string | undefined): { page: number; reading?: number } {
	if (!token) return { page: 1 };
	const [page, reading] = token.split(':').map(Number);
	return {
		page: Number.isInteger(page) && page > 1 ? page : 1,
		reading: Number.isInteger(reading) ? reading : 0,
	};
}

async function fetchPage(
	context: ILoadOptionsFunctions,
	source: ListSource,
	reading: Reading,
	page: number,
): Promise<SearchPage> {
	const request: XiRequest = {
		...source.request,
		qs: reading.qs,
		body: source.request.method === 'POST' ? (reading.body ?? {}) : undefined,
		retry: 'retry',
	};
	return await xiSearchPage.call(context, request, source.paging, page, PAGE_SIZE);
}

async function listPage(
	context: ILoadOptionsFunctions,
	source: ListSource,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const typed = filter?.trim();
	const readings = typed ? source.readings(typed) : [{}];
	const { page, reading: known } = readToken(paginationToken);
	// A later page keeps the reading that found the first one.
	const tried = known === undefined ? readings.map((_, index) => index) : [known];
	let result: SearchPage = { items: [] };
	let reading = tried[0];
	for (reading of tried) {
		result = await fetchPage(context, source, readings[reading] ?? {}, page);
		if (result.items.length) break;
	}
	const records = result.items.filter((record) => record && typeof record === 'object');
	const found = result.recordsFound;
	const more = records.length === PAGE_SIZE && (found === undefined || page * PAGE_SIZE < found);
	return {
		results: records.map(source.entry),
		paginationToken: more ? nextToken(page, reading) : undefined,
	};
}

const search = (source: ListSource) =>
	async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await listPage(this, source, filter, paginationToken);
	};

// ---------------------------------------------------------------------------------------------
// How entries read: "20-RD3QV · Shipped · 13 May 2025 · PO MyPONumber"
// ---------------------------------------------------------------------------------------------

const text = (value: unknown) =>
	(typeof value === 'string' || typeof value === 'number') && String(value).trim()
		? String(value).trim()
		: undefined;

const label = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' · ');

const prefixed = (prefix: string, value: unknown) =>
	text(value) ? `${prefix} ${text(value)}` : undefined;

const dateOf = (value: unknown) => {
	const date = text(value) ? DateTime.fromISO(text(value) as string, { setZone: true }) : undefined;
	return date?.isValid ? date : undefined;
};

/** The day Ingram gave, as it wrote it (no shift to another time zone), in words: 13 May 2025. */
function day(value: unknown): string | undefined {
	return dateOf(value)?.setLocale('en-US').toFormat('d LLL yyyy') ?? text(value);
}

function expiry(value: unknown): string | undefined {
	const date = dateOf(value);
	if (!date) return undefined;
	return `${date < DateTime.now() ? 'expired' : 'expires'} ${day(value)}`;
}

/** Ingram writes some statuses in capitals (SHIPPED, ON HOLD); they read as words (Shipped, On Hold). */
function status(value: unknown): string | undefined {
	const words = text(value);
	if (!words || words !== words.toUpperCase()) return words;
	return words
		.toLowerCase()
		.replace(
			/(^|[\s/-])(\p{L})/gu,
			(_, before: string, letter: string) => before + letter.toUpperCase(),
		);
}

/** An Ingram order number (20-RD3QV) and a sub-order or invoice number (20-RD3QV-11). */
const ORDER_NUMBER = /^\d{2}-[a-z0-9]{5}$/i;
const SUB_ORDER_NUMBER = /^\d{2}-?[a-z0-9]{5}-?\d{2}$/i;

// ---------------------------------------------------------------------------------------------
// The lists
// ---------------------------------------------------------------------------------------------

/** Orders, newest first; typed text is an Ingram order number (20-RD3QV) or a customer order number. */
const searchOrders = search({
	request: { method: 'GET', path: '/resellers/v6/orders/search' },
	paging: { parameters: 'pageNumber/pageSize', itemsKey: 'orders' },
	readings: (typed) => {
		// anything else would exceed the 11 characters Ingram takes for an order number
		const isOrderNumber = ORDER_NUMBER.test(typed) || SUB_ORDER_NUMBER.test(typed);
		return [{ qs: { [isOrderNumber ? 'ingramOrderNumber' : 'customerOrderNumber']: typed } }];
	},
	entry: (order) => ({
		name: label(
			order.ingramOrderNumber,
			status(order.orderStatus),
			day(order.ingramOrderDate),
			prefixed('PO', order.customerOrderNumber),
		),
		value: String(order.ingramOrderNumber),
	}),
});

/** Quotes of the last 30 days (Ingram's default window); typed text is a quote number, name or end user. */
const searchQuotes = search({
	request: {
		method: 'GET',
		path: '/resellers/v6/quotes/search',
		extraHeaders: ['customerContact'],
	},
	// Quotes and the catalog answer "No records found" with a 404.
	paging: { parameters: 'pageNumber/pageSize', itemsKey: 'quotes', emptyOn404: true },
	readings: (typed) =>
		/^quo-/i.test(typed)
			? [{ qs: { quoteNumber: typed } }]
			: [{ qs: { quoteName: typed } }, { qs: { endUserContact: typed } }],
	entry: (quote) => ({
		name: label(
			quote.quoteNumber,
			quote.quoteName === quote.quoteNumber ? undefined : quote.quoteName,
			status(quote.quoteStatus),
			day(quote.ingramQuoteDate),
		),
		value: String(quote.quoteNumber),
	}),
});

/** Invoices, newest first; typed text is an invoice number, an order number or a customer order number. */
const searchInvoices = search({
	request: { method: 'GET', path: '/resellers/v6/invoices', extraHeaders: ['applicationId'] },
	paging: { parameters: 'pageNumber/pageSize', itemsKey: 'invoices' },
	readings: (typed) => {
		if (SUB_ORDER_NUMBER.test(typed)) return [{ qs: { invoiceNumber: typed } }];
		if (ORDER_NUMBER.test(typed)) return [{ qs: { orderNumber: typed } }];
		return [{ qs: { customerOrderNumber: typed } }];
	},
	entry: (invoice) => ({
		name: label(
			invoice.invoiceNumber,
			status(invoice.invoiceStatus),
			day(invoice.invoiceDate),
			prefixed('PO', invoice.customerOrderNumber),
		),
		value: String(invoice.invoiceNumber),
	}),
});

/** Returns, newest first; typed text is a case request number (CAS-…), an invoice number or a reference. */
const searchReturns = search({
	request: { method: 'GET', path: '/resellers/v6/returns/search' },
	paging: { parameters: 'page/size', itemsKey: 'returnsClaims' },
	readings: (typed) => {
		if (/^cas-/i.test(typed)) return [{ qs: { caseRequestNumber: typed } }];
		if (SUB_ORDER_NUMBER.test(typed)) return [{ qs: { invoiceNumber: typed } }];
		return [{ qs: { referenceNumber: typed } }];
	},
	entry: (claim) => ({
		name: label(
			claim.caseRequestNumber,
			status(claim.status),
			day(claim.createdOn),
			claim.returnReason,
			prefixed('ref', claim.referenceNumber),
		),
		value: String(claim.caseRequestNumber),
	}),
});

/** Renewals (a POST search); typed text is an end user, else a vendor, else a customer order number. */
const searchRenewals = search({
	request: { method: 'POST', path: '/resellers/v6/renewals/search' },
	paging: { parameters: 'page/size', itemsKey: 'renewals' },
	readings: (typed) => [
		{ body: { endUser: typed } },
		{ body: { vendor: typed } },
		{ qs: { customerOrderNumber: typed } },
	],
	entry: (renewal) => ({
		name: label(
			renewal.renewalId,
			renewal.vendor,
			renewal.endUser,
			status(renewal.status),
			expiry(renewal.expirationDate),
		),
		value: String(renewal.renewalId),
	}),
});

/** Deals (special bids); typed text is a deal ID when it has digits and no spaces, else an end user or a vendor. */
const searchDeals = search({
	request: { method: 'GET', path: '/resellers/v6/deals/search' },
	paging: { parameters: 'Page/Size', itemsKey: 'deals' },
	readings: (typed) =>
		/\d/.test(typed) && !/\s/.test(typed)
			? [{ qs: { dealId: typed } }]
			: [{ qs: { endUser: typed } }, { qs: { vendor: typed } }],
	entry: (deal) => ({
		name: label(deal.dealId, deal.vendor, deal.endUser, expiry(deal.dealExpiryDate)),
		value: String(deal.dealId),
	}),
});

/** The catalog; typed words must all match (part numbers, description, vendor). */
const searchProducts = search({
	request: { method: 'GET', path: '/resellers/v6/catalog' },
	paging: { parameters: 'pageNumber/pageSize', itemsKey: 'catalog', emptyOn404: true },
	readings: (typed) => [{ qs: { keyword: typed.split(/[\s,]+/).filter(Boolean) } }],
	entry: (product) => ({
		// "Logitech 920-002555": the vendor with its own part number
		name: label(
			product.ingramPartNumber,
			product.description,
			[product.vendorName, product.vendorPartNumber].map(text).join(' '),
		),
		value: String(product.ingramPartNumber),
	}),
});

export const listSearch = {
	searchOrders,
	searchQuotes,
	searchInvoices,
	searchReturns,
	searchRenewals,
	searchDeals,
	searchProducts,
};
