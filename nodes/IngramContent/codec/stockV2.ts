/**
 * Ingram Content's StockV2 inventory file: one 300-character fixed-width record per title (the
 * full file `stockv2@ingram.zip`, about 4 GB once unzipped, and up to six deltas a day named
 * `stockv2deltaYYMMDD` + a letter a–f + `@ingram.zip`). The record is described here as data, like
 * the order file's records, and read by a hand-written decoder that takes its offsets from that
 * table: a full file holds millions of records, so the decoder must not walk the table per record.
 *
 * Source: the research notes, §7. Positions 1–244 are the same in every implementation the notes
 * compared. Everything after 244 comes from one implementation only, whose own sample suggests
 * some of those fields sit a few characters off: such fields carry `uncertain: true` below, and
 * their values (product availability above all) should be checked against Ingram's own guide
 * before anything important depends on them.
 */
import type { FieldSpec, RecordLayout } from './fixedWidth';

export const STOCK_RECORD_LENGTH = 300;

export interface StockFieldSpec extends FieldSpec {
	/** The position is known from one implementation only and may be off by a few characters. */
	uncertain?: boolean;
}

export interface StockRecordLayout extends RecordLayout {
	fields: readonly StockFieldSpec[];
}

/**
 * The distribution centres (DCs), in the order their quantities and stock flags appear. The first
 * four are named by one implementation; the next three are unnamed there. An eighth slot follows
 * each group, kept by Ingram for future use.
 */
export const STOCK_DCS = [
	'La Vergne',
	'Roseburg',
	'Fort Wayne',
	'Chambersburg',
	'DC 5',
	'DC 6',
	'DC 7',
] as const;
/** The name the eighth, reserved, slot gets when it ever holds a quantity. */
export const STOCK_RESERVED_DC = 'DC 8';
const DC_SLOTS = [...STOCK_DCS, STOCK_RESERVED_DC];

const QUANTITY_LENGTH = 7;
/** A per-DC field's name: `onHandDc1` … `onHandDc8`, `stockFlagDc1` …. */
const dcField = (prefix: string, index: number) => `${prefix}Dc${index + 1}`;

const quantities = (prefix: string, label: string, start: number): StockFieldSpec[] =>
	DC_SLOTS.map((dc, index) => ({
		name: dcField(prefix, index),
		start: start + index * QUANTITY_LENGTH,
		length: QUANTITY_LENGTH,
		kind: 'numeric',
		label: `${label} – ${dc}`,
	}));

const stockFlags: StockFieldSpec[] = DC_SLOTS.map((dc, index) => ({
	name: dcField('stockFlag', index),
	start: 181 + index,
	length: 1,
	kind: 'alpha',
	label: `Stock Flag – ${dc}`,
}));

const flag = (name: string, start: number, label: string, uncertain?: true): StockFieldSpec => ({
	name,
	start,
	length: 1,
	kind: 'alpha',
	label,
	...(uncertain ? { uncertain } : {}),
});

