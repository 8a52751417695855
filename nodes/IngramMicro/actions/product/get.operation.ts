import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { idLocator, pick, simplifyField } from '../common/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'ingramPartNumber',
		options: [
			{ name: 'Ingram Part Number', value: 'ingramPartNumber' },
			{ name: 'Plan ID', value: 'planId', description: 'A subscription plan' },
			{ name: 'Plan Name', value: 'planName', description: 'A subscription plan' },
			{ name: 'Vendor Part Number', value: 'vendorPartNumber' },
		],
	},
	{
		...idLocator({
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			placeholder: 'e.g. 3YD012',
			description:
				'Ingram Micro SKU of the product (details by SKU exist in the US, India and the Netherlands). ' +
				'In the list, type part numbers or words of the description to find it.',
			listSearch: 'searchProducts',
		}),
		displayOptions: { show: { lookUpBy: ['ingramPartNumber'] } },
	},
	{
		displayName: 'Vendor Part Number',
		name: 'vendorPartNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4XR32UT#ABA',
		displayOptions: { show: { lookUpBy: ['vendorPartNumber'] } },
	},
	{
		displayName: 'Plan ID',
		name: 'planId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { lookUpBy: ['planId'] } },
	},
	{
		displayName: 'Plan Name',
		name: 'planName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { lookUpBy: ['planName'] } },
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'ingramPartNumber',
	'vendorPartNumber',
	'customerPartNumber',
	'upc',
	'description',
	'vendorName',
	'vendorNumber',
	'productCategory',
	'productSubcategory',
	'productClass',
	'productStatusCode',
	'productAuthorized',
	'planId',
	'planName',
] as const;

const LABELS: Record<string, string> = {
	ingramPartNumber: 'Ingram Part Number',
	vendorPartNumber: 'Vendor Part Number',
	planId: 'Plan ID',
	planName: 'Plan Name',
};

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const lookUpBy = this.getNodeParameter('lookUpBy', itemIndex) as string;
	const value = requiredText.call(this, lookUpBy, itemIndex, {
		label: LABELS[lookUpBy] ?? lookUpBy,
	});
	const request =
		lookUpBy === 'ingramPartNumber'
			? { path: `/resellers/v6/catalog/details/${encodeURIComponent(value)}` }
			: { path: '/resellers/v6/catalog/details', qs: { [lookUpBy]: value } };
	const { body } = await xiRequest.call(
		this,
		{ method: 'GET', retry: 'retry', ...request },
		itemIndex,
	);
	const records = (Array.isArray(body) ? body : [body]) as IDataObject[];
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? records.map((record) => pick(record, SIMPLE_FIELDS)) : records;
}
