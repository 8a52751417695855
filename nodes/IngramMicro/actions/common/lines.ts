import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError } from '../../helpers/input';

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
				{ name: 'Define Below', value: 'fields', description: `Enter each ${spec.noun.toLowerCase()} in the fields below` },
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
			displayOptions: { show: { linesInput: ['fields'] } },
			options: [
				{
					displayName: spec.noun,
					name: 'line',
					values: spec.fields.map<INodeProperties>((field) => ({
						displayName: field.displayName,
						name: field.name,
						type: field.kind === 'string' ? 'string' : 'number',
						default: field.kind === 'string' ? '' : field.kind === 'integer' && field.required ? 1 : 0,
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
			displayOptions: { show: { linesInput: ['json'] } },
			description: `Fields per ${spec.noun.toLowerCase()}: ${spec.fields.map((f) => f.name).join(', ')}`,
			hint: `For example ${spec.jsonExample}`,
		},
	];
}

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** Reads and validates the lines of one item; messages name the line, the field and the item. */
export function readLines(this: IExecuteFunctions, itemIndex: number, spec: LinesSpec): IDataObject[] {
	const node = this.getNode();
	const mode = this.getNodeParameter('linesInput', itemIndex, 'fields') as string;
	let raw: unknown[];
	if (mode === 'json') {
		const value = this.getNodeParameter('linesJson', itemIndex, '[]') as unknown;
		const parsed = typeof value === 'string' ? jsonParse<unknown>(value || '[]', { fallbackValue: undefined }) : value;
		if (!Array.isArray(parsed)) {
			throw inputError(node, itemIndex, `"${spec.noun}s (JSON)" must be a JSON array of ${spec.noun.toLowerCase()}s`);
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
			throw inputError(node, itemIndex, `${where} is not an object`);
		}
		const line: IDataObject = { ...(entry as IDataObject) };
		for (const field of spec.fields) {
			const value = line[field.name];
			const label = `${where}: "${field.displayName}"`;
			if (isBlank(value) || (field.kind !== 'string' && !field.required && Number(value) === 0)) {
				if (field.required) throw inputError(node, itemIndex, `${label} is required`);
				delete line[field.name];
				continue;
			}
			if (field.kind === 'string') {
				const text = String(value).trim();
				if (field.maxLength !== undefined && text.length > field.maxLength) {
					throw inputError(
						node,
						itemIndex,
						`${label} is ${text.length} characters long; Ingram Micro accepts at most ${field.maxLength}`,
					);
				}
				line[field.name] = text;
			} else {
				const number = Number(value);
				const valid = field.kind === 'integer' ? Number.isInteger(number) && number >= 1 : Number.isFinite(number) && number >= 0;
				if (!valid) {
					throw inputError(
						node,
						itemIndex,
						`${label} must be ${field.kind === 'integer' ? 'a whole number of at least 1' : 'a number'} (got "${String(value)}")`,
					);
				}
				line[field.name] = field.sendAsString ? String(number) : number;
			}
		}
		return line;
	});
}