/** One StockV2 record. Positions the table leaves out are not described by any source. */
export const STOCK_V2_LAYOUT: StockRecordLayout = {
	code: 'StockV2',
	name: 'Inventory title',
	length: STOCK_RECORD_LENGTH,
	fields: [
		{ name: 'gtinPrefix', start: 1, length: 1, kind: 'alpha', label: 'GTIN Prefix' },
		{ name: 'ean', start: 2, length: 13, kind: 'numeric', required: true, label: 'EAN' },
		{ name: 'upc', start: 15, length: 14, kind: 'alpha', label: 'UPC' },
		{ name: 'isbn10', start: 29, length: 10, kind: 'alpha', label: 'ISBN-10' },
		...quantities('onHand', 'On Hand', 39),
		...quantities('onOrder', 'On Order', 95),
		{
			name: 'listPrice',
			start: 151,
			length: 7,
			kind: 'implied',
			decimals: 2,
			label: 'List Price',
		},
		{
			name: 'publisherPrice',
			start: 158,
			length: 7,
			kind: 'implied',
			decimals: 2,
			label: 'Publisher Price',
		},
		{ name: 'discountLevel', start: 166, length: 3, kind: 'alpha', label: 'Discount Level' },
		{ name: 'publisherStatus', start: 179, length: 2, kind: 'alpha', label: 'Publisher Status' },
		...stockFlags,
		{
			name: 'publicationDate',
			start: 189,
			length: 8,
			kind: 'date8',
			label: 'Publication Date',
		},
		{ name: 'onSaleDate', start: 197, length: 8, kind: 'date8', label: 'On-Sale Date' },
		flag('returnable', 205, 'Returnable'),
		{ name: 'returnDate', start: 206, length: 8, kind: 'date8', label: 'Return Date' },
		flag('printOnDemand', 214, 'Print on Demand'),
		flag('backorderOnly', 219, 'Backorder Only'),
		flag('mediaMail', 220, 'Media Mail'),
		flag('productType', 221, 'Product Type'),
		flag('imprintable', 222, 'Imprintable'),
		flag('indexable', 223, 'Indexable'),
		{ name: 'weight', start: 239, length: 6, kind: 'implied', decimals: 2, label: 'Weight (lb)' },
		// From here on: one source only (see the header comment).
		{
			name: 'publisherNumber',
			start: 256,
			length: 4,
			kind: 'alpha',
			label: 'Ingram Publisher Number',
			uncertain: true,
		},
		flag('restrictedCode', 265, 'Restricted Code', true),
		{
			name: 'discountCategory',
			start: 266,
			length: 5,
			kind: 'alpha',
			label: 'Discount Category',
			uncertain: true,
		},
		{
			name: 'productAvailability',
			start: 272,
			length: 2,
			kind: 'alpha',
			label: 'Product Availability',
			uncertain: true,
		},
		{
			name: 'titleCode',
			start: 274,
			length: 9,
			kind: 'alpha',
			label: 'Ingram Title Code',
			uncertain: true,
		},
		{
			name: 'classificationType',
			start: 283,
			length: 2,
			kind: 'alpha',
			label: 'Product Classification Type',
			uncertain: true,
		},
	],
};

export interface StockCode {
	code: string;
	meaning: string;
}

/** Positions 179–180: what the publisher says about the title. */
export const PUBLISHER_STATUSES: readonly StockCode[] = [
	{ code: 'AB', meaning: 'Cancelled' },
	{ code: 'CS', meaning: 'Status uncertain' },
	{ code: 'EX', meaning: 'No longer stocked' },
	{ code: 'IP', meaning: 'In print' },
	{ code: 'NY', meaning: 'Not yet published' },
	{ code: 'OI', meaning: 'Out of stock indefinitely' },
	{ code: 'OP', meaning: 'Out of print' },
	{ code: 'PP', meaning: 'Publication postponed' },
	{ code: 'RF', meaning: 'Referred' },
	{ code: 'RM', meaning: 'Remaindered' },
	{ code: 'TP', meaning: 'Temporarily out of stock: the publisher cannot supply' },
	{ code: 'WS', meaning: 'Withdrawn from sale' },
];

/** Positions 272–273 (uncertain position, see above): can the title be had from Ingram now. */
export const PRODUCT_AVAILABILITIES: readonly StockCode[] = [
	{ code: '10', meaning: 'Not yet available' },
	{ code: '20', meaning: 'Available' },
	{ code: '21', meaning: 'In stock' },
	{ code: '22', meaning: 'Available to order' },
	{ code: '31', meaning: 'Out of stock' },
	{ code: '40', meaning: 'Not available' },
];

