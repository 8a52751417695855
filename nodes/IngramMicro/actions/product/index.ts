import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getPriceAndAvailability from './getPriceAndAvailability.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a product',
			description: 'Get the catalog details of one product',
		},
		{
			name: 'Get Price and Availability',
			value: 'getPriceAndAvailability',
			action: 'Get price and availability of products',
			description: 'Your price and stock per SKU, 50 SKUs per request',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search products',
			description: 'Search the catalog',
		},
	],
	default: 'getPriceAndAvailability',
};

export const operations: ResourceOperations<'product'> = { search, get, getPriceAndAvailability };
