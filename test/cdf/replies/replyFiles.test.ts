/**
 * What the reply readers share: cutting files into records, Ingram's "check back later" replies,
 * the code tables (line-status groups, DCs, ASN ship codes → Ingram methods, carriers) and the
 * discount reading.
 */
import {
	ASN_STATUSES,
	BINDINGS,
	DISTRIBUTION_CENTRES,
	LINE_STATUSES,
	LINE_STATUS_BY_CODE,
	PO_STATUSES,
	SLASH_REASONS,
	asnShippingMethodName,
	asnShippingMethods,
	carrierName,
	dcByAsnCode,
	dcByLetter,
	dcBySan,
} from '../../../nodes/IngramContent/codec/codes';
import { readAcknowledgementFile } from '../../../nodes/IngramContent/codec/acknowledgementFile';
import {
	CodecError,
	readRecord,
	writeRecord,
	type RecordLayout,
} from '../../../nodes/IngramContent/codec/fixedWidth';
import { readInvoiceFile } from '../../../nodes/IngramContent/codec/invoiceFile';
import {
	ReplyFileError,
	discountPercent,
	pendingReply,
	splitReplyRecords,
} from '../../../nodes/IngramContent/codec/replyFiles';
import { readShipNoticeFile } from '../../../nodes/IngramContent/codec/shipNoticeFile';
import { INGRAM_SHIPPING_METHODS } from '../../../nodes/IngramContent/reference/shippingMethods';

describe('splitReplyRecords', () => {
	const a = 'A'.repeat(80);
	const b = `B${' '.repeat(78)}b`;
	const c = `C${' '.repeat(79)}`;

	it('splits CRLF, LF, CR and undelimited text alike', () => {
		for (const text of [
			`${a}\r\n${b}\r\n${c}\r\n`,
			`${a}\n${b}\n${c}\n`,
			`${a}\r${b}\r${c}`,
			`${a}${b}${c}`,
			`${a}${b}${c}\r\n`,
		]) {
			expect(splitReplyRecords(text, 80)).toEqual([a, b, c]);
		}
	});

	it('keeps a short last record (trailing spaces stripped) and drops trailing whitespace', () => {
		expect(splitReplyRecords(`${a}${b}C`, 80)).toEqual([a, b, 'C']);
		expect(splitReplyRecords(`${a}\r\n${b}\r\nC\r\n\r\n   \n`, 80)).toEqual([a, b, 'C']);
		expect(splitReplyRecords(`${a}${b}${c}      `, 80)).toEqual([a, b, c]);
	});

	it('keeps delimited records shorter than a full record as they came', () => {
		expect(splitReplyRecords('01 SHORT\r\n15 ALSO SHORT', 80)).toEqual([
			'01 SHORT',
			'15 ALSO SHORT',
		]);
	});

	it('cuts long lines by the record length given (200 for ship notices)', () => {
		const cr = `CR${' '.repeat(198)}`;
		const or = `OR${'1'.repeat(198)}`;
		expect(splitReplyRecords(cr + or, 200)).toEqual([cr, or]);
	});

	it('drops a byte-order mark; nothing in, nothing out', () => {
		expect(splitReplyRecords(`\uFEFF${a}`, 80)).toEqual([a]);
		expect(splitReplyRecords('', 80)).toEqual([]);
		expect(splitReplyRecords(' \r\n \n', 80)).toEqual([]);
	});
});

