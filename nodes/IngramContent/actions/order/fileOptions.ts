import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_ORDERS_PER_FILE } from './prepare';

export const fileGroupingField: INodeProperties = {
	displayName: 'Files',
	name: 'files',
	type: 'options',
	options: [
		{ name: 'One File per Order', value: 'perOrder' },
		{
			name: 'Batch Orders (Up to 25 per File)',
			value: 'batch',
			description:
				'Fewer files, as Ingram’s own tools send them; the orders of a file succeed or fail together',
		},
	],
	default: 'perOrder',
};

export const ordersPerFile = (context: IExecuteFunctions) =>
	context.getNodeParameter('files', 0, 'perOrder') === 'batch' ? MAX_ORDERS_PER_FILE : 1;
