import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, dateRange, ingramDate, textList } from '../../helpers/input';
import {
	dateRangeField,
	filtersCollection,
	readRange,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	textFilterOptions,
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

/** Text filters: query name, label, spec maxLength. */
const TEXT_FILTERS: TextFilter[] = [
	{ name: 'customerOrderNumber', displayName: 'Customer Order Number', maxLength: 35, description: 'Your PO number' },
	{
		name: 'endCustomerOrderNumber',
		displayName: 'End Customer Order Number',
		maxLength: 35,
		description: "The end customer's purchase order number",
	},
	{ name: 'ingramOrderNumber', displayName: 'Ingram Order Number', maxLength: 11, placeholder: 'e.g. 20-RD3QV' },
	{ name: 'ingramPartNumber', displayName: 'Ingram Part Number', maxLength: 35, placeholder: 'e.g. DF4128' },
	{ name: 'serialNumber', displayName: 'Serial Number', maxLength: 35 },
	{
		name: 'specialBidNumber',
		displayName: 'Special Bid Number',
		maxLength: 35,
		description: 'Not available in Australia',
	},
	{ name: 'trackingNumber', displayName: 'Tracking Number', maxLength: 35, description: 'Not available in Australia' },
	{ name: 'vendorName', displayName: 'Vendor Name', maxLength: 35, placeholder: 'e.g. Cisco' },
	{ name: 'vendorPartNumber', displayName: 'Vendor Part Number', maxLength: 35 },
];

/** Date-range filters: Ingram spells some with `-bt` and some with `_bt`. */
const RANGE_FILTERS = [
	{
		name: 'deliveryDate_bt',
		field: 'deliveryDateRange',
		displayName: 'Delivery Date Range',
		what: 'delivered',
		inAustralia: false,
	},
	{
		name: 'ingramOrderDate-bt',
		field: 'ingramOrderDateRange',
		displayName: 'Ingram Order Date Range',
		what: 'created',
		inAustralia: true,
	},
	{
		name: 'invoiceDate_bt',
		field: 'invoiceDateRange',
		displayName: 'Invoice Date Range',
		what: 'invoiced',
		inAustralia: false,
	},
	{ name: 'shipDate_bt', field: 'shipDateRange', displayName: 'Ship Date Range', what: 'shipped', inAustralia: true },
];

const filterOptions: INodeProperties[] = [
	...textFilterOptions(TEXT_FILTERS),
	...RANGE_FILTERS.map((filter) =>
		dateRangeField(
			filter.field,
			filter.displayName,
			`Orders ${filter.what} between these dates${filter.inAustralia ? '' : ' (not available in Australia)'}`,
		),
	),
	{
		displayName: 'Ingram Order Date',
		name: 'ingramOrderDate',
		type: 'dateTime',
		default: '',
		description: 'Orders created on this day',
	},
	{
		displayName: 'Order Status',
		name: 'orderStatus',
		type: 'options',
		default: 'SHIPPED',
		options: ORDER_STATUSES,
	},
	{
		displayName: 'Order Statuses',
		name: 'orderStatusIn',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		description: 'Orders in any of these statuses',
	},
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection(filterOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	for (const filter of RANGE_FILTERS) {
		qs[filter.name] = dateRange(node, itemIndex, readRange(filters[filter.field]), filter.displayName);
	}
	qs.ingramOrderDate = ingramDate(node, itemIndex, filters.ingramOrderDate, 'Ingram Order Date');
	qs.orderStatus = filters.orderStatus;
	const statuses = textList(node, itemIndex, filters.orderStatusIn, 'Order Statuses');
	qs['orderStatus-in'] = statuses.length ? statuses : undefined;

	// 204 (nothing found) ends the walk with no items; recordsFound may arrive as a string.
	return await searchWithLimit.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/resellers/v6/orders/search', qs: compact(qs), retry: 'retry' },
		{ parameters: 'pageNumber/pageSize', itemsKey: 'orders' },
	);
}
