import type { IExecuteFunctions } from 'n8n-workflow';

import { claimKeys, oneAtATime } from '../../../shared/claims';

/**
 * Which POs this workflow has sent, kept by n8n's own deduplication store (`checkProcessedAndRecord`
 * and friends: a database table in a real n8n server, so it survives restarts and covers manual
 * runs as well as active ones). Scope `workflow`: replacing the node does not forget what was sent.
 *
 * A PO is recorded *before* its file is uploaded, so two executions cannot both pass the check
 * (in one process: one check after the other; across processes: claims.ts), and removed again
 * only when the upload provably did not reach the host.
 */
const SCOPE = 'workflow' as const;
const OPTIONS = { mode: 'entries' as const, maxEntries: 100_000 };

/** Keys are per account and environment: a test order does not block the real one. */
export const sentKey = (environment: string, shipToAccount: string, poNumber: string) =>
	`cdf:${environment}:${shipToAccount}:${poNumber}`;

const workflowKey = (context: IExecuteFunctions) => String(context.getWorkflow().id ?? '');

/**
 * Records the keys as sent; returns those that already were — by any execution of this workflow,
 * in this n8n process or another (queue mode): see claims.ts.
 */
export async function claim(this: IExecuteFunctions, keys: string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	return await claimKeys(
		async (some) =>
			await oneAtATime(workflowKey(this), async () => {
				const result = await this.helpers.checkProcessedAndRecord(some, SCOPE, OPTIONS);
				return new Set(result.processed.map(String));
			}),
		keys,
	);
}

/** Forgets keys whose orders provably did not reach Ingram, so a later run may send them. */
export async function release(this: IExecuteFunctions, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await oneAtATime(workflowKey(this), async () => {
		await this.helpers.removeProcessed(keys, SCOPE, OPTIONS);
	});
}

/** The key recorded once a PO's file is on the host (renamed to .fbo): its upload is confirmed. */
const deliveredKey = (key: string) => `${key}|delivered`;

/** Records that the POs' file reached the host. */
export async function confirmDelivered(this: IExecuteFunctions, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await oneAtATime(workflowKey(this), async () => {
		await this.helpers.checkProcessedAndRecord(keys.map(deliveredKey), SCOPE, OPTIONS);
	});
}

/**
 * Of claimed keys, those whose upload was confirmed. The others were claimed by an attempt that
 * is still running or stopped before it could confirm (n8n stopped, a worker died). n8n's store
 * can only be asked by recording, so the markers this call records for unconfirmed keys are
 * removed again at once.
 */
export async function confirmedOf(this: IExecuteFunctions, keys: string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	return await oneAtATime(workflowKey(this), async () => {
		const result = await this.helpers.checkProcessedAndRecord(
			keys.map(deliveredKey),
			SCOPE,
			OPTIONS,
		);
		const unconfirmed = result.new.map(String);
		if (unconfirmed.length) await this.helpers.removeProcessed(unconfirmed, SCOPE, OPTIONS);
		const confirmed = new Set(result.processed.map(String));
		return new Set(keys.filter((key) => confirmed.has(deliveredKey(key))));
	});
}
