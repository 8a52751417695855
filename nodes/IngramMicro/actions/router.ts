import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from '../../shared/itemLoop';
import type { ApiVersion } from './properties';
import { resources } from './resources';
import type { IngramOperation } from './types';
import { v5Resources } from './v5/resources';

function findOperation(this: IExecuteFunctions): IngramOperation {
	// Nodes saved before API Version existed have none stored: they are v6/v7 nodes.
	const apiVersion = this.getNodeParameter('apiVersion', 0, 'v6') as ApiVersion;
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const registry: Record<string, { operations: object }> =
		apiVersion === 'v5' ? v5Resources : resources;
	const found = (registry[resource]?.operations as Record<string, IngramOperation> | undefined)?.[
		operation
	];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported${apiVersion === 'v5' ? ' by the v5 API' : ''}`,
		);
	}
	return found;
}

/** Looks up the API version, resource and operation, and runs it over the items (see runItems). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItems.call(this, findOperation.call(this));
}
