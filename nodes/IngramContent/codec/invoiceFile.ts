/**
 * The invoice (`.BIN`, 80-character records): what Ingram bills for the shipped orders. One file
 * header (01); per invoice a header (15), per line a 45 (ISBN, quantity, prices), 46 (EAN) and 48
 * (title, PO, line reference), per shipment a 49 (tracking number, freight and fees), then the
 * totals (55, 57); the file trailer (95) last. Records 15–57 carry the invoice number in 8–15, and
 * amounts have implied decimals. CDF fees are billed as pseudo-lines ("ORDER CHARGE",
 * "PER PIECE CHARG") with made-up ISBNs.
 */
import {
	recordCodeField,
	recordsStartingWith,
	sequenceField,
	type FieldSpec,
	type RecordLayout,
} from './fixedWidth';
import { dcBySan } from './codes';
import {
	ReplyFileContext,
	discountPercent,
	pendingReply,
	type PendingReply,
	type ReplyRecord,
} from './replyFiles';

export const INVOICE_RECORD_LENGTH = 80;

const code = recordCodeField;
const sequence = sequenceField('Record Sequence');
const invoiceNumber: FieldSpec = {
	name: 'invoiceNumber',
	start: 8,
	length: 8,
	kind: 'alpha',
	required: true,
	label: 'Invoice Number',
};
const money = (name: string, start: number, length: number, label: string): FieldSpec => ({
	name,
	start,
	length,
	kind: 'implied',
	decimals: 2,
	label,
});

const invoiceRecord = recordsStartingWith(INVOICE_RECORD_LENGTH, [sequence, invoiceNumber]);

