import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A problem with what the user entered, reported before anything is sent to Ingram. */
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
			`"${rules.label}" is ${value.length} characters long; Ingram Micro accepts at most ${rules.maxLength}`,
		);
	}
	if (rules.exactLength !== undefined && value.length !== rules.exactLength) {
		throw inputError(node, itemIndex, `"${rules.label}" must be exactly ${rules.exactLength} characters`);
	}
	return value;
}

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** A text parameter that must not be empty. Resource locators are unwrapped to their value. */
export function requiredText(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	rules: TextRules,
): string {
	const value = asText(this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }));
	if (!value) throw inputError(this.getNode(), itemIndex, `"${rules.label}" is required`);
	return checkText(this.getNode(), itemIndex, value, rules);
}

/** An optional text value (e.g. from an options collection): '' stays undefined. */
export function optionalText(
	node: INode,
	itemIndex: number,
	value: unknown,
	rules: TextRules,
): string | undefined {
	const text = asText(value);
	return text ? checkText(node, itemIndex, text, rules) : undefined;
}

/** A whole number ≥ min (quantities, line numbers, box counts). */
export function positiveInteger(node: INode, itemIndex: number, value: unknown, label: string, min = 1): number {
	const number = typeof value === 'number' ? value : Number(asText(value));
	if (!Number.isInteger(number) || number < min) {
		throw inputError(node, itemIndex, `"${label}" must be a whole number of at least ${min} (got "${asText(value)}")`);
	}
	return number;
}

/** Splits "A, B\nC" (or an array from an expression) into ['A','B','C']. */
export function textList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : asText(value).split(/[\n,;]/);
	return parts.map(asText).filter(Boolean);
}

function toDateTime(node: INode, itemIndex: number, value: unknown, label: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let date: DateTime;
	if (value instanceof Date) date = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) date = value;
	else date = DateTime.fromISO(asText(value), { setZone: true });
	if (!date.isValid) {
		throw inputError(node, itemIndex, `"${label}" is not a valid date (got "${asText(value)}")`, 'Use a date such as 2026-03-31.');
	}
	return date;
}

/**
 * n8n date fields hold ISO strings (or whatever an expression produced); Ingram wants one fixed
 * format per endpoint, e.g. `yyyy-MM-dd` for order search, `MM/dd/yyyy` for renewals.
 */
export function ingramDate(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	format = 'yyyy-MM-dd',
): string | undefined {
	return toDateTime(node, itemIndex, value, label)?.toFormat(format);
}

/** A from/to pair for Ingram's `*-bt` / `*_bt` filters: both ends are needed, in order. */
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
		Object.entries(object).filter(([, value]) => value !== undefined && value !== '' && value !== null),
	) as T;
}
