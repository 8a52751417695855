import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, textList } from '../../../shared/input';
import {
	filtersCollection,
	rangeFilterOptions,
	readRangeFilter,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	textFilterOptions,
	type RangeFilter,
	type TextFilter,
} from '../common/fields';

/** The spec's enum. Responses also carry other words (OPEN, Processing): expressions may send those. */
const ORDER_STATUSES = [
	{ name: 'Backordered', value: 'BACKORDERED' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'On Hold', value: 'ON HOLD' },
	{ name: 'Processing', value: 'PROCESSING' },
	{ name: 'Shipped', value: 'SHIPPED' },
];

const STATUS_ENUM = new Set(ORDER_STATUSES.map((status) => status.value));

/**
 * Ingram's `orderStatus` takes one word of the enum; `orderStatus-in` takes a list of any words.
 * One known status goes as `orderStatus`, anything else (several, or a word from an expression
 * that the enum lacks, such as OPEN) as `orderStatus-in`, so that the request stays valid.
 */
function statusQuery(statuses: string[]): IDataObject {
	const upper = (status: string) =>
		STATUS_ENUM.has(status.toUpperCase()) ? status.toUpperCase() : status;
	const words = [...new Set(statuses.map(upper))];
	if (words.length === 1 && STATUS_ENUM.has(words[0])) return { orderStatus: words[0] };
	return words.length ? { 'orderStatus-in': words } : {};
}

/** Text filters: query name, label, spec maxLength. */
const TEXT_FILTERS: TextFilter[] = [
	{
		name: 'customerOrderNumber',
		displayName: 'Customer Order Number',
		maxLength: 35,
		description: 'Your PO number',
	},
	{
		name: 'endCustomerOrderNumber',
		displayName: 'End Customer Order Number',
		maxLength: 35,
		description: "The end customer's purchase order number",
	},
	{
		name: 'ingramOrderNumber',
		displayName: 'Ingram Order Number',
		maxLength: 11,
		placeholder: 'e.g. 20-RD3QV',
	},
	{
		name: 'ingramPartNumber',
		displayName: 'Ingram Part Number',
		maxLength: 35,
		placeholder: 'e.g. DF4128',
	},
	{ name: 'serialNumber', displayName: 'Serial Number', maxLength: 35 },
	{
		name: 'specialBidNumber',
		displayName: 'Special Bid Number',
		maxLength: 35,
		description: 'Not available in Australia',
	},
	{
		name: 'trackingNumber',
		displayName: 'Tracking Number',
		maxLength: 35,
		description: 'Not available in Australia',
	},
	{ name: 'vendorName', displayName: 'Vendor Name', maxLength: 35, placeholder: 'e.g. Cisco' },
	{ name: 'vendorPartNumber', displayName: 'Vendor Part Number', maxLength: 35 },
];

/** Date-range filters; `param` is Ingram's name, spelled with `-bt` for some and `_bt` for others. */
const RANGE_FILTERS: Array<RangeFilter & { param: string }> = [
	{
		name: 'deliveryDateRange',
		param: 'deliveryDate_bt',
		displayName: 'Delivery Date',
		description: 'Orders delivered between these days (not available in Australia)',
	},
	{
		name: 'ingramOrderDateRange',
		param: 'ingramOrderDate-bt',
		displayName: 'Ingram Order Date',
		description: 'Orders placed between these days. For one day, pick it as From and To.',
	},
	{
		name: 'invoiceDateRange',
		param: 'invoiceDate_bt',
		displayName: 'Invoice Date',
		description: 'Orders invoiced between these days (not available in Australia)',
	},
	{
		name: 'shipDateRange',
		param: 'shipDate_bt',
		displayName: 'Ship Date',
		description: 'Orders shipped between these days',
	},
];

const filterOptions: INodeProperties[] = [
	...textFilterOptions(TEXT_FILTERS),
	...rangeFilterOptions(RANGE_FILTERS),
	{
		displayName: 'Order Status',
		name: 'orderStatus',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		description: 'Orders in any of the chosen statuses',
	},
];

const properties: INodeProperties[] = [...returnAllOrLimit, filtersCollection(filterOptions)];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	for (const filter of RANGE_FILTERS)
		qs[filter.param] = readRangeFilter(node, itemIndex, filters, filter);
	Object.assign(qs, statusQuery(textList(node, itemIndex, filters.orderStatus, 'Order Status')));

	// 204 (nothing found) ends the walk with no items; recordsFound may arrive as a string.
	return await searchWithLimit.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/resellers/v6/orders/search', qs: compact(qs), retry: 'retry' },
		{ parameters: 'pageNumber/pageSize', itemsKey: 'orders' },
	);
}
