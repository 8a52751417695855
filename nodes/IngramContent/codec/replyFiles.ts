/**
 * What the readers of Ingram Content's reply files share: cutting a file into records, spotting
 * the short "try again later" texts Ingram leaves instead of a reply, reading one field of a
 * record against its layout (strictly: digits where numbers belong, real dates), and the one
 * error every reader throws for bad input, naming the file, the record and the field.
 */
import type { FieldSpec, RecordLayout } from './fixedWidth';

export type ReplyFileKind = 'acknowledgement' | 'ship notice' | 'invoice';

/** Printable form of a piece of a file for messages (control characters shown as `?`). */
const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

/** Bad input in a reply file: which file, which record (1-based), which field, and what is wrong. */
export class ReplyFileError extends Error {
	readonly recordCode: string;

	constructor(
		readonly kind: ReplyFileKind,
		readonly file: string,
		/** 1-based; 0 when the problem is the file as a whole. */
		readonly record: number,
		recordCode: string,
		readonly field: string,
		readonly problem: string,
	) {
		const code = printable(recordCode);
		const where = record > 0 ? `, record ${record}${code.trim() ? ` (${code})` : ''}` : '';
		super(`${kind} ${file}${where}, field "${field}": ${problem}`);
		this.name = 'ReplyFileError';
		this.recordCode = code;
	}
}

/**
 * The records of a reply file. Records come separated by CRLF, by LF (or CR), or not separated at
 * all; a line longer than one record is cut every `recordLength` characters. Blank lines and
 * whitespace after the last record are dropped; a record may be shorter than `recordLength` (its
 * trailing spaces stripped on the way) and is returned as it came.
 */
export function splitReplyRecords(text: string, recordLength: number): string[] {
	const records: string[] = [];
	for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
		if (line.length <= recordLength) {
			if (line.trim() !== '') records.push(line);
			continue;
		}
		for (let start = 0; start < line.length; start += recordLength) {
			const record = line.slice(start, start + recordLength);
			if (record.trim() !== '') records.push(record);
		}
	}
	return records;
}

export interface PendingReply {
	pending: true;
	reason: string;
}

/**
 * The texts Ingram puts in a reply file when there is no reply yet. None of them asks for the order
 * to be sent again: the order is (or will be) processed, and only the reply must be fetched again.
 */
const PENDING_REPLIES: ReadonlyArray<[string, string]> = [
	['NO MAINFRAME', "Ingram's order-processing system was down; the order will still be processed"],
	['CONFIRMATION NOT READY', 'the acknowledgement is not ready yet'],
	[
		'ORDER ACCEPTED, POST BACK FOR CONFIRMATION',
		'the order was accepted and its acknowledgement comes later',
	],
	['SYSTEM UNAVAILABLE', "Ingram's system was unavailable"],
	['UNABLE TO CREATE A TRACK RECORD', 'Ingram could not record the reply yet'],
];

/**
 * Whether a reply file's whole content (any case, any spacing, an optional final full stop) is one
 * of Ingram's "check back later" texts; the reason says so and that the order must not be resent.
 */
export function pendingReply(text: string): PendingReply | undefined {
	const content = text
		.replace(/^\uFEFF/, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\s*\.+$/, '')
		.toUpperCase();
	const match = PENDING_REPLIES.find(([reply]) => reply === content);
	if (!match) return undefined;
	return {
		pending: true,
		reason: `"${match[0]}": ${match[1]}. Fetch the reply again later; do not send the order again.`,
	};
}

/** A two-digit year: 00–69 is 2000–2069, 70–99 is 1970–1999 (publication dates reach back). */
const fullYear = (yy: string) => (Number(yy) < 70 ? 2000 : 1900) + Number(yy);

const isCalendarDate = (year: number, month: number, day: number) => {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		month >= 1 &&
		month <= 12 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
};

