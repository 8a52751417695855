/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The claim protocol (nodes/shared/claims.ts) against a store that behaves like n8n's
 * deduplication table under queue mode: every call reads the row, waits (the database round trip),
 * then writes the whole row back, with no lock — so calls of different processes overlap and the
 * later write replaces the earlier one. Each simulated process runs its own calls one at a time,
 * as oneAtATime does inside a real n8n process.
 */
import fc from 'fast-check';

import {
	CLAIM_TIMING,
	ClaimContendedError,
	claimKeys,
	type RecordKeys,
} from '../nodes/shared/claims';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One row of n8n's table, read and written whole. */
class LockFreeRow {
	keys: string[] = [];
	writes = 0;

	/** A process's view: its calls run one after the other; each read-to-write takes `delay()`. */
	processRecorder(delay: () => number): RecordKeys {
		let queue: Promise<unknown> = Promise.resolve();
		return (keys) => {
			const call = queue.then(async () => {
				const snapshot = [...this.keys];
				await sleep(delay());
				const before = new Set(snapshot);
				this.keys = [...snapshot, ...keys.filter((key) => !before.has(key))];
				this.writes++;
				return new Set(keys.filter((key) => before.has(key)));
			});
			queue = call.catch(() => undefined);
			return call;
		};
	}
}

const settings = { ...CLAIM_TIMING };
beforeAll(() => {
	CLAIM_TIMING.settleMs = 60;
});
afterAll(() => Object.assign(CLAIM_TIMING, settings));

test('two processes claiming the same keys at the same moment: each key goes to exactly one of them', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 }), {
				minLength: 2,
				maxLength: 4,
			}),
			fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }),
			async (wanted, delays) => {
				const row = new LockFreeRow();
				// read-to-write times up to 20 ms: under half the settle time, as the protocol assumes
				const results = await Promise.all(
					wanted.map((numbers, process) => {
						const record = row.processRecorder(() => Math.random() * 20);
						const keys = numbers.map((n) => `po-${n}`);
						return sleep(delays[process]).then(async () => ({
							keys,
							taken: await claimKeys(record, keys),
						}));
					}),
				);
				const winners = new Map<string, number>();
				for (const { keys, taken } of results)
					for (const key of keys)
						if (!taken.has(key)) winners.set(key, (winners.get(key) ?? 0) + 1);
				const asked = new Set(results.flatMap((r) => r.keys));
				for (const key of asked) expect([key, winners.get(key)]).toEqual([key, 1]);
				// and every claimed key is in the row for later checks
				for (const key of asked) expect(row.keys).toContain(key);
			},
		),
		{ numRuns: 25 },
	);
}, 60_000);

test('without the check after the settle time, overlapping writes lose claims (the failure it prevents)', async () => {
	const row = new LockFreeRow();
	const a = row.processRecorder(() => 10);
	const b = row.processRecorder(() => 10);
	// both read the empty row, both are told their key is new; the later write drops A's key
	const [fromA, fromB] = await Promise.all([a(['po-1']), b(['po-2'])]);
	expect([...fromA, ...fromB]).toEqual([]);
	expect(row.keys).toEqual(['po-2']);
	// the same overlap with the protocol: both keys end up recorded, each claimed once
	const fresh = new LockFreeRow();
	const [claimA, claimB] = await Promise.all([
		claimKeys(
			fresh.processRecorder(() => 10),
			['po-1'],
		),
		claimKeys(
			fresh.processRecorder(() => 10),
			['po-2'],
		),
	]);
	expect([...claimA, ...claimB]).toEqual([]);
	expect(fresh.keys).toEqual(expect.arrayContaining(['po-1', 'po-2']));
});

test('a key claimed earlier is reported taken, in one write and one check', async () => {
	const row = new LockFreeRow();
	const record = row.processRecorder(() => 1);
	expect(await claimKeys(record, ['po-1', 'po-2'])).toEqual(new Set());
	const writes = row.writes;
	expect(await claimKeys(record, ['po-2', 'po-3'])).toEqual(new Set(['po-2']));
	expect(row.writes - writes).toBe(2);
	// all taken: no wait, no check
	expect(await claimKeys(record, ['po-1'])).toEqual(new Set(['po-1']));
	expect(row.writes - writes).toBe(3);
});

test('a failing store call (two processes creating the row at once) is tried again', async () => {
	const row = new LockFreeRow();
	const inner = row.processRecorder(() => 1);
	let failures = 1;
	const record: RecordKeys = async (keys) => {
		if (failures-- > 0) throw new Error('duplicate key value violates unique constraint');
		return await inner(keys);
	};
	expect(await claimKeys(record, ['po-1'])).toEqual(new Set());
	expect(row.keys).toContain('po-1');
});

test('claims that keep being replaced give up with an error instead of guessing', async () => {
	// a store that loses every write: nothing can be decided, so nothing may be sent
	const record: RecordKeys = async () => new Set();
	await expect(claimKeys(record, ['po-1'], async () => undefined)).rejects.toBeInstanceOf(
		ClaimContendedError,
	);
	const failing: RecordKeys = async () => {
		throw new Error('database unreachable');
	};
	await expect(claimKeys(failing, ['po-1'], async () => undefined)).rejects.toThrow(
		'database unreachable',
	);
});
