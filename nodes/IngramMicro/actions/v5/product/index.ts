import type { INodeProperties } from 'n8n-workflow';

import type { V5ResourceOperations } from '../types';
import * as getPriceAndAvailability from './getPriceAndAvailability.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { apiVersion: ['v5'], resource: ['product'] } },
	options: [
		{
			name: 'Get Price and Availability',
			value: 'getPriceAndAvailability',
			action: 'Get price and availability of products with the v5 API',
			description: 'Your price and stock per SKU, 50 SKUs per request',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search products with the v5 API',
			description: 'Find products by Ingram part number, vendor part number or UPC',
		},
	],
	default: 'getPriceAndAvailability',
};

export const operations: V5ResourceOperations<'product'> = { search, getPriceAndAvailability };
