import type { INodeProperties } from 'n8n-workflow';

import { resources } from './router';

export const ingramContentProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Acknowledgement', value: 'acknowledgement' },
			{ name: 'Inventory', value: 'inventory' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Order', value: 'order' },
			{ name: 'Shipment', value: 'shipment' },
		],
		default: 'order',
	},
	...Object.values(resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations).flatMap((operation) => operation.description),
	]),
];
