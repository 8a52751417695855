import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A problem with what the user entered, reported before anything is sent. */
export function inputError(node: INode, itemIndex: number, message: string, description?: string) {
	return new NodeOperationError(node, `${message} [item ${itemIndex}]`, { itemIndex, description });
}

interface TextRules {
	/** Label the user sees in the node UI. */
	label: string;
	maxLength?: number;
	exactLength?: number;
}

function checkText(node: INode, itemIndex: number, value: string, rules: TextRules): string {
	if (rules.maxLength !== undefined && value.length > rules.maxLength) {
		throw inputError(
			node,
			itemIndex,
			`"${rules.label}" is ${value.length} characters long; at most ${rules.maxLength} are allowed`,
		);
	}
	if (rules.exactLength !== undefined && value.length !== rules.exactLength) {
		throw inputError(
			node,
			itemIndex,
			`"${rules.label}" must be exactly ${rules.exactLength} characters`,
		);
	}
	return value;
}

/** The value in words, for messages about a value of the wrong kind. */
export function describeValue(value: unknown): string {
	if (Array.isArray(value)) return `a list (${shorten(JSON.stringify(value))})`;
	if (value instanceof Date || DateTime.isDateTime(value)) return 'a date';
	if (value !== null && typeof value === 'object')
		return `an object (${shorten(JSON.stringify(value))})`;
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (typeof value === 'number') return `the number ${value}`;
	return `"${shorten(String(value))}"`;
}

const shorten = (text: string | undefined) => {
	const value = text ?? '';
	return value.length > 60 ? `${value.slice(0, 57)}…` : value;
};

const EXPRESSION_HINT =
	'If the value comes from an expression, make it return a single value, e.g. {{ $json.order.number }} rather than {{ $json.order }}.';

/**
 * Text from a field or an expression. Strings and plain numbers are text; lists, objects and
 * booleans are refused rather than sent as "[object Object]", "A,B" or "true".
 */
export function textValue(node: INode, itemIndex: number, value: unknown, label: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value) && !/e/i.test(String(value)))
		return String(value);
	throw inputError(
		node,
		itemIndex,
		`"${label}" must be text, but it is ${describeValue(value)}`,
		EXPRESSION_HINT,
	);
}

/** A text parameter that must not be empty. Resource locators are unwrapped to their value. */
export function requiredText(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	rules: TextRules,
): string {
	const node = this.getNode();
	const value = textValue(
		node,
		itemIndex,
		this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }),
		rules.label,
	);
	if (!value) throw inputError(node, itemIndex, `"${rules.label}" is required`);
	return checkText(node, itemIndex, value, rules);
}

/** An optional text value (e.g. from an options collection): '' stays undefined. */
export function optionalText(
	node: INode,
	itemIndex: number,
	value: unknown,
	rules: TextRules,
): string | undefined {
	const text = textValue(node, itemIndex, value, rules.label);
	return text ? checkText(node, itemIndex, text, rules) : undefined;
}

/**
 * A whole number ≥ min (quantities, line numbers, box counts): a number, or digits as text.
 * Booleans, lists, fractions, exponent notation (1e21) and numbers beyond 2^53 are refused.
 */
export function positiveInteger(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	min = 1,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+\s*$/.test(value)
				? Number(value)
				: NaN;
	if (!Number.isSafeInteger(number) || number < min || /e/i.test(String(value))) {
		throw inputError(
			node,
			itemIndex,
			`"${label}" must be a whole number of at least ${min}, but it is ${describeValue(value)}`,
			typeof value === 'object' || typeof value === 'boolean' ? EXPRESSION_HINT : undefined,
		);
	}
	return number;
}

/** A decimal number ≥ 0 (prices): a number, or decimal digits as text; no exponent notation. */
export function nonNegativeNumber(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
				? Number(value)
				: NaN;
	if (!Number.isFinite(number) || number < 0 || /e/i.test(String(value))) {
		throw inputError(
			node,
			itemIndex,
			`"${label}" must be a number of at least 0, but it is ${describeValue(value)}`,
			typeof value === 'object' || typeof value === 'boolean' ? EXPRESSION_HINT : undefined,
		);
	}
	return number;
}

