import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as parse from './parse.operation';

export const operations = { getMany, parse };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['acknowledgement'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get acknowledgements',
			description:
				'Read Ingram’s order acknowledgements (.fbc) from the host: one item per PO with its outcome',
		},
		{
			name: 'Parse',
			value: 'parse',
			action: 'Parse an acknowledgement file',
			description: 'Read an acknowledgement file (.fbc) from a binary field',
		},
	],
	default: 'getMany',
};
