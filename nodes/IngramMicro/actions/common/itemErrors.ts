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

/** Re-throws as the n8n error type it already is, tagged with the item (lint: no bare rethrow). */
export function rethrowForItem(this: IExecuteFunctions, error: unknown, itemIndex: number): never {
	if (error instanceof NodeApiError) throw error;
	if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
	throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
}
