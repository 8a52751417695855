import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_PARALLEL_REQUESTS,
	MAX_PAGE_SIZE,
	xiRequestAllItems,
	type Paging,
	type XiRequest,
} from '../../transport';
import { optionalText, positiveInteger, textValue } from '../../helpers/input';

/** Return All + Limit, the n8n convention for every list operation. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
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
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? undefined
		: positiveInteger(node, itemIndex, this.getNodeParameter('limit', itemIndex, 50), 'Limit');
	const parallelRequests = returnAll
		? positiveInteger(
				node,
				itemIndex,
				this.getNodeParameter('parallelRequests', itemIndex, DEFAULT_PARALLEL_REQUESTS),
				'Parallel Requests',
			)
		: 1;
	return await xiRequestAllItems.call(this, request, { ...paging, limit, parallelRequests }, itemIndex);
}

export { MAX_PAGE_SIZE };

/** "Simplify" for long records: a curated subset of fields instead of Ingram's full document. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * Keeps only the listed keys that are present (a "Simplify" view). `lists` trims the records of
 * nested arrays too, e.g. `{ products: ['ingramPartNumber', 'quantity'] }`.
 */
export function pick(
	record: IDataObject,
	keys: readonly string[],
	lists: Record<string, readonly string[]> = {},
): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) {
		const value = record[key];
		if (value === undefined) continue;
		result[key] =
			lists[key] && Array.isArray(value)
				? (value as IDataObject[]).map((entry) => pick(entry, lists[key]))
				: value;
	}
	return result;
}

/** Ascending/descending, as the searches that can sort call it. */
export function sortDirectionOption(name: string, displayName = 'Sort Order'): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		default: 'desc',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
	};
}

/**
 * A single-record selector (resource locator). With `listSearch`, a "From List" mode backed by a
 * search comes first; records Ingram cannot list cheaply offer the ID mode only.
 */
export function idLocator(options: {
	name: string;
	displayName: string;
	placeholder: string;
	description: string;
	/** Validation regex for the ID mode, e.g. Ingram order numbers like 20-RD3QV. */
	pattern?: string;
	patternHint?: string;
	/** Name of a method in `methods.listSearch` that lists candidates. */
	listSearch?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.listSearch ? 'list' : 'id', value: '' },
		required: true,
		description: options.description,
		modes: [
			...(options.listSearch
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod: options.listSearch, searchable: true },
						},
					]
				: []),
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
				validation: options.pattern
					? [
							{
								type: 'regex',
								properties: { regex: options.pattern, errorMessage: options.patternHint ?? 'Not a valid ID' },
							},
						]
					: undefined,
			},
		],
	};
}

/** Ingram's `additionalAttributes: [{attributeName, attributeValue}]`, used by orders and P&A. */
export const additionalAttributesField: INodeProperties = {
	displayName: 'Additional Attributes',
	name: 'additionalAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description: 'Name/value pairs Ingram Micro defines per country, e.g. allowDuplicateCustomerOrderNumber',
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
	const entries = ((value as IDataObject | undefined)?.attribute as IDataObject[] | undefined) ?? [];
	return entries
		.map((entry) => ({
			attributeName: textValue(node, itemIndex, entry.attributeName, `${label} › Name`),
			attributeValue: textValue(node, itemIndex, entry.attributeValue, `${label} › Value`),
		}))
		.filter((entry) => entry.attributeName !== '');
}

/** A From/To date pair shown as one fixedCollection; read with `dateRange()`. */
export function dateRangeField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Date Range',
		description,
		options: [
			{
				displayName: 'Range',
				name: 'range',
				values: [
					{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
					{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
				],
			},
		],
	};
}

export const readRange = (value: unknown) => (value as IDataObject | undefined)?.range as IDataObject | undefined;

/** The "Filters" collection of a search, its options in alphabetical order as n8n lists them. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** A free-text search filter: its query parameter (= parameter name), label and the spec's max length. */
export interface TextFilter {
	name: string;
	displayName: string;
	maxLength?: number;
	placeholder?: string;
	description?: string;
}

export const textFilterOptions = (filters: readonly TextFilter[]): INodeProperties[] =>
	filters.map(({ name, displayName, placeholder, description }) => ({
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description,
	}));

/** The query parameters of the text filters the user set, checked against Ingram's lengths. */
export function readTextFilters(
	node: INode,
	itemIndex: number,
	values: IDataObject,
	filters: readonly TextFilter[],
): IDataObject {
	return Object.fromEntries(
		filters.map((filter) => [
			filter.name,
			optionalText(node, itemIndex, values[filter.name], { label: filter.displayName, maxLength: filter.maxLength }),
		]),
	);
}
