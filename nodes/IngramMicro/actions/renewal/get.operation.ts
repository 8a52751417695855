import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { idLocator, pick, simplifyField } from '../common/fields';

const properties: INodeProperties[] = [
	idLocator({
		name: 'renewalId',
		displayName: 'Renewal',
		placeholder: 'e.g. 4239056',
		description:
			'The Ingram Micro renewal ID, as a renewal search returns it. ' +
			'In the list, type an end user, a vendor or your order number to find it.',
		listSearch: 'searchRenewals',
	}),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['renewal'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'renewalId',
	'status',
	'vendor',
	'endUser',
	'expirationDate',
	'renewalValue',
	'customerOrderNumber',
	'ingramOrderNumber',
	'ingramPurchaseOrderNumber',
	'referenceNumber',
	'products',
] as const;

const SIMPLE_PRODUCT_FIELDS = [
	'ingramPartNumber',
	'vendorPartNumber',
	'productDescription',
	'quantity',
	'unitPrice',
] as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const renewalId = requiredText.call(this, 'renewalId', itemIndex, { label: 'Renewal' });
	const response = await xiRequest.call(
		this,
		{
			method: 'GET',
			path: `/resellers/v6/renewals/${encodeURIComponent(renewalId)}`,
			retry: 'retry',
		},
		itemIndex,
	);
	const body = response.body as IDataObject;
	if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return body;
	return pick(body, SIMPLE_FIELDS, { products: SIMPLE_PRODUCT_FIELDS });
}
