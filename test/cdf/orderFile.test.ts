/**
 * A whole order file from orders: the CDF-Lite worked example reproduced byte for byte from its
 * order (sequence numbers and both trailers computed), CRLF between 80-character records, and
 * read(write(order)) giving the order back.
 */
import {
	buildOrderFile,
	readOrderFile,
	splitRecords,
	type CdfOrderFile,
} from '../../nodes/IngramContent/codec/orderFileBuilder';
import { workedExampleRecords } from '../cdfSimulator/workedExample';

/** The worked example of the CDF documentation, each record padded to 80 (kept once, beside the simulator). */
const WORKED_EXAMPLE = workedExampleRecords();

const EXAMPLE_FILE: CdfOrderFile = {
	fileSourceName: 'MYSHOP',
	creationDate: '2026-01-15',
	fileName: '260115093000.fbo',
	orders: [
		{
			poNumber: 'ORD1001',
			orderDate: '2026-01-15',
			backorderCancelDate: '2026-04-15',
			backorderCode: 'N',
			billToAccount: 'BILLTO1',
			shipToAccount: 'SHIPTO1',
			shipToPassword: 'PASSWORD',
			poType: '0',
			orderType: 'LS',
			greenlight: 'N',
			acknowledgementType: '1',
			shippingMethod: '### USA ECONOMY',
			splitAcrossDcs: 'Y',
			cost: { salesTaxPercent: 0, freightTaxPercent: 0, freightAmount: 3.99 },
			billTo: {
				name: 'JANE BUYER',
				phone: '6155550100',
				addressLines: ['1 MAIN ST'],
				city: 'NASHVILLE',
				state: 'TN',
				postalCode: '37201',
				country: 'USA',
			},
			recipient: {
				name: 'JOHN RECIPIENT',
				phone: '6155550101',
				addressLines: ['22 OAK AVE', 'APT 4'],
				city: 'LA VERGNE',
				state: 'TN',
				postalCode: '37086',
				country: 'USA',
				addressValidation: 'Y',
			},
			dropShip: { giftWrapFee: 0, sendConsumerEmail: 'N', gift: 'N', suppressPrices: 'N' },
			marketingMessages: ['THANK YOU FOR SHOPPING WITH MYSHOP'],
			giftMessages: ['HAPPY BIRTHDAY'],
			lines: [
				{
					reference: '1',
					itemNumber: '9780000000002',
					itemNumberType: 'EN',
					backorderCode: 'N',
					quantity: 1,
					price: 12.99,
				},
				{
					reference: '2',
					itemNumber: '9780000000019',
					itemNumberType: 'EN',
					backorderCode: 'N',
					quantity: 2,
					price: 8.5,
				},
			],
		},
	],
};

test('the worked example is reproduced byte for byte from its order, CRLF between records', () => {
	const text = buildOrderFile(EXAMPLE_FILE);
	expect(text).toBe(WORKED_EXAMPLE.join('\r\n') + '\r\n');
	expect(
		text
			.split('\r\n')
			.filter(Boolean)
			.every((record) => record.length === 80),
	).toBe(true);
});

test('sequence numbers and both trailers are computed: a second PO renumbers and recounts everything', () => {
	const second = {
		...EXAMPLE_FILE.orders[0],
		poNumber: 'ORD1002',
		lines: [{ ...EXAMPLE_FILE.orders[0].lines[0], quantity: 5 }],
	};
	const records = splitRecords(
		buildOrderFile({ ...EXAMPLE_FILE, orders: [EXAMPLE_FILE.orders[0], second] }),
	);
	expect(records.map((r) => Number(r.slice(2, 7)))).toEqual(records.map((_, i) => i + 1));
	const trailers = records.filter((r) => r.startsWith('50'));
	expect(
		trailers.map((r) => [
			r.slice(7, 29).trim(),
			Number(r.slice(29, 34)),
			Number(r.slice(34, 44)),
			Number(r.slice(44, 54)),
		]),
	).toEqual([
		['ORD1001', 20, 2, 3],
		['ORD1002', 18, 1, 5],
	]);
	const last = records[records.length - 1];
	expect(last.slice(0, 2)).toBe('90');
	expect([
		Number(last.slice(7, 20)),
		Number(last.slice(20, 25)),
		Number(last.slice(25, 35)),
	]).toEqual([3, 2, 8]);
});

test('read(write(order)) gives the order back', () => {
	expect(readOrderFile(buildOrderFile(EXAMPLE_FILE))).toEqual(EXAMPLE_FILE);
});

test('the reader takes LF, CRLF or no delimiters at all', () => {
	const text = buildOrderFile(EXAMPLE_FILE);
	const expected = readOrderFile(text);
	expect(readOrderFile(text.replace(/\r\n/g, '\n'))).toEqual(expected);
	expect(readOrderFile(text.replace(/\r\n/g, ''))).toEqual(expected);
});

test('a record out of sequence is reported with its record type and position', () => {
	const records = splitRecords(buildOrderFile(EXAMPLE_FILE));
	[records[3], records[4]] = [records[4], records[3]];
	expect(() => readOrderFile(records.join('\r\n'))).toThrow(
		/Record 25, field "Sequence Number": record 4 is numbered 5/,
	);
});
