import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, ingramDate, inputError, optionalText } from '../../helpers/input';
import {
	filtersCollection,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	sortDirectionOption,
	textFilterOptions,
	type TextFilter,
} from '../common/fields';

/** Each is a separate yyyy-MM-dd query parameter; From/To pairs may be used one-sided. */
const DATE_FILTERS = [
	{ name: 'invoiceDate', displayName: 'Invoice Date' },
	{ name: 'invoiceFromDate', displayName: 'Invoice Date From' },
	{ name: 'invoiceToDate', displayName: 'Invoice Date To' },
	{ name: 'invoiceDueDate', displayName: 'Invoice Due Date' },
	{ name: 'invoiceFromDueDate', displayName: 'Invoice Due Date From' },
	{ name: 'invoiceToDueDate', displayName: 'Invoice Due Date To' },
	{ name: 'orderDate', displayName: 'Order Date' },
	{ name: 'orderFromDate', displayName: 'Order Date From' },
	{ name: 'orderToDate', displayName: 'Order Date To' },
	{ name: 'paymentTermsNetDate', displayName: 'Payment Terms Net Date' },
] as const;

const DATE_PAIRS = [
	['invoiceFromDate', 'invoiceToDate'],
	['invoiceFromDueDate', 'invoiceToDueDate'],
	['orderFromDate', 'orderToDate'],
] as const;

const TEXT_FILTERS: TextFilter[] = [
	{ name: 'customerOrderNumber', displayName: 'Customer Order Number', placeholder: 'e.g. PO-1042' },
	{ name: 'DeliveryNumber', displayName: 'Delivery Number', placeholder: 'e.g. 335238411' },
	{ name: 'endCustomerOrderNumber', displayName: 'End Customer Order Number' },
	{ name: 'invoiceNumber', displayName: 'Invoice Number', maxLength: 11, placeholder: 'e.g. 40-DPJ17-11' },
	{ name: 'invoiceStatus', displayName: 'Invoice Status', placeholder: 'e.g. Open' },
	{ name: 'invoiceType', displayName: 'Invoice Type', placeholder: 'e.g. Invoice' },
	{ name: 'orderNumber', displayName: 'Order Number', placeholder: 'e.g. 20-RD3QV' },
	{ name: 'serialNumber', displayName: 'Serial Number', maxLength: 32 },
	{ name: 'specialBidNumber', displayName: 'Special Bid Number' },
];

const LABELS = new Map<string, string>([...DATE_FILTERS, ...TEXT_FILTERS].map((f) => [f.name, f.displayName]));

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		...DATE_FILTERS.map<INodeProperties>((f) => ({ ...f, type: 'dateTime', default: '' })),
		...textFilterOptions(TEXT_FILTERS),
	]),
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Rule',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'orderby',
				type: 'string',
				default: '',
				placeholder: 'e.g. InvoiceDate',
				description: 'Name of the column to sort by',
			},
			sortDirectionOption('direction', 'Direction'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const { name, displayName } of DATE_FILTERS) {
		qs[name] = ingramDate(node, itemIndex, filters[name], displayName);
	}
	for (const [from, to] of DATE_PAIRS) {
		if (qs[from] && qs[to] && (qs[from] as string) > (qs[to] as string)) {
			throw inputError(node, itemIndex, `"${LABELS.get(from)}" is after "${LABELS.get(to)}" (${qs[from]} > ${qs[to]})`);
		}
	}
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	qs.orderby = optionalText(node, itemIndex, sort.orderby, { label: 'Sort By', maxLength: 32 });
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
