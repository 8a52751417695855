import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an invoice',
			description: 'Get the details of one invoice',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search invoices',
			description: 'Search your invoices',
		},
	],
	default: 'search',
};

export const operations: ResourceOperations<'invoice'> = { search, get };