/** Position 221: the kind of product. */
export const PRODUCT_TYPES: readonly StockCode[] = [
	{ code: 'R', meaning: 'Hardcover' },
	{ code: 'Q', meaning: 'Quality paperback' },
	{ code: 'P', meaning: 'Mass-market paperback' },
	{ code: 'T', meaning: 'Calendar' },
	{ code: 'W', meaning: 'Audio' },
	{ code: 'S', meaning: 'Software' },
	{ code: 'K', meaning: 'Video' },
	{ code: 'X', meaning: 'Music' },
	{ code: 'M', meaning: 'Gifts and sidelines' },
	{ code: 'N', meaning: 'Bargain' },
	{ code: 'U', meaning: 'Other' },
];

/**
 * Positions 166–168: the discount the retailer gets. `REG` and `NET` are words; other values are
 * numbers, read as short (below 40, e.g. 25 or 30) or long (50 and up, e.g. 50, 55, 60) discounts.
 * The notes give only these examples: a number in between is reported without a category.
 */
export const DISCOUNT_LEVELS: readonly StockCode[] = [
	{ code: 'REG', meaning: 'Regular trade discount' },
	{ code: 'NET', meaning: 'Net priced: no discount' },
	{ code: 'short', meaning: 'Short discount (a number below 40, e.g. 25 or 30)' },
	{ code: 'long', meaning: 'Long discount (a number of 50 or more, e.g. 50, 55 or 60)' },
];

const meanings = (rows: readonly StockCode[]) =>
	new Map(rows.map((row) => [row.code, row.meaning]));
const PUBLISHER_STATUS_MEANINGS = meanings(PUBLISHER_STATUSES);
const PRODUCT_AVAILABILITY_MEANINGS = meanings(PRODUCT_AVAILABILITIES);
const PRODUCT_TYPE_MEANINGS = meanings(PRODUCT_TYPES);

/** A code's meaning; empty for a blank code, and says so for a code no table lists. */
function meaningOf(table: ReadonlyMap<string, string>, code: string): string {
	if (code === '') return '';
	return table.get(code) ?? `Unknown code "${code}"`;
}

const DISCOUNT_WORDS = meanings(DISCOUNT_LEVELS);

/** What a discount level means (see DISCOUNT_LEVELS). */
export function discountLevelMeaning(code: string): string {
	const text = code.trim().toUpperCase();
	if (text === '') return '';
	if (text === 'REG' || text === 'NET') return DISCOUNT_WORDS.get(text) ?? text;
	if (/^\d+$/.test(text)) {
		const level = Number(text);
		if (level < 40) return `Short discount (${level})`;
		if (level >= 50) return `Long discount (${level})`;
		return `Discount level ${level}`;
	}
	return `Unknown code "${code.trim()}"`;
}

/** The few discount levels a file uses, each worked out once: the decoder runs per record. */
const discountMeanings = new Map<string, string>();
function cachedDiscountMeaning(code: string): string {
	let meaning = discountMeanings.get(code);
	if (meaning === undefined) {
		meaning = discountLevelMeaning(code);
		if (discountMeanings.size < 1000) discountMeanings.set(code, meaning);
	}
	return meaning;
}

/** One title of the inventory file, decoded. Quantities are units, prices US dollars. */
export interface InventoryTitle {
	ean: string;
	upc?: string;
	isbn10?: string;
	/** Units on hand per DC; a DC whose stock flag is `N` counts 0. */
	onHandByDc: Record<string, number>;
	onHand: number;
	onOrderByDc: Record<string, number>;
	onOrder: number;
	listPrice: number;
	publisherPrice: number;
	discountLevel: string;
	discountLevelMeaning: string;
	publisherStatus: string;
	publisherStatusMeaning: string;
	/** From a position after 244: see the note on uncertain fields. */
	productAvailability: string;
	productAvailabilityMeaning: string;
	/** YYYY-MM-DD, or null when the record gives none (blank, zeros or 00010101). */
	publicationDate: string | null;
	/** YYYY-MM-DD; null when the title is on sale already (Ingram writes 00010101) or none is given. */
	onSaleDate: string | null;
	returnable: boolean;
	/** YYYY-MM-DD; absent when the title is not returnable (00010101) or no date is set (99991231). */
	returnDate?: string;
	printOnDemand: boolean;
	backorderOnly: boolean;
	mediaMail: boolean;
	productType: string;
	productTypeMeaning: string;
	/** Pounds. */
	weight: number;
}

