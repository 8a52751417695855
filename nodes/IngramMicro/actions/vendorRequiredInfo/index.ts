import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['vendorRequiredInfo'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get vendor required info',
			description:
				'Get the fields a vendor requires on an order for these products (vendor mandatory fields)',
		},
	],
	default: 'get',
};

export const operations: ResourceOperations<'vendorRequiredInfo'> = { get };
