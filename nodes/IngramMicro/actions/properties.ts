import type { INodeProperties } from 'n8n-workflow';

import { resources } from './resources';
import type { IngramOperation } from './types';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Deal', value: 'deal' },
		{ name: 'Freight', value: 'freight' },
		{ name: 'Invoice', value: 'invoice' },
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Quote', value: 'quote' },
		{ name: 'Renewal', value: 'renewal' },
		{ name: 'Return', value: 'return' },
		{ name: 'Vendor Required Info', value: 'vendorRequiredInfo' },
	],
	default: 'product',
};

/** Resource dropdown, then each resource's Operation dropdown and the fields of its operations. */
export const ingramMicroProperties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations as Record<string, IngramOperation>).flatMap((op) => op.description),
	]),
];
