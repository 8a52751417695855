/**
 * A whole purchase-order file (.fbo) from orders, and orders back from a file. The record order,
 * the sequence numbers and the counts in the PO trailer (50) and the file trailer (90) are computed
 * here, never set by hand. Records are joined with CRLF; the reader also takes LF or no delimiters
 * at all (Ingram's replies sometimes come as one long line).
 */
import {
	CodecError,
	readRecord,
	writeRecord,
	type RecordLayout,
	type RecordValues,
} from './fixedWidth';
import { ORDER_RECORD_LENGTH, ORDER_RECORDS, ORDER_RECORDS_BY_CODE } from './orderFile';

export interface CdfAddress {
	name: string;
	phone?: string;
	addressLines: string[];
	city: string;
	state?: string;
	postalCode?: string;
	/** ISO 3166 alpha-3, e.g. USA. */
	country: string;
}

export interface CdfLine {
	/** Your line reference (≤ 10), echoed in acknowledgements, ship notices and invoices. */
	reference: string;
	itemNumber: string;
	/** EN = EAN/ISBN-13, BN = ISBN-10, UP = UPC. */
	itemNumberType: 'EN' | 'BN' | 'UP';
	quantity: number;
	price?: number;
	backorderCode?: string;
	backorderCancelDate?: string;
	giftWrapCode?: string;
	clientItemNumber?: string;
	giftMessages?: string[];
}

export interface CdfOrder {
	poNumber: string;
	/** YYYY-MM-DD. */
	orderDate: string;
	backorderCancelDate: string;
	backorderCode?: string;
	billToAccount: string;
	shipToAccount: string;
	shipToPassword: string;
	/** 0 = order, 8 = test order. */
	poType: string;
	orderType: 'RF' | 'LS' | 'EL';
	shippingMethod: string;
	greenlight?: string;
	acknowledgementType?: string;
	dcCode?: string;
	splitAcrossDcs?: string;
	specialHandlingCodes?: string;
	cost?: { salesTaxPercent?: number; freightTaxPercent?: number; freightAmount?: number };
	billTo: CdfAddress;
	recipient: CdfAddress & { addressValidation?: string };
	dropShip?: {
		giftWrapFee?: number;
		sendConsumerEmail?: string;
		gift?: string;
		suppressPrices?: string;
		giftWrapCode?: string;
	};
	deliveryInstructions?: string[];
	marketingMessages?: string[];
	giftMessages?: string[];
	lines: CdfLine[];
}

export interface CdfOrderFile {
	fileSourceName: string;
	/** YYYY-MM-DD. */
	creationDate: string;
	fileName: string;
	orders: CdfOrder[];
}

export const RECORD_SEPARATOR = '\r\n';

type Planned = [RecordLayout, RecordValues];

function addressRecords(
	address: CdfAddress,
	name: RecordLayout,
	phone: RecordLayout,
	line: RecordLayout,
	city: RecordLayout,
	extra: RecordValues = {},
): Planned[] {
	return [
		[name, { text: address.name, ...extra }],
		...(address.phone ? [[phone, { text: address.phone }] as Planned] : []),
		...address.addressLines.map<Planned>((text) => [line, { text }]),
		[
			city,
			{
				city: address.city,
				state: address.state,
				postalCode: address.postalCode,
				country: address.country,
			},
		],
	];
}

const texts = (layout: RecordLayout, lines: string[] | undefined): Planned[] =>
	(lines ?? []).map((text) => [layout, { text }]);

