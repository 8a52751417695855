import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	inputError,
	jsonValue,
	nonNegativeNumber,
	positiveInteger,
	textValue,
} from '../../../shared/input';

/** One field of a line (order line, quote product, freight line, return line …). */
export interface LineField {
	name: string;
	displayName: string;
	kind: 'string' | 'integer' | 'number';
	required?: boolean;
	maxLength?: number;
	/** Send as a string although it is a number (e.g. freight `quantity`, which the spec types as string). */
	sendAsString?: boolean;
	description?: string;
	placeholder?: string;
}

export interface LinesSpec {
	/** Singular noun shown in messages, e.g. "Line", "Product". */
	noun: string;
	fields: LineField[];
	/** Shown under the JSON field. */
	jsonExample: string;
	/** At least one line is needed (false where a quote number can stand in for lines). */
	required: boolean;
}

/**
 * A required quantity starts at 1. Other number fields start empty (n8n's idiom for "no number"),
 * so that an optional price does not read as a price of 0.
 */
const fieldDefault = (field: LineField): string | number =>
	field.kind === 'integer' && field.required ? 1 : '';

/**
 * Lines come either from fields in the UI or from a JSON array (e.g. an expression over a shop
 * order's items). Both are validated the same way before anything is sent.
 */
export function linesProperties(spec: LinesSpec): INodeProperties[] {
	return [
		{
			displayName: `${spec.noun}s Input`,
			name: 'linesInput',
			type: 'options',
			options: [
				{
					name: 'Define Below',
					value: 'fields',
					description: `Enter each ${spec.noun.toLowerCase()} in the fields below`,
				},
				{
					name: 'JSON Array',
					value: 'json',
					description: `A JSON array of ${spec.noun.toLowerCase()}s, for example from an expression`,
				},
			],
			default: 'fields',
		},
		{
			displayName: `${spec.noun}s`,
			name: 'lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: `Add ${spec.noun}`,
			default: {},
			required: spec.required,
			description: spec.required ? `At least one ${spec.noun.toLowerCase()} is needed` : undefined,
			displayOptions: { show: { linesInput: ['fields'] } },
			options: [
				{
					displayName: spec.noun,
					name: 'line',
					values: spec.fields.map<INodeProperties>((field) => ({
						displayName: field.displayName,
						name: field.name,
						type: field.kind === 'string' ? 'string' : 'number',
						default: fieldDefault(field),
						required: field.required,
						description: field.description,
						placeholder: field.placeholder,
					})),
				},
			],
		},
		{
			displayName: `${spec.noun}s (JSON)`,
			name: 'linesJson',
			type: 'json',
			default: '[]',
			required: spec.required,
			displayOptions: { show: { linesInput: ['json'] } },
			description: `Fields per ${spec.noun.toLowerCase()}: ${spec.fields.map((f) => f.name).join(', ')}`,
			hint: `For example ${spec.jsonExample}`,
		},
	];
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * An optional number field at 0 means "not set": it was the fields' pre-filled value until they
 * started empty, so lines saved with it still send no price.
 */
const isUnsetNumber = (value: unknown) =>
	value === 0 || (typeof value === 'string' && value.trim() === '0');

/** Reads and validates the lines of one item; messages name the line, the field and the item. */
export function readLines(
	this: IExecuteFunctions,
	itemIndex: number,
	spec: LinesSpec,
): IDataObject[] {
	const node = this.getNode();
	const mode = this.getNodeParameter('linesInput', itemIndex, 'fields') as string;
	let raw: unknown[];
	if (mode === 'json') {
		const label = `${spec.noun}s (JSON)`;
		const parsed = jsonValue(
			node,
			itemIndex,
			this.getNodeParameter('linesJson', itemIndex, '[]'),
			label,
			[],
		);
		if (!Array.isArray(parsed)) {
			throw inputError(
				node,
				itemIndex,
				`"${label}" must be a JSON array of ${spec.noun.toLowerCase()}s, but it is ${describeValue(parsed)}`,
			);
		}
		raw = parsed;
	} else {
		const collection = this.getNodeParameter('lines', itemIndex, {}) as IDataObject;
		raw = (collection.line as IDataObject[] | undefined) ?? [];
	}

	if (spec.required && raw.length === 0) {
		throw inputError(node, itemIndex, `Add at least one ${spec.noun.toLowerCase()}`);
	}

	return raw.map((entry, index) => {
		const where = `${spec.noun} ${index + 1}`;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			throw inputError(
				node,
				itemIndex,
				`${where} must be an object with its fields, but it is ${describeValue(entry)}`,
			);
		}
		const line: IDataObject = { ...(entry as IDataObject) };
		for (const field of spec.fields) {
			const value = line[field.name];
			const label = `${where} › ${field.displayName}`;
			if (isBlank(value) || (field.kind !== 'string' && !field.required && isUnsetNumber(value))) {
				if (field.required) throw inputError(node, itemIndex, `"${label}" is required`);
				delete line[field.name];
				continue;
			}
			if (field.kind === 'string') {
				const text = textValue(node, itemIndex, value, label);
				if (field.maxLength !== undefined && text.length > field.maxLength) {
					throw inputError(
						node,
						itemIndex,
						`"${label}" is ${text.length} characters long; Ingram Micro accepts at most ${field.maxLength}`,
					);
				}
				line[field.name] = text;
			} else {
				const number =
					field.kind === 'integer'
						? positiveInteger(node, itemIndex, value, label)
						: nonNegativeNumber(node, itemIndex, value, label);
				line[field.name] = field.sendAsString ? String(number) : number;
			}
		}
		return line;
	});
}
