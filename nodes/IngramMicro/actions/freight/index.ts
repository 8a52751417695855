import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as estimate from './estimate.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['freight'] } },
	options: [
		{
			name: 'Estimate',
			value: 'estimate',
			action: 'Estimate freight',
			description:
				'Estimate the freight charges and carrier options for products before ordering them',
		},
	],
	default: 'estimate',
};

export const operations: ResourceOperations<'freight'> = { estimate };
