import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, optionalText } from '../../../shared/input';
import {
	filtersCollection,
	rangeFilterOptions,
	readRangeFilter,
	readSort,
	returnAllOrLimit,
	searchWithLimit,
	sortCollection,
	type RangeFilter,
} from '../common/fields';

/** The four date filters of the body's `dateType`, each a custom From/To pair. */
const DATE_FILTERS: Array<RangeFilter & { key: string }> = [
	{
		key: 'endDate',
		name: 'endDateRange',
		displayName: 'End Date',
		description: 'Renewals that end between these days',
	},
	{
		key: 'expirationDate',
		name: 'expirationDateRange',
		displayName: 'Expiration Date',
		description: 'Renewals that expire between these days',
	},
	{
		key: 'invoiceDate',
		name: 'invoiceDateRange',
		displayName: 'Invoice Date',
		description: 'Renewals invoiced between these days',
	},
	{
		key: 'startDate',
		name: 'startDateRange',
		displayName: 'Start Date',
		description: 'Renewals that start between these days',
	},
];

/**
 * The spec documents only a `sort` parameter. These are the fields of a renewal in the search
 * answer, and the direction follows the field after a comma (`renewalValue,desc`), as the tested
 * model of the API (test/simulator) takes them.
 */
const SORT_FIELDS: INodePropertyOptions[] = [
	{ name: 'End User', value: 'endUser' },
	{ name: 'Expiration Date', value: 'expirationDate' },
	{ name: 'Renewal ID', value: 'renewalId' },
	{ name: 'Renewal Value', value: 'renewalValue' },
	{ name: 'Vendor', value: 'vendor' },
];
const DEFAULT_SORT = 'expirationDate';

const filterOptions: INodeProperties[] = [
	{
		displayName: 'Customer Order Number',
		name: 'customerOrderNumber',
		type: 'string',
		default: '',
		description: 'Your PO or order number',
	},
	{
		displayName: 'End User',
		name: 'endUser',
		type: 'string',
		default: '',
		placeholder: 'e.g. STARK',
		description: 'Name of the end user (customer)',
	},
	{
		displayName: 'Ingram Purchase Order Number',
		name: 'ingramPurchaseOrderNumber',
		type: 'string',
		default: '',
		description: 'Ingram Micro sales order number',
	},
	{ displayName: 'Serial Number', name: 'serialNumber', type: 'string', default: '' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'Open',
		options: [
			{ name: 'Open', value: 'Open' },
			{ name: 'Closed', value: 'Closed' },
		],
		description: 'Whether the renewal is still open or closed',
	},
	{
		displayName: 'Sub-Status',
		name: 'subStatus',
		type: 'string',
		default: '',
		placeholder: 'e.g. Quote pending',
		description:
			'Open renewals: Ready to order, Quote pending, Notification sent, Future, Quote requested. Closed renewals: All, Ordered, Expired, Renewal went direct, Cancelled and others.',
	},
	{
		displayName: 'Vendor',
		name: 'vendor',
		type: 'string',
		default: '',
		placeholder: 'e.g. HP',
		description: 'Name of the vendor',
	},
	...rangeFilterOptions(DATE_FILTERS),
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection(filterOptions),
	sortCollection(SORT_FIELDS, DEFAULT_SORT),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['renewal'], operation: ['search'] } },
	properties,
);

/** Renewals take US-style dates (the spec's example: 01/31/2024), checked in order first. */
function renewalRange(
	node: INode,
	itemIndex: number,
	filters: IDataObject,
	filter: RangeFilter,
): IDataObject | undefined {
	const range = readRangeFilter(node, itemIndex, filters, filter, 'MM/dd/yyyy');
	return range && { customStartDate: range[0], customEndDate: range[1] };
}

/** One value for both: a direction alone applies to the field Ingram sorts by anyway. */
function sortValue({
	sortBy,
	direction,
}: {
	sortBy?: string;
	direction?: string;
}): string | undefined {
	if (!sortBy && !direction) return undefined;
	return [sortBy ?? DEFAULT_SORT, direction].filter(Boolean).join(',');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const dateType = compact(
		Object.fromEntries(
			DATE_FILTERS.map((f) => [f.key, renewalRange(node, itemIndex, filters, f)]),
		) as IDataObject,
	);
	const subStatus = optionalText(node, itemIndex, filters.subStatus, { label: 'Sub-Status' });
	const opportunityStatus = compact({ value: filters.status as string | undefined, subStatus });
	// Basic search goes in the query string, advanced search in the body (both may be combined).
	const body = compact({
		// "OpporutinyStatus" is Ingram's spelling
		status: Object.keys(opportunityStatus).length
			? { OpporutinyStatus: opportunityStatus }
			: undefined,
		dateType: Object.keys(dateType).length ? dateType : undefined,
		vendor: optionalText(node, itemIndex, filters.vendor, { label: 'Vendor' }),
		endUser: optionalText(node, itemIndex, filters.endUser, { label: 'End User' }),
	});
	const qs = compact({
		customerOrderNumber: optionalText(node, itemIndex, filters.customerOrderNumber, {
			label: 'Customer Order Number',
		}),
		ingramPurchaseOrderNumber: optionalText(node, itemIndex, filters.ingramPurchaseOrderNumber, {
			label: 'Ingram Purchase Order Number',
		}),
		serialNumber: optionalText(node, itemIndex, filters.serialNumber, { label: 'Serial Number' }),
		sort: sortValue(
			readSort(node, itemIndex, this.getNodeParameter('sort', itemIndex, {}), SORT_FIELDS),
		),
	});

	return await searchWithLimit.call(
		this,
		itemIndex,
		// a search changes nothing, so it may be resent after a 429/5xx
		{ method: 'POST', path: '/resellers/v6/renewals/search', qs, body, retry: 'retry' },
		{ parameters: 'page/size', itemsKey: 'renewals' },
	);
}
