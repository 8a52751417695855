import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	ingramMicroApiBaseUrl,
	tokenFingerprint,
	TokenRequestError,
} from '../../../credentials/IngramMicroOAuth2Api.credentials';
import { inputError } from '../helpers/input';
import { mapConcurrently } from '../../shared/concurrency';
import { forItem } from '../actions/common/itemErrors';
import { describeProblems, parseIngramError } from './errors';

export const CREDENTIAL_TYPE = 'ingramMicroOAuth2Api';

/**
 * `retry`: reads (and price & availability, which changes nothing) may be sent again after a
 * 429/5xx/dropped connection. `sendOnce`: creates and changes are never resent by us, because
 * Ingram has no idempotency key and a second order/quote/return would be a duplicate.
 */
export type RetryPolicy = 'retry' | 'sendOnce';

/** Headers only some endpoints require (names and casing as the spec has them). */
export type ExtraHeader = 'customerContact' | 'applicationId' | 'applicationIdMixedCase' | 'senderId';

export interface XiRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	extraHeaders?: ExtraHeader[];
	/** Other headers for this call, e.g. Accept-Language on catalog search. */
	headers?: Record<string, string>;
	retry: RetryPolicy;
}

export interface XiResponse<T = unknown> {
	statusCode: number;
	body: T;
	correlationId: string;
}

type XiContext = IExecuteFunctions | ILoadOptionsFunctions;

interface AccountSettings {
	baseUrl: string;
	senderId: string;
	customerContact: string;
	/** How long a read may wait for an answer before it counts as failed. */
	readTimeoutMs: number;
}

export const MAX_ATTEMPTS = 4;
const BASE_BACKOFF_MS = 400;
/** Longer waits than this are not worth holding an execution for: fail and say when to retry. */
const MAX_WAIT_MS = 60_000;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** Default of the credential's "Timeout for Reads": Ingram's own SDKs wait 60 s. */
export const DEFAULT_READ_TIMEOUT_SECONDS = 60;
/** A read that timed out is asked once more, not three times: a hang rarely clears at once. */
const MAX_ATTEMPTS_AFTER_TIMEOUT = 2;
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Execution contexts currently in a dry run (see `dryRun`): xiRequest checks everything it would
 * check for a real call, then withholds the request instead of sending it.
 */
const dryRuns = new WeakSet<object>();

/**
 * Thrown by xiRequest in a dry run at the point where it would have sent a request. A
 * NodeOperationError so that every catch site passes it through unchanged.
 */
export class RequestWithheld extends NodeOperationError {}

/**
 * Runs `work` with every xiRequest of `context` withheld, so all of an execution's input can be
 * checked before anything is sent.
 */
export async function dryRun<T>(context: IExecuteFunctions, work: () => Promise<T>): Promise<T> {
	dryRuns.add(context);
	try {
		return await work();
	} finally {
		dryRuns.delete(context);
	}
}

/** IM-CorrelationID is limited to 32 characters by the spec: a UUID with dashes is too long. */
export const newCorrelationId = () => randomBytes(16).toString('hex');

// Credentials are read once per execution context, not once per item or per page.
const settingsCache = new WeakMap<object, Promise<AccountSettings>>();

/** Ingram's header limits, checked before the first call so a typo is not a cryptic 400. */
function checkCredentialFields(node: INode, credentials: IDataObject) {
	const customerNumber = String(credentials.customerNumber ?? '').trim();
	const countryCode = String(credentials.countryCode ?? '').trim();
	const senderId = String(credentials.senderId ?? '').trim();
	const problem = !customerNumber
		? 'The credential field "Customer Number" is empty'
		: customerNumber.length > 10
			? `The credential field "Customer Number" is ${customerNumber.length} characters long; Ingram Micro accepts at most 10`
			: !/^[A-Za-z]{2}$/.test(countryCode)
				? `The credential field "Country Code" must be two letters, such as US (got "${countryCode}")`
				: senderId.length > 32
					? `The credential field "Sender ID" is ${senderId.length} characters long; Ingram Micro accepts at most 32`
					: undefined;
	if (problem) {
		throw new NodeOperationError(node, problem, {
			description: 'Correct it in the Ingram Micro OAuth2 API credential.',
		});
	}
}

async function loadSettings(this: XiContext): Promise<AccountSettings> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	checkCredentialFields(this.getNode(), credentials);
	return {
		baseUrl: ingramMicroApiBaseUrl(credentials),
		senderId: String(credentials.senderId ?? '').trim(),
		customerContact: String(credentials.customerContact ?? '').trim(),
		readTimeoutMs: 1000 * (Number(credentials.readTimeoutSeconds) > 0 ? Number(credentials.readTimeoutSeconds) : DEFAULT_READ_TIMEOUT_SECONDS),
	};
}

