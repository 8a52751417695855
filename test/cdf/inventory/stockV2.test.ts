/**
 * The StockV2 record: the layout table itself, records written field by field from it and decoded,
 * the stock-flag rule, the sentinel dates, the code tables, and the errors a bad field gets.
 */
import fc from 'fast-check';

import { layoutProblems, readRecord } from '../../../nodes/IngramContent/codec/fixedWidth';
import {
	DISCOUNT_LEVELS,
	PRODUCT_AVAILABILITIES,
	PRODUCT_TYPES,
	PUBLISHER_STATUSES,
	STOCK_DCS,
	STOCK_EAN_LENGTH,
	STOCK_EAN_OFFSET,
	STOCK_RECORD_LENGTH,
	STOCK_V2_LAYOUT,
	StockFieldError,
	decodeStockRecord,
	discountLevelMeaning,
} from '../../../nodes/IngramContent/codec/stockV2';
import { stockRecord } from './helpers';

const noStock = Object.fromEntries(STOCK_DCS.map((dc) => [dc, 0]));

describe('StockV2 layout table', () => {
	it('is 300 characters, fields in order, none overlapping', () => {
		expect(STOCK_V2_LAYOUT.length).toBe(300);
		expect(STOCK_RECORD_LENGTH).toBe(300);
		expect(layoutProblems(STOCK_V2_LAYOUT)).toEqual([]);
		expect(stockRecord()).toHaveLength(300);
	});

	it('marks exactly the fields after position 244 as uncertain', () => {
		for (const field of STOCK_V2_LAYOUT.fields) {
			expect({ field: field.name, uncertain: field.uncertain === true }).toEqual({
				field: field.name,
				uncertain: field.start > 244,
			});
		}
		expect(STOCK_V2_LAYOUT.fields.filter((field) => field.uncertain).map((f) => f.name)).toEqual([
			'publisherNumber',
			'restrictedCode',
			'discountCategory',
			'productAvailability',
			'titleCode',
			'classificationType',
		]);
	});

	it('has the EAN at positions 2–14, eight on-hand, on-order and stock-flag slots', () => {
		expect([STOCK_EAN_OFFSET, STOCK_EAN_LENGTH]).toEqual([1, 13]);
		const byName = new Map(STOCK_V2_LAYOUT.fields.map((field) => [field.name, field]));
		expect(byName.get('onHandDc1')).toMatchObject({ start: 39, length: 7 });
		expect(byName.get('onHandDc8')).toMatchObject({ start: 88, length: 7 });
		expect(byName.get('onOrderDc1')).toMatchObject({ start: 95, length: 7 });
		expect(byName.get('onOrderDc8')).toMatchObject({ start: 144, length: 7 });
		expect(byName.get('stockFlagDc1')).toMatchObject({ start: 181, length: 1 });
		expect(byName.get('stockFlagDc8')).toMatchObject({ start: 188, length: 1 });
		expect(byName.get('weight')).toMatchObject({ start: 239, length: 6, decimals: 2 });
		expect(byName.get('onHandDc2')?.label).toBe('On Hand – Roseburg');
	});

	it('writes values where the table says (a record built by hand)', () => {
		const record = stockRecord();
		expect(record.slice(0, 14)).toBe('09780306406157');
		expect(record.slice(28, 38)).toBe('0306406152');
		expect(record.slice(38, 45)).toBe('0000120');
		expect(record.slice(150, 157)).toBe('0002999');
		expect(record.slice(165, 168)).toBe('REG');
		expect(record.slice(178, 188)).toBe('IPYYYYYYYY');
		expect(record.slice(188, 213)).toBe('2019031200010101Y99991231');
		expect(record.slice(218, 223)).toBe('NYRNY');
		expect(record.slice(238, 244)).toBe('000145');
		expect(record.slice(271, 273)).toBe('21');
		// the generic reader reads the table too
		expect(readRecord(STOCK_V2_LAYOUT, record)).toMatchObject({
			ean: 9780306406157,
			listPrice: 29.99,
			publicationDate: '2019-03-12',
			publisherStatus: 'IP',
		});
	});
});

