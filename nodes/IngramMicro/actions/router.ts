import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dryRun, RequestWithheld } from '../transport';
import { errorJson, rethrowForItem } from './common/itemErrors';

import { resources } from './resources';
import { isBatchOperation, type IngramMicroResource, type IngramOperation } from './types';

function findOperation(this: IExecuteFunctions): IngramOperation {
	const resource = this.getNodeParameter('resource', 0) as IngramMicroResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (resources[resource]?.operations as Record<string, IngramOperation> | undefined)?.[operation];
	if (!found) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return found;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation.call(this);

	if (isBatchOperation(operation)) return [await operation.executeBatch.call(this, items)];

	// 1. Check the input of every item before anything is sent: a bad item 3 must not fail the
	//    run after the orders of items 0–2 were created (a re-run would create them again).
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

	// 2. Run for real.
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
