/**
 * The advance ship notice reader (.PBS, 200-character records): packages and lines, one item in
 * two boxes, untracked economy mail, the international ship codes (50 and MC/MP/MT), one- and
 * two-character DC codes, both placements of the implied decimals, slashed lines, and errors.
 */
import { layoutProblems } from '../../../nodes/IngramContent/codec/fixedWidth';
import { ReplyFileError } from '../../../nodes/IngramContent/codec/replyFiles';
import {
	SHIP_NOTICE_RECORDS,
	readShipNoticeFile,
	type ShipNoticeFile,
} from '../../../nodes/IngramContent/codec/shipNoticeFile';
import { asnRecords, joinCrlf, joinLf, joinNone, type OrSpec } from './build';

const FILE = '05503677.PBS';

function read(text: string): ShipNoticeFile {
	const result = readShipNoticeFile(text, FILE);
	if ('pending' in result) throw new Error(`unexpectedly pending: ${result.reason}`);
	return result;
}

function errorOf(text: string): ReplyFileError {
	try {
		readShipNoticeFile(text, FILE);
	} catch (error) {
		expect(error).toBeInstanceOf(ReplyFileError);
		return error as ReplyFileError;
	}
	throw new Error('no error');
}

const ORDERS: OrSpec[] = [
	{
		poNumber: 'ORD1001',
		subtotal: 25.98,
		discount: 2,
		tax: 1.5,
		handling: 3.99,
		total: 29.47,
		freight: 5.8,
		shipDate: '20260120',
		consumerPo: 'CONSUMER-77',
		details: [
			{
				reference: '1',
				shipped: 2,
				tracking: '1Z999AA10123456784',
				scac: 'UPSN',
				code: '10',
				weight: 2.39,
				listPrice: 12.99,
				netPrice: 8.44,
			},
		],
	},
	{
		poNumber: 'ORD1002',
		subtotal: 19.99,
		total: 19.99,
		details: [
			// one item, two boxes
			{
				reference: '1',
				dc: 'CI',
				shipped: 1,
				predicted: 2,
				tracking: '1ZBOX1',
				scac: 'UPSN',
				code: '12',
				weight: 1.1,
			},
			{
				reference: '1',
				dc: 'CI',
				shipped: 1,
				predicted: 2,
				tracking: '1ZBOX2',
				scac: 'UPSN',
				code: '12',
				weight: 1.2,
			},
		],
	},
];

describe('ship notice layouts', () => {
	it.each(Object.values(SHIP_NOTICE_RECORDS))(
		'$code $name: fields in order, inside 200',
		(layout) => {
			expect(layoutProblems(layout)).toEqual([]);
		},
	);
});

