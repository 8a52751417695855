import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, simplifyField } from '../../common/fields';
import { v5Identity, v5Request, withoutPreamble } from '../../../transport';
import { list, v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Quote Number',
		name: 'quoteNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. QUO-02973-V6H8R6',
	},
	simplifyField,
];

export const description = v5Description('quote', 'get', properties);

const SIMPLE_FIELDS = [
	'quoteNumber',
	'quoteName',
	'revisionNumber',
	'status',
	'currencyCode',
	'created',
	'modified',
	'quoteExpiryDate',
	'endUser',
	'vendorAttributes',
] as const;

const SIMPLE_PRODUCT_FIELDS = [
	'lineNumber',
	'sku',
	'vendorPartNumber',
	'description',
	'quantity',
	'price',
] as const;

/** A quote Ingram does not find is an error (as in v6). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const quoteNumber = v5Text(this, 'quoteNumber', itemIndex, 'Quote Number');
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { content } = await v5Request.call(
		this,
		{
			method: 'GET',
			path: `/quote/${encodeURIComponent(quoteNumber)}`,
			qs: { customerNumber, isoCountryCode: countryCode },
			retry: 'retry',
			envelope: 'quoteDetailResponse',
			advice:
				'Check the Quote Number (Quote › Search lists your quotes), and the Customer Number and Country Code of the Ingram Micro credential.',
		},
		itemIndex,
	);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return withoutPreamble(content);
	return {
		...pick((content.retrieveQuoteResponse ?? {}) as IDataObject, SIMPLE_FIELDS),
		totalQuantity: content.totalQuantity,
		totalExtendedQuotePrice: content.totalExtendedQuotePrice,
		products: list(content.quoteProductList).map((product) => pick(product, SIMPLE_PRODUCT_FIELDS)),
	};
}