function accountSettings(this: XiContext): Promise<AccountSettings> {
	let settings = settingsCache.get(this);
	if (!settings) {
		settings = loadSettings.call(this);
		settingsCache.set(this, settings);
	}
	return settings;
}

/** The credential's Customer Contact Email ('' when empty), e.g. the default contact of a quote. */
export async function credentialCustomerContact(this: XiContext): Promise<string> {
	return (await accountSettings.call(this)).customerContact;
}

/**
 * Whether the credential holds a token issued for its current values, so that requests started
 * together will share it rather than each fetch one. (It may still have expired: then the first
 * 401s each renew it, which costs a few token calls, not correctness.)
 */
export async function hasUsableToken(this: XiContext): Promise<boolean> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return Boolean(credentials.accessToken) && credentials.accessTokenFor === tokenFingerprint(credentials);
}

function extraHeaderValues(
	node: INode,
	settings: AccountSettings,
	wanted: ExtraHeader[],
	itemIndex: number,
): Record<string, string> {
	const headers: Record<string, string> = {};
	// Ingram does not document what an "application ID" is; its own SDK users send the sender ID.
	const applicationId = settings.senderId || 'n8n';
	for (const header of wanted) {
		if (header === 'customerContact') {
			if (!settings.customerContact) {
				throw inputError(
					node,
					itemIndex,
					'The credential field "Customer Contact Email" is empty, but this operation needs it',
					'Ingram Micro requires the IM-CustomerContact header (an email address) for quote search, freight estimate and return create. Add it to the Ingram Micro credential.',
				);
			}
			headers['IM-CustomerContact'] = settings.customerContact;
		}
		if (header === 'applicationId') headers['IM-ApplicationID'] = applicationId;
		if (header === 'applicationIdMixedCase') headers['IM-ApplicationId'] = applicationId;
		if (header === 'senderId') headers['IM-SenderID'] = settings.senderId || 'n8n';
	}
	return headers;
}

interface FailureFacts {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	networkCode?: string;
	/** The failure happened while getting the access token: the API request itself was not sent. */
	tokenRequest: boolean;
	/** Getting the token failed (see TokenRequestError): the API request itself was not sent. */
	tokenError?: TokenRequestError;
	timedOut: boolean;
}

/** n8n-core wraps the axios error in a NodeApiError; the facts we need are on its cause. */
function failureFacts(error: unknown): FailureFacts {
	const outer = error as { cause?: unknown; response?: unknown };
	const inner = outer?.cause ?? outer;
	const tokenError = [inner, outer].find((e): e is TokenRequestError => e instanceof TokenRequestError);
	const axiosLike = inner as {
		response?: { status?: number; data?: unknown; headers?: Record<string, string> };
		code?: string;
		message?: string;
		config?: { url?: string; baseURL?: string };
	};
	const response = axiosLike?.response;
	const url = `${axiosLike?.config?.baseURL ?? ''}${axiosLike?.config?.url ?? ''}`;
	const networkCode = tokenError ? tokenError.networkCode : response ? undefined : axiosLike?.code;
	return {
		status: tokenError ? tokenError.tokenStatus : response?.status,
		body: response?.data,
		headers: Object.fromEntries(
			Object.entries(response?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
		),
		networkCode,
		tokenRequest: tokenError !== undefined || url.includes('/oauth/'),
		tokenError,
		timedOut: networkCode === 'ECONNABORTED' && /timeout/i.test(axiosLike?.message ?? ''),
	};
}

/**
 * Whether sending again is safe and may help. A failure while getting the token, and a 429 (the
 * gateway refused the call before any service saw it), leave nothing processed, so even a create
 * may be sent again. Other failures are retried only for requests marked `retry`.
 */
function isRetryable(facts: FailureFacts, request: XiRequest): boolean {
	if (facts.tokenError && facts.tokenError.failure !== 'unavailable') return false;
	const transient =
		facts.status !== undefined
			? RETRYABLE_STATUS.has(facts.status)
			: facts.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(facts.networkCode);
	if (!transient) return false;
	return facts.tokenRequest || facts.status === 429 || request.retry === 'retry';
}

const clock = (epochMs: number) => new Date(epochMs).toISOString().slice(11, 19);

/** Honours Retry-After (seconds) or X-RateLimit-Reset (epoch seconds; Ingram's prose also calls it seconds-to-wait). */
export function retryDelayMs(headers: Record<string, string>, attempt: number, now = Date.now()): number {
	const retryAfter = Number(headers['retry-after']);
	if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
		return Math.max(0, retryAfter * 1000);
	}
	const reset = Number(headers['x-ratelimit-reset']);
	if (headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset)) {
		return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	}
	return BASE_BACKOFF_MS * 2 ** (attempt - 1);
}