describe('reading a ship notice', () => {
	const records = asnRecords(ORDERS);
	const file = read(joinCrlf(records));

	it('reads the company record', () => {
		expect(records.every((r) => r.length === 200)).toBe(true);
		expect(file).toMatchObject({
			fileName: FILE,
			companyAccount: '20N2730',
			orderCount: 2,
			version: '4.0',
		});
		expect(file.shipments).toHaveLength(2);
	});

	it('reads an order with its amounts, packages and lines', () => {
		const shipment = file.shipments[0];
		expect(shipment).toEqual({
			poNumber: 'ORD1001',
			consumerPoNumber: 'CONSUMER-77',
			status: '00',
			statusMeaning: 'Shipped',
			shipDate: '2026-01-20',
			subtotal: 25.98,
			discount: 2,
			salesTax: 1.5,
			shippingAndHandling: 3.99,
			total: 29.47,
			freight: 5.8,
			packages: [
				{
					trackingNumber: '1Z999AA10123456784',
					scac: 'UPSN',
					carrier: 'UPS',
					shippingMethodCode: '10',
					shippingMethodName: 'UPS Ground',
					weight: 2.39,
				},
			],
			lines: [
				{
					lineReference: '1',
					ean: '9780000000002',
					isbn10: '0000000000',
					dc: 'C',
					dcName: 'Chambersburg, PA',
					ingramOrderNumber: '01705',
					predictedQuantity: 2,
					slashedQuantity: 0,
					shippedQuantity: 2,
					cancelledQuantity: 0,
					status: '00',
					statusMeaning: 'Shipped',
					trackingNumber: '1Z999AA10123456784',
					scac: 'UPSN',
					weight: 2.39,
					shippingMethodCode: '10',
					shippingMethodName: 'UPS Ground',
					listPrice: 12.99,
					netPrice: 8.44,
				},
			],
		});
	});

	it('one item in two boxes: two detail records, two packages', () => {
		const shipment = file.shipments[1];
		expect(
			shipment.lines.map((l) => [l.lineReference, l.shippedQuantity, l.trackingNumber]),
		).toEqual([
			['1', 1, '1ZBOX1'],
			['1', 1, '1ZBOX2'],
		]);
		expect(shipment.packages).toEqual([
			expect.objectContaining({
				trackingNumber: '1ZBOX1',
				carrier: 'UPS',
				shippingMethodName: 'UPS 2nd Day Air',
				weight: 1.1,
			}),
			expect.objectContaining({
				trackingNumber: '1ZBOX2',
				carrier: 'UPS',
				shippingMethodName: 'UPS 2nd Day Air',
				weight: 1.2,
			}),
		]);
	});

	it('reads the same with CRLF, LF, no delimiters, or trailing spaces stripped', () => {
		expect(read(joinLf(records))).toEqual(file);
		expect(read(joinNone(records))).toEqual(file);
		expect(read(joinLf(records.map((r) => r.trimEnd())))).toEqual(file);
		expect(read(`${joinNone(records)}\n\n`)).toEqual(file);
	});
});

