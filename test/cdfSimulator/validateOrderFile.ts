/**
 * The CDF simulator's own reading of a CDF-Lite purchase-order file (.fbo, format F03).
 *
 * Written from Ingram's record layouts without importing the node's codec, so that the simulator
 * is a second opinion on what the node writes rather than an echo of it. It does not decode whole
 * records: it checks the framing (80-character records, CRLF, sequence numbers), the record order
 * inside each PO, and the few fields in FIELDS below whose mistakes make Ingram refuse or misread
 * an order (format version, file name, PO numbers, codes, dates, quantities and the two trailers'
 * counts). Each problem is a sentence naming the record number and record type.
 */

export const ORDER_RECORD_LENGTH = 80;

/** Every record type a CDF-Lite order file may contain; anything else is a typo or a shifted record. */
const KNOWN_RECORD_TYPES = new Set([
	'00',
	'10',
	'20',
	'21',
	'24',
	'25',
	'26',
	'27',
	'29',
	'30',
	'31',
	'32',
	'34',
	'35',
	'36',
	'37',
	'38',
	'40',
	'41',
	'42',
	'45',
	'50',
	'90',
]);

/** Records every PO must carry between its 10 and its 50, with what they hold (for the messages). */
const REQUIRED_PO_RECORDS: ReadonlyArray<[type: string, holds: string]> = [
	['21', 'purchase-order options'],
	['25', 'bill-to name'],
	['29', 'bill-to city/state/zip'],
	['30', 'recipient name'],
	['32', 'recipient address'],
	['34', 'recipient city/state/zip'],
	['35', 'drop-ship detail'],
	['40', 'line item'],
];

const PO_TYPES = ['0', '1', '3', '5', '8'];
const ORDER_TYPES = ['RF', 'LS', 'EL'];
const MAX_FILE_NAME_LENGTH = 17;

interface Field {
	/** 1-based, inclusive, as Ingram's layouts number them. */
	start: number;
	end: number;
	label: string;
}

const at = (start: number, end: number, label: string): Field => ({ start, end, label });

/** The only positions this validator reads, by record type ('any' = every record). */
const FIELDS = {
	any: {
		sequence: at(3, 7, 'sequence number'),
		poNumber: at(8, 29, 'PO number'),
	},
	'00': {
		fileName: at(39, 60, 'file name'),
		formatVersion: at(61, 63, 'format version'),
	},
	'10': {
		orderDate: at(44, 49, 'order date'),
		backorderCancelDate: at(50, 55, 'backorder cancel date'),
	},
	'21': {
		poType: at(37, 37, 'PO type'),
		orderType: at(38, 39, 'order type'),
	},
	'41': {
		quantity: at(47, 53, 'order quantity'),
	},
	'50': {
		records: at(30, 34, 'record count'),
		lines: at(35, 44, 'line-item count'),
		units: at(45, 54, 'unit count'),
	},
	'90': {
		lines: at(8, 20, 'line-item count'),
		pos: at(21, 25, 'PO count'),
		units: at(26, 35, 'unit count'),
		/** Then one 5-digit count per first digit 0 to 7, and one for 8 and 9 together. */
		firstDigitCounts: 36,
	},
} as const;

const FIRST_DIGIT_GROUPS = ['0', '1', '2', '3', '4', '5', '6', '7', '8 or 9'];

function read(record: string, field: Field): string {
	return record.slice(field.start - 1, field.end);
}

function where(field: Field): string {
	return field.start === field.end
		? `(position ${field.start})`
		: `(positions ${field.start}-${field.end})`;
}

function isDigits(value: string): boolean {
	return /^\d+$/.test(value);
}

function isYymmdd(value: string): boolean {
	if (!/^\d{6}$/.test(value)) return false;
	const year = 2000 + Number(value.slice(0, 2));
	const month = Number(value.slice(2, 4));
	const day = Number(value.slice(4, 6));
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= daysInMonth;
}

interface SplitResult {
	records: string[];
	problems: string[];
}

/**
 * Cuts the file into records. CRLF is the delimiter Ingram defines; a single CRLF after the last
 * record is tolerated (most writers end the file that way). LF alone, or no delimiter at all, is
 * reported once and the records are still cut so that the other checks can run.
 */
