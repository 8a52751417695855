import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['return'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a return',
			description: 'Request a return (RMA) for invoiced products',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a return',
			description: 'Get the details of one return request',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search returns',
			description: 'Search your return requests and claims',
		},
	],
	default: 'search',
};

export const operations: ResourceOperations<'return'> = { search, get, create };
