/** What every route gets and returns, plus the query, paging and date helpers they share. */
import type { XiData } from '../data';
import { ingramError, validationFailed, ERROR_TYPES, type ErrorField } from '../errors';
import type { Rng } from '../random';

export interface RouteRequest {
	operationId: string;
	method: string;
	/** Path without the `/sandbox` prefix and without the query string. */
	path: string;
	/** Path parameters, named as in the spec (`ordernumber`, `OrderNumber`, ...). */
	params: Record<string, string>;
	query: Record<string, string | string[]>;
	/** Lower-case header names. */
	headers: Record<string, string>;
	body: unknown;
	correlationId: string | undefined;
}

export interface RouteResponse {
	status: number;
	/** `undefined` sends no body at all; `null` sends the JSON literal `null`. */
	body?: unknown;
	/** A body that is not JSON (an HTML page, plain text), sent as is; wins over `body`. */
	text?: { contentType: string; content: string };
	headers?: Record<string, string>;
}

export interface RouteContext {
	data: XiData;
	/** For ids of records created at runtime (reseeded by `reset()`, so runs are reproducible). */
	rng: Rng;
	now: () => Date;
}

export type Route = (req: RouteRequest, ctx: RouteContext) => RouteResponse;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export function ok(body: unknown, status = 200): RouteResponse {
	return { status, body };
}

export function badRequest(req: RouteRequest, fields: ErrorField[]): RouteResponse {
	return { status: 400, body: validationFailed(req.operationId, req.correlationId, fields) };
}

/** Ingram answers unknown ids with 404 (the spec often lists only 200/400/500, the portal says 404). */
export function notFound(req: RouteRequest, message: string): RouteResponse {
	return {
		status: 404,
		body: ingramError(req.operationId, req.correlationId, {
			type: ERROR_TYPES.notFound,
			message,
			fields: [],
		}),
	};
}

// ---------------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------------

/** Read access to query parameters with Ingram's conventions (repeated keys or comma lists). */
export class Query {
	constructor(private readonly raw: Record<string, string | string[]>) {}

	/** First value, trimmed; empty strings count as absent. */
	str(name: string): string | undefined {
		const value = this.raw[name];
		const first = Array.isArray(value) ? value[0] : value;
		const trimmed = first?.trim();
		return trimmed ? trimmed : undefined;
	}

	/** All values: `a=1&a=2` and `a=1,2` both give ['1', '2']. */
	list(name: string): string[] {
		const value = this.raw[name];
		const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
		return values
			.flatMap((v) => v.split(','))
			.map((v) => v.trim())
			.filter(Boolean);
	}

	bool(name: string): boolean | undefined {
		const value = this.str(name)?.toLowerCase();
		if (value === 'true') return true;
		if (value === 'false') return false;
		return undefined;
	}

	has(name: string): boolean {
		return this.str(name) !== undefined;
	}

	entries(): [string, string[]][] {
		return Object.entries(this.raw).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]);
	}
}

