/**
 * The invoice reader (.BIN): book lines and the fee pseudo-lines (ORDER CHARGE, PER PIECE CHARG),
 * freight-and-fee records with and without a tracking number (`N.A`), totals with a freight
 * allowance, records with their trailing spaces stripped as real files have them, and errors.
 */
import { layoutProblems } from '../../../nodes/IngramContent/codec/fixedWidth';
import {
	INVOICE_RECORDS,
	readInvoiceFile,
	type InvoiceFile,
} from '../../../nodes/IngramContent/codec/invoiceFile';
import { ReplyFileError } from '../../../nodes/IngramContent/codec/replyFiles';
import { INVOICES, invoiceRecords, joinCrlf, joinLf, joinNone, stripTrailing } from './build';

const FILE = '05536017.BIN';

function read(text: string): InvoiceFile {
	const result = readInvoiceFile(text, FILE);
	if ('pending' in result) throw new Error(`unexpectedly pending: ${result.reason}`);
	return result;
}

function errorOf(text: string): ReplyFileError {
	try {
		readInvoiceFile(text, FILE);
	} catch (error) {
		expect(error).toBeInstanceOf(ReplyFileError);
		return error as ReplyFileError;
	}
	throw new Error('no error');
}

describe('invoice layouts', () => {
	it.each(Object.values(INVOICE_RECORDS))('$code $name: fields in order, inside 80', (layout) => {
		expect(layoutProblems(layout)).toEqual([]);
	});
});

describe('reading an invoice file', () => {
	const records = invoiceRecords(INVOICES);
	const file = read(joinCrlf(records));
	const [books, fees] = file.invoices;

	it('reads the header and both invoices', () => {
		expect(file.fileName).toBe(FILE);
		expect(file.creationDate).toBe('2026-01-22');
		expect(file.invoices.map((i) => [i.invoiceNumber, i.invoiceDate, i.accountId])).toEqual([
			['10003868', '2026-01-22', '20N2730'],
			['10003869', '2026-01-22', '20N2730'],
		]);
	});

	it('names the DC by its SAN; a blank SAN names none', () => {
		expect([books.warehouseSan, books.dc, books.dcName]).toEqual([
			'2544105',
			'C',
			'Chambersburg, PA',
		]);
		expect([fees.warehouseSan, fees.dc, fees.dcName]).toEqual([null, null, null]);
	});

	it('reads book lines (discount as a whole percent or with implied decimals)', () => {
		expect(books.lines).toEqual([
			{
				poNumber: 'ORD1001',
				lineReference: '1',
				isbn10: '0000000000',
				ean: '9780000000002',
				title: 'A QUIET YEAR IN',
				quantity: 1,
				listPrice: 4.99,
				discountPercent: 35,
				netPrice: 3.24,
				meteredDate: '2026-01-22',
				fee: false,
			},
			expect.objectContaining({
				poNumber: 'ORD1002',
				lineReference: '7',
				quantity: 3,
				discountPercent: 35,
				netPrice: 9.72,
				fee: false,
			}),
		]);
	});

	it('marks the fee pseudo-lines', () => {
		expect(fees.lines.map((l) => [l.title, l.fee, l.feeType, l.lineReference, l.netPrice])).toEqual(
			[
				['ORDER CHARGE', true, 'order', undefined, 0],
				['PER PIECE CHARG', true, 'perPiece', '1', 0.65],
				['PACKING SLIP', true, 'other', undefined, 0.25],
			],
		);
		expect(fees.lines[2].ean).toBeNull();
	});

	it('reads the freight and fee records; N.A is no tracking number', () => {
		expect(books.charges.map((c) => c.trackingNumber)).toEqual([
			'1Z999AA10123456784',
			'1Z999AA10123456785',
		]);
		expect(fees.charges).toEqual([
			{
				trackingNumber: null,
				netPrice: 0.9,
				shipping: 0.01,
				handling: 0.65,
				giftWrap: 2,
				amountDue: 3.56,
			},
		]);
	});

	it('reads the totals, a freight allowance as a negative amount', () => {
		expect(books.totals).toEqual({
			records: 9,
			titles: 2,
			units: 4,
			billOfLading: 'TESTCI0001',
			weight: 3,
			netPrice: 12.96,
			shipping: 0,
			handling: 0,
			giftWrap: 0,
			total: 12.96,
		});
		expect(records.find((r) => r.startsWith('57') && r.includes('10003869'))?.slice(35, 42)).toBe(
			'-000120',
		);
		expect(fees.totals).toMatchObject({ shipping: -1.2, handling: 1.3, giftWrap: 2, total: 3 });
	});

	it('reads the same with CRLF, LF, no delimiters, or trailing spaces stripped', () => {
		expect(read(joinLf(records))).toEqual(file);
		expect(read(joinNone(records))).toEqual(file);
		expect(read(joinLf(stripTrailing(records)))).toEqual(file);
		expect(read(joinCrlf(stripTrailing(records)))).toEqual(file);
	});
});

describe('errors name the file, the record, its code and the field', () => {
	const records = invoiceRecords(INVOICES);
	const at = (index: number, position: number, text: string) =>
		joinCrlf(
			records.map((r, n) =>
				n === index ? r.slice(0, position - 1) + text + r.slice(position - 1 + text.length) : r,
			),
		);
	const index = (code: string) => records.findIndex((r) => r.startsWith(code));

	it('letters in an amount', () => {
		const error = errorOf(at(index('45'), 51, '00004X9'));
		expect(error).toMatchObject({
			file: FILE,
			record: 3,
			recordCode: '45',
			field: 'Ingram Item List Price',
		});
		expect(error.message).toBe(
			`invoice ${FILE}, record 3 (45), field "Ingram Item List Price": "00004X9" is not an amount (positions 51–57)`,
		);
	});

	it('a minus sign where no allowance can be', () => {
		expect(errorOf(at(index('49'), 49, '-00001'))).toMatchObject({
			recordCode: '49',
			field: 'Shipping',
		});
	});

	it('a record of another invoice', () => {
		expect(errorOf(at(index('46'), 8, '99999999'))).toMatchObject({
			recordCode: '46',
			field: 'Invoice Number',
		});
	});

	it('a detail before any invoice header, a title record before any detail', () => {
		const header = index('15');
		expect(errorOf(joinCrlf([records[0], ...records.slice(header + 1)]))).toMatchObject({
			record: 2,
			recordCode: '45',
			field: 'Record Code',
		});
		const swapped = [...records];
		[swapped[2], swapped[4]] = [swapped[4], swapped[2]];
		expect(errorOf(joinCrlf(swapped))).toMatchObject({ record: 3, recordCode: '48' });
	});

	it('a bad invoice date; a blank one', () => {
		expect(errorOf(at(index('15'), 57, '20260231'))).toMatchObject({ field: 'Invoice Date' });
		expect(errorOf(at(index('15'), 57, '        ')).message).toMatch(
			/Invoice Date": the record stops at position 53 \(the rest is blank or missing\)/,
		);
		expect(errorOf(at(index('15'), 57, '        |')).message).toMatch(/Invoice Date": is blank/);
	});

	it('a file cut short; an invoice trailer missing', () => {
		expect(errorOf(joinCrlf(records.slice(0, -1))).message).toMatch(/without its trailer \(95\)/);
		const trailer = index('57');
		expect(errorOf(joinCrlf(records.filter((_, n) => n !== trailer))).message).toMatch(
			/new invoice header \(15\) before the trailer \(57\) of invoice 10003868/,
		);
	});
});
