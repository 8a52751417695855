/**
 * The simulator's reading of the fields of a CDF-Lite order file (.fbo) that decide what Ingram
 * answers: PO numbers, accounts, password, PO type, DC, shipping method, and per line the
 * reference, item number, price and quantity. Like validateOrderFile it is written from Ingram's
 * layouts and shares nothing with the node's codec. It is only given files the validator passed.
 */
import { ORDER_RECORD_LENGTH } from './validateOrderFile';
import { parseDecimalCents } from './records';

export interface OrderLine {
	/** The sequence number (positions 3-7) of the line's record 40, echoed in acknowledgement 43. */
	sequence: number;
	/** Record 40 positions 30-39, trimmed: the client's line reference. */
	lineReference: string;
	/** Record 40 positions 52-71, trimmed. */
	itemNumber: string;
	/** Record 40 positions 79-80: 'EN', 'BN' or 'UP'. */
	itemNumberType: string;
	/** Record 41 positions 30-37 (explicit decimal point), in cents; 0 when not given. */
	priceCents: number;
	/** Record 41 positions 47-53. */
	quantity: number;
	/** Record 41 positions 54-73, trimmed: the client's own item number ('' when blank). */
	clientItemNumber: string;
}

export interface OrderPo {
	poNumber: string;
	billToAccount: string;
	/** YYMMDD as written in record 10. */
	orderDate: string;
	cancelDate: string;
	shipToAccount: string;
	/** Record 21 position 37. */
	poType: string;
	orderType: string;
	/** Record 21 position 40 (blank = the account's default DC). */
	dcCode: string;
	/** Record 21 position 44 (blank = full acknowledgement). */
	poaType: string;
	/** Record 21 positions 45-52, trimmed. */
	shipToPassword: string;
	/** Record 21 positions 53-77, trimmed. */
	shippingMethod: string;
	/** Record 24 positions 30-37, as a percentage (6.75 = 6.75 %); 0 without a record 24. */
	salesTaxPercent: number;
	/** Record 24 positions 45-52, in cents; 0 without a record 24. */
	freightCents: number;
	lines: OrderLine[];
}

export interface OrderFileContent {
	/** Record 00 positions 39-60, trimmed. */
	fileName: string;
	pos: OrderPo[];
}

const field = (record: string, start: number, end: number) => record.slice(start - 1, end);
const trimmed = (record: string, start: number, end: number) => field(record, start, end).trim();

function splitRecords(content: string): string[] {
	if (!content.includes('\n')) {
		const records: string[] = [];
		for (let start = 0; start < content.length; start += ORDER_RECORD_LENGTH) {
			records.push(content.slice(start, start + ORDER_RECORD_LENGTH));
		}
		return records;
	}
	return content
		.replace(/\r?\n$/, '')
		.split(/\r?\n/)
		.map((record) => record.padEnd(ORDER_RECORD_LENGTH, ' '));
}

export function readOrderFile(content: string): OrderFileContent {
	const records = splitRecords(content);
	const result: OrderFileContent = { fileName: '', pos: [] };
	let po: OrderPo | undefined;
	let line: OrderLine | undefined;
	for (const record of records) {
		const type = record.slice(0, 2);
		switch (type) {
			case '00':
				result.fileName = trimmed(record, 39, 60);
				break;
			case '10':
				po = {
					poNumber: trimmed(record, 8, 29),
					billToAccount: trimmed(record, 30, 36),
					orderDate: field(record, 44, 49),
					cancelDate: field(record, 50, 55),
					shipToAccount: '',
					poType: '0',
					orderType: '',
					dcCode: '',
					poaType: '',
					shipToPassword: '',
					shippingMethod: '',
					salesTaxPercent: 0,
					freightCents: 0,
					lines: [],
				};
				result.pos.push(po);
				break;
			case '21':
				if (!po) break;
				po.shipToAccount = trimmed(record, 30, 36);
				po.poType = field(record, 37, 37);
				po.orderType = field(record, 38, 39);
				po.dcCode = trimmed(record, 40, 40);
				po.poaType = trimmed(record, 44, 44);
				po.shipToPassword = trimmed(record, 45, 52);
				po.shippingMethod = trimmed(record, 53, 77);
				break;
			case '24':
				if (!po) break;
				// The sales-tax percent is written with 4 decimals ('006.7500'); cents of a percent do.
				po.salesTaxPercent = parseDecimalCents(field(record, 30, 37)) / 100;
				po.freightCents = parseDecimalCents(field(record, 45, 52));
				break;
			case '40':
				if (!po) break;
				line = {
					sequence: Number(field(record, 3, 7)),
					lineReference: trimmed(record, 30, 39),
					itemNumber: trimmed(record, 52, 71).replace(/-/g, ''),
					itemNumberType: field(record, 79, 80),
					priceCents: 0,
					quantity: 0,
					clientItemNumber: '',
				};
				po.lines.push(line);
				break;
			case '41':
				if (!line) break;
				line.priceCents = parseDecimalCents(field(record, 30, 37));
				line.quantity = Number(field(record, 47, 53)) || 0;
				line.clientItemNumber = trimmed(record, 54, 73);
				break;
			case '50':
				po = undefined;
				line = undefined;
				break;
			default:
				break;
		}
	}
	return result;
}
