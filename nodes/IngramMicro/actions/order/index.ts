import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as createAsync from './createAsync.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
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
			description:
				'Place an order and get the Ingram Micro order numbers at once, with any rejected lines',
		},
		{
			name: 'Create Async',
			value: 'createAsync',
			action: 'Create an order asynchronously',
			description:
				"Place an order from lines or a quote. Returns a confirmation; the result arrives as the Ingram Micro Trigger's Order Created (Async Result) event.",
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
	default: 'search',
};

/**
 * The default operation is a read, since version 1.1. n8n does not save a parameter that equals its
 * default, so an Order › Create saved by version 1 has no operation stored: version 1 keeps Create
 * as its default, or those nodes would turn into searches.
 */
export const operationProperty: INodeProperties[] = [
	{
		...operation,
		default: 'create',
		displayOptions: { show: { resource: ['order'], '@version': [1] } },
	},
	{
		...operation,
		displayOptions: { show: { resource: ['order'], '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
];

export const operations: ResourceOperations<'order'> = {
	create,
	createAsync,
	update,
	get,
	search,
	cancel,
};
