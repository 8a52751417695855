/**
 * Which eventIds a trigger node has already turned into an execution, so that Ingram's
 * re-deliveries of an event start none.
 *
 * Why two layers, and why the record is written from `execute()`: in n8n 2.41.1 nothing `webhook()`
 * writes to static data is saved when the webhook starts an execution. The webhook's workflow and
 * the execution's workflow are built from the same static-data object, and building the second one
 * resets the "changed" flag n8n checks before saving (`WorkflowRunner.establishContextForPersistence`);
 * the execution then reloads static data from the database. What n8n does save is static data
 * changed *during an execution*, when the execution ends. So:
 *
 * 1. In this process, accepted IDs are held in memory and checked and added synchronously in
 *    `webhook()`: copies arriving together, or before the first copy's execution has ended, are
 *    refused at once.
 * 2. `execute()` — n8n runs it as the first step of the execution the webhook started — adds the
 *    event's ID to the node's static data, which n8n saves when the execution ends (success or
 *    error). It survives restarts and is what another process (n8n's webhook processes in queue
 *    mode) reads from the database.
 *
 * The list handed to n8n is this process's live list, not a copy: n8n serialises it when it saves,
 * so an execution that ends later cannot overwrite IDs another execution added in the meantime.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { claimKeys, oneAtATime } from '../shared/claims';

/** How many event IDs each trigger node remembers (bounded; the oldest are forgotten first). */
export const REMEMBERED_EVENT_IDS = 1000;

/** The static-data key holding the remembered IDs. */
export const STATIC_DATA_KEY = 'recentEventIds';

export class AcceptedEventIds {
	/** Oldest first; the same array is stored in static data (see the file comment). */
	readonly ids: string[] = [];
	private readonly known = new Set<string>();

	constructor(private readonly capacity = REMEMBERED_EVENT_IDS) {}

	has(eventId: string): boolean {
		return this.known.has(eventId);
	}

	add(eventId: string): void {
		if (this.known.has(eventId)) return;
		this.known.add(eventId);
		this.ids.push(eventId);
		while (this.ids.length > this.capacity) this.known.delete(this.ids.shift()!);
	}

	/** Takes in IDs saved by earlier executions (of this or another process). */
	merge(saved: unknown): void {
		if (!Array.isArray(saved)) return;
		for (const id of saved) if (typeof id === 'string') this.add(id);
	}
}

const perNode = new Map<string, AcceptedEventIds>();

/** The accepted IDs of one trigger node of one workflow in this process. */
export function acceptedEventIds(
	workflowId: string | undefined,
	nodeName: string,
): AcceptedEventIds {
	const key = JSON.stringify([workflowId ?? '', nodeName]);
	let accepted = perNode.get(key);
	if (!accepted) {
		accepted = new AcceptedEventIds();
		perNode.set(key, accepted);
	}
	return accepted;
}

/**
 * Checks and records in one synchronous step (no await in between), so that of several copies
 * handled by this process at the same moment exactly one is accepted. Returns false for a copy.
 */
export function acceptOnce(
	accepted: AcceptedEventIds,
	saved: IDataObject,
	eventId: string,
): boolean {
	accepted.merge(saved[STATIC_DATA_KEY]);
	if (accepted.has(eventId)) return false;
	accepted.add(eventId);
	return true;
}

/** How many event IDs each trigger node keeps in n8n's deduplication table. */
export const CLAIMED_EVENT_IDS = 10_000;

/**
 * The authoritative record, in n8n's deduplication table (per trigger node): claims the events'
 * IDs and returns those an earlier execution — in this n8n process or another — had claimed.
 * `webhook()` refuses copies early from memory and static data; this catches the copies that got
 * past it: after a restart whose static data missed an ID, or with several webhook processes
 * (queue mode), where each has its own memory. See claims.ts for copies claimed at the same moment.
 */
export async function claimEventIds(
	this: IExecuteFunctions,
	eventIds: string[],
): Promise<Set<string>> {
	if (eventIds.length === 0) return new Set();
	const node = this.getNode();
	const row = JSON.stringify([this.getWorkflow().id ?? '', node.id]);
	const keyOf = (eventId: string) => `xi-event:${eventId}`;
	const taken = await claimKeys(
		async (keys) =>
			await oneAtATime(row, async () => {
				const result = await this.helpers.checkProcessedAndRecord(keys, 'node', {
					mode: 'entries',
					maxEntries: CLAIMED_EVENT_IDS,
				});
				return new Set(result.processed.map(String));
			}),
		eventIds.map(keyOf),
	);
	return new Set(eventIds.filter((eventId) => taken.has(keyOf(eventId))));
}
