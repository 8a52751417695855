import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

const operationProperties = Object.values(resources).flatMap((resource) =>
	[resource.operationProperty].flat(),
);

/** Resource dropdown, then each resource's Operation dropdown and the fields of its operations. */
export const ingramMicroProperties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((resource) => [
		...[resource.operationProperty].flat(),
		...Object.values(resource.operations as Record<string, IngramOperation>).flatMap(
			(op) => op.description,
		),
	]),
];

/** Option value → the label the user sees in the dropdown (an operation is named alike in every resource). */
const labels = (properties: INodeProperties[]) =>
	JSON.stringify(
		Object.fromEntries(
			properties.flatMap((property) =>
				(property.options as INodePropertyOptions[]).map((option) => [option.value, option.name]),
			),
		),
	);

const resourceLabels = `${labels([resourceProperty])}[$parameter.resource]`;
const operationLabels = `${labels(operationProperties)}[$parameter.operation]`;

/** The canvas subtitle in the dropdowns' words, e.g. "Product: Get Price and Availability". */
export const ingramMicroSubtitle = `={{ ${resourceLabels} + ": " + ${operationLabels} }}`;