export const INVOICE_RECORDS = {
	fileHeader: {
		code: '01',
		name: 'File header',
		length: INVOICE_RECORD_LENGTH,
		fields: [
			code('01'),
			sequence,
			{ name: 'ingramSan', start: 8, length: 12, kind: 'alpha', label: 'Ingram SAN' },
			{ name: 'fileSourceName', start: 20, length: 13, kind: 'alpha', label: 'File Source Name' },
			{
				name: 'creationDate',
				start: 33,
				length: 6,
				kind: 'date',
				required: true,
				label: 'Creation Date',
			},
			{ name: 'fileName', start: 39, length: 22, kind: 'alpha', label: 'File Name' },
		],
	},
	invoiceHeader: invoiceRecord('15', 'Invoice header', [
		{
			name: 'accountId',
			start: 35,
			length: 7,
			kind: 'alpha',
			label: 'Company Account ID Number',
		},
		{ name: 'warehouseSan', start: 47, length: 7, kind: 'alpha', label: 'Warehouse SAN' },
		{
			name: 'invoiceDate',
			start: 57,
			length: 8,
			kind: 'date8',
			required: true,
			label: 'Invoice Date',
		},
	]),
	detail: invoiceRecord('45', 'Invoice detail', [
		{ name: 'isbn10', start: 35, length: 10, kind: 'alpha', label: 'ISBN-10 Shipped' },
		{ name: 'quantity', start: 46, length: 5, kind: 'numeric', label: 'Quantity Shipped' },
		money('listPrice', 51, 7, 'Ingram Item List Price'),
		{ name: 'discount', start: 59, length: 4, kind: 'numeric', label: 'Discount' },
		money('netPrice', 64, 8, 'Net Price / Cost'),
		{ name: 'meteredDate', start: 72, length: 8, kind: 'date8', label: 'Metered Date' },
	]),
	eanDetail: invoiceRecord('46', 'Invoice detail (EAN)', [
		{ name: 'ean', start: 62, length: 14, kind: 'alpha', label: 'ISBN-13/EAN Shipped' },
	]),
	titleDetail: invoiceRecord('48', 'Invoice detail (title, PO)', [
		{ name: 'title', start: 24, length: 16, kind: 'alpha', label: 'Title' },
		{ name: 'poNumber', start: 45, length: 22, kind: 'alpha', label: 'Client Order ID' },
		{ name: 'lineReference', start: 67, length: 10, kind: 'alpha', label: 'Line Item ID Number' },
	]),
	freightAndFees: invoiceRecord('49', 'Freight and fees', [
		{ name: 'trackingNumber', start: 16, length: 25, kind: 'alpha', label: 'Tracking Number' },
		money('netPrice', 41, 8, 'Net Price'),
		money('shipping', 49, 6, 'Shipping'),
		money('handling', 55, 7, 'Handling'),
		money('giftWrap', 62, 6, 'Gift-Wrap'),
		money('amountDue', 74, 7, 'Amount Due'),
	]),
	invoiceTotals: invoiceRecord('55', 'Invoice totals', [
		{ name: 'recordCount', start: 21, length: 5, kind: 'numeric', label: 'Invoice Record Count' },
		{ name: 'titles', start: 26, length: 5, kind: 'numeric', label: 'Number of Titles' },
		{ name: 'units', start: 31, length: 6, kind: 'numeric', label: 'Total Number of Units' },
		{ name: 'billOfLading', start: 37, length: 10, kind: 'alpha', label: 'Bill of Lading Number' },
		{ name: 'weight', start: 54, length: 7, kind: 'numeric', label: 'Total Invoice Weight' },
	]),
	invoiceTrailer: invoiceRecord('57', 'Invoice trailer', [
		money('netPrice', 21, 9, 'Total Net Price'),
		// Byte 36 holds a minus sign when the freight is an allowance.
		{ ...money('shipping', 36, 7, 'Total Shipping'), signed: true },
		money('handling', 43, 7, 'Total Handling'),
		money('giftWrap', 50, 6, 'Total Gift-Wrap'),
		money('total', 72, 9, 'Total Invoice'),
	]),
	fileTrailer: {
		code: '95',
		name: 'File trailer',
		length: INVOICE_RECORD_LENGTH,
		fields: [
			code('95'),
			sequence,
			{ name: 'titles', start: 8, length: 13, kind: 'numeric', label: 'Total Titles' },
			{ name: 'invoices', start: 21, length: 5, kind: 'numeric', label: 'Total Invoices' },
			{ name: 'units', start: 26, length: 10, kind: 'numeric', label: 'Total Units' },
		],
	},
} satisfies Record<string, RecordLayout>;

export const INVOICE_RECORDS_BY_CODE: ReadonlyMap<string, RecordLayout> = new Map(
	Object.values(INVOICE_RECORDS).map((layout): [string, RecordLayout] => [layout.code, layout]),
);

export type InvoiceFeeType = 'order' | 'perPiece' | 'other';

export interface InvoiceLine {
	/** Empty when the line has no 48 record. */
	poNumber: string;
	lineReference?: string;
	isbn10: string | null;
	ean: string | null;
	/** Ingram's title, cut to 16 characters; empty when the line has no 48 record. */
	title: string;
	quantity: number;
	listPrice: number;
	discountPercent: number;
	netPrice: number;
	/** YYYY-MM-DD; null when blank. */
	meteredDate: string | null;
	/** A CDF fee billed as a line, not a book. */
	fee: boolean;
	feeType?: InvoiceFeeType;
}

export interface InvoiceCharge {
	/** Null when Ingram sends `N.A` (no tracking number) or nothing. */
	trackingNumber: string | null;
	netPrice: number;
	shipping: number;
	handling: number;
	giftWrap: number;
	amountDue: number;
}

export interface InvoiceTotals {
	records: number;
	titles: number;
	units: number;
	billOfLading: string | null;
	/** Whole pounds. */
	weight: number;
	netPrice: number;
	/** Negative for a freight allowance. */
	shipping: number;
	handling: number;
	giftWrap: number;
	total: number;
}

