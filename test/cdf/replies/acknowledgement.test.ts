/**
 * The acknowledgement reader (.fbc): a file like the real one in the research notes, every outcome
 * (accepted, partial, rejected), the four quantities per status group, the reduced acknowledgement
 * types, the echo of a changed address, and the errors a broken file gets.
 */
import {
	ACKNOWLEDGEMENT_RECORDS,
	readAcknowledgementFile,
	type AcknowledgementFile,
	type AcknowledgedPo,
} from '../../../nodes/IngramContent/codec/acknowledgementFile';
import { layoutProblems } from '../../../nodes/IngramContent/codec/fixedWidth';
import { ReplyFileError } from '../../../nodes/IngramContent/codec/replyFiles';
import {
	POA_SAMPLE,
	POA_SAMPLE_RECORDS,
	VENDOR_TEXT,
	joinCrlf,
	joinLf,
	joinNone,
	poaRecords,
	record,
	type PoaSpec,
} from './build';

const FILE = '260115093000.fbc';

function read(text: string, fileName = FILE): AcknowledgementFile {
	const result = readAcknowledgementFile(text, fileName);
	if ('pending' in result) throw new Error(`unexpectedly pending: ${result.reason}`);
	return result;
}

function errorOf(text: string, fileName = FILE): ReplyFileError {
	try {
		readAcknowledgementFile(text, fileName);
	} catch (error) {
		expect(error).toBeInstanceOf(ReplyFileError);
		return error as ReplyFileError;
	}
	throw new Error('no error');
}

const onePo = (spec: Partial<PoaSpec> & Pick<PoaSpec, 'lines'>, poaType?: string): AcknowledgedPo =>
	read(joinCrlf(poaRecords([{ poNumber: 'ORD2001', ...spec }], { poaType }))).pos[0];

describe('acknowledgement layouts', () => {
	it.each(Object.values(ACKNOWLEDGEMENT_RECORDS))(
		'$code $name: fields in order, inside 80',
		(layout) => {
			expect(layoutProblems(layout)).toEqual([]);
		},
	);
});

describe('the sample acknowledgement (16 records on one 1,280-character line)', () => {
	it('is what the notes describe', () => {
		expect(POA_SAMPLE_RECORDS).toHaveLength(16);
		expect(POA_SAMPLE).toHaveLength(1280);
		expect(POA_SAMPLE_RECORDS.map((r) => r.slice(0, 2)).join(' ')).toBe(
			'02 11 21 21 21 21 21 21 40 41 42 43 44 45 59 91',
		);
	});

	const file = read(POA_SAMPLE);
	const po = file.pos[0];
	const line = po.lines[0];

	it('reads the header', () => {
		expect(file).toMatchObject({
			fileName: FILE,
			orderFileName: '260115093000.FBO',
			creationDate: '2026-01-15',
			poaType: '1',
		});
		expect(file.pos).toHaveLength(1);
	});

	it('reads the PO: status 0, accepted, dates, the six messages as one text', () => {
		expect(po).toMatchObject({
			poNumber: 'ORD1001',
			shipToAccount: 'SHIPTO1',
			poStatus: '0',
			outcome: 'accepted',
			acknowledgementDate: '2026-01-15',
			poDate: '2026-01-15',
			cancelDate: '2026-04-15',
			totals: { records: 13, lines: 1, units: 1 },
		});
		expect(po.poStatusMeaning).toMatch(/accepted/i);
		// Words cut between records come back whole; runs of spaces become one.
		expect(po.messages).toBe(VENDOR_TEXT.replace(/\s+/g, ' '));
		expect(po.messages).toContain('ELECTRONICALLY CANNOT');
		expect(po.messages).toContain('CALL AN ELECTRONIC ORDERING REPRESENTATIVE');
		expect(po.addressChanged).toBeUndefined();
	});

	it('reads the line: status 00 from DC C, title, author, publication date, prices, quantity 1', () => {
		expect(line).toEqual({
			lineReference: '1',
			itemNumber: '9780000000002',
			itemNumberType: 'EN',
			status: '00',
			statusMeaning: expect.stringMatching(/ship/i),
			statusGroup: 'accepted',
			dc: 'C',
			dcName: 'Chambersburg, PA',
			dcInventory: [],
			title: 'A QUIET YEAR IN THE HILLS',
			author: 'MARSH ELLEN',
			binding: 'Trade paperback',
			publisher: 'HILLSIDE PRESS',
			publicationDate: '2009-03',
			discountPercent: 35,
			netPrice: 4.99,
			discountedListPrice: 3.24,
			clientItemNumber: 'SKU-1001',
			orderedQuantity: 1,
			predictedQuantity: 1,
			backorderedQuantity: 0,
			cancelledQuantity: 0,
		});
	});

	it('reads the same with CRLF, LF or no delimiters, and with trailing spaces stripped', () => {
		const expected = read(POA_SAMPLE);
		expect(read(joinCrlf(POA_SAMPLE_RECORDS))).toEqual(expected);
		expect(read(joinLf(POA_SAMPLE_RECORDS))).toEqual(expected);
		expect(read(joinNone(POA_SAMPLE_RECORDS))).toEqual(expected);
		expect(read(joinLf(POA_SAMPLE_RECORDS.map((r) => r.trimEnd())))).toEqual(expected);
		expect(read(`${POA_SAMPLE}\r\n  \r\n`)).toEqual(expected);
		expect(read(POA_SAMPLE.trimEnd())).toEqual(expected);
	});
});