/** A field of one record that cannot be read; the file reader adds the file and record number. */
export class StockFieldError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`field "${field}": ${problem}`);
		this.name = 'StockFieldError';
	}
}

const FIELDS = new Map(STOCK_V2_LAYOUT.fields.map((field) => [field.name, field]));
function fieldOf(name: string): StockFieldSpec {
	const field = FIELDS.get(name);
	if (!field) throw new Error(`StockV2 layout has no field ${name}`);
	return field;
}
/** 0-based offset of a field in the record. */
const at = (name: string) => fieldOf(name).start - 1;
const labelOf = (name: string) => fieldOf(name).label ?? name;
const slotOffsets = (prefix: string) => DC_SLOTS.map((_, index) => at(dcField(prefix, index)));
const slotLabels = (prefix: string) => DC_SLOTS.map((_, index) => labelOf(dcField(prefix, index)));

/** Where the EAN's 13 digits start in a record: the file reader filters on them before decoding. */
export const STOCK_EAN_OFFSET = at('ean');
export const STOCK_EAN_LENGTH = fieldOf('ean').length;

const AT = {
	ean: STOCK_EAN_OFFSET,
	upc: at('upc'),
	isbn10: at('isbn10'),
	onHand: slotOffsets('onHand'),
	onOrder: slotOffsets('onOrder'),
	stockFlag: slotOffsets('stockFlag'),
	listPrice: at('listPrice'),
	publisherPrice: at('publisherPrice'),
	discountLevel: at('discountLevel'),
	publisherStatus: at('publisherStatus'),
	publicationDate: at('publicationDate'),
	onSaleDate: at('onSaleDate'),
	returnable: at('returnable'),
	returnDate: at('returnDate'),
	printOnDemand: at('printOnDemand'),
	backorderOnly: at('backorderOnly'),
	mediaMail: at('mediaMail'),
	productType: at('productType'),
	weight: at('weight'),
	productAvailability: at('productAvailability'),
};
const LABEL = {
	ean: labelOf('ean'),
	onHand: slotLabels('onHand'),
	onOrder: slotLabels('onOrder'),
	listPrice: labelOf('listPrice'),
	publisherPrice: labelOf('publisherPrice'),
	publicationDate: labelOf('publicationDate'),
	onSaleDate: labelOf('onSaleDate'),
	returnDate: labelOf('returnDate'),
	weight: labelOf('weight'),
};
const PRICE_LENGTH = fieldOf('listPrice').length;
const WEIGHT_LENGTH = fieldOf('weight').length;
const DATE_LENGTH = fieldOf('publicationDate').length;

const SPACE = 32;
const DIGIT_0 = 48;
const YES = 89; // Y
const ONE = 49;
const TWO = 50;

/**
 * A right-justified whole number: digits, with leading (or wholly) blank positions read as 0.
 * A character that is neither digit nor space makes the field unreadable.
 */
function whole(text: string, start: number, length: number, label: string): number {
	let value = 0;
	let index = start;
	const end = start + length;
	while (index < end && text.charCodeAt(index) === SPACE) index++;
	for (; index < end; index++) {
		const digit = text.charCodeAt(index) - DIGIT_0;
		if (digit < 0 || digit > 9) {
			throw new StockFieldError(label, `"${text.slice(start, end)}" is not a number (digits only)`);
		}
		value = value * 10 + digit;
	}
	return value;
}

