import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { v5Identity, v5Request } from '../../../transport';
import { list, v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Part Number',
		name: 'partNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1AQ821',
		description: 'An Ingram Micro part number, a vendor part number or a UPC',
	},
];

export const description = v5Description('product', 'search', properties);

/** One output item per product found; nothing found is no items, not an error (as in v6). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const partNumber = v5Text(this, 'partNumber', itemIndex, 'Part Number');
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { content, empty } = await v5Request.call(
		this,
		{
			method: 'GET',
			path: '/Catalog',
			qs: { customerNumber, isoCountryCode: countryCode, partNumber },
			retry: 'retry',
			envelope: 'serviceresponse',
			advice:
				'Check the Part Number, and the Customer Number and Country Code of the Ingram Micro credential.',
			isEmptyResult: (status) => status.code === '404' || /not available/i.test(status.message),
		},
		itemIndex,
	);
	if (empty) return [];
	return list(content.productsearchresponse).flatMap((block) => list(block.partnumbers));
}
