import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, formatDate, optionalText } from '../../../shared/input';
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

/**
 * Ingram takes each range as a from and a to parameter (`invoiceFromDate`, `invoiceToDate`).
 * Its single-day parameters (`invoiceDate` …) are not offered: a range from a day to the same day
 * selects the same invoices.
 */
const RANGE_FILTERS: Array<RangeFilter & { from: string; to: string }> = [
	{
		name: 'invoiceDateRange',
		displayName: 'Invoice Date',
		description: 'Invoices dated between these days. For one day, pick it as From and To.',
		from: 'invoiceFromDate',
		to: 'invoiceToDate',
	},
	{
		name: 'dueDateRange',
		displayName: 'Due Date',
		description: 'Invoices due for payment between these days',
		from: 'invoiceFromDueDate',
		to: 'invoiceToDueDate',
	},
	{
		name: 'orderDateRange',
		displayName: 'Order Date',
		description: 'Invoices of orders placed between these days',
		from: 'orderFromDate',
		to: 'orderToDate',
	},
];

const TEXT_FILTERS: TextFilter[] = [
	{
		name: 'customerOrderNumber',
		displayName: 'Customer Order Number',
		placeholder: 'e.g. PO-1042',
		description: 'Your PO number',
	},
	{ name: 'DeliveryNumber', displayName: 'Delivery Number', placeholder: 'e.g. 335238411' },
	{
		name: 'endCustomerOrderNumber',
		displayName: 'End Customer Order Number',
		description: "The end customer's purchase order number",
	},
	{
		name: 'invoiceNumber',
		displayName: 'Invoice Number',
		maxLength: 11,
		placeholder: 'e.g. 40-DPJ17-11',
	},
	{ name: 'orderNumber', displayName: 'Order Number', placeholder: 'e.g. 20-RD3QV' },
	{ name: 'serialNumber', displayName: 'Serial Number', maxLength: 32 },
	{ name: 'specialBidNumber', displayName: 'Special Bid Number' },
];

/**
 * Ingram documents no list of statuses or types: these are the words its answers carry (status
 * Open/Paid, type Invoice). The sets are open, so an expression may give another word; it is sent
 * as written.
 */
const CHOICE_FILTERS: INodeProperties[] = [
	{
		displayName: 'Invoice Status',
		name: 'invoiceStatus',
		type: 'options',
		default: 'Open',
		options: [
			{ name: 'Open', value: 'Open', description: 'Not paid yet' },
			{ name: 'Paid', value: 'Paid' },
		],
		description: 'Another status Ingram Micro uses can be given with an expression',
	},
	{
		displayName: 'Invoice Type',
		name: 'invoiceType',
		type: 'options',
		default: 'Invoice',
		options: [{ name: 'Invoice', value: 'Invoice' }],
		description: 'Another type Ingram Micro uses can be given with an expression',
	},
];

/** The fields Ingram sorts invoices by (`orderby`); without one, newest invoice date first. */
const SORT_FIELDS: INodePropertyOptions[] = [
	{ name: 'Customer Order Number', value: 'CustomerOrderNumber' },
	{ name: 'Due Date', value: 'InvoiceDueDate' },
	{ name: 'Invoice Amount', value: 'InvoiceAmount' },
	{ name: 'Invoice Date', value: 'InvoiceDate' },
	{ name: 'Invoice Number', value: 'InvoiceNumber' },
	{ name: 'Order Date', value: 'OrderDate' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		...rangeFilterOptions(RANGE_FILTERS),
		...textFilterOptions(TEXT_FILTERS),
		...CHOICE_FILTERS,
		{
			// Ingram has no range for this date.
			displayName: 'Payment Terms Net Date',
			name: 'paymentTermsNetDate',
			type: 'dateTime',
			default: '',
			description: 'Invoices whose payment terms fall due on this day',
		},
	]),
	sortCollection(SORT_FIELDS, 'InvoiceDate'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const filter of RANGE_FILTERS) {
		const range = readRangeFilter(node, itemIndex, filters, filter);
		qs[filter.from] = range?.[0];
		qs[filter.to] = range?.[1];
	}
	qs.paymentTermsNetDate = formatDate(
		node,
		itemIndex,
		filters.paymentTermsNetDate,
		'Payment Terms Net Date',
	);
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	for (const { name, displayName } of CHOICE_FILTERS) {
		qs[name] = optionalText(node, itemIndex, filters[name], { label: displayName });
	}
	const sort = readSort(node, itemIndex, this.getNodeParameter('sort', itemIndex, {}), SORT_FIELDS);
	qs.orderby = sort.sortBy;
	qs.direction = sort.direction;

	return await searchWithLimit.call(
		this,
		itemIndex,
		{
			method: 'GET',
			path: '/resellers/v6/invoices',
			qs: compact(qs),
			extraHeaders: ['applicationId'],
			retry: 'retry',
		},
		{ parameters: 'pageNumber/pageSize', itemsKey: 'invoices' },
	);
}
