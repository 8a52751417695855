/**
 * "Has anyone done this already?" across every n8n process that runs the workflow — the check that
 * keeps an order from being sent twice and an Ingram event from running its workflow twice.
 *
 * The only shared store n8n gives a node is its deduplication table (`checkProcessedAndRecord`):
 * one row per workflow (or node) holding the recorded keys. n8n reads the row, adds the new keys
 * and writes the whole row back, without a lock. Inside one process we run those calls one after
 * the other (`oneAtATime`). Between processes (n8n's queue mode: several workers) two calls can
 * overlap, and then the later write replaces the earlier one: the earlier caller's keys are lost,
 * and both callers may have been told that the same key was new.
 *
 * So each claim also records a key of its own (a random token) and, after a settle time, asks for
 * that token again. A write that lost to an overlapping one has lost its token too. Such a claim is
 * not trusted: it is made again, and this time the keys the overlapping writer recorded are reported
 * as taken. Of several overlapping claims of one key, only the last writer's survives, so exactly
 * one caller goes ahead with it.
 *
 * This holds while n8n takes less than half the settle time between reading and writing the row
 * (milliseconds on a healthy database; CLAIM_TIMING.settleMs is 1.5 s).
 */
import { randomString, sleep } from 'n8n-workflow';

/** Records keys in the shared store; returns the keys that were recorded before this call. */
export type RecordKeys = (keys: string[]) => Promise<Set<string>>;

export const CLAIM_TIMING = {
	/**
	 * How long a claim waits before checking that its write was not replaced. The jest harness
	 * shortens it (its store is in memory and in one process); nothing else changes it.
	 */
	settleMs: 1500,
	/** Claims made again at most this often when overlapping writes keep replacing them. */
	attempts: 12,
};

/** Thrown when claims kept being replaced; nothing was decided, nothing may be sent. */
export class ClaimContendedError extends Error {
	constructor(attempts: number) {
		super(
			`Could not record the keys in n8n's database: ${attempts} attempts were each overwritten by another n8n process at the same moment`,
		);
		this.name = 'ClaimContendedError';
	}
}

/** A key of this claim's own, found again only if no other write replaced this one. */
const newToken = () => `claim-token:${randomString(20)}`;

/**
 * Claims the keys: records them and returns those that someone (this or another execution, in
 * this or another process) had claimed before. Every key not returned belongs to this caller.
 *
 * A failed call to the store (the first claims of two processes can both try to create the row,
 * and one of them fails) is tried again, up to CLAIM_TIMING.attempts times.
 */
export async function claimKeys(
	record: RecordKeys,
	keys: string[],
	wait: (ms: number) => Promise<void> = sleep,
): Promise<Set<string>> {
	const taken = new Set<string>();
	let pending = [...new Set(keys)];
	let lastError: unknown;
	for (let attempt = 1; attempt <= CLAIM_TIMING.attempts; attempt++) {
		if (pending.length === 0) return taken;
		const token = newToken();
		let before: Set<string>;
		try {
			before = await record([...pending, token]);
		} catch (error) {
			lastError = error;
			await wait(Math.random() * 100);
			continue;
		}
		lastError = undefined;
		for (const key of pending) if (before.has(key)) taken.add(key);
		pending = pending.filter((key) => !taken.has(key));
		if (pending.length === 0) return taken;

		await wait(CLAIM_TIMING.settleMs);
		let stillThere: boolean;
		try {
			stillThere = (await record([token])).has(token);
		} catch (error) {
			lastError = error;
			continue;
		}
		if (stillThere) return taken;
		// replaced by an overlapping write: claim again (after a random pause, so that two busy
		// processes stop overlapping); what the other write recorded now counts as taken
		await wait(Math.random() * 250 * attempt);
	}
	// the last attempt's failure: the store's own error, or contention
	if (lastError instanceof Error) throw lastError;
	throw new ClaimContendedError(CLAIM_TIMING.attempts);
}

/**
 * Runs the calls for one key (a workflow's row) one after the other in this process: n8n's
 * read-change-write of a row must not overlap with itself.
 */
const queues = new Map<string, Promise<unknown>>();
export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const current = previous.catch(() => undefined).then(work);
	queues.set(key, current);
	try {
		return await current;
	} finally {
		if (queues.get(key) === current) queues.delete(key);
	}
}