function splitIntoRecords(content: string): SplitResult {
	const problems: string[] = [];
	if (!content.includes('\n')) {
		if (content.length <= ORDER_RECORD_LENGTH) return { records: [content], problems };
		problems.push(
			`file: no record delimiters (${content.length} characters on one line); records must be separated by CRLF`,
		);
		if (content.length % ORDER_RECORD_LENGTH !== 0) {
			problems.push(
				`file: length ${content.length} is not a multiple of ${ORDER_RECORD_LENGTH}, so the records cannot be told apart`,
			);
		}
		const records: string[] = [];
		for (let start = 0; start < content.length; start += ORDER_RECORD_LENGTH) {
			records.push(content.slice(start, start + ORDER_RECORD_LENGTH));
		}
		return { records, problems };
	}
	if (/(^|[^\r])\n/.test(content)) {
		problems.push('file: records separated by LF alone; Ingram expects CRLF between records');
	}
	const withoutFinalBreak = content.replace(/\r?\n$/, '');
	return { records: withoutFinalBreak.split(/\r?\n/), problems };
}

interface OpenPo {
	poNumber: string;
	/** 1-based record number of its record 10. */
	startsAt: number;
	typesSeen: Set<string>;
	lineItems: number;
	units: number;
}

/**
 * Checks an order file's content; returns the problems found (empty when the file looks right).
 * `uploadedName` is the name the file has on the host, which record 00 must repeat.
 */
export function validateOrderFile(content: string, uploadedName?: string): string[] {
	if (content.length === 0) return ['file: empty'];
	const { records, problems } = splitIntoRecords(content);
	const label = (index: number) => `record ${index + 1} (type ${records[index].slice(0, 2)})`;

	checkFraming(records, label, problems);
	checkFileHeader(records, label, problems, uploadedName);
	const totals = checkPurchaseOrders(records, label, problems);
	checkFileTrailer(records, label, problems, totals);
	return problems;
}

function checkFraming(records: string[], label: (i: number) => string, problems: string[]): void {
	const outOfSequence: number[] = [];
	records.forEach((record, index) => {
		if (record.length !== ORDER_RECORD_LENGTH) {
			problems.push(
				`${label(index)}: ${record.length} characters, every record must be exactly ${ORDER_RECORD_LENGTH}`,
			);
		}
		const nonAscii = record.search(/[^\x20-\x7e]/);
		if (nonAscii >= 0) {
			problems.push(
				`${label(index)}: character ${JSON.stringify(record[nonAscii])} at position ${nonAscii + 1} is not printable ASCII`,
			);
		}
		const type = record.slice(0, 2);
		if (!KNOWN_RECORD_TYPES.has(type)) {
			problems.push(`record ${index + 1}: unknown record type ${JSON.stringify(type)}`);
		}
		const expected = String(index + 1).padStart(5, '0');
		if (read(record, FIELDS.any.sequence) !== expected) outOfSequence.push(index);
	});
	if (outOfSequence.length > 0) {
		const first = outOfSequence[0];
		const found = read(records[first], FIELDS.any.sequence);
		const others = outOfSequence.length - 1;
		problems.push(
			`${label(first)}: sequence number ${JSON.stringify(found)} ${where(FIELDS.any.sequence)}, expected ${String(first + 1).padStart(5, '0')} (records are numbered 00001, 00002, … in order)${others > 0 ? `; ${others} later record(s) are misnumbered too` : ''}`,
		);
	}

	const lastIndex = records.length - 1;
	if (records[0].slice(0, 2) !== '00') {
		problems.push(`${label(0)}: a file must start with record 00 (file header)`);
	}
	if (records[lastIndex].slice(0, 2) !== '90') {
		problems.push(`${label(lastIndex)}: a file must end with record 90 (file trailer)`);
	}
	records.forEach((record, index) => {
		const type = record.slice(0, 2);
		if (type === '00' && index !== 0) {
			problems.push(`${label(index)}: a file has one record 00, and only as its first record`);
		}
		if (type === '90' && index !== lastIndex) {
			problems.push(`${label(index)}: a file has one record 90, and only as its last record`);
		}
	});
}

