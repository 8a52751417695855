import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ExtraHeader } from './settings';

/**
 * `retry`: reads (and price & availability, which changes nothing) may be sent again after a
 * 429/5xx/dropped connection. `sendOnce`: creates and changes are never resent by us, because
 * Ingram has no idempotency key and a second order/quote/return would be a duplicate.
 */
export type RetryPolicy = 'retry' | 'sendOnce';

export interface XiRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	extraHeaders?: ExtraHeader[];
	/** Other headers for this call, e.g. Accept-Language on catalog search. */
	headers?: Record<string, string>;
	retry: RetryPolicy;
	/**
	 * Legacy v5 requests say who the reseller is in the body or query, and v5 knows no IM-* headers:
	 * false sends neither the IM-CorrelationID nor any extra header (the credential leaves out its
	 * IM-* headers on /resellers/v5/ paths).
	 */
	imHeaders?: boolean;
}

export interface XiResponse<T = unknown> {
	statusCode: number;
	body: T;
	correlationId: string;
}
