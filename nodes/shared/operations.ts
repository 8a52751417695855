import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What a per-item operation returns: one record, or several (each becomes an output item). */
export type OperationResult = IDataObject | IDataObject[];

/** Runs once per input item; the item loop pairs every result with that item. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/**
 * Runs once for all input items, for operations that must batch across items (e.g. pricing 50
 * SKUs per call). It pairs its own output items and honours continueOnFail.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

export const isBatchOperation = (operation: Operation): operation is BatchOperation =>
	'executeBatch' in operation;
