import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, simplifyField } from '../../common/fields';
import { v5Identity, v5Request, withoutPreamble } from '../../../transport';
import { list, v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 20-RD128-11',
	},
	simplifyField,
];

export const description = v5Description('invoice', 'get', properties);

const SIMPLE_FIELDS = [
	'invoicenumber',
	'globalorderid',
	'invoicedate',
	'customerordernumber',
	'enduserponumber',
	'orderdate',
	'shipdate',
	'paymentterms',
	'currencycode',
	'totalsales',
	'freightamount',
	'totaltaxamount',
	'totalamount',
] as const;

const SIMPLE_LINE_FIELDS = [
	'linenumber',
	'partnumber',
	'vendorpartnumber',
	'partdescription',
	'orderedquantity',
	'shippedquantity',
	'backorderquantity',
	'unitprice',
	'extendedprice',
] as const;

/** An invoice Ingram does not find is an error (as in v6). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceNumber = v5Text(this, 'invoiceNumber', itemIndex, 'Invoice Number');
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { content } = await v5Request.call(
		this,
		{
			method: 'GET',
			path: `/invoices/${encodeURIComponent(invoiceNumber)}`,
			qs: { customerNumber, isoCountryCode: countryCode },
			retry: 'retry',
			envelope: 'serviceresponse',
			advice:
				'Check the Invoice Number (Order › Get shows the invoices of shipped orders), and the Customer Number and Country Code of the Ingram Micro credential.',
		},
		itemIndex,
	);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return withoutPreamble(content);
	const invoice = (content.invoicedetailresponse ?? {}) as IDataObject;
	return {
		...pick(invoice, SIMPLE_FIELDS),
		// Ingram's schema spells the ship-to block `shoptoaddress`; its example `shiptoaddress`.
		shipTo: invoice.shiptoaddress ?? invoice.shoptoaddress,
		lines: list(invoice.lines).map((line) => pick(line, SIMPLE_LINE_FIELDS)),
	};
}
