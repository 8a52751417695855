import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { positiveInteger, requiredText } from '../../../shared/input';

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

/** Return All / Limit of a v5 search (Limit up to any number; pages of at most 100). */
export const v5ReturnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** undefined for Return All, else the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;
	return positiveInteger(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('limit', itemIndex, 50),
		'Limit',
	);
}

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
