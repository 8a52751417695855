import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';

export type { BatchOperation, ItemOperation, OperationResult } from '../../shared/operations';
export { isBatchOperation } from '../../shared/operations';

export type IngramOperation = Operation;

/**
 * Every resource and its operations. The registry in router.ts is typed against this map, so an
 * operation offered here without an implementation (or the reverse) does not compile.
 */
export interface IngramMicroOperations {
	product: 'search' | 'get' | 'getPriceAndAvailability';
	order: 'create' | 'createAsync' | 'update' | 'get' | 'search' | 'cancel';
	quote: 'create' | 'search' | 'get' | 'validate';
	invoice: 'search' | 'get';
	return: 'search' | 'get' | 'create';
	renewal: 'search' | 'get';
	deal: 'search' | 'get';
	freight: 'estimate';
	vendorRequiredInfo: 'get';
}

export type IngramMicroResource = keyof IngramMicroOperations;

export type ResourceOperations<R extends IngramMicroResource> = Record<
	IngramMicroOperations[R],
	IngramOperation
>;

/** What each `actions/<resource>/index.ts` exports. */
export interface ResourceModule<R extends IngramMicroResource> {
	/** The Operation dropdown shown for this resource (one per node version where its default changed). */
	operationProperty: INodeProperties | INodeProperties[];
	operations: ResourceOperations<R>;
}
