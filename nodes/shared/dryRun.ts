import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Execution contexts currently in a dry run (see `dryRun`): a transport checks everything it would
 * check for a real call, then withholds the request instead of sending it.
 */
const dryRuns = new WeakSet<object>();

/**
 * Thrown by a transport in a dry run at the point where it would have sent a request. A
 * NodeOperationError so that every catch site passes it through unchanged.
 */
export class RequestWithheld extends NodeOperationError {}

/** Whether requests of this context are to be withheld (a transport asks before sending). */
export const isDryRun = (context: object) => dryRuns.has(context);

/**
 * Runs `work` with every request of `context` withheld, so all of an execution's input can be
 * checked before anything is sent.
 */
export async function dryRun<T>(context: IExecuteFunctions, work: () => Promise<T>): Promise<T> {
	dryRuns.add(context);
	try {
		return await work();
	} finally {
		dryRuns.delete(context);
	}
}
