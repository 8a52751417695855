// The HTTP client n8n-core gives nodes as `this.helpers.httpRequest` (OutboundHttp from
// @n8n/backend-network, at the version n8n-core 2.41.1 uses), for helpers that run outside a node execution.
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IHttpRequestOptions } from 'n8n-workflow';

export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	return await Container.get(OutboundHttp).requests().request(options);
}
