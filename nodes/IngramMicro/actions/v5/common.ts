import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';

/** The fields of one v5 operation, shown only when API Version is v5 and it is chosen. */
export function v5Description(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	const show: IDisplayOptions['show'] = {
		apiVersion: ['v5'],
		resource: [resource],
		operation: [operation],
	};
	return updateDisplayOptions({ show }, properties);
}

/** A required text parameter of a v5 operation (checked before anything is sent). */
export const v5Text = (
	context: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	label: string,
	maxLength?: number,
) => requiredText.call(context, parameter, itemIndex, { label, maxLength });

export const tooManyPages = (context: IExecuteFunctions, itemIndex: number) => () =>
	new NodeOperationError(
		context.getNode(),
		'The search returned more than 1,000 pages; narrow it with filters',
		{ itemIndex },
	);

export const list = (value: unknown): IDataObject[] =>
	Array.isArray(value)
		? (value.filter((entry) => entry && typeof entry === 'object') as IDataObject[])
		: [];
