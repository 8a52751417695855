import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as parse from './parse.operation';

export const operations = { getMany, parse };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['shipment'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get shipments',
			description:
				'Read Ingram’s advance ship notices (.PBS): one item per shipped order with tracking',
		},
		{
			name: 'Parse',
			value: 'parse',
			action: 'Parse a ship notice file',
			description: 'Read a ship notice file (.PBS) from a binary field',
		},
	],
	default: 'getMany',
};
