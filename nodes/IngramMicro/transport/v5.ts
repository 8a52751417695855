import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { xiRequest } from './request';
import { accountSettings, type XiContext } from './settings';
import type { XiRequest } from './types';

/**
 * Ingram Micro's legacy Reseller API v5. It uses the same OAuth token as v6/v7 but no IM-* headers:
 * the reseller is named in the body (`requestpreamble`) or the query, spelled per operation. Its
 * business errors arrive as HTTP 200 with a FAILED (or Failed) status in an envelope that each
 * operation names differently; `v5Request` turns those into NodeApiErrors like any HTTP error.
 */

export const V5_PATH = '/resellers/v5';

/** The account a v5 request is made for, from the credential. */
export interface V5Identity {
	customerNumber: string;
	countryCode: string;
}

export async function v5Identity(this: XiContext): Promise<V5Identity> {
	const { customerNumber, countryCode } = await accountSettings.call(this);
	return { customerNumber, countryCode };
}

/** The status block of a v5 answer, whatever the operation calls its keys. */
export interface V5Status {
	status: string;
	code?: string;
	message: string;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A key looked up regardless of case: Ingram spells the same envelope `serviceresponse` in one
 * operation and `serviceResponse` in another (and its examples disagree with its schemas).
 */
export function keyOf(object: unknown, name: string): unknown {
	if (!isObject(object)) return undefined;
	if (name in object) return object[name];
	const lower = name.toLowerCase();
	const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : object[key];
}

const firstText = (object: unknown, names: string[]): string | undefined => {
	for (const name of names) {
		const value = keyOf(object, name);
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return undefined;
};

/**
 * Where each operation keeps its status: `serviceresponse.responsepreamble` (P&A, catalog search,
 * order create/search/details/cancel, invoice), `quoteSearchResponse.responsePreamble`,
 * `quoteDetailResponse.responsePreamble`. The keys inside differ too (responsestatus/requeststatus,
 * statuscode/returncode/responseStatusCode, responsemessage/returnmessage).
 */
export type V5Envelope = 'serviceresponse' | 'quoteSearchResponse' | 'quoteDetailResponse';

/** The envelope's content (the part holding the data next to the status block). */
export const v5Content = (body: unknown, envelope: V5Envelope): IDataObject => {
	const content = keyOf(body, envelope);
	return isObject(content) ? content : {};
};

export function v5Status(body: unknown, envelope: V5Envelope): V5Status | undefined {
	const preamble = keyOf(v5Content(body, envelope), 'responsepreamble');
	if (!isObject(preamble)) return undefined;
	const status = firstText(preamble, ['responsestatus', 'requeststatus']);
	if (status === undefined) return undefined;
	return {
		status,
		code: firstText(preamble, ['statuscode', 'returncode', 'responsestatuscode']),
		message: firstText(preamble, ['responsemessage', 'returnmessage']) ?? '',
	};
}

export const isV5Failure = (status: V5Status | undefined) =>
	status !== undefined && /^fail/i.test(status.status);

/**
 * The error for a v5 answer with a FAILED status. Ingram sent HTTP 200, so the error carries
 * Ingram's own status code (e.g. 400) when it gave one, its message, and what to do next.
 */
export function v5FailureError(
	node: INode,
	status: V5Status,
	itemIndex: number,
	advice: string,
): NodeApiError {
	const message = status.message
		? `Ingram Micro refused the request: ${status.message}`
		: 'Ingram Micro refused the request without an explanation';
	const description = [
		`Ingram Micro's v5 API answered HTTP 200 with status ${status.status}${status.code ? ` (code ${status.code})` : ''}.`,
		advice,
	]
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(
		node,
		{ message, httpCode: status.code ?? null, v5Status: status.status } as JsonObject,
		{ message, description, httpCode: status.code, itemIndex },
	);
}

export interface V5Call extends Omit<XiRequest, 'imHeaders' | 'path'> {
	/** The path below /resellers/v5, e.g. `/Orders/search`. */
	path: string;
	envelope: V5Envelope;
	/** What the user can do when Ingram answers FAILED. */
	advice: string;
	/** A FAILED answer that only means "nothing found" (searches): returned, not thrown. */
	isEmptyResult?: (status: V5Status) => boolean;
}

export interface V5Answer {
	body: IDataObject;
	/** The envelope's content (data and status block). */
	content: IDataObject;
	status?: V5Status;
	/** The answer was a FAILED that `isEmptyResult` accepted as "nothing found". */
	empty: boolean;
}

/** One v5 call: authenticated, no IM-* headers, and FAILED answers turned into NodeApiErrors. */
export async function v5Request(this: XiContext, call: V5Call, itemIndex = 0): Promise<V5Answer> {
	const { envelope, advice, isEmptyResult, path, ...request } = call;
	const { body: raw } = await xiRequest.call(
		this,
		{ ...request, path: `${V5_PATH}${path}`, imHeaders: false },
		itemIndex,
	);
	const body = isObject(raw) ? raw : {};
	const status = v5Status(body, envelope);
	if (isV5Failure(status)) {
		if (isEmptyResult?.(status!))
			return { body, content: v5Content(body, envelope), status, empty: true };
		throw v5FailureError(this.getNode(), status!, itemIndex, advice);
	}
	return { body, content: v5Content(body, envelope), status, empty: false };
}

/** The content without its status block (what an operation outputs when not simplified). */
export function withoutPreamble(content: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(content)) {
		if (key.toLowerCase() !== 'responsepreamble') result[key] = value;
	}
	return result;
}

/** Ingram's v5 searches return at most 100 records per page. */
export const V5_MAX_PAGE_SIZE = 100;
/** Return All stops after this many pages, and says so, rather than loop on a service that never ends. */
const V5_MAX_PAGES = 1000;

export interface V5Page {
	items: IDataObject[];
	/** Ingram's total for the search, when it gives one. */
	total?: number;
}

/**
 * Return All / Limit over a v5 search: pages fetched one after another until the limit, the total
 * or an empty or short page.
 */
export async function v5AllPages(
	fetchPage: (page: number, pageSize: number) => Promise<V5Page>,
	limit: number | undefined,
	onTooManyPages: () => Error,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const pageSize = Math.min(limit ?? V5_MAX_PAGE_SIZE, V5_MAX_PAGE_SIZE);
	for (let page = 1; ; page++) {
		if (page > V5_MAX_PAGES) throw onTooManyPages();
		const { items, total } = await fetchPage(page, pageSize);
		results.push(...items);
		const enough = limit !== undefined && results.length >= limit;
		const done = total !== undefined ? results.length >= total : items.length < pageSize;
		if (enough || done || items.length === 0) break;
	}
	return limit === undefined ? results : results.slice(0, limit);
}
