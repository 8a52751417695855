import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as validate from './validate.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['quote'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a quote',
			description: 'Request a quote for products, or a configure-to-order quote from a deal',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a quote',
			description: 'Get the details of one quote',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search quotes',
			description: 'Search your active quotes (the last 30 days unless you filter by date)',
		},
		{
			name: 'Validate',
			value: 'validate',
			action: 'Validate a quote',
			description: 'Check a quote before ordering and list the fields the vendor requires',
		},
	],
	default: 'search',
};

export const operations: ResourceOperations<'quote'> = { create, search, get, validate };
