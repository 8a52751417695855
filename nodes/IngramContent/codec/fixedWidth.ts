/**
 * One generic reader and writer for Ingram Content's fixed-width CDF records. A record type is
 * data (a RecordLayout: its fields with 1-based positions, lengths and kinds); no offsets live in
 * code. Positions not covered by a field are reserved and written as spaces.
 */

/**
 * - `alpha`: left-justified, space-filled; refused when longer than the field.
 * - `numeric`: digits only, right-justified, zero-filled.
 * - `decimal`: a number with an explicit decimal point and `decimals` places, zero-filled
 *   (`00012.99` in 8 positions).
 * - `implied`: an amount without a decimal point, its last `decimals` digits being the fraction
 *   (`0001299` is 12.99 with 2 implied places), zero-filled; with `signed`, a leading `-` marks a
 *   negative amount (an allowance).
 * - `date`: YYMMDD.
 * - `date8`: YYYYMMDD.
 * - `fixed`: always `value` (record codes, "must be N" positions).
 */
export type FieldKind = 'alpha' | 'numeric' | 'decimal' | 'implied' | 'date' | 'date8' | 'fixed';

export interface FieldSpec {
	name: string;
	/** 1-based, as Ingram's layouts number positions. */
	start: number;
	length: number;
	kind: FieldKind;
	required?: boolean;
	/** Written when no value is given. */
	default?: string | number;
	/** For `decimal` and `implied`. */
	decimals?: number;
	/** For `implied`: the first position may hold `-` for a negative amount. */
	signed?: boolean;
	/** For `fixed`. */
	value?: string;
	/** What the field means, for messages and readers. */
	label?: string;
}

export interface RecordLayout {
	/** The two-character record code, e.g. `40`. */
	code: string;
	/** What the record is, e.g. "Line item". */
	name: string;
	length: number;
	fields: readonly FieldSpec[];
}

export type FieldValue = string | number | Date | undefined | null;
export type RecordValues = Record<string, FieldValue>;

/** Positions 1–2 of every CDF record, whatever the format: its code. */
export const recordCodeField = (value: string): FieldSpec => ({
	name: 'recordCode',
	start: 1,
	length: 2,
	kind: 'fixed',
	value,
});

/** Positions 3–7 of the 80-character formats: the record's number in the file. */
export const sequenceField = (label: string, required = false): FieldSpec => ({
	name: 'sequence',
	start: 3,
	length: 5,
	kind: 'numeric',
	label,
	...(required ? { required: true } : {}),
});

/**
 * Layouts of records that all begin alike — their code, then the same leading fields (a sequence
 * number and the PO or invoice number they belong to) — followed by their own fields.
 */
export const recordsStartingWith =
	(length: number, leading: readonly FieldSpec[]) =>
	(recordCode: string, name: string, fields: FieldSpec[]): RecordLayout => ({
		code: recordCode,
		name,
		length,
		fields: [recordCodeField(recordCode), ...leading, ...fields],
	});

/** A value that does not fit its field: names the record, the field and what is wrong. */
export class CodecError extends Error {
	constructor(
		readonly record: string,
		readonly field: string,
		problem: string,
	) {
		super(`Record ${record}, field "${field}": ${problem}`);
		this.name = 'CodecError';
	}
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function asDate(layout: RecordLayout, field: FieldSpec, value: FieldValue): string {
	const long = field.kind === 'date8';
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (typeof value === 'string' && (long ? /^\d{8}$/ : /^\d{6}$/).test(value)) return value;
	else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value))
		date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
	if (!date || Number.isNaN(date.getTime())) {
		throw new CodecError(
			layout.code,
			field.label ?? field.name,
			`"${String(value)}" is not a date (use YYYY-MM-DD)`,
		);
	}
	const year = long
		? String(date.getUTCFullYear()).padStart(4, '0')
		: twoDigits(date.getUTCFullYear() % 100);
	return `${year}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}`;
}

