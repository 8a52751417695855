import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { mapConcurrently } from '../../../shared/concurrency';
import { booleanValue, inputError, positiveInteger, textList } from '../../../shared/input';
import { errorJson, rethrowForItem } from '../../../shared/itemErrors';
import { hasUsableToken } from '../../transport';

/**
 * Product › Get Price and Availability for the v6/v7 and the legacy v5 API alike: both read every
 * item first, price at most 50 SKUs per request, send several requests at once, report a failed
 * request for every SKU and item it carried, and give one output item per SKU (priceItems). Each
 * version supplies what differs: its settings, request and answer shapes (PricingPlan).
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
const DEFAULT_PRICE_PARALLEL_REQUESTS = 20;

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
function describeFailedChunk(error: unknown, skus: string[], itemIndexes: number[]): void {
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
function groupPriceRequests<G extends object, R>(
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
function readParallelPriceRequests(this: IExecuteFunctions): number {
	return positiveInteger(
		this.getNode(),
		0,
		this.getNodeParameter('options.parallelRequests', 0, DEFAULT_PRICE_PARALLEL_REQUESTS),
		'Parallel Requests',
	);
}

/**
 * What both versions read from an item the same way: Identify Products By, the SKUs (at least
 * one), the Options collection, its Warehouse IDs, and Simplify (read once per item, not per SKU).
 */
export function readPricedItem<I extends string>(context: IExecuteFunctions, itemIndex: number) {
	const node = context.getNode();
	const identifyBy = context.getNodeParameter('identifyBy', itemIndex) as I;
	const skus = textList(node, itemIndex, context.getNodeParameter('skus', itemIndex, ''), 'SKUs');
	if (skus.length === 0) throw inputError(node, itemIndex, '"SKUs" is empty');
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		node,
		identifyBy,
		skus,
		options,
		warehouses: textList(node, itemIndex, options.warehouseIds, 'Warehouse IDs'),
		simplify: booleanValue(
			node,
			itemIndex,
			context.getNodeParameter('simplify', itemIndex, true),
			'Simplify',
		),
	};
}

/** One SKU asked for by one input item. */
export interface SkuRequest {
	itemIndex: number;
	sku: string;
	/** Each item's own Simplify (it may be an expression). */
	simplify: boolean;
}

/** What differs between the API versions; `G` is a group's settings, `R` one SKU's request. */
export interface PricingPlan<G extends object, R extends SkuRequest> {
	/** Reads and checks one item: the settings its SKUs are priced with, and its SKUs. */
	readItem(itemIndex: number): { group: G; requests: R[] };
	/** Requests with the same key are priced once and share the answer. */
	keyOf(request: R): string;
	/** Splits a group's distinct requests into the requests sent; default: SKUS_PER_REQUEST each. */
	chunks?(distinct: R[]): R[][];
	/** Sends one request and returns the answer for the key of each SKU it carried. */
	price(group: G, chunk: R[], firstItem: number): Promise<Map<string, IDataObject>>;
	/** The output item of one SKU. */
	output(group: G, request: R, answer: IDataObject): IDataObject;
}

/**
 * Product › Get Price and Availability for every input item: all items are read and checked
 * before anything is sent; each distinct SKU of a group is priced once, SKUS_PER_REQUEST per
 * request, Parallel Requests at a time; every requested SKU becomes one output item paired with
 * the item that asked for it, in item order. A failed request fails the items it carried (an
 * error item each under Continue On Fail), naming its SKUs and items.
 */
export async function priceItems<G extends object, R extends SkuRequest>(
	context: IExecuteFunctions,
	itemCount: number,
	plan: PricingPlan<G, R>,
): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const fail = (itemIndex: number, error: unknown) => {
		if (!context.continueOnFail()) rethrowForItem.call(context, error, itemIndex);
		results.set(itemIndex, [{ json: errorJson(error), pairedItem: { item: itemIndex } }]);
	};
	const inOrder = () =>
		[...results.keys()].sort((a, b) => a - b).flatMap((itemIndex) => results.get(itemIndex)!);

	const groups = groupPriceRequests(itemCount, plan.readItem, fail);
	if (groups.size === 0) return inOrder();
	const parallelRequests = readParallelPriceRequests.call(context);

	for (const group of groups.values()) {
		const distinct = [...new Map(group.requests.map((r) => [plan.keyOf(r), r])).values()];
		const answers = new Map<string, IDataObject>();
		const priceChunk = async (chunk: R[]) => {
			const keys = new Set(chunk.map(plan.keyOf));
			const affected = group.requests.filter((r) => keys.has(plan.keyOf(r)));
			try {
				const answered = await plan.price(group, chunk, affected[0]?.itemIndex ?? 0);
				for (const [key, answer] of answered) answers.set(key, answer);
			} catch (error) {
				describeFailedChunk(
					error,
					chunk.map((r) => r.sku),
					affected.map((r) => r.itemIndex),
				);
				for (const request of affected) {
					if (!results.has(request.itemIndex)) fail(request.itemIndex, error);
				}
			}
		};
		const chunks = plan.chunks?.(distinct) ?? slices(distinct, SKUS_PER_REQUEST);
		// Without a stored token, the first request goes alone: it fetches the token the parallel
		// ones then share (started together, each would fetch its own).
		if (chunks.length > 1 && !(await hasUsableToken.call(context)))
			await priceChunk(chunks.shift()!);
		await mapConcurrently(chunks, parallelRequests, priceChunk);

		for (const request of group.requests) {
			if (results.get(request.itemIndex)?.some((r) => r.json.error !== undefined)) continue;
			const answer = answers.get(plan.keyOf(request));
			if (!answer) continue;
			const outputs = results.get(request.itemIndex) ?? [];
			outputs.push({
				json: plan.output(group, request, answer),
				pairedItem: { item: request.itemIndex },
			});
			results.set(request.itemIndex, outputs);
		}
	}
	return inOrder();
}

/** `entries` in slices of at most `size`. */
export const slices = <T>(entries: T[], size: number): T[][] =>
	Array.from({ length: Math.ceil(entries.length / size) }, (_, n) =>
		entries.slice(n * size, (n + 1) * size),
	);