describe('outcomes', () => {
	it('accepted: every line ships in full (00 and the secondary-DC 04)', () => {
		const po = onePo({
			lines: [
				{ reference: '1', status: '00', dc: 'N', ordered: 2, predicted: 2 },
				{ reference: '2', status: '04', dc: 'E', ordered: 3, predicted: 0 },
			],
		});
		expect(po.outcome).toBe('accepted');
		expect(po.lines.map((l) => [l.statusGroup, l.orderedQuantity, l.predictedQuantity])).toEqual([
			['accepted', 2, 2],
			['accepted', 3, 3],
		]);
		expect(po.lines[1].dcName).toBe('Roseburg, OR');
	});

	it('rejected: bad password (PO status 4), whatever the lines say', () => {
		const po = onePo({
			poStatus: '4',
			messages: ['INVALID PASSWORD'],
			lines: [{ reference: '1', status: '00', ordered: 1, predicted: 1 }],
		});
		expect(po.outcome).toBe('rejected');
		expect(po.poStatusMeaning).toMatch(/password/i);
		expect(po.messages).toBe('INVALID PASSWORD');
	});

	it('rejected: a PO without lines (status 2, invalid ship-to)', () => {
		const po = onePo({ poStatus: '2', lines: [] });
		expect(po).toMatchObject({ outcome: 'rejected', lines: [], poStatus: '2' });
	});

	it('rejected: every line cancelled — invalid EAN (05) and out of print (14)', () => {
		const po = onePo({
			lines: [
				{ reference: '1', itemNumber: '9781111111119', status: '05', ordered: 1 },
				{ reference: '2', itemNumber: '9780028609249', status: '14', ordered: 2 },
			],
		});
		expect(po.outcome).toBe('rejected');
		expect(
			po.lines.map((l) => [l.status, l.statusGroup, l.cancelledQuantity, l.predictedQuantity]),
		).toEqual([
			['05', 'cancelled', 1, 0],
			['14', 'cancelled', 2, 0],
		]);
		expect(po.lines[0].statusMeaning).toMatch(/not valid/i);
		expect(po.lines[1].statusMeaning).toMatch(/out of print/i);
	});

	it('partial: a not-yet-released title back-ordered (12) next to one that ships', () => {
		const po = onePo({
			lines: [
				{ reference: '1', status: '00', dc: 'C', ordered: 1, predicted: 1 },
				{
					reference: '2',
					status: '12',
					ordered: 2,
					predicted: 0,
					availability: '260301',
					publication: '0326',
				},
			],
		});
		expect(po.outcome).toBe('partial');
		expect(po.lines[1]).toMatchObject({
			status: '12',
			statusGroup: 'backordered',
			availabilityDate: '2026-03-01',
			publicationDate: '2026-03',
			orderedQuantity: 2,
			predictedQuantity: 0,
			backorderedQuantity: 2,
			cancelledQuantity: 0,
		});
	});

	it('partial: out of print (14) next to a line that ships', () => {
		const po = onePo({
			lines: [
				{ reference: '1', status: '00', ordered: 1, predicted: 1 },
				{ reference: '2', status: '14', ordered: 1 },
			],
		});
		expect(po.outcome).toBe('partial');
	});

	it('partial: only back-ordered lines (nothing ships now, nothing refused)', () => {
		const po = onePo({ lines: [{ reference: '1', status: '12', ordered: 1 }] });
		expect(po.outcome).toBe('partial');
	});

	it('partial: a partly cancelled line (24) keeps the PO from being rejected', () => {
		const po = onePo({ lines: [{ reference: '1', status: '24', ordered: 5, predicted: 3 }] });
		expect(po.outcome).toBe('partial');
		expect(po.lines[0]).toMatchObject({
			statusGroup: 'partialCancel',
			orderedQuantity: 5,
			predictedQuantity: 3,
			backorderedQuantity: 0,
			cancelledQuantity: 2,
		});
	});

	it('partial ship with the rest back-ordered (06): predicted from 43, the rest from 44', () => {
		const po = onePo({ lines: [{ reference: '1', status: '06', ordered: 10, predicted: 4 }] });
		expect(po.lines[0]).toMatchObject({
			orderedQuantity: 10,
			predictedQuantity: 4,
			backorderedQuantity: 6,
			cancelledQuantity: 0,
		});
	});

	it('a prediction above the ordered quantity is held to it', () => {
		const po = onePo({ lines: [{ reference: '1', status: '06', ordered: 2, predicted: 9 }] });
		expect(po.lines[0]).toMatchObject({ predictedQuantity: 2, backorderedQuantity: 0 });
	});

	it('exception acknowledgement (type 5): no lines is accepted, cancelled lines only is partial', () => {
		expect(onePo({ lines: [] }, '5').outcome).toBe('accepted');
		expect(onePo({ lines: [] }, '1').outcome).toBe('rejected');
		// the lines not listed ship in full
		expect(onePo({ lines: [{ reference: '2', status: '14', ordered: 1 }] }, '5').outcome).toBe(
			'partial',
		);
		expect(onePo({ poStatus: '4', lines: [] }, '5').outcome).toBe('rejected');
	});
});