export interface Invoice {
	invoiceNumber: string;
	/** YYYY-MM-DD. */
	invoiceDate: string;
	accountId: string | null;
	/** The DC's SAN; null when blank. */
	warehouseSan: string | null;
	/** One-letter DC code for the SAN; null when blank or unknown. */
	dc: string | null;
	dcName: string | null;
	lines: InvoiceLine[];
	charges: InvoiceCharge[];
	totals: InvoiceTotals;
}

export interface InvoiceFile {
	fileName: string;
	/** YYYY-MM-DD. */
	creationDate: string;
	invoices: Invoice[];
}

/** Ingram's fee pseudo-items carry made-up ISBN-10s starting with these digits. */
const FEE_ISBN_PREFIX = '555887';

/**
 * Whether a line bills a CDF fee: by its title (the per-order and per-piece charges), else by the
 * made-up ISBN Ingram gives fee items.
 */
function feeTypeOf(title: string, isbn10: string | null): InvoiceFeeType | undefined {
	const words = title.toUpperCase().replace(/\s+/g, ' ').trim();
	if (words.startsWith('ORDER CHARGE')) return 'order';
	if (words.startsWith('PER PIECE CHARG')) return 'perPiece';
	if (isbn10?.startsWith(FEE_ISBN_PREFIX)) return 'other';
	return undefined;
}

interface LineDraft {
	line: InvoiceLine;
	rawDiscount: number;
}

function settleLine(draft: LineDraft): InvoiceLine {
	const { line } = draft;
	line.discountPercent = discountPercent(
		draft.rawDiscount,
		line.listPrice,
		line.quantity > 1 ? line.netPrice / line.quantity : line.netPrice,
	);
	const feeType = feeTypeOf(line.title, line.isbn10);
	line.fee = feeType !== undefined;
	if (feeType) line.feeType = feeType;
	return line;
}

const emptyTotals = (): InvoiceTotals => ({
	records: 0,
	titles: 0,
	units: 0,
	billOfLading: null,
	weight: 0,
	netPrice: 0,
	shipping: 0,
	handling: 0,
	giftWrap: 0,
	total: 0,
});

/**
 * Reads an invoice file (.BIN). Returns `{ pending: true, reason }` when the file holds one of
 * Ingram's "check back later" texts instead. Bad input of any kind throws a ReplyFileError naming
 * the file, the record, its code and the field.
 */
