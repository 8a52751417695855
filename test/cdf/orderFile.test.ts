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

/** The worked example of the CDF documentation, record by record (trailing spaces trimmed). */
const WORKED_EXAMPLE = [
	'00000010000000     MYSHOP       260115260115093000.fbo      F031697978     ICDFL',
	'1000002ORD1001               BILLTO11697978260115260415NN         YY      N',
	'2100003ORD1001               SHIPTO10LS  N 1PASSWORD### USA ECONOMY           Y',
	'2400004ORD1001               000.0000000.00000003.99',
	'2500005ORD1001               JANE BUYER',
	'2600006ORD1001               6155550100',
	'2700007ORD1001               1 MAIN ST',
	'2900008ORD1001               NASHVILLE                TN 37201      USA',
	'3000009ORD1001               JOHN RECIPIENT                                    Y',
	'3100010ORD1001               6155550101',
	'3200011ORD1001               22 OAK AVE',
	'3200012ORD1001               APT 4',
	'3400013ORD1001               LA VERGNE                TN 37086      USA',
	'3500014ORD1001                       0000.00NNN',
	'3700015ORD1001               THANK YOU FOR SHOPPING WITH MYSHOP',
	'3800016ORD1001               HAPPY BIRTHDAY',
	'4000017ORD1001               1                     9780000000002       000N  NEN',
	'4100018ORD1001               00012.99         0000001',
	'4000019ORD1001               2                     9780000000019       000N  NEN',
	'4100020ORD1001               00008.50         0000002',
	'5000021ORD1001               0002000000000020000000003',
	'90000220000000000002000010000000003000010000100006000080000400001000000000000001',
].map((record) => record.padEnd(80, ' '));

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
