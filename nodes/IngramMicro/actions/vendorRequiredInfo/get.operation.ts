import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError, requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';
import { QUOTE_NUMBER_LABEL, quoteNumberLocator } from '../quote/quoteNumber';

const PRODUCTS: LinesSpec = {
	noun: 'Product',
	required: true,
	jsonExample: '[{"ingramPartNumber": "5DV320"}, {"planID": "438308"}]',
	fields: [
		{
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			kind: 'string',
			placeholder: 'e.g. 5DV320',
		},
		{ name: 'vendorPartNumber', displayName: 'Vendor Part Number', kind: 'string' },
		{
			name: 'planID',
			displayName: 'Plan ID',
			kind: 'string',
			description: 'A subscription plan',
			placeholder: 'e.g. 438308',
		},
	],
};
const IDENTIFIERS = PRODUCTS.fields.map((field) => field.name);

const showForProducts = (property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { show: { ...property.displayOptions?.show, lookUpBy: ['products'] } },
});

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'products',
		options: [
			{
				name: 'Products',
				value: 'products',
				description: 'Ingram part numbers, vendor part numbers or plan IDs',
			},
			{
				name: 'Quote Number',
				value: 'quoteNumber',
				description: 'All products of an Ingram Micro quote',
			},
		],
	},
	{ ...quoteNumberLocator, displayOptions: { show: { lookUpBy: ['quoteNumber'] } } },
	...linesProperties(PRODUCTS).map(showForProducts),
	{
		displayName:
			'Outputs one item per product with the fields its vendor requires. To order with Order › Create Async, fill in their values and pass those of hardware, software and warranty products in Vendor Mandatory Fields per Product (JSON).',
		name: 'outputNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorRequiredInfo'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	let body: IDataObject;
	if (this.getNodeParameter('lookUpBy', itemIndex) === 'quoteNumber') {
		body = {
			quoteNumber: requiredText.call(this, 'quoteNumber', itemIndex, { label: QUOTE_NUMBER_LABEL }),
		};
	} else {
		const products = readLines.call(this, itemIndex, PRODUCTS);
		products.forEach((product, index) => {
			if (!IDENTIFIERS.some((key) => product[key] !== undefined)) {
				throw inputError(
					node,
					itemIndex,
					`Product ${index + 1} needs an Ingram Part Number, a Vendor Part Number or a Plan ID`,
				);
			}
		});
		body = { products };
	}
	const response = await xiRequest.call(
		this,
		{
			method: 'POST',
			path: '/resellers/v7/vendorrequiredinfo',
			body,
			// IM-SenderID is required on this endpoint only
			extraHeaders: ['senderId'],
			// it only reads, so it may be resent
			retry: 'retry',
		},
		itemIndex,
	);
	// Ingram answers an array, one element per product (a quote yields all of its products)
	const answer = response.body;
	if (Array.isArray(answer)) return answer as IDataObject[];
	return answer && typeof answer === 'object' ? [answer as IDataObject] : [];
}
