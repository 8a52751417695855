import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Which POs this workflow has sent, kept by n8n's own deduplication store (`checkProcessedAndRecord`
 * and friends: a database table in a real n8n server, so it survives restarts and covers manual
 * runs as well as active ones). Scope `workflow`: replacing the node does not forget what was sent.
 *
 * A PO is recorded *before* its file is uploaded, so two executions cannot both pass the check,
 * and removed again only when the upload provably did not reach the host.
 */
const SCOPE = 'workflow' as const;
const OPTIONS = { mode: 'entries' as const, maxEntries: 100_000 };

/** Keys are per account and environment: a test order does not block the real one. */
export const sentKey = (environment: string, shipToAccount: string, poNumber: string) =>
	`cdf:${environment}:${shipToAccount}:${poNumber}`;

/**
 * n8n reads, changes and writes the whole list; two checks at once in one process would both see
 * the old list. Checks for a workflow therefore run one after the other here.
 */
const queues = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const current = previous.catch(() => undefined).then(work);
	queues.set(key, current);
	try {
		return await current;
	} finally {
		if (queues.get(key) === current) queues.delete(key);
	}
}

const workflowKey = (context: IExecuteFunctions) => String(context.getWorkflow().id ?? '');

/** Records the keys as sent; returns those that already were. */
export async function claim(this: IExecuteFunctions, keys: string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	return await oneAtATime(workflowKey(this), async () => {
		const result = await this.helpers.checkProcessedAndRecord(keys, SCOPE, OPTIONS);
		return new Set(result.processed.map(String));
	});
}

/** Forgets keys whose orders provably did not reach Ingram, so a later run may send them. */
export async function release(this: IExecuteFunctions, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await oneAtATime(workflowKey(this), async () => {
		await this.helpers.removeProcessed(keys, SCOPE, OPTIONS);
	});
}