describe('packages', () => {
	const shipment = (order: Omit<OrSpec, 'poNumber' | 'subtotal' | 'total'>) =>
		read(joinCrlf(asnRecords([{ poNumber: 'P1', subtotal: 10, total: 10, ...order }])))
			.shipments[0];

	it('two lines in one box make one package, its weight the sum', () => {
		const s = shipment({
			details: [
				{
					reference: '1',
					tracking: '9400100000000000000001',
					scac: 'USPS',
					code: '24',
					weight: 0.5,
				},
				{
					reference: '2',
					tracking: '9400100000000000000001',
					scac: 'USPS',
					code: '24',
					weight: 0.75,
				},
			],
		});
		expect(s.packages).toEqual([
			{
				trackingNumber: '9400100000000000000001',
				scac: 'USPS',
				carrier: 'USPS',
				shippingMethodCode: '24',
				shippingMethodName: 'USA Expedited Mail',
				weight: 1.25,
			},
		]);
	});

	it('untracked media mail with a secondary tracking number (SSL): the SSL stands in', () => {
		const s = shipment({ details: [{ reference: '1', code: '21', ssl: 'SSL0001234' }] });
		expect(s.lines[0]).toMatchObject({
			trackingNumber: 'SSL0001234',
			scac: null,
			shippingMethodName: 'USA Economy Mail',
		});
		expect(s.packages).toEqual([
			expect.objectContaining({
				trackingNumber: 'SSL0001234',
				carrier: null,
				shippingMethodCode: '21',
			}),
		]);
	});

	it('untracked media mail without SSL: one package with no tracking number', () => {
		const s = shipment({
			details: [
				{ reference: '1', code: '21', weight: 1 },
				{ reference: '2', code: '21', weight: 0.5 },
			],
		});
		expect(s.lines.map((l) => l.trackingNumber)).toEqual([null, null]);
		expect(s.packages).toEqual([
			{
				trackingNumber: null,
				scac: null,
				carrier: null,
				shippingMethodCode: '21',
				shippingMethodName: 'USA Economy Mail',
				weight: 1.5,
			},
		]);
	});

	it('international: old code 50 names the three international methods, MC/MP/MT one each', () => {
		const s = shipment({
			details: [
				{ reference: '1', code: '50', tracking: 'INTL1', scac: 'DHLG' },
				{ reference: '2', code: 'MC', tracking: 'INTL2', scac: 'FDXE' },
				{ reference: '3', code: 'MP' },
				{ reference: '4', code: 'MT', tracking: 'INTL4', scac: 'ABCD' },
			],
		});
		expect(s.lines.map((l) => [l.shippingMethodCode, l.shippingMethodName])).toEqual([
			[
				'50',
				'International Courier, International Priority or International with Delivery Confirmation',
			],
			['MC', 'International Courier'],
			['MP', 'International Priority'],
			['MT', 'International with Delivery Confirmation'],
		]);
		expect(s.packages.map((p) => [p.trackingNumber, p.carrier])).toEqual([
			['INTL1', 'DHL'],
			['INTL2', 'FedEx'],
			[null, null],
			['INTL4', 'ABCD'],
		]);
	});

	it('an unknown ship code is kept without a name', () => {
		const s = shipment({ details: [{ reference: '1', code: 'ZZ' }] });
		expect(s.lines[0].shippingMethodCode).toBe('ZZ');
		expect(s.lines[0].shippingMethodName).toBeUndefined();
	});

	it('a slashed, cancelled line: a reason instead of a ship code, and no package', () => {
		const s = shipment({
			status: '28',
			details: [
				{ reference: '1', tracking: '1ZA', scac: 'UPSN', code: '10', shipped: 1 },
				{ reference: '2', status: '26', shipped: 0, predicted: 1, slashed: 1, code: 'I2' },
				{ reference: '3', status: '95', shipped: 0, predicted: 2, cancelled: 2 },
			],
		});
		expect(s.statusMeaning).toBe('Partly shipped');
		expect(s.lines[1]).toMatchObject({
			status: '26',
			statusMeaning: 'Cancelled',
			slashedQuantity: 1,
			shippedQuantity: 0,
			slashReason: 'I2',
			slashReasonMeaning: 'Slashed or cancelled',
		});
		expect(s.lines[1].shippingMethodCode).toBeUndefined();
		expect(s.lines[2]).toMatchObject({
			cancelledQuantity: 2,
			statusMeaning: expect.stringMatching(/cancel date/),
		});
		expect(s.packages.map((p) => p.trackingNumber)).toEqual(['1ZA']);
	});

	it('blank quantities read as 0', () => {
		const s = shipment({
			details: [{ reference: '1', predicted: '', slashed: '', cancelled: '' }],
		});
		expect(s.lines[0]).toMatchObject({
			predictedQuantity: 0,
			slashedQuantity: 0,
			cancelledQuantity: 0,
			shippedQuantity: 1,
		});
	});
});

describe('DC codes: two characters per the specification, one letter and a space in real files', () => {
	it.each([
		['C ', 'C', 'Chambersburg, PA'],
		['CI', 'C', 'Chambersburg, PA'],
		['NV', 'N', 'La Vergne, TN'],
		['N ', 'N', 'La Vergne, TN'],
		['DD', 'D', 'Fort Wayne, IN'],
		['E ', 'E', 'Roseburg, OR'],
		['J ', 'J', 'Fresno, CA'],
		['CX', 'C', 'Chambersburg, PA'],
		['XY', 'XY', null],
		['  ', null, null],
	])('%j → %j', (code, dc, name) => {
		const s = read(
			joinCrlf(
				asnRecords([
					{ poNumber: 'P1', subtotal: 1, total: 1, details: [{ reference: '1', dc: code }] },
				]),
			),
		).shipments[0];
		expect([s.lines[0].dc, s.lines[0].dcName]).toEqual([dc, name]);
	});
});