export function contains(haystack: string | undefined | null, needle: string): boolean {
	return (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

export function sameText(a: string | undefined | null, b: string): boolean {
	return (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------------------------

export interface PageStyle {
	/** Query parameter names: `pageNumber`/`pageSize`, `page`/`size` or `Page`/`Size`. */
	pageParam: string;
	sizeParam: string;
	defaultSize: number;
	/** Larger sizes are capped ("max records 100 per page"). */
	maxSize: number;
}

export const PAGE_NUMBER_SIZE: PageStyle = {
	pageParam: 'pageNumber',
	sizeParam: 'pageSize',
	defaultSize: 25,
	maxSize: 100,
};
export const PAGE_SIZE_LOWER: PageStyle = {
	pageParam: 'page',
	sizeParam: 'size',
	defaultSize: 25,
	maxSize: 100,
};
export const PAGE_SIZE_CAPITALISED: PageStyle = {
	pageParam: 'Page',
	sizeParam: 'Size',
	defaultSize: 25,
	maxSize: 100,
};

export interface Page<T> {
	items: T[];
	pageNumber: number;
	pageSize: number;
	total: number;
	nextPage: string | null;
	previousPage: string | null;
}

/**
 * Reads the page parameters. Renewals and returns type page/size as *strings* in the spec, so
 * "abc" passes spec validation and is rejected here; pageSize above the maximum is capped.
 */
export function readPage(
	query: Query,
	style: PageStyle,
): { pageNumber: number; pageSize: number } | ErrorField[] {
	const errors: ErrorField[] = [];
	const parse = (name: string, fallback: number): number => {
		const raw = query.str(name);
		if (raw === undefined) return fallback;
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 1) {
			errors.push({ field: name, value: raw, message: `${name} must be a positive whole number` });
			return fallback;
		}
		return value;
	};
	const pageNumber = parse(style.pageParam, 1);
	const pageSize = Math.min(parse(style.sizeParam, style.defaultSize), style.maxSize);
	return errors.length ? errors : { pageNumber, pageSize };
}

/** `/resellers/v6/catalog?keyword=mobile&pageSize=25&pageNumber=3` */
function pageLink(
	path: string,
	query: Query,
	style: PageStyle,
	pageNumber: number,
	pageSize: number,
): string {
	const params = new URLSearchParams();
	for (const [key, values] of query.entries()) {
		if (key === style.pageParam || key === style.sizeParam) continue;
		for (const v of values) params.append(key, v);
	}
	params.set(style.sizeParam, String(pageSize));
	params.set(style.pageParam, String(pageNumber));
	return `${path}?${params.toString()}`;
}

export function paginate<T>(
	items: T[],
	req: RouteRequest,
	style: PageStyle,
	page: { pageNumber: number; pageSize: number },
): Page<T> {
	const query = new Query(req.query);
	const start = (page.pageNumber - 1) * page.pageSize;
	const lastPage = Math.max(1, Math.ceil(items.length / page.pageSize));
	return {
		items: items.slice(start, start + page.pageSize),
		pageNumber: page.pageNumber,
		pageSize: page.pageSize,
		total: items.length,
		nextPage:
			page.pageNumber < lastPage
				? pageLink(req.path, query, style, page.pageNumber + 1, page.pageSize)
				: null,
		previousPage:
			page.pageNumber > 1
				? pageLink(req.path, query, style, Math.min(page.pageNumber - 1, lastPage), page.pageSize)
				: null,
	};
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

export interface DateRange {
	from: string;
	to: string;
}

/**
 * Parses a `..._bt` / `...-bt` filter: exactly two `yyyy-MM-dd` entries, either repeated
 * (`ingramOrderDate-bt=2025-01-01&ingramOrderDate-bt=2025-01-31`) or comma separated.
 * Returns a message when the filter is malformed.
 */
export function dateRange(values: string[]): DateRange | string | undefined {
	if (values.length === 0) return undefined;
	if (values.length !== 2) return 'only 2 entries allowed: start and end date';
	if (!values.every((v) => ISO_DATE.test(v)))
		return 'input date format error expected format is - yyyy-MM-dd';
	const [from, to] = values;
	return from <= to ? { from, to } : { from: to, to: from };
}

/** MM/DD/YYYY (renewals search) -> yyyy-MM-dd. */
export function usDate(value: string | undefined): string | undefined {
	const match = value ? US_DATE.exec(value.trim()) : null;
	return match ? `${match[3]}-${match[1]}-${match[2]}` : undefined;
}

export function isIsoDate(value: string): boolean {
	return ISO_DATE.test(value);
}

export function inRange(date: string | undefined | null, range: DateRange): boolean {
	if (!date) return false;
	const day = date.slice(0, 10);
	return day >= range.from && day <= range.to;
}

export function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** Ingram's additionalAttributes lists: `[{attributeName, attributeValue}]`. */
export function attribute(list: unknown, name: string): string | undefined {
	for (const entry of asArray(list)) {
		const a = asRecord(entry);
		if (sameText(text(a.attributeName), name)) return text(a.attributeValue);
	}
	return undefined;
}