describe('line details', () => {
	it('reads the DC inventory groups, skipping blank DCs', () => {
		const po = onePo({
			lines: [
				{
					reference: '1',
					status: '02',
					ordered: 1,
					inventory: 'N0000E0054M0000C0000K0000D0005 0000',
				},
			],
		});
		expect(po.lines[0].dcInventory).toEqual([
			{ dc: 'N', onHand: 0 },
			{ dc: 'E', onHand: 54 },
			{ dc: 'M', onHand: 0 },
			{ dc: 'C', onHand: 0 },
			{ dc: 'K', onHand: 0 },
			{ dc: 'D', onHand: 5 },
		]);
	});

	it('an unknown DC letter has no name; a blank one is null', () => {
		const po = onePo({
			lines: [
				{ reference: '1', status: '00', dc: 'M', ordered: 1, predicted: 1 },
				{ reference: '2', status: '05', ordered: 1 },
			],
		});
		expect(po.lines.map((l) => [l.dc, l.dcName])).toEqual([
			['M', null],
			[null, null],
		]);
	});

	it('reads the discount as a whole percent when the field carries one (0035)', () => {
		const po = onePo({
			lines: [{ reference: '1', status: '00', ordered: 1, predicted: 1, discount: 35 }],
		});
		expect(po.lines[0].discountPercent).toBe(35);
	});

	it('reads a changed recipient address (30, 32, 34)', () => {
		const po = onePo({
			address: {
				name: 'JOHN RECIPIENT',
				lines: ['22 OAK AVENUE', 'APT 4'],
				city: 'LA VERGNE',
				state: 'TN',
				zip: '37086-1234',
				country: 'USA',
			},
			lines: [{ reference: '1', status: '00', ordered: 1, predicted: 1 }],
		});
		expect(po.addressChanged).toEqual({
			name: 'JOHN RECIPIENT',
			addressLines: ['22 OAK AVENUE', 'APT 4'],
			city: 'LA VERGNE',
			state: 'TN',
			postalCode: '37086-1234',
			country: 'USA',
		});
	});
});