describe('implied decimals of tax, S&H and freight (sources disagree)', () => {
	const amounts = (order: Omit<OrSpec, 'poNumber' | 'details'>) => {
		const s = read(
			joinCrlf(asnRecords([{ poNumber: 'P1', details: [{ reference: '1' }], ...order }])),
		).shipments[0];
		return [s.salesTax, s.shippingAndHandling, s.freight];
	};

	it('the specification: tax and S&H with 2 places, freight with 4', () => {
		expect(
			amounts({ subtotal: 19.99, tax: 1.4, handling: 10, total: 31.39, freight: 5.8 }),
		).toEqual([1.4, 10, 5.8]);
	});

	it('the other reading: tax and S&H with 4 places, freight with 2 — chosen because the total adds up', () => {
		expect(
			amounts({
				subtotal: 19.99,
				tax: 1.4,
				handling: 10,
				total: 31.39,
				freight: 5.8,
				variant: 'other',
			}),
		).toEqual([1.4, 10, 5.8]);
		// The order of the real sample: 19.99 + S&H 10.00 = 29.99, freight 1.00.
		expect(
			amounts({ subtotal: 19.99, handling: 10, total: 29.99, freight: 1, variant: 'other' }),
		).toEqual([0, 10, 1]);
	});

	it('with a discount', () => {
		expect(
			amounts({
				subtotal: 50,
				discount: 5,
				tax: 3.15,
				handling: 4.5,
				total: 52.65,
				variant: 'other',
			}),
		).toEqual([3.15, 4.5, 0]);
	});

	it('no tax and no S&H: both add up, the specification is taken (freight with 4 places)', () => {
		expect(amounts({ subtotal: 10, total: 10, freight: 5.8 })).toEqual([0, 0, 5.8]);
	});

	it('neither adds up: the specification is taken', () => {
		expect(amounts({ subtotal: 10, tax: 1, handling: 1, total: 99, freight: 2 })).toEqual([
			1, 1, 2,
		]);
	});
});

describe('errors name the file, the record, its code and the field', () => {
	const records = asnRecords(ORDERS);
	const at = (index: number, position: number, text: string) =>
		joinCrlf(
			records.map((r, n) =>
				n === index ? r.slice(0, position - 1) + text + r.slice(position - 1 + text.length) : r,
			),
		);

	it('letters in a quantity', () => {
		const error = errorOf(at(2, 72, '0000X'));
		expect(error).toMatchObject({
			file: FILE,
			record: 3,
			recordCode: 'OD',
			field: 'Quantity Shipped',
		});
		expect(error.message).toBe(
			`ship notice ${FILE}, record 3 (OD), field "Quantity Shipped": "0000X" is not a whole number (positions 72–76)`,
		);
	});

	it('an unknown status', () => {
		expect(errorOf(at(1, 33, '42'))).toMatchObject({
			record: 2,
			recordCode: 'OR',
			field: 'Order Status Code',
		});
		expect(errorOf(at(2, 77, '42'))).toMatchObject({ record: 3, field: 'Item Detail Status Code' });
	});

	it('a bad shipment date', () => {
		expect(errorOf(at(1, 114, '20261301'))).toMatchObject({ field: 'Shipment Date' });
	});

	it('an order detail before any order record, and one of another order', () => {
		expect(errorOf(joinCrlf([records[0], records[2], records[1]]))).toMatchObject({
			record: 2,
			recordCode: 'OD',
			field: 'Record Code',
		});
		expect(errorOf(at(2, 3, 'ORD9999'))).toMatchObject({ record: 3, field: 'Client Order ID' });
	});

	it('an unknown record code, a second CR, records before the CR', () => {
		expect(errorOf(at(1, 1, 'OX'))).toMatchObject({
			record: 2,
			recordCode: 'OX',
			field: 'Record Code',
		});
		expect(errorOf(joinCrlf([...records, records[0]])).message).toMatch(/second company record/);
		expect(errorOf(joinCrlf(records.slice(1))).message).toMatch(/before the company record/);
	});

	it('a file cut short after a whole record: fewer orders than the CR counts', () => {
		const error = errorOf(joinCrlf(records.slice(0, 2)));
		expect(error).toMatchObject({ record: 2, recordCode: 'OR' });
		expect(error.message).toMatch(
			/1 order record\(s\) \(OR\) where the company record \(CR\) counts 2/,
		);
	});

	it('a blank order count', () => {
		expect(errorOf(at(0, 13, '        '))).toMatchObject({
			record: 1,
			recordCode: 'CR',
			field: 'Total Order Count',
		});
	});
});