/** Checks a YYYYMMDD date's digits; returns it as a number (20190312), 0 when blank or zeros. */
function date8(text: string, start: number, label: string): number {
	if (text.charCodeAt(start) === SPACE && text.slice(start, start + DATE_LENGTH).trim() === '')
		return 0;
	let value = 0;
	for (let index = start; index < start + DATE_LENGTH; index++) {
		const digit = text.charCodeAt(index) - DIGIT_0;
		if (digit < 0 || digit > 9) {
			const raw = text.slice(start, start + DATE_LENGTH);
			throw new StockFieldError(label, `"${raw}" is not a date (YYYYMMDD)`);
		}
		value = value * 10 + digit;
	}
	return value;
}
/**
 * Dates as YYYY-MM-DD, each made once: a file holds a few tens of thousands of distinct dates over
 * millions of records, so the decoder hands out shared strings instead of making new ones.
 */
const isoDates = new Map<number, string>();
function isoDate(text: string, start: number, value: number): string {
	let iso = isoDates.get(value);
	if (iso === undefined) {
		iso = `${text.slice(start, start + 4)}-${text.slice(start + 4, start + 6)}-${text.slice(start + 6, start + 8)}`;
		if (isoDates.size < 50_000) isoDates.set(value, iso);
	}
	return iso;
}

/** Short codes (up to 3 characters), trimmed, each made once; keyed by their character codes. */
const codes = new Map<number, string>();
function shortCode(text: string, start: number, length: number): string {
	let key = length; // so that codes of different lengths never share a key
	for (let index = start; index < start + length; index++)
		key = key * 65536 + text.charCodeAt(index);
	let value = codes.get(key);
	if (value === undefined) {
		value = text.slice(start, start + length).trim();
		if (codes.size < 10_000) codes.set(key, value);
	}
	return value;
}

/** 00010101: on sale now (on-sale date), not returnable (return date). */
const FIRST_DAY = 10101;
/** 99991231: no return date set. */
const LAST_DAY = 99991231;

/** A text field without its surrounding spaces (no new string when it has none). */
function trimmed(text: string, start: number, length: number): string {
	const value = text.slice(start, start + length);
	return value.charCodeAt(0) === SPACE || value.charCodeAt(length - 1) === SPACE
		? value.trim()
		: value;
}

/** Quantities per DC, in STOCK_DCS order, as the object a title carries (one shape for all). */
const byDc = (q: number[]): Record<string, number> => ({
	'La Vergne': q[0],
	Roseburg: q[1],
	'Fort Wayne': q[2],
	Chambersburg: q[3],
	'DC 5': q[4],
	'DC 6': q[5],
	'DC 7': q[6],
});

const onHandScratch = new Array<number>(DC_SLOTS.length).fill(0);
const onOrderScratch = new Array<number>(DC_SLOTS.length).fill(0);

/**
 * Decodes one StockV2 record: a 300-character string, or bytes (`offset` says where the record
 * starts in them, so a reader can decode in place in a larger chunk). Throws a StockFieldError
 * naming the field when a number or date is not one.
 */
