import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as createAsync from './createAsync.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel an order',
			description: 'Cancel an order that is on customer hold and not yet released',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an order',
			description: 'Place an order and get the Ingram Micro order numbers at once, with any rejected lines',
		},
		{
			name: 'Create Async',
			value: 'createAsync',
			action: 'Create an order asynchronously',
			description:
				'Place an order from lines or a quote (v7). Returns a confirmation; the result arrives via the Ingram Micro Trigger (order status webhook).',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order',
			description: 'Get the details, status and tracking of an order',
		},
		{ name: 'Search', value: 'search', action: 'Search orders', description: 'Search your orders' },
		{
			name: 'Update',
			value: 'update',
			action: 'Update an order',
			description:
				'Add, change or delete lines, change the Ship-To, or release an order placed on customer hold (within 24 hours)',
		},
	],
	default: 'create',
};

export const operations: ResourceOperations<'order'> = { create, createAsync, update, get, search, cancel };
