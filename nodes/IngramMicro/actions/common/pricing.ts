import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { positiveInteger } from '../../../shared/input';

/**
 * What Product › Get Price and Availability shares between the v6/v7 and the legacy v5 API: both
 * price at most 50 SKUs per request, send several requests at once, and report a failed request
 * for every SKU and item it carried.
 */

/** Ingram prices at most 50 products per request ("up to 50 SKUs at one time"; v5 alike). */
export const SKUS_PER_REQUEST = 50;

/**
 * Requests of 50 SKUs in flight at once by default. Pricing 1,000 SKUs takes 20 requests; all 20 at
 * once make it one round trip. Measured in n8n 2.41.1 at 300 ms latency (npm run bench:n8n): 0.79 s,
 * 0.42× an HTTP Request node firing 1,000 single-SKU calls; with 10 at a time 1.11 s (0.5–0.6×), with
 * 4 at a time 2.4 s (about 1×). Still 50 times fewer connections than that node opens; rate-limit
 * answers (429) are waited out.
 */
export const DEFAULT_PRICE_PARALLEL_REQUESTS = 20;

export const skusField: INodeProperties = {
	displayName: 'SKUs',
	name: 'skus',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3YD012, 6YA338',
	description:
		'One SKU per input item (map it from the input with an expression), or a list separated by commas or new lines. All items are priced together, 50 SKUs per request.',
};

/** The "Parallel Requests" entry of the operation's Options. */
export const parallelPriceRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 20 },
	default: DEFAULT_PRICE_PARALLEL_REQUESTS,
	description:
		'How many requests of 50 SKUs to send at the same time (1 = one after another). Rate-limit answers are waited out.',
};

/** Says which SKUs and items a failed request was for: one error stands for up to 50 SKUs. */
export function describeFailedChunk(error: unknown, skus: string[], itemIndexes: number[]): void {
	if (!(error instanceof NodeApiError)) return;
	const items = [...new Set(itemIndexes)];
	const shown =
		skus.length > 20
			? `${skus.slice(0, 20).join(', ')} and ${skus.length - 20} more`
			: skus.join(', ');
	error.description = [
		error.description,
		`This request priced ${skus.length} SKU${skus.length === 1 ? '' : 's'} (${shown}) for item${items.length === 1 ? '' : 's'} ${items.join(', ')}.`,
	]
		.filter(Boolean)
		.join('\n');
}

/**
 * Reads and checks every input item before anything is sent, and groups the SKUs of the items
 * whose other settings are the same (they can share requests). An item that cannot be read goes
 * to `fail` (which throws, or records an error item under Continue On Fail).
 */
export function groupPriceRequests<G extends object, R>(
	itemCount: number,
	readItem: (itemIndex: number) => { group: G; requests: R[] },
	fail: (itemIndex: number, error: unknown) => void,
): Map<string, G & { key: string; requests: R[] }> {
	const groups = new Map<string, G & { key: string; requests: R[] }>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const { group, requests } = readItem(itemIndex);
			const key = JSON.stringify(group);
			const existing = groups.get(key) ?? { ...group, key, requests: [] as R[] };
			existing.requests.push(...requests);
			groups.set(key, existing);
		} catch (error) {
			fail(itemIndex, error);
		}
	}
	return groups;
}

/** The operation's Parallel Requests option (read once: it applies to the whole batch). */
export function readParallelPriceRequests(this: IExecuteFunctions): number {
	return positiveInteger(
		this.getNode(),
		0,
		this.getNodeParameter('options.parallelRequests', 0, DEFAULT_PRICE_PARALLEL_REQUESTS),
		'Parallel Requests',
	);
}
