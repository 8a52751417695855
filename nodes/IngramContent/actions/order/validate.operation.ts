import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orderFields } from './fields';
import { orderSummary, prepareOrders, readAccount } from './prepare';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['validate'] } },
	orderFields,
);

/**
 * Only the checks: one item per order with `valid` and every problem found (field and what is
 * wrong), so a workflow can route orders Ingram would refuse to a person before sending.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const account = await readAccount.call(this);
	return prepareOrders.call(this, items, account).map((entry) => ({
		json: entry.order
			? { valid: true, ...orderSummary(entry), problems: [] }
			: {
					valid: false,
					poNumber: String(this.getNodeParameter('poNumber', entry.itemIndex, '') ?? ''),
					problems: entry.read.problems.map((p) => ({ ...p })),
				},
		pairedItem: { item: entry.itemIndex },
	}));
}