function checkFileHeader(
	records: string[],
	label: (i: number) => string,
	problems: string[],
	uploadedName: string | undefined,
): void {
	const header = records[0];
	if (header.slice(0, 2) !== '00') return;
	const { fileName, formatVersion } = FIELDS['00'];
	const version = read(header, formatVersion);
	if (version !== 'F03') {
		problems.push(
			`${label(0)}: ${formatVersion.label} ${JSON.stringify(version)} ${where(formatVersion)}, expected "F03"`,
		);
	}
	const nameInHeader = read(header, fileName).trim();
	if (nameInHeader.length > MAX_FILE_NAME_LENGTH) {
		problems.push(
			`${label(0)}: ${fileName.label} ${JSON.stringify(nameInHeader)} ${where(fileName)} is ${nameInHeader.length} characters; Ingram echoes only ${MAX_FILE_NAME_LENGTH} in its acknowledgement`,
		);
	}
	if (uploadedName !== undefined && nameInHeader.toLowerCase() !== uploadedName.toLowerCase()) {
		problems.push(
			`${label(0)}: ${fileName.label} ${JSON.stringify(nameInHeader)} ${where(fileName)} differs from the uploaded file's name ${JSON.stringify(uploadedName)}`,
		);
	}
}

interface FileTotals {
	lineItems: number;
	pos: number;
	units: number;
}

function checkPurchaseOrders(
	records: string[],
	label: (i: number) => string,
	problems: string[],
): FileTotals {
	const totals: FileTotals = { lineItems: 0, pos: 0, units: 0 };
	let po: OpenPo | undefined;

	const closeWithoutTrailer = (open: OpenPo, beforeIndex: number) => {
		checkRequiredRecords(open, label, problems, beforeIndex - 1);
		const before =
			beforeIndex < records.length ? `record ${beforeIndex + 1}` : 'the end of the file';
		problems.push(
			`${label(open.startsAt - 1)}: PO ${JSON.stringify(open.poNumber)} has no record 50 (PO trailer) before ${before}`,
		);
	};

	records.forEach((record, index) => {
		const type = record.slice(0, 2);
		if (type === '00' || type === '90' || !KNOWN_RECORD_TYPES.has(type)) {
			if (type === '90' && po) {
				closeWithoutTrailer(po, index);
				po = undefined;
			}
			return;
		}
		const previousType = index > 0 ? records[index - 1].slice(0, 2) : '';
		if (previousType === '40' && type !== '41') {
			problems.push(`${label(index)}: the line item in record ${index} must be followed by a 41`);
		}

		const poNumber = read(record, FIELDS.any.poNumber).trim();
		if (type === '10') {
			if (po) closeWithoutTrailer(po, index);
			po = { poNumber, startsAt: index + 1, typesSeen: new Set(), lineItems: 0, units: 0 };
			totals.pos += 1;
			if (poNumber === '') {
				problems.push(
					`${label(index)}: ${FIELDS.any.poNumber.label} ${where(FIELDS.any.poNumber)} is blank`,
				);
			}
			checkDates(record, index, label, problems);
		} else if (!po) {
			problems.push(`${label(index)}: outside any PO (no record 10 opens a PO before it)`);
			return;
		} else if (poNumber !== po.poNumber) {
			problems.push(
				`${label(index)}: ${FIELDS.any.poNumber.label} ${JSON.stringify(poNumber)} differs from ${JSON.stringify(po.poNumber)} in record ${po.startsAt} (type 10)`,
			);
		}

		po.typesSeen.add(type);
		if (type === '21') checkOptions(record, index, label, problems);
		if (type === '40') {
			po.lineItems += 1;
			totals.lineItems += 1;
		}
		if (type === '41') {
			const quantity = readQuantity(record, index, label, problems);
			po.units += quantity;
			totals.units += quantity;
		}
		if (type === '50') {
			checkRequiredRecords(po, label, problems, index);
			checkPoTrailer(record, index, po, label, problems);
			po = undefined;
		}
	});
	if (po) closeWithoutTrailer(po, records.length);
	return totals;
}

function checkRequiredRecords(
	po: OpenPo,
	label: (i: number) => string,
	problems: string[],
	lastIndex: number,
): void {
	for (const [type, holds] of REQUIRED_PO_RECORDS) {
		if (!po.typesSeen.has(type)) {
			problems.push(
				`${label(lastIndex)}: PO ${JSON.stringify(po.poNumber)} (from record ${po.startsAt}) has no record ${type} (${holds})`,
			);
		}
	}
}

