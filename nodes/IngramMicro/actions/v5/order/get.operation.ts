import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, simplifyField } from '../../common/fields';
import { v5Identity, v5Request, withoutPreamble } from '../../../transport';
import { list, v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 20-RD128',
		description: 'The Ingram Micro order number, or a sub-order number such as 20-RD128-11',
	},
	simplifyField,
];

export const description = v5Description('order', 'get', properties);

const SIMPLE_FIELDS = [
	'ordernumber',
	'customerordernumber',
	'enduserponumber',
	'orderstatus',
	'ordertype',
	'entrytimestamp',
	'ordertotalvalue',
	'ordersubtotal',
	'freightamount',
	'totaltax',
	'currencycode',
	'shiptoaddress',
] as const;

const SIMPLE_LINE_FIELDS = [
	'linenumber',
	'linestatus',
	'partnumber',
	'manufacturerpartnumber',
	'vendorname',
	'partdescription1',
	'requestedquantity',
	'confirmedquantity',
	'backorderquantity',
	'unitprice',
	'extendedprice',
	'backorderetadate',
] as const;

function simplify(order: IDataObject): IDataObject {
	const lines = list(order.lines).map((line) => ({
		...pick(line, SIMPLE_LINE_FIELDS),
		trackingNumbers: Array.isArray(line.trackingnumber) ? line.trackingnumber : [],
	}));
	return {
		...pick(order, SIMPLE_FIELDS),
		trackingNumbers: [...new Set(lines.flatMap((line) => line.trackingNumbers as string[]))],
		lines,
	};
}

/** An order Ingram does not find is an error (as in v6, where it is a 404). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderNumber = v5Text(this, 'orderNumber', itemIndex, 'Order Number');
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { content } = await v5Request.call(
		this,
		{
			method: 'GET',
			path: `/Orders/${encodeURIComponent(orderNumber)}`,
			qs: { customernumber: customerNumber, isocountrycode: countryCode },
			retry: 'retry',
			envelope: 'serviceresponse',
			advice:
				'Check the Order Number (Order › Search lists your orders), and the Customer Number and Country Code of the Ingram Micro credential.',
		},
		itemIndex,
	);
	const order = (content.orderdetailresponse ?? {}) as IDataObject;
	return this.getNodeParameter('simplify', itemIndex, true)
		? simplify(order)
		: withoutPreamble(content);
}
