import type { INodeProperties } from 'n8n-workflow';

import * as buildFile from './buildFile.operation';
import * as send from './send.operation';
import * as validate from './validate.operation';

export const operations = { send, buildFile, validate };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	options: [
		{
			name: 'Build File',
			value: 'buildFile',
			action: 'Build an order file',
			description: 'Write orders as a CDF order file (.fbo) to upload yourself',
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send orders',
			description: 'Upload orders to Ingram’s CDF host, each PO once',
		},
		{
			name: 'Validate',
			value: 'validate',
			action: 'Validate orders',
			description: 'Check orders against Ingram’s and your rules without sending them',
		},
	],
	default: 'send',
};
