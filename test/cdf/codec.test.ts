/**
 * The CDF fixed-width codec on Ingram Content's order file (.fbo): the record tables themselves,
 * every record of the CDF-Lite worked example written field by field and compared byte for byte,
 * read back, and the errors a wrong value gets.
 */
import {
	CodecError,
	layoutProblems,
	readRecord,
	writeRecord,
	type RecordLayout,
} from '../../nodes/IngramContent/codec/fixedWidth';
import { ORDER_RECORDS, ORDER_RECORDS_BY_CODE } from '../../nodes/IngramContent/codec/orderFile';

const PO = 'ORD1001';
const pad = (line: string) => line.padEnd(80, ' ');

/** The worked example of a one-PO, two-line order file (records as Ingram's layouts define them). */
const EXAMPLE: Array<[RecordLayout, Record<string, string | number>, string]> = [
	[
		ORDER_RECORDS.fileHeader,
		{
			sequence: 1,
			fileSourceName: 'MYSHOP',
			creationDate: '2026-01-15',
			fileName: '260115093000.fbo',
		},
		'00000010000000     MYSHOP       260115260115093000.fbo      F031697978     ICDFL',
	],
	[
		ORDER_RECORDS.clientHeader,
		{
			sequence: 2,
			poNumber: PO,
			billToAccount: 'BILLTO1',
			orderDate: '2026-01-15',
			backorderCancelDate: '2026-04-15',
			backorderCode: 'N',
		},
		'1000002ORD1001               BILLTO11697978260115260415NN         YY      N',
	],
	[
		ORDER_RECORDS.options,
		{
			sequence: 3,
			poNumber: PO,
			shipToAccount: 'SHIPTO1',
			poType: '0',
			orderType: 'LS',
			greenlight: 'N',
			poaType: '1',
			shipToPassword: 'PASSWORD',
			shippingMethod: '### USA ECONOMY',
			splitAcrossDcs: 'Y',
		},
		'2100003ORD1001               SHIPTO10LS  N 1PASSWORD### USA ECONOMY           Y',
	],
	[
		ORDER_RECORDS.customerCost,
		{ sequence: 4, poNumber: PO, freightAmount: 3.99 },
		'2400004ORD1001               000.0000000.00000003.99',
	],
	[
		ORDER_RECORDS.billToName,
		{ sequence: 5, poNumber: PO, text: 'JANE BUYER' },
		'2500005ORD1001               JANE BUYER',
	],
	[
		ORDER_RECORDS.billToCity,
		{
			sequence: 8,
			poNumber: PO,
			city: 'NASHVILLE',
			state: 'TN',
			postalCode: '37201',
			country: 'USA',
		},
		'2900008ORD1001               NASHVILLE                TN 37201      USA',
	],
	[
		ORDER_RECORDS.recipientName,
		{ sequence: 9, poNumber: PO, text: 'JOHN RECIPIENT', addressValidation: 'Y' },
		'3000009ORD1001               JOHN RECIPIENT                                    Y',
	],
	[
		ORDER_RECORDS.dropShip,
		{ sequence: 14, poNumber: PO },
		'3500014ORD1001                       0000.00NNN',
	],
	[
		ORDER_RECORDS.lineItem,
		{
			sequence: 17,
			poNumber: PO,
			lineReference: '1',
			itemNumber: '9780000000002',
			backorderCode: 'N',
			itemNumberType: 'EN',
		},
		'4000017ORD1001               1                     9780000000002       000N  NEN',
	],
	[
		ORDER_RECORDS.lineDetail,
		{ sequence: 18, poNumber: PO, listPrice: 12.99, quantity: 1 },
		'4100018ORD1001               00012.99         0000001',
	],
	[
		ORDER_RECORDS.poTrailer,
		{ sequence: 21, poNumber: PO, recordCount: 20, lineCount: 2, unitCount: 3 },
		'5000021ORD1001               0002000000000020000000003',
	],
	[
		ORDER_RECORDS.fileTrailer,
		{
			sequence: 22,
			lineCount: 2,
			poCount: 1,
			unitCount: 3,
			records0x: 1,
			records1x: 1,
			records2x: 6,
			records3x: 8,
			records4x: 4,
			records5x: 1,
			records6x: 0,
			records7x: 0,
			records89x: 1,
		},
		'90000220000000000002000010000000003000010000100006000080000400001000000000000001',
	],
];

