import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { idLocator, pick, simplifyField } from '../common/fields';

const properties: INodeProperties[] = [
	idLocator({
		name: 'invoiceNumber',
		displayName: 'Invoice Number',
		placeholder: 'e.g. 40-DPJ17-11',
		description:
			'The Ingram Micro invoice (invoices of the last 2 years). ' +
			'In the list, type an invoice number, an order number or your PO number to find it.',
		listSearch: 'searchInvoices',
	}),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Lookup Type',
				name: 'customerType',
				type: 'options',
				default: 'invoice',
				options: [
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Order', value: 'order' },
				],
				description:
					'Ingram Micro documents this setting only as "invoice or order", with Invoice as its example. Leave it out unless Ingram Micro asks you to set it.',
			},
			{
				displayName: 'Include Serial Numbers',
				name: 'includeSerialNumbers',
				type: 'boolean',
				default: false,
				description: 'Whether to return the serial numbers of the invoiced products',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'invoiceNumber',
	'invoiceStatus',
	'invoiceType',
	'invoiceDate',
	'invoiceDueDate',
	'customerOrderNumber',
	'endCustomerOrderNumber',
	'orderNumber',
	'ingramOrderNumber',
	'orderDate',
	'paymentTermsInfo',
] as const;

const SIMPLE_LINE_FIELDS = [
	'ingramLineNumber',
	'customerLineNumber',
	'ingramPartNumber',
	'vendorPartNumber',
	'productDescription',
	'quantity',
	'unitPrice',
	'extendedPrice',
	'currencyCode',
	'serialNumbers',
];

/** What accounting needs: header, amounts due and the priced lines, without addresses and FX detail. */
function simplifyInvoice(invoice: IDataObject): IDataObject {
	const lines = Array.isArray(invoice.lines) ? (invoice.lines as IDataObject[]) : undefined;
	const summary = (invoice.summary ?? {}) as IDataObject;
	return compact({
		...pick(invoice, SIMPLE_FIELDS),
		totals: summary.totals as IDataObject | undefined,
		lines: lines?.map((line) => pick(line, SIMPLE_LINE_FIELDS)),
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceNumber = requiredText.call(this, 'invoiceNumber', itemIndex, {
		label: 'Invoice Number',
		maxLength: 12,
	});
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { body } = await xiRequest.call(
		this,
		{
			method: 'GET',
			path: `/resellers/v6.1/invoices/${encodeURIComponent(invoiceNumber)}`,
			qs: compact({
				customerType: options.customerType,
				includeSerialNumbers: options.includeSerialNumbers,
			}),
			extraHeaders: ['applicationId'],
			retry: 'retry',
		},
		itemIndex,
	);
	const invoice = (body ?? {}) as IDataObject;
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyInvoice(invoice) : invoice;
}
