import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** The `json` of an error item under "Continue (using error output)": what went wrong and where. */
export function errorJson(error: unknown): IDataObject {
	const e = error as NodeApiError & { context?: IDataObject };
	return {
		error: e.message,
		...(e.description ? { description: e.description } : {}),
		...(e.httpCode ? { httpCode: e.httpCode } : {}),
	};
}

/**
 * Records the item on an n8n error that does not name one yet. (Wrapping it again would not:
 * `new NodeOperationError(node, error, { itemIndex })` returns an existing NodeOperationError as is.)
 */
export function forItem<E>(error: E, itemIndex: number): E {
	if (error instanceof NodeApiError || error instanceof NodeOperationError)
		error.context.itemIndex ??= itemIndex;
	return error;
}

/** Re-throws as the n8n error type it already is, tagged with the item. */
export function rethrowForItem(this: IExecuteFunctions, error: unknown, itemIndex: number): never {
	if (error instanceof NodeApiError || error instanceof NodeOperationError)
		throw forItem(error, itemIndex);
	throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
}