describe('order file record tables', () => {
	test('all 23 record types of the order file are tables, 80 characters, fields in order and not overlapping', () => {
		expect([...ORDER_RECORDS_BY_CODE.keys()].sort()).toEqual([
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
		for (const layout of ORDER_RECORDS_BY_CODE.values()) {
			expect(layout.length).toBe(80);
			expect(layoutProblems(layout)).toEqual([]);
		}
	});

	test('records 10 to 50 all carry the PO number in positions 8-29', () => {
		for (const [recordCode, layout] of ORDER_RECORDS_BY_CODE) {
			if (recordCode === '00' || recordCode === '90') continue;
			expect(layout.fields.find((f) => f.name === 'poNumber')).toMatchObject({
				start: 8,
				length: 22,
			});
		}
	});
});

describe('the generic writer and reader', () => {
	test.each(EXAMPLE.map(([layout, values, line]) => [layout.code, layout, values, line] as const))(
		'record %s of the worked example is written byte for byte',
		(_code, layout, values, line) => {
			const written = writeRecord(layout, values);
			expect(written).toHaveLength(80);
			expect(written).toBe(pad(line));
		},
	);

	test.each(EXAMPLE.map(([layout, values, line]) => [layout.code, layout, values, line] as const))(
		'record %s reads back into the values it was written from',
		(_code, layout, values, line) => {
			const read = readRecord(layout, pad(line));
			for (const [name, value] of Object.entries(values)) {
				const expected =
					typeof value === 'string' &&
					/^\d+$/.test(value) &&
					layout.fields.find((f) => f.name === name)?.kind !== 'alpha'
						? Number(value)
						: value;
				expect([name, read[name]]).toEqual([name, expected]);
			}
		},
	);

	test.each([
		[
			'an over-long name',
			ORDER_RECORDS.billToName,
			{ sequence: 1, poNumber: PO, text: 'X'.repeat(36) },
			/^Record 25, field "Bill-To Name": "X+" is 36 characters; the field holds 35$/,
		],
		[
			'letters in a quantity',
			ORDER_RECORDS.lineDetail,
			{ sequence: 1, poNumber: PO, quantity: '2x' },
			/^Record 41, field "Quantity": "2x" is not a whole number$/,
		],
		[
			'a missing required field',
			ORDER_RECORDS.lineItem,
			{ sequence: 1, poNumber: PO, itemNumber: '9780000000002', itemNumberType: 'EN' },
			/^Record 40, field "Line Reference": is required$/,
		],
		[
			'non-ASCII text',
			ORDER_RECORDS.recipientName,
			{ sequence: 1, poNumber: PO, text: 'JOSÉ' },
			/outside printable ASCII/,
		],
		[
			'a PO number over 22 characters',
			ORDER_RECORDS.clientHeader,
			{
				sequence: 1,
				poNumber: 'P'.repeat(23),
				billToAccount: 'B',
				orderDate: '2026-01-01',
				backorderCancelDate: '2026-02-01',
			},
			/field "PO Number"/,
		],
		[
			'a sequence number over 5 digits',
			ORDER_RECORDS.billToName,
			{ sequence: 123456, poNumber: PO, text: 'A' },
			/field "Sequence Number": 123456 has more than 5 digits/,
		],
		[
			'a date that is not a date',
			ORDER_RECORDS.clientHeader,
			{
				sequence: 1,
				poNumber: PO,
				billToAccount: 'B',
				orderDate: 'soon',
				backorderCancelDate: '2026-02-01',
			},
			/field "Order Date": "soon" is not a date/,
		],
		[
			'a negative price',
			ORDER_RECORDS.lineDetail,
			{ sequence: 1, poNumber: PO, quantity: 1, listPrice: -1 },
			/field "Price": "-1" is not an amount/,
		],
	])('%s is refused, naming the record and the field', (_, layout, values, message) => {
		expect(() => writeRecord(layout, values as Record<string, string | number>)).toThrow(
			CodecError,
		);
		expect(() => writeRecord(layout, values as Record<string, string | number>)).toThrow(message);
	});
});