interface FailureContext {
	request: XiRequest;
	correlationId: string;
	itemIndex: number;
	attempts: number;
	settings: AccountSettings;
	/** For a rate limit whose reset is too far away to wait for: when to try again. */
	retryAtMs?: number;
}

/** Message and advice for a failure; every sentence says what happened and what to do next. */
function explainFailure(facts: FailureFacts, context: FailureContext, ingramMessage: string | undefined) {
	const { request, attempts, settings } = context;
	const notes: string[] = [];
	let message: string;
	const tried = attempts > 1 ? ` Tried ${attempts} times.` : '';
	if (facts.tokenError) {
		// written for the user already (it is also what the credential's Test button shows)
		message = facts.tokenError.message;
		notes.push(`Nothing was sent to Ingram Micro's API.${tried}`);
	} else if (facts.status === 429) {
		message = "Ingram Micro's rate limit is reached (HTTP 429 Too Many Requests)";
		if (context.retryAtMs !== undefined) {
			const seconds = Math.ceil((context.retryAtMs - Date.now()) / 1000);
			message += `: retry after ${clock(context.retryAtMs)} UTC (in ${seconds} s)`;
		}
		notes.push(
			`Ingram Micro limits calls per app (60 per minute for each read endpoint). Nothing was processed, so it is safe to run again after the reset.${tried}`,
		);
	} else if (facts.timedOut) {
		message = `Ingram Micro did not answer within ${settings.readTimeoutMs / 1000} s`;
		notes.push(`The limit is the credential's "Timeout for Reads".${tried}`);
	} else if (facts.status === undefined) {
		message = `The connection to Ingram Micro failed before an answer arrived (${facts.networkCode ?? 'no response'})`;
	} else {
		message = ingramMessage || `Ingram Micro answered HTTP ${facts.status} without an explanation`;
	}
	if (facts.status === 401 && !facts.tokenRequest) {
		notes.push('The access token was renewed once and still refused: check that the app has access to this API.');
	}
	const sentOnce = request.retry === 'sendOnce' && !facts.tokenRequest && facts.status !== 429;
	if (sentOnce && (facts.status === undefined || facts.status >= 500)) {
		notes.push(
			'This request creates or changes data, so it was sent only once and not retried: Ingram may or may not have processed it. Look it up (for example with a search by customer order number) before sending it again.',
		);
	} else if (attempts > 1 && !notes.some((note) => note.includes('Tried'))) {
		notes.push(`Tried ${attempts} times.`);
	}
	return { message, notes };
}

function toApiError(node: INode, facts: FailureFacts, context: FailureContext): NodeApiError {
	const parsed = facts.tokenRequest ? { message: undefined, problems: [] } : parseIngramError(facts.body);
	const tokenMessage = facts.tokenRequest && !facts.tokenError ? parseIngramError(facts.body).message : undefined;
	const details = describeProblems(parsed.problems, parsed.message);
	const { message, notes } = explainFailure(facts, context, parsed.message ?? tokenMessage);
	// a failed token request never reached the API, so it has no correlation ID there
	if (!facts.tokenError) notes.push(`Ingram Micro correlation ID: ${context.correlationId}`);

	const errorResponse: JsonObject = {
		message,
		httpCode: facts.status ?? null,
		correlationId: context.correlationId,
		problems: parsed.problems as unknown as JsonObject[],
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description: [...details, ...notes].join('\n'),
		httpCode: facts.status !== undefined ? String(facts.status) : undefined,
		itemIndex: context.itemIndex,
	});
}

/**
 * The only function that talks to the XI API: authenticated (token reused, renewed once on 401 by
 * n8n-core), with Ingram's headers, bounded retries for safe requests, and Ingram's error bodies
 * turned into NodeApiErrors that carry the status, Ingram's message and the correlation ID.
 */
