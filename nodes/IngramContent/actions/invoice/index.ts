import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as parse from './parse.operation';

export const operations = { getMany, parse };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get invoices',
			description: 'Read Ingram’s invoices (.BIN): one item per invoice, fees marked',
		},
		{
			name: 'Parse',
			value: 'parse',
			action: 'Parse an invoice file',
			description: 'Read an invoice file (.BIN) from a binary field',
		},
	],
	default: 'getMany',
};