/** The field's text for a value, exactly `field.length` characters, or a CodecError. */
export function formatField(layout: RecordLayout, field: FieldSpec, raw: FieldValue): string {
	const label = field.label ?? field.name;
	const value = raw === undefined || raw === null || raw === '' ? field.default : raw;
	if (field.kind === 'fixed') return (field.value ?? '').padEnd(field.length, ' ');
	if (value === undefined || value === '') {
		if (field.required) throw new CodecError(layout.code, label, 'is required');
		return ' '.repeat(field.length);
	}
	let text: string;
	switch (field.kind) {
		case 'alpha':
			text = String(value);
			if (!/^[\x20-\x7e]*$/.test(text)) {
				throw new CodecError(layout.code, label, 'holds characters outside printable ASCII');
			}
			if (text.length > field.length) {
				throw new CodecError(
					layout.code,
					label,
					`"${text}" is ${text.length} characters; the field holds ${field.length}`,
				);
			}
			return text.padEnd(field.length, ' ');
		case 'numeric':
			text = String(value);
			if (!/^\d+$/.test(text))
				throw new CodecError(layout.code, label, `"${text}" is not a whole number`);
			if (text.length > field.length) {
				throw new CodecError(layout.code, label, `${text} has more than ${field.length} digits`);
			}
			return text.padStart(field.length, '0');
		case 'decimal': {
			const number = typeof value === 'number' ? value : Number(value);
			if (!Number.isFinite(number) || number < 0) {
				throw new CodecError(
					layout.code,
					label,
					`"${String(value)}" is not an amount of at least 0`,
				);
			}
			text = number.toFixed(field.decimals ?? 2).padStart(field.length, '0');
			if (text.length > field.length)
				throw new CodecError(layout.code, label, `${text} does not fit ${field.length} positions`);
			return text;
		}
		case 'implied': {
			const number = typeof value === 'number' ? value : Number(value);
			const places = field.decimals ?? 2;
			if (!Number.isFinite(number) || (number < 0 && !field.signed)) {
				throw new CodecError(
					layout.code,
					label,
					`"${String(value)}" is not an amount${field.signed ? '' : ' of at least 0'}`,
				);
			}
			const units = Math.round(Math.abs(number) * 10 ** places);
			text =
				number < 0 && units > 0
					? `-${String(units).padStart(field.length - 1, '0')}`
					: String(units).padStart(field.length, '0');
			if (text.length > field.length)
				throw new CodecError(layout.code, label, `${text} does not fit ${field.length} positions`);
			return text;
		}
		case 'date':
		case 'date8':
			return asDate(layout, field, value);
	}
}

/** Writes one record: exactly `layout.length` characters, reserved positions as spaces. */
export function writeRecord(layout: RecordLayout, values: RecordValues): string {
	const chars = Array.from({ length: layout.length }, () => ' ');
	for (const field of layout.fields) {
		const text = formatField(layout, field, values[field.name]);
		for (let i = 0; i < field.length; i++) chars[field.start - 1 + i] = text[i];
	}
	return chars.join('');
}

export type ReadValue = string | number | undefined;

/** Reads one record back into values: alpha trimmed, numbers as numbers, dates as YYYY-MM-DD. */
export function readRecord(layout: RecordLayout, line: string): Record<string, ReadValue> {
	const values: Record<string, ReadValue> = {};
	for (const field of layout.fields) {
		if (field.kind === 'fixed') continue;
		const text = line.slice(field.start - 1, field.start - 1 + field.length);
		const trimmed = text.trim();
		if (trimmed === '') {
			values[field.name] = undefined;
			continue;
		}
		if (field.kind === 'alpha') values[field.name] = text.trimEnd();
		else if (field.kind === 'numeric' || field.kind === 'decimal') {
			const number = Number(trimmed);
			values[field.name] = Number.isFinite(number) ? number : trimmed;
		} else if (field.kind === 'implied') {
			const number = /^-?\d+$/.test(trimmed)
				? Number(trimmed) / 10 ** (field.decimals ?? 2)
				: Number.NaN;
			values[field.name] = Number.isFinite(number) ? number : trimmed;
		} else if (field.kind === 'date8')
			values[field.name] = /^\d{8}$/.test(trimmed)
				? `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`
				: trimmed;
		else
			values[field.name] = /^\d{6}$/.test(trimmed)
				? `20${trimmed.slice(0, 2)}-${trimmed.slice(2, 4)}-${trimmed.slice(4, 6)}`
				: trimmed;
	}
	return values;
}

/** Checks a layout table itself: fields in order, inside the record, not overlapping. */
export function layoutProblems(layout: RecordLayout): string[] {
	const problems: string[] = [];
	let end = 0;
	for (const field of layout.fields) {
		if (field.start <= end)
			problems.push(`${layout.code} ${field.name} overlaps the field before it`);
		if (field.start + field.length - 1 > layout.length)
			problems.push(`${layout.code} ${field.name} ends past ${layout.length}`);
		if (field.kind === 'fixed' && (field.value ?? '').length > field.length) {
			problems.push(`${layout.code} ${field.name}: fixed value longer than the field`);
		}
		end = field.start + field.length - 1;
	}
	return problems;
}