export function readInvoiceFile(text: string, fileName: string): PendingReply | InvoiceFile {
	const context = new ReplyFileContext('invoice', String(fileName), INVOICE_RECORD_LENGTH);
	if (typeof text !== 'string') throw context.fileError('Content', 'is not text');
	const pending = pendingReply(text);
	if (pending) return pending;

	const records = context.records(text, INVOICE_RECORDS_BY_CODE);
	let file: InvoiceFile | undefined;
	let invoice: Invoice | undefined;
	let draft: LineDraft | undefined;
	let ended = false;
	const closeLine = () => {
		if (draft) settleLine(draft);
		draft = undefined;
	};

	for (const record of records) {
		if (ended) throw record.error('Record Code', 'comes after the file trailer (95)');
		if (record.code === '01') {
			if (file) throw record.error('Record Code', 'a second file header (01)');
			file = {
				fileName: context.file,
				creationDate: record.date('creationDate') as string,
				invoices: [],
			};
			continue;
		}
		if (!file) throw record.error('Record Code', 'comes before the file header (01)');
		if (record.code === '95') {
			if (invoice) {
				throw record.error(
					'Record Code',
					`the file trailer (95) comes before the trailer (57) of invoice ${invoice.invoiceNumber}`,
				);
			}
			ended = true;
			continue;
		}
		if (record.code === '15') {
			if (invoice) {
				throw record.error(
					'Record Code',
					`a new invoice header (15) before the trailer (57) of invoice ${invoice.invoiceNumber}`,
				);
			}
			const san = record.text('warehouseSan') ?? null;
			const dc = san ? dcBySan(san) : undefined;
			invoice = {
				invoiceNumber: record.text('invoiceNumber') as string,
				invoiceDate: record.date('invoiceDate') as string,
				accountId: record.text('accountId') ?? null,
				warehouseSan: san,
				dc: dc?.letter ?? null,
				dcName: dc?.name ?? null,
				lines: [],
				charges: [],
				totals: emptyTotals(),
			};
			file.invoices.push(invoice);
			continue;
		}

		// Records 45–57 belong to the invoice opened by the last 15, and say so.
		if (!invoice) {
			throw record.error(
				'Record Code',
				`a ${record.layout.name.toLowerCase()} record (${record.code}) outside an invoice: it must follow an invoice header (15)`,
			);
		}
		const owner = record.text('invoiceNumber') as string;
		if (owner !== invoice.invoiceNumber) {
			throw record.error(
				'Invoice Number',
				`"${owner}" differs from the invoice of the header (15) before it, "${invoice.invoiceNumber}"`,
			);
		}

		switch (record.code) {
			case '45': {
				closeLine();
				const line: InvoiceLine = {
					poNumber: '',
					isbn10: record.text('isbn10') ?? null,
					ean: null,
					title: '',
					quantity: record.integer('quantity') ?? 0,
					listPrice: record.amount('listPrice') ?? 0,
					discountPercent: 0,
					netPrice: record.amount('netPrice') ?? 0,
					meteredDate: record.date('meteredDate') ?? null,
					fee: false,
				};
				invoice.lines.push(line);
				draft = { line, rawDiscount: record.integer('discount') ?? 0 };
				break;
			}
			case '46':
			case '48':
				lineDetail(record, draft, invoice.invoiceNumber);
				break;
			case '49': {
				closeLine();
				const tracking = record.text('trackingNumber');
				invoice.charges.push({
					trackingNumber: tracking && tracking.toUpperCase() !== 'N.A' ? tracking : null,
					netPrice: record.amount('netPrice') ?? 0,
					shipping: record.amount('shipping') ?? 0,
					handling: record.amount('handling') ?? 0,
					giftWrap: record.amount('giftWrap') ?? 0,
					amountDue: record.amount('amountDue') ?? 0,
				});
				break;
			}
			case '55':
				closeLine();
				Object.assign(invoice.totals, {
					records: record.integer('recordCount') ?? 0,
					titles: record.integer('titles') ?? 0,
					units: record.integer('units') ?? 0,
					billOfLading: record.text('billOfLading') ?? null,
					weight: record.integer('weight') ?? 0,
				});
				break;
			default:
				// 57 closes the invoice.
				closeLine();
				Object.assign(invoice.totals, {
					netPrice: record.amount('netPrice') ?? 0,
					shipping: record.amount('shipping') ?? 0,
					handling: record.amount('handling') ?? 0,
					giftWrap: record.amount('giftWrap') ?? 0,
					total: record.amount('total') ?? 0,
				});
				invoice = undefined;
		}
	}
	const last = records[records.length - 1];
	if (!file) throw last.error('Record Code', 'the file has no file header (01)');
	if (!ended) {
		throw last.error(
			'Record Code',
			'the file ends here without its trailer (95): it may have been cut short',
		);
	}
	return file;
}

/** 46 (EAN) and 48 (title, PO, line reference) complete the line opened by the last 45. */
function lineDetail(record: ReplyRecord, draft: LineDraft | undefined, invoiceNumber: string) {
	if (!draft) {
		throw record.error(
			'Record Code',
			`a line detail record (${record.code}) must follow a detail record (45) of invoice ${invoiceNumber}; none is open here`,
		);
	}
	const { line } = draft;
	if (record.code === '46') {
		line.ean = record.text('ean') ?? null;
		return;
	}
	line.title = record.text('title') ?? '';
	line.poNumber = record.text('poNumber') ?? '';
	const reference = record.text('lineReference');
	if (reference) line.lineReference = reference;
}
