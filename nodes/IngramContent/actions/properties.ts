import type { INodeProperties } from 'n8n-workflow';

import { resources } from './router';

export const ingramContentProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Order', value: 'order' }],
		default: 'order',
	},
	...Object.values(resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations).flatMap((operation) => operation.description),
	]),
];
