import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { idLocator, pick, simplifyField } from '../common/fields';

const properties: INodeProperties[] = [
	idLocator({
		name: 'dealId',
		displayName: 'Deal',
		placeholder: 'e.g. 12345678',
		description:
			'The deal or special bid number. ' +
			'In the list, where each deal shows its vendor, type a deal ID, an end user or a vendor to find it.',
		listSearch: 'searchDeals',
	}),
	{
		displayName: 'Vendor Name',
		name: 'vendorName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Cisco',
		description: 'The vendor of the deal (Ingram Micro needs it to find the bid)',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['deal'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'dealId',
	'version',
	'vendor',
	'endUser',
	'dealReceivedOn',
	'dealExpiryDate',
	'priceProtectionEndDate',
	'currencyCode',
	'extendedMsrp',
	'products',
] as const;

const SIMPLE_PRODUCT_FIELDS = [
	'ingramPartNumber',
	'vendorPartNumber',
	'productDescription',
	'standardPrice',
	'msrp',
	'approvedQuantity',
	'remainingQuantity',
	'expirationDate',
	'daysRemaining',
] as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const dealId = requiredText.call(this, 'dealId', itemIndex, { label: 'Deal' });
	const vendorName = requiredText.call(this, 'vendorName', itemIndex, { label: 'Vendor Name' });
	const response = await xiRequest.call(
		this,
		{
			method: 'GET',
			// deal IDs may contain spaces, e.g. "TEST-RESEU DISC"
			path: `/resellers/v6/deals/${encodeURIComponent(dealId)}`,
			qs: { vendorName },
			// deal details want IM-ApplicationId, with this casing
			extraHeaders: ['applicationIdMixedCase'],
			retry: 'retry',
		},
		itemIndex,
	);
	const body = response.body as IDataObject;
	if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return body;
	return pick(body, SIMPLE_FIELDS, { products: SIMPLE_PRODUCT_FIELDS });
}
