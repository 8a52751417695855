import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { isDryRun, RequestWithheld } from '../../shared/dryRun';
import { forItem } from '../../shared/itemErrors';
import {
	failureFacts,
	isRetryable,
	MAX_ATTEMPTS,
	MAX_ATTEMPTS_AFTER_TIMEOUT,
	MAX_WAIT_MS,
	retryDelayMs,
	toApiError,
	type FailureContext,
} from './failures';
import {
	accountSettings,
	CREDENTIAL_TYPE,
	extraHeaderValues,
	newCorrelationId,
	type XiContext,
} from './settings';
import type { XiRequest, XiResponse } from './types';

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
	const imHeaders = request.imHeaders !== false;
	const extraHeaders = imHeaders
		? extraHeaderValues(node, settings, request.extraHeaders ?? [], itemIndex)
		: {};
	if (isDryRun(this)) throw new RequestWithheld(node, 'Request withheld (dry run)', { itemIndex });

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
				...(imHeaders ? { 'IM-CorrelationID': correlationId } : {}),
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
			const context: FailureContext = {
				request,
				correlationId,
				itemIndex,
				attempts: attempt,
				settings,
			};
			const maxAttempts = facts.timedOut ? MAX_ATTEMPTS_AFTER_TIMEOUT : MAX_ATTEMPTS;
			if (attempt < maxAttempts && isRetryable(facts, request)) {
				const waitMs = retryDelayMs(facts.headers, attempt);
				if (waitMs <= MAX_WAIT_MS) {
					await sleep(waitMs);
					continue;
				}
			}
			if (
				facts.status === 429 &&
				('retry-after' in facts.headers || 'x-ratelimit-reset' in facts.headers)
			) {
				context.retryAtMs = Date.now() + retryDelayMs(facts.headers, attempt);
			}
			throw toApiError(node, facts, context);
		}
	}
}
