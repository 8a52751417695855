/**
 * Properties of whole order files over generated orders (fast-check): any valid order file has
 * only 80-character records separated by CRLF, sequence numbers 1…n, PO and file trailers whose
 * counts add up to what the file holds, and reads back to the orders it was written from.
 */
import fc from 'fast-check';

import { CodecError } from '../../nodes/IngramContent/codec/fixedWidth';
import {
	buildOrderFile,
	readOrderFile,
	type CdfAddress,
	type CdfLine,
	type CdfOrder,
} from '../../nodes/IngramContent/codec/orderFileBuilder';

const CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,#/-'];
/** Printable ASCII without leading/trailing spaces (the writer pads; the reader trims). */
const text = (maxLength: number) =>
	fc
		.array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength })
		.map((characters) => characters.join('').trim())
		.filter((value) => value.length > 0);
const digits = (length: number) =>
	fc
		.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
		.map((d) => d.join(''));
const date = fc
	.date({
		min: new Date('2020-01-01T00:00:00Z'),
		max: new Date('2049-12-31T00:00:00Z'),
		noInvalidDate: true,
	})
	.map((d) => d.toISOString().slice(0, 10));

const address: fc.Arbitrary<CdfAddress> = fc.record({
	name: text(35),
	phone: fc.option(digits(10), { nil: undefined }),
	addressLines: fc.array(text(35), { minLength: 1, maxLength: 2 }),
	city: text(25),
	state: fc.constantFrom('TN', 'NY', 'CA', 'QC'),
	postalCode: digits(5),
	country: fc.constantFrom('USA', 'CAN'),
});

const line = (reference: number): fc.Arbitrary<CdfLine> =>
	fc.record({
		reference: fc.constant(String(reference)),
		itemNumber: digits(13),
		itemNumberType: fc.constant('EN' as const),
		quantity: fc.integer({ min: 1, max: 9999 }),
		price: fc.option(
			fc.integer({ min: 0, max: 99999 }).map((cents) => cents / 100),
			{ nil: undefined },
		),
		backorderCancelDate: fc.option(date, { nil: undefined }),
		giftMessages: fc.option(fc.array(text(51), { minLength: 1, maxLength: 3 }), { nil: undefined }),
	});

const order = (poNumber: string): fc.Arbitrary<CdfOrder> =>
	fc
		.record({
			orderDate: date,
			backorderCancelDate: date,
			orderType: fc.constantFrom('RF', 'LS', 'EL' as const),
			poType: fc.constantFrom('0', '8'),
			shippingMethod: fc.constantFrom('### USA ECONOMY', '### UPS', '### INTL COURIER'),
			billTo: address,
			recipient: address,
			marketingMessages: fc.option(fc.array(text(51), { maxLength: 3 }), { nil: undefined }),
			giftMessages: fc.option(fc.array(text(51), { maxLength: 3 }), { nil: undefined }),
			deliveryInstructions: fc.option(fc.array(text(51), { maxLength: 2 }), { nil: undefined }),
			lineCount: fc.integer({ min: 1, max: 12 }),
		})
		.chain(({ lineCount, ...fields }) =>
			fc.tuple(...Array.from({ length: lineCount }, (_, n) => line(n + 1))).map((lines) => ({
				...fields,
				poNumber,
				billToAccount: '2000001',
				shipToAccount: '2000002',
				shipToPassword: 'SHIPPW01',
				lines,
			})),
		);

const orderFile = fc
	.integer({ min: 1, max: 25 })
	.chain((count) => fc.tuple(...Array.from({ length: count }, (_, n) => order(`PO${n + 1}`))))
	.map((orders) => ({
		fileSourceName: 'MYSHOP',
		creationDate: '2026-11-28',
		fileName: 'X.fbo',
		orders,
	}));