describe('acknowledgement types 2–5 leave records out', () => {
	const lines = [
		{ reference: '1', status: '00', ordered: 3, predicted: 3 },
		{ reference: '2', status: '06', ordered: 4, predicted: 1 },
		{ reference: '3', status: '14', ordered: 2 },
	];
	const readTyped = (poaType: string, omit: string[]) =>
		read(joinCrlf(poaRecords([{ poNumber: 'ORD3001', lines }], { poaType, omit }))).pos[0];

	it('type 2 (no 42/43): no title; back-ordered lines predict nothing', () => {
		const po = readTyped('2', ['42', '43']);
		expect(po.lines[0].title).toBeUndefined();
		expect(po.lines[0].publicationDate).toBeUndefined();
		expect(
			po.lines.map((l) => [
				l.orderedQuantity,
				l.predictedQuantity,
				l.backorderedQuantity,
				l.cancelledQuantity,
			]),
		).toEqual([
			[3, 3, 0, 0],
			[4, 0, 4, 0],
			[2, 0, 0, 2],
		]);
		expect(po.outcome).toBe('partial');
	});

	it('type 3 (no 44): ordered quantity from 43; no prices', () => {
		const po = readTyped('3', ['44']);
		expect(po.lines[0].netPrice).toBeUndefined();
		expect(po.lines[0].itemNumberType).toBeUndefined();
		expect(po.lines.map((l) => [l.orderedQuantity, l.predictedQuantity])).toEqual([
			[3, 3],
			[1, 1],
			[0, 0],
		]);
	});

	it('type 4 (no 42–44): statuses only, quantities unknown (0)', () => {
		const po = readTyped('4', ['42', '43', '44']);
		expect(po.lines.map((l) => [l.status, l.orderedQuantity])).toEqual([
			['00', 0],
			['06', 0],
			['14', 0],
		]);
		expect(po.outcome).toBe('partial');
	});

	it('type 5 (exception lines only)', () => {
		const po = read(
			joinCrlf(poaRecords([{ poNumber: 'ORD3001', lines: lines.slice(1) }], { poaType: '5' })),
		).pos[0];
		expect(po.lines.map((l) => l.lineReference)).toEqual(['2', '3']);
		expect(po.outcome).toBe('partial');
	});
});

describe('several POs in one file', () => {
	it('keeps each PO with its own lines and messages', () => {
		const file = read(
			joinCrlf(
				poaRecords([
					{ poNumber: 'A-1', lines: [{ reference: '1', status: '00', ordered: 1, predicted: 1 }] },
					{ poNumber: 'B-2', poStatus: '3', messages: ['INVALID BILL TO'], lines: [] },
					{
						poNumber: 'C-3',
						lines: [
							{ reference: '1', status: '13', ordered: 1 },
							{ reference: '2', status: '03', ordered: 1 },
						],
					},
				]),
			),
		);
		expect(
			file.pos.map((po) => [po.poNumber, po.outcome, po.lines.length, po.messages.slice(0, 15)]),
		).toEqual([
			['A-1', 'accepted', 1, 'WE HAVE RECEIVE'],
			['B-2', 'rejected', 0, 'INVALID BILL TO'],
			['C-3', 'partial', 2, 'WE HAVE RECEIVE'],
		]);
	});
});

