import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapConcurrently } from '../../shared/concurrency';
import { forItem } from '../../shared/itemErrors';
import { xiRequest } from './request';
import type { XiContext } from './settings';
import type { XiRequest, XiResponse } from './types';

/** The three spellings of XI page parameters. */
export type PageParameters = 'pageNumber/pageSize' | 'page/size' | 'Page/Size';

export interface Paging {
	parameters: PageParameters;
	/** Key of the array in the response, e.g. `orders`, `returnsClaims`. */
	itemsKey: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	/** Catalog search answers 404 "No Records Found" for an empty result: that is not a failure. */
	emptyOn404?: boolean;
	/** Pages fetched at the same time once the first page has given the total; default 4. */
	parallelRequests?: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PARALLEL_REQUESTS = 4;
/**
 * Return All fetches at most this many records. Far above what one reseller search returns; a
 * larger result set is refused with the count, rather than fetched for minutes or cut short.
 */
export const MAX_RETURN_ALL_RECORDS = 100_000;
/** Without a total from Ingram, the walk page after page stops here, and says so. */
const MAX_PAGES_WITHOUT_TOTAL = 1000;

export interface SearchPage {
	items: IDataObject[];
	/** Ingram's total for the search, when it sends one (some services send it as a string). */
	recordsFound?: number;
}

/**
 * One page of an XI search (used by Return All and by the editor's "From List"). 204, and a 404
 * where `emptyOn404` says that means "nothing found", are empty pages.
 */
export async function xiSearchPage(
	this: XiContext,
	request: XiRequest,
	paging: Pick<Paging, 'parameters' | 'itemsKey' | 'emptyOn404'>,
	page: number,
	pageSize: number,
	itemIndex = 0,
): Promise<SearchPage> {
	const [pageParam, sizeParam] = paging.parameters.split('/');
	// renewals and returns type page/size as strings in the spec
	const asParam = (n: number) => (paging.parameters === 'page/size' ? String(n) : n);
	let response: XiResponse;
	try {
		response = await xiRequest.call(
			this,
			{
				...request,
				qs: { ...request.qs, [pageParam]: asParam(page), [sizeParam]: asParam(pageSize) },
			},
			itemIndex,
		);
	} catch (error) {
		if (paging.emptyOn404 && error instanceof NodeApiError && error.httpCode === '404')
			return { items: [] };
		throw forItem(error, itemIndex);
	}
	// Renewals search answers each page wrapped in an array: `[{recordsFound, renewals, …}]`.
	const body = (Array.isArray(response.body) ? response.body[0] : response.body) as
		IDataObject | undefined;
	if (response.statusCode === 204 || !body || typeof body !== 'object') return { items: [] };
	const items = Array.isArray(body[paging.itemsKey])
		? (body[paging.itemsKey] as IDataObject[])
		: [];
	const total = Number(body.recordsFound);
	return { items, recordsFound: Number.isFinite(total) && total > 0 ? total : undefined };
}

function tooManyRecords(
	node: INode,
	itemIndex: number,
	found: number | undefined,
	fetched: number,
) {
	const count =
		found === undefined
			? `more than ${fetched.toLocaleString('en-US')}`
			: found.toLocaleString('en-US');
	return new NodeOperationError(
		node,
		`The search matches ${count} records; Return All fetches at most ${MAX_RETURN_ALL_RECORDS.toLocaleString('en-US')} [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Nothing was returned rather than an incomplete list (${fetched.toLocaleString('en-US')} records had been fetched). Narrow the search with filters (e.g. a date range), or turn off Return All and set a Limit.`,
		},
	);
}

/**
 * Walks XI's page-numbered searches and returns every record (or the first `limit`), in Ingram's
 * order. Once page 1 has given the total (`recordsFound`), the remaining pages are fetched
 * `parallelRequests` at a time; without a total, page after page until a short or empty page.
 * A service may cap its pages below the size asked (e.g. 25): the first page's size then counts.
 */
export async function xiRequestAllItems(
	this: XiContext,
	request: XiRequest,
	paging: Paging,
	itemIndex = 0,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const pageSize = Math.min(MAX_PAGE_SIZE, paging.limit ?? MAX_PAGE_SIZE);
	const fetchPage = async (page: number) =>
		await xiSearchPage.call(this, request, paging, page, pageSize, itemIndex);

	const first = await fetchPage(1);
	const found = first.recordsFound;
	const wanted = Math.min(paging.limit ?? Infinity, found ?? Infinity);
	if (first.items.length === 0 || first.items.length >= wanted)
		return first.items.slice(0, paging.limit);

	if (found !== undefined) {
		if (paging.limit === undefined && found > MAX_RETURN_ALL_RECORDS) {
			throw tooManyRecords(node, itemIndex, found, first.items.length);
		}
		const servedSize = first.items.length;
		const pages = Array.from({ length: Math.ceil(wanted / servedSize) - 1 }, (_, n) => n + 2);
		const rest = await mapConcurrently(
			pages,
			paging.parallelRequests ?? DEFAULT_PARALLEL_REQUESTS,
			fetchPage,
		);
		const results = [first, ...rest].flatMap((page) => page.items);
		return results.slice(0, paging.limit);
	}

	// No total: one page after another until a page comes back short or empty.
	if (first.items.length < pageSize) return first.items;
	const results = [...first.items];
	for (let page = 2; ; page++) {
		if (page > MAX_PAGES_WITHOUT_TOTAL)
			throw tooManyRecords(node, itemIndex, undefined, results.length);
		const { items } = await fetchPage(page);
		results.push(...items);
		if (paging.limit !== undefined && results.length >= paging.limit)
			return results.slice(0, paging.limit);
		if (
			results.length >= MAX_RETURN_ALL_RECORDS &&
			paging.limit === undefined &&
			items.length === pageSize
		) {
			throw tooManyRecords(node, itemIndex, undefined, results.length);
		}
		if (items.length < pageSize) return results;
	}
}