describe('"check back later" replies', () => {
	const replies = [
		'NO MAINFRAME',
		'Confirmation Not Ready',
		'Order Accepted, Post Back For Confirmation',
		'System Unavailable',
		'Unable To Create A Track Record',
	];

	it.each(replies)('%s, in any case and spacing, is pending in every reader', (reply) => {
		for (const text of [
			reply,
			reply.toLowerCase(),
			`  ${reply.toUpperCase()}\r\n`,
			`${reply}.`,
			reply.replace(/ /g, '\r\n '),
		]) {
			const pending = pendingReply(text);
			expect(pending).toEqual({
				pending: true,
				reason: expect.stringContaining(reply.toUpperCase()),
			});
			expect(pending?.reason).toMatch(/do not send the order again/);
			expect(readAcknowledgementFile(text, 'a.fbc')).toEqual(pending);
			expect(readShipNoticeFile(text, 'a.PBS')).toEqual(pending);
			expect(readInvoiceFile(text, 'a.BIN')).toEqual(pending);
		}
	});

	it('only the whole content counts', () => {
		expect(pendingReply('NO MAINFRAME TODAY')).toBeUndefined();
		expect(pendingReply('02000011697978 NO MAINFRAME')).toBeUndefined();
		expect(pendingReply('')).toBeUndefined();
		expect(() => readAcknowledgementFile('NO MAINFRAME!', 'a.fbc')).toThrow(ReplyFileError);
	});
});

describe('code tables', () => {
	it('line statuses: the CDF-Lite list and the extended superset, grouped as the notes suggest', () => {
		const group = (g: string) =>
			LINE_STATUSES.filter((s) => s.group === g)
				.map((s) => s.code)
				.join(' ');
		expect(group('accepted')).toBe('00 04 30 35');
		expect(group('backordered')).toBe('03 06 07 09 12 20 31 32 37');
		expect(group('cancelled')).toBe('01 02 05 08 10 11 13 14 15 22 23 26 28 42 43 46');
		expect(group('partialCancel')).toBe('24 25 33 38 47 48 49');
		expect(
			LINE_STATUSES.filter((s) => s.list === 'cdfLite')
				.map((s) => s.code)
				.join(' '),
		).toBe('00 01 02 03 05 06 08 10 12 13 14 22 23 24 25 26 42 43');
		expect(LINE_STATUS_BY_CODE.get('14')?.meaning).toMatch(/out of print/i);
	});

	it('every table has unique codes and a meaning for each', () => {
		for (const table of [PO_STATUSES, LINE_STATUSES, BINDINGS, ASN_STATUSES, SLASH_REASONS]) {
			const codes = table.map((row) => row.code);
			expect(new Set(codes).size).toBe(codes.length);
			expect(table.every((row) => row.meaning.length > 3)).toBe(true);
		}
		expect(PO_STATUSES.map((s) => s.code).join('')).toBe('012345678');
	});

	it('DCs by letter, ship-notice code and invoice SAN', () => {
		expect(dcByLetter('n')?.name).toBe('La Vergne, TN');
		expect(dcByLetter('K')).toBeUndefined();
		expect(dcByAsnCode('DD')?.letter).toBe('D');
		expect(dcByAsnCode('D ')?.letter).toBe('D');
		expect(dcByAsnCode('  ')).toBeUndefined();
		expect(dcBySan('6308740')?.name).toBe('Roseburg, OR');
		expect(dcBySan('0000000')).toBeUndefined();
		expect(DISTRIBUTION_CENTRES.map((dc) => dc.letter).join('')).toBe('NCDEJB');
	});

	it('ASN ship codes name the Ingram methods of reference/shippingMethods', () => {
		expect(
			['12', '17', '10', '11', '1A', '1a', '21', '24', '26', 'MC', 'MP', 'MT'].map(
				asnShippingMethodName,
			),
		).toEqual([
			'UPS 2nd Day Air',
			'UPS 3 Day Select',
			'UPS Ground',
			'UPS Next Day Air',
			'UPS Next Day Air Saver',
			'UPS Next Day Air Saver',
			'USA Economy Mail',
			'USA Expedited Mail',
			'USA Expedited Mail',
			'International Courier',
			'International Priority',
			'International with Delivery Confirmation',
		]);
		expect(asnShippingMethods('50').map((m) => m.text)).toEqual([
			'### INTL COURIER',
			'### INTL PRIORITY',
			'### INTL W/DEL CONFIRMATI',
		]);
		expect(asnShippingMethodName('99')).toBeUndefined();
		expect(asnShippingMethodName('')).toBeUndefined();
		// every code a method reports maps back to it
		for (const method of INGRAM_SHIPPING_METHODS) {
			for (const code of method.asnCodes) expect(asnShippingMethods(code)).toContain(method);
		}
	});

	it('carriers by SCAC', () => {
		expect(['UPSN', 'USPS', 'FDEG', 'FDXE', 'DHLG', 'upsn'].map(carrierName)).toEqual([
			'UPS',
			'USPS',
			'FedEx',
			'FedEx',
			'DHL',
			'UPS',
		]);
		expect(carrierName('ABCD')).toBe('ABCD');
		expect(carrierName('  ')).toBeNull();
	});
});

