import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What a per-item operation returns: one record, or several (each becomes an output item). */
export type OperationResult = IDataObject | IDataObject[];

/** Runs once per input item; the router pairs every result with that item. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/**
 * Runs once for all input items, for operations that must batch across items (price and
 * availability: 50 SKUs per call). It pairs its own output items and honours continueOnFail.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type IngramOperation = ItemOperation | BatchOperation;

export const isBatchOperation = (operation: IngramOperation): operation is BatchOperation =>
	'executeBatch' in operation;

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

export type ResourceOperations<R extends IngramMicroResource> = Record<IngramMicroOperations[R], IngramOperation>;

/** What each `actions/<resource>/index.ts` exports. */
export interface ResourceModule<R extends IngramMicroResource> {
	/** The Operation dropdown shown for this resource (one per node version where its default changed). */
	operationProperty: INodeProperties | INodeProperties[];
	operations: ResourceOperations<R>;
}
