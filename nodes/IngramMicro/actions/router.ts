import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from '../../shared/itemLoop';
import { resources } from './resources';
import type { IngramMicroResource, IngramOperation } from './types';

function findOperation(this: IExecuteFunctions): IngramOperation {
	const resource = this.getNodeParameter('resource', 0) as IngramMicroResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (resources[resource]?.operations as Record<string, IngramOperation> | undefined)?.[
		operation
	];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return found;
}

/** Looks up the chosen resource and operation and runs it over the items (see runItems). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItems.call(this, findOperation.call(this));
}