describe('errors name the file, the record, its code and the field', () => {
	const records = poaRecords([
		{ poNumber: 'ORD4001', lines: [{ reference: '1', status: '00', ordered: 1, predicted: 1 }] },
	]);
	const at = (index: number, position: number, text: string) =>
		joinCrlf(
			records.map((r, n) =>
				n === index ? r.slice(0, position - 1) + text + r.slice(position - 1 + text.length) : r,
			),
		);
	const lineIndex = records.findIndex((r) => r.startsWith('40'));

	it('an unknown line status', () => {
		const error = errorOf(at(lineIndex, 78, '77'), '2611280621ABC.fbc');
		expect(error).toMatchObject({
			file: '2611280621ABC.fbc',
			record: lineIndex + 1,
			recordCode: '40',
			field: 'Line Status',
		});
		expect(error.message).toBe(
			`acknowledgement 2611280621ABC.fbc, record ${lineIndex + 1} (40), field "Line Status": "77" is not a known line status`,
		);
	});

	it('an unknown PO status', () => {
		expect(errorOf(at(1, 57, 'X'))).toMatchObject({
			record: 2,
			recordCode: '11',
			field: 'PO Status',
		});
	});

	it('an unknown record code', () => {
		const error = errorOf(at(3, 1, '27'));
		expect(error).toMatchObject({ record: 4, recordCode: '27', field: 'Record Code' });
		expect(error.message).toMatch(/"27" is not a record type/);
	});

	it('letters where a quantity belongs', () => {
		const index = records.findIndex((r) => r.startsWith('44'));
		expect(errorOf(at(index, 70, 'X'))).toMatchObject({
			record: index + 1,
			recordCode: '44',
			field: 'Total Line Order Qty',
		});
	});

	it('a date that is no date', () => {
		expect(errorOf(at(1, 58, '261332'))).toMatchObject({ field: 'Acknowledgement Date' });
		expect(errorOf(at(0, 33, '26A115'))).toMatchObject({ record: 1, field: 'POA Creation Date' });
	});

	it('a broken DC inventory group', () => {
		const index = records.findIndex((r) => r.startsWith('41'));
		expect(errorOf(at(index, 41, 'N00X0'))).toMatchObject({ field: 'DC Inventory Information' });
	});

	it('a line item before any PO header', () => {
		const moved = [records[0], records[lineIndex], ...records.slice(1)];
		expect(errorOf(joinCrlf(moved))).toMatchObject({
			record: 2,
			recordCode: '40',
			field: 'Record Code',
		});
	});

	it('a line detail before any line item', () => {
		const index = records.findIndex((r) => r.startsWith('43'));
		const moved = [...records.slice(0, lineIndex), records[index], ...records.slice(lineIndex)];
		expect(errorOf(joinCrlf(moved))).toMatchObject({ record: lineIndex + 1, recordCode: '43' });
	});

	it('a record of another PO inside a PO', () => {
		expect(errorOf(at(lineIndex, 8, 'OTHER1 '))).toMatchObject({
			record: lineIndex + 1,
			field: 'PO Number',
		});
	});

	it('a record that stops before a required field', () => {
		const short = records.map((r, n) => (n === lineIndex ? r.slice(0, 60) : r));
		const error = errorOf(joinLf(short));
		expect(error).toMatchObject({ record: lineIndex + 1, recordCode: '40', field: 'Line Status' });
		expect(error.message).toMatch(/stops at position 60 \(the rest is blank or missing\)/);
	});

	it('a file cut short (no trailer), a second header, records after the trailer', () => {
		expect(errorOf(joinCrlf(records.slice(0, -1))).message).toMatch(/without its trailer \(91\)/);
		expect(errorOf(joinCrlf([...records, records[0]])).message).toMatch(/after the file trailer/);
		expect(errorOf(joinCrlf([records[0], ...records])).message).toMatch(/second file header/);
		expect(errorOf(joinCrlf(records.slice(1))).message).toMatch(/before the file header/);
	});

	it('a PO header inside an open PO; a file trailer inside an open PO', () => {
		const trailerIndex = records.findIndex((r) => r.startsWith('59'));
		const withoutPoTrailer = records.filter((_, n) => n !== trailerIndex);
		expect(errorOf(joinCrlf(withoutPoTrailer)).message).toMatch(/before the PO trailer \(59\)/);
		const twice = [...records.slice(0, trailerIndex), records[1], ...records.slice(trailerIndex)];
		expect(errorOf(joinCrlf(twice)).message).toMatch(/new PO header \(11\) before the PO trailer/);
	});

	it('an empty or blank file', () => {
		expect(errorOf('').message).toBe(
			`acknowledgement ${FILE}, record 1, field "Record Code": the file holds no records (it is empty or blank)`,
		);
		expect(errorOf(' \r\n\r\n ')).toMatchObject({ record: 1 });
	});

	it('writes the records it reads (layouts usable for writing tests)', () => {
		expect(
			record(ACKNOWLEDGEMENT_RECORDS.vendorMessage, { poNumber: 'X', text: 'HI' }),
		).toHaveLength(80);
	});
});