describe('decodeStockRecord', () => {
	it('decodes a realistic in-print hardcover', () => {
		expect(decodeStockRecord(stockRecord())).toStrictEqual({
			ean: '9780306406157',
			isbn10: '0306406152',
			onHandByDc: { ...noStock, 'La Vergne': 120, 'Fort Wayne': 35 },
			onHand: 155,
			onOrderByDc: { ...noStock, 'La Vergne': 50 },
			onOrder: 50,
			listPrice: 29.99,
			publisherPrice: 29.99,
			discountLevel: 'REG',
			discountLevelMeaning: 'Regular trade discount',
			publisherStatus: 'IP',
			publisherStatusMeaning: 'In print',
			productAvailability: '21',
			productAvailabilityMeaning: 'In stock',
			publicationDate: '2019-03-12',
			onSaleDate: null,
			returnable: true,
			printOnDemand: false,
			backorderOnly: false,
			mediaMail: true,
			productType: 'R',
			productTypeMeaning: 'Hardcover',
			weight: 1.45,
		});
	});

	it('reads the same from a string, a Uint8Array and a record inside a larger buffer', () => {
		const record = stockRecord({ upc: '00012345678905' });
		const fromString = decodeStockRecord(record);
		expect(fromString.upc).toBe('00012345678905');
		expect(decodeStockRecord(new Uint8Array(Buffer.from(record, 'latin1')))).toEqual(fromString);
		const inside = Buffer.from(`xxxxx${record}\r\n${stockRecord()}`, 'latin1');
		expect(decodeStockRecord(inside, 5)).toEqual(fromString);
		expect(decodeStockRecord(new Uint8Array(inside), 5)).toEqual(fromString);
	});

	it('counts 0 on hand at a DC whose stock flag is N, and leaves its on-order alone', () => {
		const title = decodeStockRecord(
			stockRecord({
				onHandDc1: 120,
				onHandDc3: 35,
				onHandDc5: 7,
				onOrderDc3: 12,
				stockFlagDc3: 'N',
				stockFlagDc5: ' ',
			}),
		);
		expect(title.onHandByDc).toEqual({ ...noStock, 'La Vergne': 120, 'DC 5': 7 });
		expect(title.onHand).toBe(127);
		expect(title.onOrderByDc['Fort Wayne']).toBe(12);
		expect(title.onOrder).toBe(62);
	});

	it('shows the reserved eighth slot only when it holds a quantity', () => {
		expect(decodeStockRecord(stockRecord()).onHandByDc).not.toHaveProperty('DC 8');
		const used = decodeStockRecord(stockRecord({ onHandDc8: 4, onOrderDc8: 2 }));
		expect(used.onHandByDc['DC 8']).toBe(4);
		expect(used.onOrderByDc['DC 8']).toBe(2);
		expect(used.onHand).toBe(159);
		const flaggedOff = decodeStockRecord(stockRecord({ onHandDc8: 4, stockFlagDc8: 'N' }));
		expect(flaggedOff.onHandByDc).not.toHaveProperty('DC 8');
	});

	it('reads blank quantities and prices as 0', () => {
		const record = stockRecord();
		const blanked = `${record.slice(0, 38)}${' '.repeat(7)}${record.slice(45, 150)}${' '.repeat(7)}${record.slice(157)}`;
		const title = decodeStockRecord(blanked);
		expect(title.onHandByDc['La Vergne']).toBe(0);
		expect(title.listPrice).toBe(0);
	});

	it('turns the sentinel dates into null or no date', () => {
		const forthcoming = decodeStockRecord(
			stockRecord({ publicationDate: '20270115', onSaleDate: '20270120', returnDate: '20280131' }),
		);
		expect(forthcoming).toMatchObject({
			publicationDate: '2027-01-15',
			onSaleDate: '2027-01-20',
			returnDate: '2028-01-31',
		});
		const notReturnable = decodeStockRecord(
			stockRecord({ returnable: 'N', returnDate: '00010101', publicationDate: '' }),
		);
		expect(notReturnable.returnable).toBe(false);
		expect(notReturnable).not.toHaveProperty('returnDate');
		expect(notReturnable.publicationDate).toBeNull();
		expect(decodeStockRecord(stockRecord({ returnDate: '99991231' }))).not.toHaveProperty(
			'returnDate',
		);
		expect(decodeStockRecord(stockRecord({ onSaleDate: '00010101' })).onSaleDate).toBeNull();
		expect(decodeStockRecord(stockRecord({ onSaleDate: '00000000' })).onSaleDate).toBeNull();
	});

	it('reads the indicators', () => {
		for (const code of ['Y', '1', '2'])
			expect(decodeStockRecord(stockRecord({ backorderOnly: code })).backorderOnly).toBe(true);
		expect(decodeStockRecord(stockRecord({ backorderOnly: ' ' })).backorderOnly).toBe(false);
		expect(decodeStockRecord(stockRecord({ printOnDemand: 'Y', mediaMail: 'N' }))).toMatchObject({
			printOnDemand: true,
			mediaMail: false,
		});
	});

	it('gives every code of the tables its meaning, and says when a code is unknown', () => {
		for (const { code, meaning } of PUBLISHER_STATUSES)
			expect(decodeStockRecord(stockRecord({ publisherStatus: code })).publisherStatusMeaning).toBe(
				meaning,
			);
		for (const { code, meaning } of PRODUCT_AVAILABILITIES) {
			expect(
				decodeStockRecord(stockRecord({ productAvailability: code })).productAvailabilityMeaning,
			).toBe(meaning);
		}
		for (const { code, meaning } of PRODUCT_TYPES)
			expect(decodeStockRecord(stockRecord({ productType: code })).productTypeMeaning).toBe(
				meaning,
			);
		expect(decodeStockRecord(stockRecord({ publisherStatus: 'ZZ' })).publisherStatusMeaning).toBe(
			'Unknown code "ZZ"',
		);
		expect(decodeStockRecord(stockRecord({ productType: '' }))).toMatchObject({
			productType: '',
			productTypeMeaning: '',
		});
		expect(DISCOUNT_LEVELS.map((level) => level.code)).toEqual(['REG', 'NET', 'short', 'long']);
		expect(discountLevelMeaning('NET')).toBe('Net priced: no discount');
		expect(discountLevelMeaning(' 30')).toBe('Short discount (30)');
		expect(discountLevelMeaning('055')).toBe('Long discount (55)');
		expect(discountLevelMeaning('45')).toBe('Discount level 45');
		expect(discountLevelMeaning('   ')).toBe('');
		expect(decodeStockRecord(stockRecord({ discountLevel: '25' })).discountLevelMeaning).toBe(
			'Short discount (25)',
		);
	});

	it('names the field that cannot be read', () => {
		const record = stockRecord();
		const withAt = (position: number, text: string) =>
			record.slice(0, position - 1) + text + record.slice(position - 1 + text.length);
		const problem = (text: string) => {
			try {
				decodeStockRecord(text);
			} catch (error) {
				expect(error).toBeInstanceOf(StockFieldError);
				return (error as Error).message;
			}
			return 'no error';
		};
		expect(problem(withAt(46, '00A0012'))).toBe(
			'field "On Hand – Roseburg": "00A0012" is not a number (digits only)',
		);
		expect(problem(withAt(2, '97803064O6157'))).toBe(
			'field "EAN": "97803064O6157" is not 13 digits',
		);
		expect(problem(withAt(189, '2019-03-'))).toBe(
			'field "Publication Date": "2019-03-" is not a date (YYYYMMDD)',
		);
		expect(problem(withAt(239, '01.45 '))).toMatch(/^field "Weight \(lb\)"/);
		expect(problem(record.slice(0, 250))).toBe(
			'field "Record": is 250 characters long; a StockV2 record has 300',
		);
	});

	it('decodes any record written from the table (property)', () => {
		const quantity = fc.integer({ min: 0, max: 9_999_999 });
		const flag = fc.constantFrom('Y', 'N', ' ');
		fc.assert(
			fc.property(
				fc.array(quantity, { minLength: 8, maxLength: 8 }),
				fc.array(quantity, { minLength: 8, maxLength: 8 }),
				fc.array(flag, { minLength: 8, maxLength: 8 }),
				fc.integer({ min: 0, max: 9_999_999 }),
				fc.stringMatching(/^\d{13}$/),
				(onHand, onOrder, flags, cents, ean) => {
					const values: Record<string, string | number> = { ean, listPrice: cents / 100 };
					onHand.forEach((n, i) => (values[`onHandDc${i + 1}`] = n));
					onOrder.forEach((n, i) => (values[`onOrderDc${i + 1}`] = n));
					flags.forEach((f, i) => (values[`stockFlagDc${i + 1}`] = f));
					const title = decodeStockRecord(stockRecord(values));
					const counted = onHand.map((n, i) => (flags[i] === 'N' ? 0 : n));
					expect(title.ean).toBe(ean);
					expect(title.onHand).toBe(counted.reduce((a, b) => a + b, 0));
					expect(title.onOrder).toBe(onOrder.reduce((a, b) => a + b, 0));
					expect(Object.values(title.onHandByDc).reduce((a, b) => a + b, 0)).toBe(title.onHand);
					STOCK_DCS.forEach((dc, i) => expect(title.onHandByDc[dc]).toBe(counted[i]));
					expect(Math.round(title.listPrice * 100)).toBe(cents);
				},
			),
			{ numRuns: 300 },
		);
	});
});