const isoDate = (year: number, month: number, day: number) =>
	`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The file being read: where errors point. */
export class ReplyFileContext {
	constructor(
		readonly kind: ReplyFileKind,
		readonly file: string,
		readonly recordLength: number,
	) {}

	/** An error about the file as a whole. */
	fileError(field: string, problem: string): ReplyFileError {
		return new ReplyFileError(this.kind, this.file, 0, '', field, problem);
	}

	/**
	 * The records of the file, each with its layout: an unknown record code is an error, named
	 * after the codes the file type has.
	 */
	records(text: string, layouts: ReadonlyMap<string, RecordLayout>): ReplyRecord[] {
		const raw = splitReplyRecords(text, this.recordLength);
		if (raw.length === 0) {
			throw new ReplyFileError(
				this.kind,
				this.file,
				1,
				'',
				'Record Code',
				'the file holds no records (it is empty or blank)',
			);
		}
		return raw.map((line, index) => {
			const code = line.slice(0, 2);
			const layout = layouts.get(code);
			if (!layout) {
				throw new ReplyFileError(
					this.kind,
					this.file,
					index + 1,
					code,
					'Record Code',
					`"${printable(code)}" is not a record type of ${this.kind === 'ship notice' ? 'a' : 'an'} ${this.kind} file (expected one of ${[
						...layouts.keys(),
					].join(', ')})`,
				);
			}
			return new ReplyRecord(this, index + 1, layout, line);
		});
	}
}

/** One record of a reply file; its fields are read (and checked) when asked for. */
export class ReplyRecord {
	readonly code: string;

	constructor(
		readonly context: ReplyFileContext,
		/** 1-based position in the file. */
		readonly number: number,
		readonly layout: RecordLayout,
		/** As it came, possibly shorter than a full record. */
		readonly raw: string,
	) {
		this.code = layout.code;
	}

	/** An error about this record: `field` is a field label or a description such as "Record Code". */
	error(field: string, problem: string): ReplyFileError {
		return new ReplyFileError(
			this.context.kind,
			this.context.file,
			this.number,
			this.code,
			field,
			problem,
		);
	}

	private spec(name: string): FieldSpec {
		const spec = this.layout.fields.find((field) => field.name === name);
		// A reader asking for a field its own layout lacks is a programming error; it is still
		// reported as a ReplyFileError so that nothing else ever leaves a reader.
		if (!spec) throw this.error(name, 'the layout has no such field');
		return spec;
	}

	/** The field's characters exactly as they stand (spaces where the record is short). */
	slice(name: string): string {
		const spec = this.spec(name);
		return this.raw.slice(spec.start - 1, spec.start - 1 + spec.length).padEnd(spec.length, ' ');
	}

	private blank(spec: FieldSpec): undefined {
		if (!spec.required) return undefined;
		const end = spec.start + spec.length - 1;
		if (this.raw.trimEnd().length < spec.start) {
			throw this.error(
				spec.label ?? spec.name,
				`the record stops at position ${this.raw.trimEnd().length} (the rest is blank or missing), before this field (positions ${spec.start}–${end})`,
			);
		}
		throw this.error(spec.label ?? spec.name, `is blank (positions ${spec.start}–${end})`);
	}

	private invalid(spec: FieldSpec, value: string, what: string): never {
		throw this.error(
			spec.label ?? spec.name,
			`"${printable(value)}" is not ${what} (positions ${spec.start}–${spec.start + spec.length - 1})`,
		);
	}

	/** Text, trimmed; undefined when blank. */
	text(name: string): string | undefined {
		const spec = this.spec(name);
		const value = this.slice(name).trim();
		return value === '' ? this.blank(spec) : value;
	}

	/** A whole number (spaces around the digits allowed); undefined when blank. */
	integer(name: string): number | undefined {
		const spec = this.spec(name);
		const value = this.slice(name).trim();
		if (value === '') return this.blank(spec);
		if (!/^\d+$/.test(value)) this.invalid(spec, value, 'a whole number');
		return Number(value);
	}

	/** An amount: implied decimals (`0001299`) or an explicit point (`00012.99`); undefined when blank. */
	amount(name: string): number | undefined {
		const spec = this.spec(name);
		const value = this.slice(name).trim();
		if (value === '') return this.blank(spec);
		const places = spec.decimals ?? 2;
		if (spec.kind === 'decimal') {
			if (!/^\d+(\.\d+)?$/.test(value)) this.invalid(spec, value, 'an amount');
			return Number(value);
		}
		if (!(spec.signed ? /^-?\d+$/ : /^\d+$/).test(value)) this.invalid(spec, value, 'an amount');
		return Number((Number(value) / 10 ** places).toFixed(places));
	}

	/**
	 * A date as YYYY-MM-DD from YYMMDD (`date`) or YYYYMMDD (`date8`); undefined when blank or all
	 * zeros (Ingram's "no date").
	 */
	date(name: string): string | undefined {
		const spec = this.spec(name);
		const value = this.slice(name).trim();
		if (value === '' || /^0+$/.test(value)) return this.blank(spec);
		const long = spec.kind === 'date8';
		if (!(long ? /^\d{8}$/ : /^\d{6}$/).test(value))
			this.invalid(spec, value, long ? 'a date (YYYYMMDD)' : 'a date (YYMMDD)');
		const year = long ? Number(value.slice(0, 4)) : fullYear(value.slice(0, 2));
		const month = Number(value.slice(long ? 4 : 2, long ? 6 : 4));
		const day = Number(value.slice(long ? 6 : 4));
		if (!isCalendarDate(year, month, day)) this.invalid(spec, value, 'a calendar date');
		return isoDate(year, month, day);
	}

	/** A month as YYYY-MM from MMYY; undefined when blank or all zeros. */
	month(name: string): string | undefined {
		const spec = this.spec(name);
		const value = this.slice(name).trim();
		if (value === '' || /^0+$/.test(value)) return this.blank(spec);
		const month = Number(value.slice(0, 2));
		if (!/^\d{4}$/.test(value) || month < 1 || month > 12)
			this.invalid(spec, value, 'a month (MMYY)');
		return `${fullYear(value.slice(2))}-${value.slice(0, 2)}`;
	}
}

/**
 * A discount percentage from a 4-digit field. The specification writes it with two implied
 * decimals (`3500` = 35 %), while real invoices carry whole percents (`0035` = 35 %). Values over
 * 100 can only be the former. Otherwise, when the unit prices give a plausible discount
 * (1 − net/list between 0 and 100 %), the reading closer to it wins; without one a whole percent is
 * taken, a discount under 1 % being the implausible reading.
 */
export function discountPercent(raw: number, list?: number, net?: number): number {
	if (raw > 100) return raw / 100;
	if (list !== undefined && list > 0 && net !== undefined) {
		const implied = (1 - net / list) * 100;
		if (implied >= 0 && implied <= 100)
			return Math.abs(raw / 100 - implied) < Math.abs(raw - implied) ? raw / 100 : raw;
	}
	return raw;
}