describe('discountPercent', () => {
	it('reads 3500 as 35 % and 0035 as 35 %', () => {
		expect(discountPercent(3500)).toBe(35);
		expect(discountPercent(35)).toBe(35);
		expect(discountPercent(3500, 4.99, 3.24)).toBe(35);
		expect(discountPercent(35, 4.99, 3.24)).toBe(35);
	});

	it('lets plausible prices decide a small value; ignores implausible ones', () => {
		expect(discountPercent(50, 10, 9.95)).toBe(0.5);
		expect(discountPercent(50, 10, 5)).toBe(50);
		expect(discountPercent(40, 10, 30)).toBe(40);
		expect(discountPercent(0, 0, 0)).toBe(0);
	});
});

describe('the implied-decimal and YYYYMMDD field kinds of fixedWidth', () => {
	const layout: RecordLayout = {
		code: 'ZZ',
		name: 'Test',
		length: 30,
		fields: [
			{ name: 'code', start: 1, length: 2, kind: 'fixed', value: 'ZZ' },
			{ name: 'amount', start: 3, length: 7, kind: 'implied', decimals: 2 },
			{ name: 'freight', start: 10, length: 8, kind: 'implied', decimals: 4 },
			{ name: 'allowance', start: 18, length: 5, kind: 'implied', decimals: 2, signed: true },
			{ name: 'day', start: 23, length: 8, kind: 'date8' },
		],
	};

	it('writes and reads them back', () => {
		const text = writeRecord(layout, {
			amount: 12.99,
			freight: 5.8,
			allowance: -1.2,
			day: '2026-01-22',
		});
		expect(text).toBe('ZZ000129900058000-012020260122');
		expect(readRecord(layout, text)).toEqual({
			amount: 12.99,
			freight: 5.8,
			allowance: -1.2,
			day: '2026-01-22',
		});
		expect(writeRecord(layout, { allowance: 3, day: '20260122' }).slice(17)).toBe('0030020260122');
	});

	it('refuses what does not fit', () => {
		expect(() => writeRecord(layout, { amount: -1 })).toThrow(CodecError);
		expect(() => writeRecord(layout, { amount: 100000 })).toThrow(/does not fit/);
		expect(() => writeRecord(layout, { day: 'soon' })).toThrow(/not a date/);
	});
});

describe('ReplyFileError', () => {
	it('carries the file, record, record code and field, and says them in its message', () => {
		const error = new ReplyFileError('invoice', 'X.BIN', 5, '45', 'Quantity Shipped', 'is wrong');
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({
			name: 'ReplyFileError',
			file: 'X.BIN',
			record: 5,
			recordCode: '45',
			field: 'Quantity Shipped',
		});
		expect(error.message).toBe('invoice X.BIN, record 5 (45), field "Quantity Shipped": is wrong');
		expect(new ReplyFileError('invoice', 'X.BIN', 2, '\u0000a', 'Record Code', 'odd').message).toBe(
			'invoice X.BIN, record 2 (?a), field "Record Code": odd',
		);
	});
});
