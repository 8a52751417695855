import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { dateRange, inputError, optionalText } from './input';

/**
 * Field fragments every API node of this package uses the same way: Return All / Limit, Simplify,
 * sort, single-record locators, date ranges, filters. Defined once so that one concept has one UI.
 */

/** Return All + Limit, the n8n convention for every list operation. */
export const returnAllOrLimitFields: INodeProperties[] = [
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
];

/** "Simplify" for long records: a curated subset of fields instead of the API's full document. */
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

/** Ascending/descending: every search that can sort takes `asc` / `desc`. */
export const sortDirectionOption: INodeProperties = {
	displayName: 'Direction',
	name: 'direction',
	type: 'options',
	default: 'desc',
	options: [
		{ name: 'Ascending', value: 'asc', description: 'Oldest, smallest or A first' },
		{ name: 'Descending', value: 'desc', description: 'Newest, largest or Z first' },
	],
};

/**
 * The "Sort" of a search: a dropdown of the fields the API sorts that search by (`apiDefault`
 * is the one the API uses when none is chosen) and the shared direction. Read with `readSort()`.
 */
export function sortCollection(
	fields: INodePropertyOptions[],
	apiDefault: string,
): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Rule',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: apiDefault,
				options: [...fields].sort((a, b) => a.name.localeCompare(b.name)),
				description: 'The field the results are sorted by',
			},
			sortDirectionOption,
		],
	};
}

/**
 * The sort the user chose, as the API spells it. An expression may give a field by its value or
 * its label, in any case; a field the API does not sort by is refused before anything is sent.
 */
export function readSort(
	node: INode,
	itemIndex: number,
	value: unknown,
	fields: INodePropertyOptions[],
): { sortBy?: string; direction?: 'asc' | 'desc' } {
	const sort = (value && typeof value === 'object' ? value : {}) as IDataObject;
	const same = (a: unknown, b: string) => String(a).toLowerCase() === b.toLowerCase();
	const by = optionalText(node, itemIndex, sort.sortBy, { label: 'Sort › Sort By' });
	const field =
		by === undefined ? undefined : fields.find((f) => same(f.value, by) || same(f.name, by));
	if (by !== undefined && !field) {
		const names = fields
			.map((f) => f.name)
			.sort()
			.join(', ');
		throw inputError(
			node,
			itemIndex,
			`"Sort › Sort By" must be one of ${names}, but it is "${by}"`,
		);
	}
	const direction = optionalText(node, itemIndex, sort.direction, {
		label: 'Sort › Direction',
	})?.toLowerCase();
	if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
		throw inputError(
			node,
			itemIndex,
			`"Sort › Direction" must be "asc" or "desc", but it is "${direction}"`,
		);
	}
	return { sortBy: field?.value as string | undefined, direction };
}

/**
 * A single-record selector (resource locator). With `listSearch`, a "From List" mode backed by a
 * search comes first; records the API cannot list cheaply offer the ID mode only.
 */
export function idLocator(options: {
	name: string;
	displayName: string;
	placeholder: string;
	description: string;
	/** Validation regex for the ID mode, e.g. order numbers like 20-RD3QV. */
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
								properties: {
									regex: options.pattern,
									errorMessage: options.patternHint ?? 'Not a valid ID',
								},
							},
						]
					: undefined,
			},
		],
	};
}

/** A From/To date pair shown as one fixedCollection; searches list theirs as `RangeFilter`s. */
export function dateRangeField(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
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

/** A From/To date filter of a search: its field name, label and which records it selects. */
export interface RangeFilter {
	name: string;
	displayName: string;
	description: string;
}

export const rangeFilterOptions = (filters: readonly RangeFilter[]): INodeProperties[] =>
	filters.map((filter) => dateRangeField(filter.name, filter.displayName, filter.description));

/** The [from, to] of a range filter the user set, in the API's date format for that search. */
export function readRangeFilter(
	node: INode,
	itemIndex: number,
	values: IDataObject,
	filter: RangeFilter,
	format?: string,
): [string, string] | undefined {
	const range = (values[filter.name] as IDataObject | undefined)?.range as IDataObject | undefined;
	return dateRange(node, itemIndex, range, filter.displayName, format);
}

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

/** The query parameters of the text filters the user set, checked against the API's lengths. */
export function readTextFilters(
	node: INode,
	itemIndex: number,
	values: IDataObject,
	filters: readonly TextFilter[],
): IDataObject {
	return Object.fromEntries(
		filters.map((filter) => [
			filter.name,
			optionalText(node, itemIndex, values[filter.name], {
				label: filter.displayName,
				maxLength: filter.maxLength,
			}),
		]),
	);
}
