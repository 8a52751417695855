// PLACEHOLDER while the resource is being written: replaced by the real module.
import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['return'] } },
	options: [],
	default: '',
};

export const operations = {} as ResourceOperations<'return'>;
