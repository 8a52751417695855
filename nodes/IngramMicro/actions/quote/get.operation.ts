import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { pick, simplifyField } from '../common/fields';
import { QUOTE_NUMBER_LABEL, quoteNumberLocator } from './quoteNumber';

const properties: INodeProperties[] = [quoteNumberLocator, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['quote'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'quoteNumber',
	'quoteName',
	'revision',
	'status',
	'statusReason',
	'quoteType',
	'ingramQuoteDate',
	'lastModifiedDate',
	'ingramQuoteExpiryDate',
	'currencyCode',
	'specialBidId',
	'specialBidExpirationDate',
	'vendorQuoteNumber',
	'endUserInfo',
	'productsCount',
	'quantityTotal',
	'extendedQuotePriceTotal',
	'totalQuoteAmount',
] as const;

const SIMPLE_PRODUCT_FIELDS = [
	'lineNumber',
	'ingramPartNumber',
	'vendorPartNumber',
	'vendorName',
	'description',
	'quantity',
];

/** Products keep what an order needs; the price block (discounts, fees, MSRP …) shrinks to the quote price. */
function simplifyQuote(quote: IDataObject): IDataObject {
	const products = Array.isArray(quote.products) ? (quote.products as IDataObject[]) : undefined;
	return {
		...pick(quote, SIMPLE_FIELDS),
		...(products && {
			products: products.map((product) => {
				const price = (product.price ?? {}) as IDataObject;
				return {
					...pick(product, SIMPLE_PRODUCT_FIELDS),
					...pick(price, ['quotePrice', 'extendedQuotePrice']),
				};
			}),
		}),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const quoteNumber = requiredText.call(this, 'quoteNumber', itemIndex, {
		label: QUOTE_NUMBER_LABEL,
	});
	const { body } = await xiRequest.call(
		this,
		{
			method: 'GET',
			path: `/resellers/v6/quotes/${encodeURIComponent(quoteNumber)}`,
			retry: 'retry',
		},
		itemIndex,
	);
	const quote = (body ?? {}) as IDataObject;
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyQuote(quote) : quote;
}
