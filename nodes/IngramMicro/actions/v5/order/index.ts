import type { INodeProperties } from 'n8n-workflow';

import type { V5ResourceOperations } from '../types';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { apiVersion: ['v5'], resource: ['order'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel an order with the v5 API',
			description: 'Cancel an order not yet released to the warehouse',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an order with the v5 API',
			description: 'Place an order',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order with the v5 API',
			description: 'Get the details, status and tracking of an order',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search orders with the v5 API',
			description: 'Search your orders',
		},
	],
	// A read, so that a node added by mistake changes nothing.
	default: 'search',
};

export const operations: V5ResourceOperations<'order'> = { create, search, get, cancel };