/** The records of one PO, 10 to 40s, without sequence numbers and without its trailer. */
function orderRecords(order: CdfOrder): Planned[] {
	const r = ORDER_RECORDS;
	return [
		[
			r.clientHeader,
			{
				billToAccount: order.billToAccount,
				orderDate: order.orderDate,
				backorderCancelDate: order.backorderCancelDate,
				backorderCode: order.backorderCode,
			},
		],
		...(order.specialHandlingCodes
			? [[r.specialHandling, { codes: order.specialHandlingCodes }] as Planned]
			: []),
		[
			r.options,
			{
				shipToAccount: order.shipToAccount,
				poType: order.poType,
				orderType: order.orderType,
				dcCode: order.dcCode,
				greenlight: order.greenlight,
				poaType: order.acknowledgementType,
				shipToPassword: order.shipToPassword,
				shippingMethod: order.shippingMethod,
				splitAcrossDcs: order.splitAcrossDcs,
			},
		],
		...(order.cost ? [[r.customerCost, { ...order.cost }] as Planned] : []),
		...addressRecords(order.billTo, r.billToName, r.billToPhone, r.billToAddress, r.billToCity),
		...addressRecords(
			order.recipient,
			r.recipientName,
			r.recipientPhone,
			r.recipientAddress,
			r.recipientCity,
			{
				addressValidation: order.recipient.addressValidation,
			},
		),
		[r.dropShip, { ...order.dropShip }],
		...texts(r.deliveryInstructions, order.deliveryInstructions),
		...texts(r.marketingMessage, order.marketingMessages),
		...texts(r.giftMessage, order.giftMessages),
		...order.lines.flatMap<Planned>((line) => [
			[
				r.lineItem,
				{
					lineReference: line.reference,
					itemNumber: line.itemNumber,
					backorderCode: line.backorderCode,
					itemNumberType: line.itemNumberType,
				},
			],
			[
				r.lineDetail,
				{
					listPrice: line.price,
					backorderCancelDate: line.backorderCancelDate,
					giftWrapCode: line.giftWrapCode,
					quantity: line.quantity,
					clientItemNumber: line.clientItemNumber,
				},
			],
			...texts(r.lineGiftMessage, line.giftMessages),
		]),
	];
}

/**
 * Ingram's acknowledgement echoes the order file's name in a 17-character field; a longer name
 * would come back cut and could not be matched to its file.
 */
export const MAX_ORDER_FILE_NAME_LENGTH = 17;

/** Writes the whole file: 00, every PO with its 50, then 90 — numbered, counted, CRLF-separated. */
export function buildOrderFile(file: CdfOrderFile): string {
	if (file.fileName.length > MAX_ORDER_FILE_NAME_LENGTH) {
		throw new CodecError(
			'00',
			'File Name',
			`"${file.fileName}" has ${file.fileName.length} characters; at most ${MAX_ORDER_FILE_NAME_LENGTH} fit the acknowledgement's echo of it`,
		);
	}
	if (!/\.fbo$/i.test(file.fileName)) {
		throw new CodecError('00', 'File Name', `"${file.fileName}" must end in .fbo`);
	}
	const records: string[] = [];
	let sequence = 0;
	const write = (layout: RecordLayout, values: RecordValues) =>
		records.push(writeRecord(layout, { ...values, sequence: ++sequence }));

	write(ORDER_RECORDS.fileHeader, {
		fileSourceName: file.fileSourceName,
		creationDate: file.creationDate,
		fileName: file.fileName,
	});
	let lineCount = 0;
	let unitCount = 0;
	for (const order of file.orders) {
		const planned = orderRecords(order);
		for (const [layout, values] of planned) write(layout, { ...values, poNumber: order.poNumber });
		const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
		write(ORDER_RECORDS.poTrailer, {
			poNumber: order.poNumber,
			// records 10 through 50 of this PO, the 50 included
			recordCount: planned.length + 1,
			lineCount: order.lines.length,
			unitCount: units,
		});
		lineCount += order.lines.length;
		unitCount += units;
	}
	const byFirstDigit = (digit: string) => records.filter((record) => record[0] === digit).length;
	write(ORDER_RECORDS.fileTrailer, {
		lineCount,
		poCount: file.orders.length,
		unitCount,
		...Object.fromEntries(
			[0, 1, 2, 3, 4, 5, 6, 7].map((d) => [`records${d}x`, byFirstDigit(String(d))]),
		),
		// 8x and 9x records, the trailer itself included
		records89x: byFirstDigit('8') + byFirstDigit('9') + 1,
	});
	return records.join(RECORD_SEPARATOR) + RECORD_SEPARATOR;
}

/** Splits a CDF file into records: CRLF, LF, or none at all (cut every `length` characters). */
export function splitRecords(text: string, length = ORDER_RECORD_LENGTH): string[] {
	const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
	return lines.flatMap((line) =>
		line.length > length
			? Array.from({ length: Math.ceil(line.length / length) }, (_, n) =>
					line.slice(n * length, (n + 1) * length),
				)
			: [line],
	);
}

const str = (value: unknown) => (value === undefined ? undefined : String(value));
const num = (value: unknown) => (value === undefined ? undefined : Number(value));

