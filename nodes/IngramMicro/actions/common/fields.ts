import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_PARALLEL_REQUESTS,
	MAX_PAGE_SIZE,
	xiRequestAllItems,
	type Paging,
	type XiRequest,
} from '../../transport';
import { positiveInteger, textValue } from '../../../shared/input';
import { returnAllOrLimitFields } from '../../../shared/fields';

/** Return All + Limit, and how many pages Return All fetches at once. */
export const returnAllOrLimit: INodeProperties[] = [
	...returnAllOrLimitFields,
	{
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: DEFAULT_PARALLEL_REQUESTS,
		description:
			'How many pages to fetch at the same time once the first page has given the total (1 = one page after another). Ingram Micro allows 60 calls per minute for each search; rate-limit answers are waited out.',
		displayOptions: { show: { returnAll: [true] } },
	},
];

/** Return All / Limit as read: undefined for Return All, else the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return positiveInteger(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('limit', itemIndex, 50),
		'Limit',
	);
}

/**
 * Runs a search with Return All / Limit: Return All walks every page (100 per page), Limit asks
 * for only as many pages as needed.
 */
export async function searchWithLimit(
	this: IExecuteFunctions,
	itemIndex: number,
	request: XiRequest,
	paging: Omit<Paging, 'limit'>,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const limit = readLimit.call(this, itemIndex);
	const parallelRequests =
		limit === undefined
			? positiveInteger(
					node,
					itemIndex,
					this.getNodeParameter('parallelRequests', itemIndex, DEFAULT_PARALLEL_REQUESTS),
					'Parallel Requests',
				)
			: 1;
	return await xiRequestAllItems.call(
		this,
		request,
		{ ...paging, limit, parallelRequests },
		itemIndex,
	);
}

export { MAX_PAGE_SIZE };

/** Ingram's `additionalAttributes: [{attributeName, attributeValue}]`, used by orders and P&A. */
export const additionalAttributesField: INodeProperties = {
	displayName: 'Additional Attributes',
	name: 'additionalAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description:
		'Name/value pairs Ingram Micro defines per country, e.g. allowDuplicateCustomerOrderNumber',
	options: [
		{
			displayName: 'Attribute',
			name: 'attribute',
			values: [
				{
					displayName: 'Name',
					name: 'attributeName',
					type: 'string',
					default: '',
					placeholder: 'e.g. allowPartialOrder',
				},
				{ displayName: 'Value', name: 'attributeValue', type: 'string', default: '' },
			],
		},
	],
};

export function readAdditionalAttributes(
	node: INode,
	itemIndex: number,
	value: unknown,
	label = 'Additional Attributes',
): IDataObject[] {
	const entries =
		((value as IDataObject | undefined)?.attribute as IDataObject[] | undefined) ?? [];
	return entries
		.map((entry) => ({
			attributeName: textValue(node, itemIndex, entry.attributeName, `${label} › Name`),
			attributeValue: textValue(node, itemIndex, entry.attributeValue, `${label} › Value`),
		}))
		.filter((entry) => entry.attributeName !== '');
}

// The shared fragments, so that operations import every field fragment from one place.
export * from '../../../shared/fields';
