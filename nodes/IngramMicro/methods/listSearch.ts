import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { xiRequest, type XiRequest } from '../transport';

/** One page of the "From List" dropdown; more pages load as the user scrolls. */
const PAGE_SIZE = 25;

async function searchPage(
	context: ILoadOptionsFunctions,
	request: Omit<XiRequest, 'retry' | 'method'>,
	itemsKey: string,
	paginationToken: string | undefined,
	toResult: (record: IDataObject) => { name: string; value: string },
): Promise<INodeListSearchResult> {
	const pageNumber = Number(paginationToken ?? 1);
	let body: IDataObject | undefined;
	try {
		({ body } = (await xiRequest.call(context, {
			...request,
			method: 'GET',
			qs: { ...request.qs, pageNumber, pageSize: PAGE_SIZE },
			retry: 'retry',
		})) as { body: IDataObject | undefined });
	} catch (error) {
		// "No records found" is Ingram's way of saying the list is empty.
		if ((error as NodeApiError).httpCode === '404') return { results: [] };
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	const records = ((body?.[itemsKey] as IDataObject[] | undefined) ?? []).filter((r) => r && typeof r === 'object');
	const recordsFound = Number(body?.recordsFound);
	const more = records.length === PAGE_SIZE && (!Number.isFinite(recordsFound) || pageNumber * PAGE_SIZE < recordsFound);
	return { results: records.map(toResult), paginationToken: more ? String(pageNumber + 1) : undefined };
}

const label = (...parts: unknown[]) => parts.filter((p) => p !== undefined && p !== null && p !== '').join(' · ');

/** Recent orders; a search text is taken as an Ingram order number (20-…) or a customer order number. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const qs: IDataObject = {};
	if (text) qs[/^\d{2}-/.test(text) ? 'ingramOrderNumber' : 'customerOrderNumber'] = text;
	return await searchPage(this, { path: '/resellers/v6/orders/search', qs }, 'orders', paginationToken, (order) => ({
		name: label(order.ingramOrderNumber, order.customerOrderNumber, order.orderStatus, order.ingramOrderDate),
		value: String(order.ingramOrderNumber),
	}));
}

/** Quotes of the last 30 days (Ingram's default window); a search text matches the number or the name. */
export async function searchQuotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const qs: IDataObject = {};
	if (text) qs[/^quo-/i.test(text) ? 'quoteNumber' : 'quoteName'] = text;
	return await searchPage(
		this,
		{ path: '/resellers/v6/quotes/search', qs, extraHeaders: ['customerContact'] },
		'quotes',
		paginationToken,
		(quote) => ({
			name: label(quote.quoteNumber, quote.quoteName, quote.quoteStatus),
			value: String(quote.quoteNumber),
		}),
	);
}