/** Reads an order file back into orders (what the file carries; sequence numbers and counts are checked, not returned). */
export function readOrderFile(text: string): CdfOrderFile {
	const records = splitRecords(text);
	const file: CdfOrderFile = { fileSourceName: '', creationDate: '', fileName: '', orders: [] };
	let order: CdfOrder | undefined;
	let address: CdfAddress | undefined;
	let line: CdfLine | undefined;
	records.forEach((record, index) => {
		const layout = ORDER_RECORDS_BY_CODE.get(record.slice(0, 2));
		if (!layout)
			throw new CodecError(
				record.slice(0, 2),
				'record code',
				`unknown record type at record ${index + 1}`,
			);
		const v = readRecord(layout, record.padEnd(ORDER_RECORD_LENGTH, ' '));
		if (v.sequence !== index + 1) {
			throw new CodecError(
				layout.code,
				'Sequence Number',
				`record ${index + 1} is numbered ${String(v.sequence)}`,
			);
		}
		const newAddress = (): CdfAddress => ({
			name: String(v.text ?? ''),
			addressLines: [],
			city: '',
			country: '',
		});
		switch (layout.code) {
			case '00':
				Object.assign(file, {
					fileSourceName: str(v.fileSourceName),
					creationDate: str(v.creationDate),
					fileName: str(v.fileName),
				});
				break;
			case '10':
				order = {
					poNumber: String(v.poNumber),
					orderDate: String(v.orderDate),
					backorderCancelDate: String(v.backorderCancelDate),
					backorderCode: str(v.backorderCode),
					billToAccount: String(v.billToAccount),
					shipToAccount: '',
					shipToPassword: '',
					poType: '',
					orderType: 'LS',
					shippingMethod: '',
					billTo: { name: '', addressLines: [], city: '', country: '' },
					recipient: { name: '', addressLines: [], city: '', country: '' },
					lines: [],
				};
				file.orders.push(order);
				break;
			case '20':
				order!.specialHandlingCodes = str(v.codes);
				break;
			case '21':
				Object.assign(order!, {
					shipToAccount: str(v.shipToAccount),
					poType: str(v.poType),
					orderType: str(v.orderType),
					dcCode: str(v.dcCode),
					greenlight: str(v.greenlight),
					acknowledgementType: str(v.poaType),
					shipToPassword: str(v.shipToPassword),
					shippingMethod: str(v.shippingMethod),
					splitAcrossDcs: str(v.splitAcrossDcs),
				});
				break;
			case '24':
				order!.cost = {
					salesTaxPercent: num(v.salesTaxPercent),
					freightTaxPercent: num(v.freightTaxPercent),
					freightAmount: num(v.freightAmount),
				};
				break;
			case '25':
				order!.billTo = address = newAddress();
				break;
			case '30': {
				const recipient = { ...newAddress(), addressValidation: str(v.addressValidation) };
				order!.recipient = recipient;
				address = recipient;
				break;
			}
			case '26':
			case '31':
				address!.phone = str(v.text);
				break;
			case '27':
			case '32':
				address!.addressLines.push(String(v.text ?? ''));
				break;
			case '29':
			case '34':
				Object.assign(address!, {
					city: str(v.city),
					state: str(v.state),
					postalCode: str(v.postalCode),
					country: str(v.country),
				});
				break;
			case '35':
				order!.dropShip = {
					giftWrapFee: num(v.giftWrapFee),
					sendConsumerEmail: str(v.sendConsumerEmail),
					gift: str(v.gift),
					suppressPrices: str(v.suppressPrices),
					giftWrapCode: str(v.giftWrapCode),
				};
				break;
			case '36':
				(order!.deliveryInstructions ??= []).push(String(v.text ?? ''));
				break;
			case '37':
				(order!.marketingMessages ??= []).push(String(v.text ?? ''));
				break;
			case '38':
				(order!.giftMessages ??= []).push(String(v.text ?? ''));
				break;
			case '40':
				line = {
					reference: String(v.lineReference),
					itemNumber: String(v.itemNumber),
					itemNumberType: String(v.itemNumberType) as CdfLine['itemNumberType'],
					backorderCode: str(v.backorderCode),
					quantity: 0,
				};
				order!.lines.push(line);
				break;
			case '41':
				Object.assign(line!, {
					price: num(v.listPrice),
					backorderCancelDate: str(v.backorderCancelDate),
					giftWrapCode: str(v.giftWrapCode),
					quantity: Number(v.quantity),
					clientItemNumber: str(v.clientItemNumber),
				});
				break;
			case '42':
				(line!.giftMessages ??= []).push(String(v.text ?? ''));
				break;
			default:
				break;
		}
	});
	return file;
}
