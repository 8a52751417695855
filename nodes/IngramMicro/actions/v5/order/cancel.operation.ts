import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatDate, inputError } from '../../../../shared/input';
import { v5Identity, v5Request } from '../../../transport';
import { v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 20-RD128',
	},
	{
		displayName: 'Order Entry Date',
		name: 'entryDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The date the order was entered (Order › Get shows it as entrytimestamp)',
	},
];

export const description = v5Description('order', 'cancel', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const orderNumber = v5Text(this, 'orderNumber', itemIndex, 'Order Number');
	const entryDate = formatDate(
		node,
		itemIndex,
		this.getNodeParameter('entryDate', itemIndex, ''),
		'Order Entry Date',
	);
	if (!entryDate) throw inputError(node, itemIndex, '"Order Entry Date" is required');
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { status } = await v5Request.call(
		this,
		{
			method: 'DELETE',
			path: `/Orders/${encodeURIComponent(orderNumber)}`,
			qs: { customerNumber, isoCountryCode: countryCode, entryDate },
			// A change: sent once, never repeated by the node.
			retry: 'sendOnce',
			envelope: 'serviceresponse',
			advice:
				'Only orders not yet released to the warehouse (pending or on customer hold) can be cancelled, and never direct-ship orders. Check the Order Number and its Order Entry Date with Order › Get.',
		},
		itemIndex,
	);
	return { orderNumber, cancelled: true, message: status?.message };
}