test('every record is 80 characters, CRLF-separated, numbered 1…n, and both trailers add up', () => {
	fc.assert(
		fc.property(orderFile, (file) => {
			const text = buildOrderFile(file);
			expect(text.endsWith('\r\n')).toBe(true);
			const records = text.slice(0, -2).split('\r\n');
			for (const [index, record] of records.entries()) {
				expect(record).toHaveLength(80);
				expect(record.slice(2, 7)).toBe(String(index + 1).padStart(5, '0'));
			}
			// each PO trailer counts its own records (10 … 50), lines and units
			let start = 0;
			for (const [index, record] of records.entries()) {
				if (record.startsWith('10')) start = index;
				if (!record.startsWith('50')) continue;
				const po = records.slice(start, index + 1);
				expect(Number(record.slice(29, 34))).toBe(po.length);
				expect(Number(record.slice(34, 44))).toBe(po.filter((r) => r.startsWith('40')).length);
				expect(Number(record.slice(44, 54))).toBe(
					po.filter((r) => r.startsWith('41')).reduce((sum, r) => sum + Number(r.slice(46, 53)), 0),
				);
			}
			const trailer = records[records.length - 1];
			const lines = file.orders.flatMap((o) => o.lines);
			expect(Number(trailer.slice(7, 20))).toBe(lines.length);
			expect(Number(trailer.slice(20, 25))).toBe(file.orders.length);
			expect(Number(trailer.slice(25, 35))).toBe(lines.reduce((sum, l) => sum + l.quantity, 0));
			for (let digit = 0; digit <= 7; digit++) {
				const field = trailer.slice(35 + digit * 5, 40 + digit * 5);
				expect(Number(field)).toBe(records.filter((r) => r[0] === String(digit)).length);
			}
			expect(Number(trailer.slice(75, 80))).toBe(
				records.filter((r) => r[0] === '8' || r[0] === '9').length,
			);
		}),
		{ numRuns: 100 },
	);
});

test('read(write(file)) gives back every order, line and message', () => {
	fc.assert(
		fc.property(orderFile, (file) => {
			const back = readOrderFile(buildOrderFile(file));
			expect(back.orders).toHaveLength(file.orders.length);
			for (const [index, written] of file.orders.entries()) {
				const read = back.orders[index];
				expect(read).toMatchObject({
					poNumber: written.poNumber,
					orderDate: written.orderDate,
					backorderCancelDate: written.backorderCancelDate,
					orderType: written.orderType,
					poType: written.poType,
					shippingMethod: written.shippingMethod,
					// (JSON drops the optional fields the order left out)
					recipient: JSON.parse(JSON.stringify(written.recipient)),
					billTo: JSON.parse(JSON.stringify(written.billTo)),
				});
				expect(read.giftMessages ?? []).toEqual(written.giftMessages ?? []);
				expect(read.marketingMessages ?? []).toEqual(written.marketingMessages ?? []);
				expect(read.deliveryInstructions ?? []).toEqual(written.deliveryInstructions ?? []);
				expect(
					read.lines.map((l) => [
						l.reference,
						l.itemNumber,
						l.quantity,
						l.price,
						l.backorderCancelDate,
						l.giftMessages ?? [],
					]),
				).toEqual(
					written.lines.map((l) => [
						l.reference,
						l.itemNumber,
						l.quantity,
						l.price,
						l.backorderCancelDate,
						l.giftMessages ?? [],
					]),
				);
			}
		}),
		{ numRuns: 100 },
	);
});

test('a file name longer than 17 characters is refused, so the acknowledgement can name the file', () => {
	const file = { fileSourceName: 'MYSHOP', creationDate: '2026-11-28', orders: [] };
	expect(() => buildOrderFile({ ...file, fileName: '12345678901234.fbo' })).toThrow(CodecError);
	expect(() => buildOrderFile({ ...file, fileName: '12345678901234.fbo' })).toThrow(
		/18 characters; at most 17/,
	);
	expect(() => buildOrderFile({ ...file, fileName: '1234567890123.fbo' })).not.toThrow();
	expect(() => buildOrderFile({ ...file, fileName: 'ORDER.txt' })).toThrow(/must end in .fbo/);
});