export function decodeStockRecord(record: Uint8Array | string, offset = 0): InventoryTitle {
	let text: string;
	if (typeof record === 'string') text = offset === 0 ? record : record.slice(offset);
	else {
		const bytes = Buffer.isBuffer(record)
			? record
			: Buffer.from(record.buffer, record.byteOffset, record.byteLength);
		text = bytes.toString('latin1', offset, offset + STOCK_RECORD_LENGTH);
	}
	if (text.length < STOCK_RECORD_LENGTH) {
		throw new StockFieldError(
			'Record',
			`is ${text.length} characters long; a StockV2 record has ${STOCK_RECORD_LENGTH}`,
		);
	}

	for (let index = AT.ean; index < AT.ean + STOCK_EAN_LENGTH; index++) {
		const digit = text.charCodeAt(index) - DIGIT_0;
		if (digit < 0 || digit > 9) {
			const ean = text.slice(AT.ean, AT.ean + STOCK_EAN_LENGTH);
			throw new StockFieldError(LABEL.ean, `"${ean}" is not 13 digits`);
		}
	}

	let onHand = 0;
	let onOrder = 0;
	for (let slot = 0; slot < DC_SLOTS.length; slot++) {
		const stocked = text.charCodeAt(AT.stockFlag[slot]) !== 78; // 'N': not stocked there
		const here = whole(text, AT.onHand[slot], QUANTITY_LENGTH, LABEL.onHand[slot]);
		const coming = whole(text, AT.onOrder[slot], QUANTITY_LENGTH, LABEL.onOrder[slot]);
		onHandScratch[slot] = stocked ? here : 0;
		onOrderScratch[slot] = coming;
		onHand += onHandScratch[slot];
		onOrder += coming;
	}
	const onHandByDc = byDc(onHandScratch);
	const onOrderByDc = byDc(onOrderScratch);
	// the reserved eighth slot shows up only once Ingram starts using it
	const reserved = DC_SLOTS.length - 1;
	if (onHandScratch[reserved] !== 0) onHandByDc[STOCK_RESERVED_DC] = onHandScratch[reserved];
	if (onOrderScratch[reserved] !== 0) onOrderByDc[STOCK_RESERVED_DC] = onOrderScratch[reserved];

	const publication = date8(text, AT.publicationDate, LABEL.publicationDate);
	const onSale = date8(text, AT.onSaleDate, LABEL.onSaleDate);
	const returnDate = date8(text, AT.returnDate, LABEL.returnDate);
	const discountLevel = shortCode(text, AT.discountLevel, 3);
	const publisherStatus = shortCode(text, AT.publisherStatus, 2);
	const productAvailability = shortCode(text, AT.productAvailability, 2);
	const productType = shortCode(text, AT.productType, 1);
	const backorder = text.charCodeAt(AT.backorderOnly);

	const title: InventoryTitle = {
		ean: text.slice(AT.ean, AT.ean + STOCK_EAN_LENGTH),
		onHandByDc,
		onHand,
		onOrderByDc,
		onOrder,
		listPrice: whole(text, AT.listPrice, PRICE_LENGTH, LABEL.listPrice) / 100,
		publisherPrice: whole(text, AT.publisherPrice, PRICE_LENGTH, LABEL.publisherPrice) / 100,
		discountLevel,
		discountLevelMeaning: cachedDiscountMeaning(discountLevel),
		publisherStatus,
		publisherStatusMeaning: meaningOf(PUBLISHER_STATUS_MEANINGS, publisherStatus),
		productAvailability,
		productAvailabilityMeaning: meaningOf(PRODUCT_AVAILABILITY_MEANINGS, productAvailability),
		publicationDate:
			publication === 0 || publication === FIRST_DAY
				? null
				: isoDate(text, AT.publicationDate, publication),
		onSaleDate: onSale === 0 || onSale === FIRST_DAY ? null : isoDate(text, AT.onSaleDate, onSale),
		returnable: text.charCodeAt(AT.returnable) === YES,
		printOnDemand: text.charCodeAt(AT.printOnDemand) === YES,
		backorderOnly: backorder === YES || backorder === ONE || backorder === TWO,
		mediaMail: text.charCodeAt(AT.mediaMail) === YES,
		productType,
		productTypeMeaning: meaningOf(PRODUCT_TYPE_MEANINGS, productType),
		weight: whole(text, AT.weight, WEIGHT_LENGTH, LABEL.weight) / 100,
	};
	const upc = trimmed(text, AT.upc, 14);
	if (upc !== '') title.upc = upc;
	const isbn10 = trimmed(text, AT.isbn10, 10);
	if (isbn10 !== '') title.isbn10 = isbn10;
	if (returnDate !== 0 && returnDate !== FIRST_DAY && returnDate !== LAST_DAY)
		title.returnDate = isoDate(text, AT.returnDate, returnDate);
	return title;
}