function checkDates(
	record: string,
	index: number,
	label: (i: number) => string,
	problems: string[],
): void {
	for (const field of Object.values(FIELDS['10'])) {
		const value = read(record, field);
		if (!isYymmdd(value)) {
			problems.push(
				`${label(index)}: ${field.label} ${JSON.stringify(value)} ${where(field)} is not a valid YYMMDD date`,
			);
		}
	}
}

function checkOptions(
	record: string,
	index: number,
	label: (i: number) => string,
	problems: string[],
): void {
	const { poType, orderType } = FIELDS['21'];
	const poTypeValue = read(record, poType);
	if (!PO_TYPES.includes(poTypeValue)) {
		problems.push(
			`${label(index)}: ${poType.label} ${JSON.stringify(poTypeValue)} ${where(poType)} is not one of ${PO_TYPES.join(', ')}`,
		);
	}
	const orderTypeValue = read(record, orderType);
	if (!ORDER_TYPES.includes(orderTypeValue)) {
		problems.push(
			`${label(index)}: ${orderType.label} ${JSON.stringify(orderTypeValue)} ${where(orderType)} is not one of ${ORDER_TYPES.join(', ')}`,
		);
	}
}

function readQuantity(
	record: string,
	index: number,
	label: (i: number) => string,
	problems: string[],
): number {
	const field = FIELDS['41'].quantity;
	const value = read(record, field);
	const quantity = isDigits(value) && value.length === 7 ? Number(value) : 0;
	if (quantity <= 0) {
		problems.push(
			`${label(index)}: ${field.label} ${JSON.stringify(value)} ${where(field)} must be a zero-filled number greater than 0`,
		);
	}
	return quantity;
}

/** Compares a zero-filled count in a trailer with what the file holds; `describe` words the truth. */
function checkCount(
	record: string,
	index: number,
	field: Field,
	actual: number,
	describe: (actual: number) => string,
	label: (i: number) => string,
	problems: string[],
): void {
	const value = read(record, field);
	if (!isDigits(value) || value.length !== field.end - field.start + 1) {
		problems.push(
			`${label(index)}: ${field.label} ${JSON.stringify(value)} ${where(field)} is not a zero-filled number`,
		);
	} else if (Number(value) !== actual) {
		problems.push(
			`${label(index)}: ${field.label} ${where(field)} says ${value}, but ${describe(actual)}`,
		);
	}
}

function checkPoTrailer(
	record: string,
	index: number,
	po: OpenPo,
	label: (i: number) => string,
	problems: string[],
): void {
	const fields = FIELDS['50'];
	const recordsInPo = index + 1 - po.startsAt + 1;
	const poName = `PO ${JSON.stringify(po.poNumber)}`;
	const check = (field: Field, actual: number, describe: (n: number) => string) =>
		checkCount(record, index, field, actual, describe, label, problems);
	check(fields.records, recordsInPo, (n) => `${poName} has ${n} records from its 10 to its 50`);
	check(fields.lines, po.lineItems, (n) => `${poName} has ${n} line items (records 40)`);
	check(fields.units, po.units, (n) => `${poName}'s quantities (records 41) add up to ${n}`);
}

function checkFileTrailer(
	records: string[],
	label: (i: number) => string,
	problems: string[],
	totals: FileTotals,
): void {
	const lastIndex = records.length - 1;
	const trailer = records[lastIndex];
	if (trailer.slice(0, 2) !== '90') return;
	const fields = FIELDS['90'];
	const check = (field: Field, actual: number, describe: (n: number) => string) =>
		checkCount(trailer, lastIndex, field, actual, describe, label, problems);
	check(fields.lines, totals.lineItems, (n) => `the file has ${n} line items (records 40)`);
	check(fields.pos, totals.pos, (n) => `the file has ${n} POs (records 10)`);
	check(fields.units, totals.units, (n) => `the file's quantities (records 41) add up to ${n}`);

	const byFirstDigit = new Array<number>(FIRST_DIGIT_GROUPS.length).fill(0);
	for (const record of records) {
		const digit = record.charAt(0);
		if (!/\d/.test(digit)) continue;
		byFirstDigit[Math.min(Number(digit), 8)] += 1;
	}
	FIRST_DIGIT_GROUPS.forEach((group, slot) => {
		const start = fields.firstDigitCounts + slot * 5;
		const field = at(start, start + 4, `count of records starting with ${group}`);
		check(field, byFirstDigit[slot], (n) =>
			slot === 8 ? `the file has ${n} (this 90 included)` : `the file has ${n}`,
		);
	});
}
