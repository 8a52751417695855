import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resources } from './resources';
import type { IngramOperation } from './types';
import { v5Resources } from './v5/resources';

/**
 * Which of Ingram's APIs the node calls. v5 is Ingram's legacy Reseller API: its operations are
 * offered only when it is chosen, so a v5 operation cannot be mistaken for a v6/v7 one. The default
 * is v6/v7, and n8n does not save a parameter at its default, so every node saved before this
 * parameter existed reads as v6/v7 and runs exactly as before.
 */
export const apiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			// n8n wants option names in title case; "Version 6/7" reads as Ingram's "v6/v7" does.
			name: 'Version 6/7 (Current)',
			value: 'v6',
			description: "Ingram Micro's current Reseller API",
		},
		{
			name: 'Version 5 (Legacy)',
			value: 'v5',
			description:
				"Ingram Micro's legacy Reseller API v5, for accounts not yet moved to v6: fewer operations",
		},
	],
	default: 'v6',
};

export type ApiVersion = 'v6' | 'v5';

/** Shows a property only for one API version (on top of its own display conditions). */
function onlyFor(apiVersion: ApiVersion, property: INodeProperties): INodeProperties {
	const displayOptions = property.displayOptions ?? {};
	return {
		...property,
		displayOptions: {
			...displayOptions,
			show: { ...displayOptions.show, apiVersion: [apiVersion] },
		},
	};
}

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

const v5ResourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { apiVersion: ['v5'] } },
	options: [
		{ name: 'Invoice', value: 'invoice' },
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Quote', value: 'quote' },
	],
	default: 'product',
};

const operationProperties = Object.values(resources).flatMap((resource) =>
	[resource.operationProperty].flat(),
);

const v6Properties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((resource) => [
		...[resource.operationProperty].flat(),
		...Object.values(resource.operations as Record<string, IngramOperation>).flatMap(
			(op) => op.description,
		),
	]),
];

// The v5 operations' own properties already show for API Version v5 only (see v5/common.ts).
const v5Properties: INodeProperties[] = [
	v5ResourceProperty,
	...Object.values(v5Resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations as Record<string, IngramOperation>).flatMap(
			(op) => op.description,
		),
	]),
];

/**
 * API Version, then the Resource dropdown, each resource's Operation dropdown and the fields of
 * its operations, once for v6/v7 and once for v5.
 */
export const ingramMicroProperties: INodeProperties[] = [
	apiVersionProperty,
	...v6Properties.map((property) => onlyFor('v6', property)),
	...v5Properties.map((property) => onlyFor('v5', property)),
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
const operationLabels = `${labels([
	...operationProperties,
	...Object.values(v5Resources).map((resource) => resource.operationProperty),
])}[$parameter.operation]`;

/**
 * The canvas subtitle in the dropdowns' words, e.g. "Product: Get Price and Availability", with
 * "v5 " in front for the legacy API.
 */
export const ingramMicroSubtitle = `={{ ($parameter.apiVersion === "v5" ? "v5 " : "") + ${resourceLabels} + ": " + ${operationLabels} }}`;
