import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deal'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a deal',
			description: 'Get the details and approved products of one deal (special bid)',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search deals',
			description: 'Search the deals (special bids) of your account by end user, vendor or deal ID',
		},
	],
	default: 'search',
};

export const operations: ResourceOperations<'deal'> = { search, get };