export async function xiRequest<T = unknown>(
	this: XiContext,
	request: XiRequest,
	itemIndex = 0,
): Promise<XiResponse<T>> {
	const settings = await accountSettings.call(this);
	const node = this.getNode();
	const extraHeaders = extraHeaderValues(node, settings, request.extraHeaders ?? [], itemIndex);
	if (dryRuns.has(this)) throw new RequestWithheld(node, 'Request withheld (dry run)', { itemIndex });

	for (let attempt = 1; ; attempt++) {
		const correlationId = newCorrelationId();
		const options: IHttpRequestOptions = {
			method: request.method,
			baseURL: settings.baseUrl,
			url: request.path,
			qs: request.qs,
			// The spec's array query parameters are form/explode: `a=1&a=2`, not axios' `a[]=1`.
			arrayFormat: 'repeat',
			headers: {
				Accept: 'application/json',
				...request.headers,
				'IM-CorrelationID': correlationId,
				...extraHeaders,
			},
			body: request.body,
			json: true,
			returnFullResponse: true,
			// Reads fail in bounded time. Creates keep n8n's own limit: an order create can take long,
			// and giving up early would leave the user not knowing whether it went through.
			timeout: request.retry === 'retry' ? settings.readTimeoutMs : undefined,
		};
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as { statusCode: number; body: T };
			return { statusCode: response.statusCode, body: response.body, correlationId };
		} catch (error) {
			if (error instanceof NodeOperationError) throw forItem(error, itemIndex);
			const facts = failureFacts(error);
			const context: FailureContext = { request, correlationId, itemIndex, attempts: attempt, settings };
			const maxAttempts = facts.timedOut ? MAX_ATTEMPTS_AFTER_TIMEOUT : MAX_ATTEMPTS;
			if (attempt < maxAttempts && isRetryable(facts, request)) {
				const waitMs = retryDelayMs(facts.headers, attempt);
				if (waitMs <= MAX_WAIT_MS) {
					await sleep(waitMs);
					continue;
				}
			}
			if (facts.status === 429 && ('retry-after' in facts.headers || 'x-ratelimit-reset' in facts.headers)) {
				context.retryAtMs = Date.now() + retryDelayMs(facts.headers, attempt);
			}
			throw toApiError(node, facts, context);
		}
	}
}

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

interface Page {
	items: IDataObject[];
	/** Ingram's total for the search, when it sends one (some services send it as a string). */
	recordsFound?: number;
}

function tooManyRecords(node: INode, itemIndex: number, found: number | undefined, fetched: number) {
	const count = found === undefined ? `more than ${fetched.toLocaleString('en-US')}` : found.toLocaleString('en-US');
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
	const [pageParam, sizeParam] = paging.parameters.split('/');
	const pageSize = Math.min(MAX_PAGE_SIZE, paging.limit ?? MAX_PAGE_SIZE);
	// renewals and returns type page/size as strings in the spec
	const asParam = (n: number) => (paging.parameters === 'page/size' ? String(n) : n);

	const fetchPage = async (page: number): Promise<Page> => {
		let response: XiResponse<IDataObject>;
		try {
			response = (await xiRequest.call(
				this,
				{ ...request, qs: { ...request.qs, [pageParam]: asParam(page), [sizeParam]: asParam(pageSize) } },
				itemIndex,
			)) as XiResponse<IDataObject>;
		} catch (error) {
			if (paging.emptyOn404 && error instanceof NodeApiError && error.httpCode === '404') return { items: [] };
			throw forItem(error, itemIndex);
		}
		// Renewals search answers each page wrapped in an array: `[{recordsFound, renewals, …}]`.
		const body = (Array.isArray(response.body) ? response.body[0] : response.body) as IDataObject | undefined;
		if (response.statusCode === 204 || !body || typeof body !== 'object') return { items: [] };
		const items = Array.isArray(body[paging.itemsKey]) ? (body[paging.itemsKey] as IDataObject[]) : [];
		const total = Number(body.recordsFound);
		return { items, recordsFound: Number.isFinite(total) && total > 0 ? total : undefined };
	};

	const first = await fetchPage(1);
	const found = first.recordsFound;
	const wanted = Math.min(paging.limit ?? Infinity, found ?? Infinity);
	if (first.items.length === 0 || first.items.length >= wanted) return first.items.slice(0, paging.limit);

	if (found !== undefined) {
		if (paging.limit === undefined && found > MAX_RETURN_ALL_RECORDS) {
			throw tooManyRecords(node, itemIndex, found, first.items.length);
		}
		const servedSize = first.items.length;
		const pages = Array.from({ length: Math.ceil(wanted / servedSize) - 1 }, (_, n) => n + 2);
		const rest = await mapConcurrently(pages, paging.parallelRequests ?? DEFAULT_PARALLEL_REQUESTS, fetchPage);
		const results = [first, ...rest].flatMap((page) => page.items);
		return results.slice(0, paging.limit);
	}

	// No total: one page after another until a page comes back short or empty.
	if (first.items.length < pageSize) return first.items;
	const results = [...first.items];
	for (let page = 2; ; page++) {
		if (page > MAX_PAGES_WITHOUT_TOTAL) throw tooManyRecords(node, itemIndex, undefined, results.length);
		const { items } = await fetchPage(page);
		results.push(...items);
		if (paging.limit !== undefined && results.length >= paging.limit) return results.slice(0, paging.limit);
		if (results.length >= MAX_RETURN_ALL_RECORDS && paging.limit === undefined && items.length === pageSize) {
			throw tooManyRecords(node, itemIndex, undefined, results.length);
		}
		if (items.length < pageSize) return results;
	}
}
