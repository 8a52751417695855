import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['renewal'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a renewal',
			description: 'Get the details and products of one renewal',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search renewals',
			description: 'Search the renewals of your account by status, dates, vendor or end user',
		},
	],
	default: 'search',
};

export const operations: ResourceOperations<'renewal'> = { search, get };
