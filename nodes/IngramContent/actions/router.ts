import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from '../../shared/itemLoop';
import type { Operation } from '../../shared/operations';
import * as acknowledgement from './acknowledgement';
import * as inventory from './inventory';
import * as invoice from './invoice';
import * as order from './order';
import * as shipment from './shipment';

export const resources = { acknowledgement, inventory, invoice, order, shipment } as const;

/** Looks up the chosen resource and operation and runs it over the items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (
		resources[resource as keyof typeof resources]?.operations as
			Record<string, Operation> | undefined
	)?.[operation];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await runItems.call(this, found);
}