/** A switch, or an expression giving true/false (also as the text "true"/"false"). */
export function booleanValue(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw inputError(
		node,
		itemIndex,
		`"${label}" must be true or false, but it is ${describeValue(value)}`,
		EXPRESSION_HINT,
	);
}

/**
 * Splits "A, B\nC" into ['A','B','C']; a list from an expression is taken entry by entry. Each
 * entry must be text or a number (an object in the list is refused, naming its position).
 */
export function textList(node: INode, itemIndex: number, value: unknown, label: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) {
		return value
			.map((entry: unknown, position) => {
				if (typeof entry === 'string') return entry.trim();
				if (typeof entry === 'number' && Number.isFinite(entry) && !/e/i.test(String(entry)))
					return String(entry);
				throw inputError(
					node,
					itemIndex,
					`"${label}" must be a list of texts, but entry ${position + 1} is ${describeValue(entry)}`,
					EXPRESSION_HINT,
				);
			})
			.filter(Boolean);
	}
	return textValue(node, itemIndex, value, label)
		.split(/[\n,;]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/**
 * A JSON field (type json, or an expression): a string is parsed, and a parse error names the
 * field, the item and where the JSON broke; a value an expression already produced is used as is.
 */
export function jsonValue(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	empty: unknown,
): unknown {
	if (value === undefined || value === null) return empty;
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (!text) return empty;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const reason = (error as Error).message;
		const position = Number(/at position (\d+)/.exec(reason)?.[1] ?? NaN);
		let where = '';
		if (Number.isInteger(position)) {
			const before = text.slice(0, position);
			const line = before.split('\n').length;
			const column = position - before.lastIndexOf('\n');
			where = ` at line ${line}, column ${column}, near "${shorten(text.slice(Math.max(0, position - 15), position + 15))}"`;
		}
		throw inputError(
			node,
			itemIndex,
			`"${label}" is not valid JSON${where}`,
			`The JSON parser said: ${reason}`,
		);
	}
}

function toDateTime(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let date: DateTime;
	if (value instanceof Date) date = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) date = value;
	else if (typeof value === 'string') date = DateTime.fromISO(value.trim(), { setZone: true });
	else {
		throw inputError(
			node,
			itemIndex,
			`"${label}" must be a date, but it is ${describeValue(value)}`,
			'Use a date such as 2026-03-31.',
		);
	}
	if (!date.isValid) {
		throw inputError(
			node,
			itemIndex,
			`"${label}" is not a valid date (got ${describeValue(value)})`,
			'Use a date such as 2026-03-31.',
		);
	}
	return date;
}

/**
 * n8n date fields hold ISO strings (or whatever an expression produced); APIs want one fixed
 * format per endpoint, e.g. `yyyy-MM-dd` for order search, `MM/dd/yyyy` for renewals.
 */
export function formatDate(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	format = 'yyyy-MM-dd',
): string | undefined {
	return toDateTime(node, itemIndex, value, label)?.toFormat(format);
}

/** A from/to pair for a date-range filter: both ends are needed, in order. */
export function dateRange(
	node: INode,
	itemIndex: number,
	range: IDataObject | undefined,
	label: string,
	format = 'yyyy-MM-dd',
): [string, string] | undefined {
	if (!range) return undefined;
	const from = toDateTime(node, itemIndex, range.from, `${label} From`);
	const to = toDateTime(node, itemIndex, range.to, `${label} To`);
	if (!from && !to) return undefined;
	if (!from || !to) throw inputError(node, itemIndex, `"${label}" needs both a From and a To date`);
	if (from.startOf('day') > to.startOf('day')) {
		throw inputError(
			node,
			itemIndex,
			`"${label}" starts after it ends (${from.toFormat('yyyy-MM-dd')} > ${to.toFormat('yyyy-MM-dd')})`,
		);
	}
	return [from.toFormat(format), to.toFormat(format)];
}

/** Drops undefined and '' so that only what the user set is sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) => value !== undefined && value !== '' && value !== null,
		),
	) as T;
}
