import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, dateRange, optionalText } from '../../helpers/input';
import { dateRangeField, readRange, returnAllOrLimit, searchWithLimit } from '../common/fields';

/** The four date filters of the body's `dateType`, each a custom From/To pair. */
const DATE_FILTERS = [
	{ key: 'endDate', name: 'endDateRange', displayName: 'End Date', description: 'Renewals whose end date is in this range' },
	{
		key: 'expirationDate',
		name: 'expirationDateRange',
		displayName: 'Expiration Date',
		description: 'Renewals that expire in this range',
	},
	{
		key: 'invoiceDate',
		name: 'invoiceDateRange',
		displayName: 'Invoice Date',
		description: 'Renewals invoiced in this range',
	},
	{
		key: 'startDate',
		name: 'startDateRange',
		displayName: 'Start Date',
		description: 'Renewals whose start date is in this range',
	},
] as const;

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
		description: 'Opportunity status of the renewal',
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
	...DATE_FILTERS.map((f) => dateRangeField(f.name, f.displayName, f.description)),
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: filterOptions.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'string',
				default: '',
				placeholder: 'e.g. expirationDate',
				description: 'The column Ingram Micro sorts the renewals by',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['renewal'], operation: ['search'] } }, properties);

/** Renewals want MM/dd/yyyy (spec example); the range is checked in ISO order first, where "from > to" is detectable. */
function renewalRange(node: INode, itemIndex: number, value: unknown, label: string): IDataObject | undefined {
	// renewals take US-style dates (the spec's example: 01/31/2024)
	const range = dateRange(node, itemIndex, readRange(value), label, 'MM/dd/yyyy');
	return range && { customStartDate: range[0], customEndDate: range[1] };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const dateType = compact(
		Object.fromEntries(
			DATE_FILTERS.map((f) => [f.key, renewalRange(node, itemIndex, filters[f.name], f.displayName)]),
		) as IDataObject,
	);
	const subStatus = optionalText(node, itemIndex, filters.subStatus, { label: 'Sub-Status' });
	const opportunityStatus = compact({ value: filters.status as string | undefined, subStatus });
	// Basic search goes in the query string, advanced search in the body (both may be combined).
	const body = compact({
		// "OpporutinyStatus" is Ingram's spelling
		status: Object.keys(opportunityStatus).length ? { OpporutinyStatus: opportunityStatus } : undefined,
		dateType: Object.keys(dateType).length ? dateType : undefined,
		vendor: optionalText(node, itemIndex, filters.vendor, { label: 'Vendor' }),
		endUser: optionalText(node, itemIndex, filters.endUser, { label: 'End User' }),
	});
	const qs = compact({
		customerOrderNumber: optionalText(node, itemIndex, filters.customerOrderNumber, { label: 'Customer Order Number' }),
		ingramPurchaseOrderNumber: optionalText(node, itemIndex, filters.ingramPurchaseOrderNumber, {
			label: 'Ingram Purchase Order Number',
		}),
		serialNumber: optionalText(node, itemIndex, filters.serialNumber, { label: 'Serial Number' }),
		sort: optionalText(node, itemIndex, options.sort, { label: 'Sort By' }),
	});

	return await searchWithLimit.call(
		this,
		itemIndex,
		// a search changes nothing, so it may be resent after a 429/5xx
		{ method: 'POST', path: '/resellers/v6/renewals/search', qs, body, retry: 'retry' },
		{ parameters: 'page/size', itemsKey: 'renewals' },
	);
}
