import type { INodeProperties } from 'n8n-workflow';

import type { V5ResourceOperations } from '../types';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { apiVersion: ['v5'], resource: ['quote'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a quote with the v5 API',
			description: 'Get a quote and its lines',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search quotes with the v5 API',
			description: 'Search your quotes',
		},
	],
	default: 'search',
};

export const operations: V5ResourceOperations<'quote'> = { search, get };
