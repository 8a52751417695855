import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TokenRequestError } from '../../../credentials/IngramMicroOAuth2Api.credentials';
import { describeProblems, parseIngramError } from './errors';
import type { AccountSettings } from './settings';
import type { XiRequest } from './types';

/**
 * What a failed call tells us (status, headers, network code, token trouble), whether sending it
 * again is safe, and the NodeApiError the user reads: Ingram's message plus what to do next.
 */

export const MAX_ATTEMPTS = 4;
export const BASE_BACKOFF_MS = 400;
/** Longer waits than this are not worth holding an execution for: fail and say when to retry. */
export const MAX_WAIT_MS = 60_000;
export const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** A read that timed out is asked once more, not three times: a hang rarely clears at once. */
export const MAX_ATTEMPTS_AFTER_TIMEOUT = 2;
export const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export interface FailureFacts {
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
export function failureFacts(error: unknown): FailureFacts {
	const outer = error as { cause?: unknown; response?: unknown };
	const inner = outer?.cause ?? outer;
	const tokenError = [inner, outer].find(
		(e): e is TokenRequestError => e instanceof TokenRequestError,
	);
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
export function isRetryable(facts: FailureFacts, request: XiRequest): boolean {
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
export function retryDelayMs(
	headers: Record<string, string>,
	attempt: number,
	now = Date.now(),
): number {
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

export interface FailureContext {
	request: XiRequest;
	correlationId: string;
	itemIndex: number;
	attempts: number;
	settings: AccountSettings;
	/** For a rate limit whose reset is too far away to wait for: when to try again. */
	retryAtMs?: number;
}

/** Message and advice for a failure; every sentence says what happened and what to do next. */
function explainFailure(
	facts: FailureFacts,
	context: FailureContext,
	ingramMessage: string | undefined,
) {
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
		notes.push(
			'The access token was renewed once and still refused: check that the app has access to this API.',
		);
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

export function toApiError(
	node: INode,
	facts: FailureFacts,
	context: FailureContext,
): NodeApiError {
	const parsed = facts.tokenRequest
		? { message: undefined, problems: [] }
		: parseIngramError(facts.body);
	const tokenMessage =
		facts.tokenRequest && !facts.tokenError ? parseIngramError(facts.body).message : undefined;
	const details = describeProblems(parsed.problems, parsed.message);
	const { message, notes } = explainFailure(facts, context, parsed.message ?? tokenMessage);
	// A failed token request never reached the API, and a v5 request carries no correlation ID.
	const sentCorrelationId = !facts.tokenError && context.request.imHeaders !== false;
	if (sentCorrelationId) notes.push(`Ingram Micro correlation ID: ${context.correlationId}`);

	const errorResponse: JsonObject = {
		message,
		httpCode: facts.status ?? null,
		correlationId: context.request.imHeaders === false ? null : context.correlationId,
		problems: parsed.problems as unknown as JsonObject[],
	};
	const error = new NodeApiError(node, errorResponse, {
		message,
		description: [...details, ...notes].join('\n'),
		httpCode: facts.status !== undefined ? String(facts.status) : undefined,
		itemIndex: context.itemIndex,
	});
	if (sentCorrelationId) error.context.correlationId = context.correlationId;
	return error;
}

/** The IM-CorrelationID of the call an error came from (to quote to Ingram support), if any. */
export function correlationIdOf(error: unknown): string | undefined {
	const id = (error as NodeApiError | undefined)?.context?.correlationId;
	return typeof id === 'string' ? id : undefined;
}
