import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as parse from './parse.operation';

export const operations = { get, parse };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['inventory'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get inventory',
			description: 'Read Ingram’s StockV2 inventory file on the host (streamed) for your titles',
		},
		{
			name: 'Parse',
			value: 'parse',
			action: 'Parse an inventory file',
			description: 'Read a StockV2 zip or .dat from a binary field',
		},
	],
	default: 'get',
};
