import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../../shared/input';
import {
	filtersCollection,
	rangeFilterOptions,
	readRangeFilter,
	readSort,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	sortCollection,
	textFilterOptions,
	type RangeFilter,
	type TextFilter,
} from '../common/fields';

const TEXT_FILTERS: TextFilter[] = [
	{
		name: 'endUserContact',
		displayName: 'End User Name',
		placeholder: 'e.g. JD Enterprises',
		description: 'The end customer of the quote; any part of the name matches',
	},
	{
		name: 'quoteName',
		displayName: 'Quote Name',
		placeholder: 'e.g. MyQuote',
		description: 'Any part of the name matches',
	},
	{
		name: 'quoteNumber',
		displayName: 'Quote Number',
		placeholder: 'e.g. QUO-10985-C4C3F7',
		description: 'Any part of the quote number matches',
	},
	{
		name: 'specialBidNumber',
		displayName: 'Special Bid Number',
		placeholder: 'e.g. 9638445-1880',
		description: 'The vendor special pricing bid (deal ID, also called Dart number)',
	},
	{
		name: 'status',
		displayName: 'Status',
		placeholder: 'e.g. Ready to Order',
		description: 'The status of the quote',
	},
	{
		name: 'vendorName',
		displayName: 'Vendor Name',
		placeholder: 'e.g. Dell',
		description: 'Any part of the name matches',
	},
];

const RANGE_FILTERS = {
	created: {
		name: 'quoteCreateDate',
		displayName: 'Created Date',
		description: 'Quotes created between these days (up to 365 days back)',
	},
	ingramOrder: {
		name: 'ingramOrderDate',
		displayName: 'Ingram Order Date',
		description: 'Quotes with an Ingram Micro date between these days',
	},
} satisfies Record<string, RangeFilter>;

/** The fields Ingram sorts quotes by, as the spec lists them (`sortBy`); without one, newest first. */
const SORT_FIELDS: INodePropertyOptions[] = [
	{ name: 'Created Date', value: 'createdDate' },
	{ name: 'Expiry Date', value: 'expiryDate' },
	{ name: 'Last Modified Date', value: 'lastModifiedDate' },
	{ name: 'Quote Number', value: 'quoteNumber' },
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Without a date filter Ingram Micro returns only quotes created or changed in the last 30 days. Quotes older than 365 days and draft or closed quotes are never returned.',
		name: 'quoteSearchNotice',
		type: 'notice',
		default: '',
	},
	...returnAllOrLimit,
	filtersCollection([
		...textFilterOptions(TEXT_FILTERS),
		...rangeFilterOptions(Object.values(RANGE_FILTERS)),
	]),
	sortCollection(SORT_FIELDS, 'createdDate'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['quote'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	// The spec types ingramOrderDate-bt as an array (sent as two values), like order search.
	qs['ingramOrderDate-bt'] = readRangeFilter(node, itemIndex, filters, RANGE_FILTERS.ingramOrder);
	// quoteCreateDate-bt is a plain string in the spec ("start and end date, only 2 entries"): a
	// repeated parameter would not fit that type, so both dates go in one value, comma-separated
	// as Ingram's other list-in-a-string filters are (returnStatus-in).
	qs['quoteCreateDate-bt'] = readRangeFilter(node, itemIndex, filters, RANGE_FILTERS.created)?.join(
		',',
	);
	const sort = readSort(node, itemIndex, this.getNodeParameter('sort', itemIndex, {}), SORT_FIELDS);
	qs.sortBy = sort.sortBy;
	qs.sortingOrder = sort.direction;

	return await searchWithLimit.call(
		this,
		itemIndex,
		{
			method: 'GET',
			path: '/resellers/v6/quotes/search',
			qs: compact(qs),
			extraHeaders: ['customerContact'],
			retry: 'retry',
		},
		// Ingram answers a search without matches with 404 "No records found": that is an empty result.
		{ parameters: 'pageNumber/pageSize', itemsKey: 'quotes', emptyOn404: true },
	);
}
