/**
 * Small helpers the simulator's reply writers share: fixed-width records built from (position,
 * width, value) triples, record delimiters, amounts, dates and item-number check digits.
 *
 * Positions are 1-based and inclusive, as in Ingram's layouts. Numbers are written right-justified
 * and zero-filled (a number that does not fit is a bug in the simulator and throws); text is
 * left-justified, space-filled and cut to the field's width.
 */

/** [start position (1-based), width, value]. */
export type Put = readonly [start: number, width: number, value: string | number];

export type ReplyDelimiters = 'crlf' | 'lf' | 'none';

export function fixedRecord(length: number, puts: readonly Put[]): string {
	const ascending = puts.every((put, index) => index === 0 || puts[index - 1][0] <= put[0]);
	const sorted = ascending ? puts : [...puts].sort((a, b) => a[0] - b[0]);
	let text = '';
	for (const [start, width, value] of sorted) {
		if (start < 1 || start + width - 1 > length) {
			throw new Error(`field at ${start} (width ${width}) does not fit a ${length}-char record`);
		}
		if (start <= text.length) throw new Error(`field at ${start} overlaps the one before it`);
		text += ' '.repeat(start - 1 - text.length) + fieldText(width, value);
	}
	return text.padEnd(length, ' ');
}

function fieldText(width: number, value: string | number): string {
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) {
			throw new Error(`${value} is not a whole number ≥ 0 (amounts are passed in cents)`);
		}
		const digits = String(value);
		if (digits.length > width) throw new Error(`${value} does not fit ${width} digits`);
		return digits.padStart(width, '0');
	}
	return value.slice(0, width).padEnd(width, ' ');
}

/** Records joined the way Ingram's host would deliver them; every record ends with the delimiter. */
export function joinRecords(records: readonly string[], delimiters: ReplyDelimiters): string {
	const end = delimiters === 'crlf' ? '\r\n' : delimiters === 'lf' ? '\n' : '';
	return records.map((record) => record + end).join('');
}

/** An amount with an explicit decimal point, zero-filled: (1299, 8) → '00012.99'. */
export function decimalAmount(cents: number, width: number): string {
	const text = (cents / 100).toFixed(2).padStart(width, '0');
	if (text.length > width) throw new Error(`${cents} cents do not fit ${width} characters`);
	return text;
}

/** Reads an amount written with an explicit point ('00012.99' → 1299); blanks and junk → 0. */
export function parseDecimalCents(text: string): number {
	const trimmed = text.trim();
	if (!/^\d+(\.\d+)?$/.test(trimmed)) return 0;
	return Math.round(Number(trimmed) * 100);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Dates are written in UTC so that replies do not depend on the machine's time zone. */
export const yymmdd = (date: Date) =>
	pad2(date.getUTCFullYear() % 100) + pad2(date.getUTCMonth() + 1) + pad2(date.getUTCDate());
export const yyyymmdd = (date: Date) =>
	String(date.getUTCFullYear()) + pad2(date.getUTCMonth() + 1) + pad2(date.getUTCDate());
export const mmyy = (date: Date) =>
	pad2(date.getUTCMonth() + 1) + pad2(date.getUTCFullYear() % 100);

export function addDays(date: Date, days: number): Date {
	return new Date(date.getTime() + days * 86_400_000);
}

/** The EAN-13 check digit for the first 12 digits. */
export function eanCheckDigit(first12: string): string {
	let sum = 0;
	for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
	return String((10 - (sum % 10)) % 10);
}

export function isValidEan13(value: string): boolean {
	return /^\d{13}$/.test(value) && eanCheckDigit(value.slice(0, 12)) === value[12];
}

/** The ISBN-10 check character for the first 9 digits ('X' stands for 10). */
export function isbn10CheckDigit(first9: string): string {
	let sum = 0;
	for (let i = 0; i < 9; i += 1) sum += Number(first9[i]) * (10 - i);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? 'X' : String(check);
}

export function isValidIsbn10(value: string): boolean {
	return /^\d{9}[\dX]$/.test(value) && isbn10CheckDigit(value.slice(0, 9)) === value[9];
}

/** The ISBN-10 of a 978 EAN ('' for anything else: 979 EANs and UPCs have none). */
export function isbn10Of(ean: string): string {
	if (!/^978\d{10}$/.test(ean)) return '';
	const body = ean.slice(3, 12);
	return body + isbn10CheckDigit(body);
}

/** The EAN-13 of an ISBN-10. */
export function eanOfIsbn10(isbn10: string): string {
	const first12 = `978${isbn10.slice(0, 9)}`;
	return first12 + eanCheckDigit(first12);
}

/** A small deterministic pseudo-random generator (mulberry32), for made-up but stable data. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A stable number from a text (FNV-1a), to seed made-up data per item number. */
export function hashText(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
