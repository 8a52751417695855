import type { INodeProperties } from 'n8n-workflow';

import type { IngramOperation } from '../types';

/**
 * The operations of Ingram's legacy Reseller API v5, by resource. The registry in resources.ts is
 * typed against this map, so an operation offered without an implementation does not compile.
 */
export interface IngramMicroV5Operations {
	product: 'search' | 'getPriceAndAvailability';
	order: 'create' | 'search' | 'get' | 'cancel';
	quote: 'search' | 'get';
	invoice: 'get';
}

export type IngramMicroV5Resource = keyof IngramMicroV5Operations;

export type V5ResourceOperations<R extends IngramMicroV5Resource> = Record<
	IngramMicroV5Operations[R],
	IngramOperation
>;

export interface V5ResourceModule<R extends IngramMicroV5Resource> {
	operationProperty: INodeProperties;
	operations: V5ResourceOperations<R>;
}
