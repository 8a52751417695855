import type { INodeProperties } from 'n8n-workflow';

import type { V5ResourceOperations } from '../types';
import * as get from './get.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { apiVersion: ['v5'], resource: ['invoice'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an invoice with the v5 API',
			description: 'Get an invoice and its lines',
		},
	],
	default: 'get',
};

export const operations: V5ResourceOperations<'invoice'> = { get };
