import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

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

const operationProperties = Object.values(resources).flatMap((resource) => [
	resource.operationProperty,
	...Object.values(resource.operations as Record<string, IngramOperation>).flatMap((op) => op.description),
]);

export const ingramMicroDescription: INodeTypeDescription = {
	displayName: 'Ingram Micro',
	name: 'ingramMicro',
	icon: { light: 'file:../../icons/ingramMicro.svg', dark: 'file:../../icons/ingramMicro.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Search the catalog, price SKUs, place and track orders, quotes, invoices and returns with the Ingram Micro XI Reseller API',
	defaults: { name: 'Ingram Micro' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'ingramMicroOAuth2Api', required: true }],
	properties: [resourceProperty, ...operationProperties],
};
