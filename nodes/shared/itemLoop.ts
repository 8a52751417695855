import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dryRun, RequestWithheld } from './dryRun';
import { errorJson, rethrowForItem } from './itemErrors';
import { isBatchOperation, type Operation } from './operations';

/**
 * Runs an operation over the input items, the same way for every API node of this package:
 * 1. every item's input is checked first, with requests withheld (see dryRun), so that a bad item 3
 *    does not fail the run after items 0–2 were sent (a re-run would send them again);
 * 2. then each item runs for real; results are paired with their item, and a failing item becomes
 *    an error item when the node continues on fail.
 * Batch operations (which group items into shared requests) do their own checking and pairing.
 */
export async function runItems(
	this: IExecuteFunctions,
	operation: Operation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (isBatchOperation(operation)) return [await operation.executeBatch.call(this, items)];

	const inputErrors = new Map<number, unknown>();
	await dryRun(this, async () => {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				await operation.execute.call(this, itemIndex);
			} catch (error) {
				if (!(error instanceof RequestWithheld)) inputErrors.set(itemIndex, error);
			}
		}
	});
	if (inputErrors.size > 0 && !this.continueOnFail()) {
		const [itemIndex, error] = [...inputErrors][0];
		rethrowForItem.call(this, error, itemIndex);
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (inputErrors.has(itemIndex)) throw inputErrors.get(itemIndex);
			const result = await operation.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
				continue;
			}
			rethrowForItem.call(this, error, itemIndex);
		}
	}
	return [returnData];
}
