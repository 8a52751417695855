/**
 * What the simulated Ingram decides about an order, and the tables it decides with: which item
 * numbers get which line status, which PO-level problems reject a whole PO, the shipping methods
 * it knows (with their ASN codes and carriers), its distribution centres, and a made-up catalogue
 * (title, author, publisher, price, weight) derived from the item number so that replies are
 * stable from run to run.
 *
 * Tests pick outcomes on purpose by putting the right item number (or password, or method) in
 * the order: see CDF_LINE_SCENARIOS and CDF_PO_SCENARIOS.
 */
import {
	addDays,
	eanCheckDigit,
	hashText,
	isValidEan13,
	isValidIsbn10,
	seededRandom,
} from './records';

/** A valid EAN-13 made of `prefix` and `serial` (zero-filled to 12 digits, then a check digit). */
export function eanWithPrefix(prefix: string, serial = 1): string {
	const first12 = prefix + String(serial).padStart(12 - prefix.length, '0');
	if (!/^\d{12}$/.test(first12)) throw new Error(`cannot make an EAN from ${prefix} and ${serial}`);
	return first12 + eanCheckDigit(first12);
}

/** Acknowledgement line statuses the simulator writes (record 40 positions 78-79). */
export type CdfLineStatus = '00' | '03' | '05' | '12' | '14';

export interface CdfLineScenario {
	status: CdfLineStatus;
	meaning: string;
	/** How the item number is recognised. */
	rule: string;
	/** An item number (EAN-13) that gets this outcome. */
	example: string;
	/** Whether shipAll() ships the line: only accepted lines ever ship in the simulator. */
	ships: boolean;
}

const NOT_YET_PUBLISHED_PREFIX = '9789991';
const BACKORDERED_PREFIX = '9789990';

/**
 * Line outcomes, checked in this order (the first that matches wins). Every other item number is
 * accepted ('00'). These apply to POs that are not rejected as a whole (see CDF_PO_SCENARIOS).
 */
export const CDF_LINE_SCENARIOS = {
	outOfPrint: {
		status: '14',
		meaning: 'cancelled, out of print',
		rule: 'item number 9780028609249 (the out-of-print test EAN of the CDF notes)',
		example: '9780028609249',
		ships: false,
	},
	invalidItem: {
		status: '05',
		meaning: 'cancelled, invalid item',
		rule: 'item number 9781111111119 (the invalid test EAN: its check digit is right), or an EN item number that is not 13 digits with a right check digit, or a BN one that is not a valid ISBN-10',
		example: '9781111111119',
		ships: false,
	},
	notYetPublished: {
		status: '12',
		meaning: 'not yet published, backordered (never ships in the simulator)',
		rule: `an EAN starting with ${NOT_YET_PUBLISHED_PREFIX}`,
		example: eanWithPrefix(NOT_YET_PUBLISHED_PREFIX, 1),
		ships: false,
	},
	backordered: {
		status: '03',
		meaning: 'temporarily out of stock, backordered (never ships in the simulator)',
		rule: `an EAN starting with ${BACKORDERED_PREFIX}`,
		example: eanWithPrefix(BACKORDERED_PREFIX, 1),
		ships: false,
	},
	accepted: {
		status: '00',
		meaning: 'predicted to ship in full',
		rule: 'any other item number',
		example: '9780000000002',
		ships: true,
	},
} as const satisfies Record<string, CdfLineScenario>;

export type CdfLineScenarioName = keyof typeof CDF_LINE_SCENARIOS;

const EXACT_ITEMS: Record<string, CdfLineScenarioName> = {
	'9780028609249': 'outOfPrint',
	'9781111111119': 'invalidItem',
};

/** The outcome the simulator gives an order line, from its item number and item number type. */
export function lineScenarioFor(itemNumber: string, itemNumberType = 'EN'): CdfLineScenarioName {
	const exact = EXACT_ITEMS[itemNumber];
	if (exact) return exact;
	if (itemNumberType === 'EN' && !isValidEan13(itemNumber)) return 'invalidItem';
	if (itemNumberType === 'BN' && !isValidIsbn10(itemNumber)) return 'invalidItem';
	if (itemNumber.startsWith(NOT_YET_PUBLISHED_PREFIX)) return 'notYetPublished';
	if (itemNumber.startsWith(BACKORDERED_PREFIX)) return 'backordered';
	return 'accepted';
}

/** PO statuses the simulator writes (acknowledgement record 11 position 57). */
export type CdfPoStatus = '0' | '4' | '6' | '7';

export interface CdfPoScenario {
	poStatus: CdfPoStatus;
	meaning: string;
	rule: string;
	/** The line status every line of such a PO gets (undefined = decided line by line). */
	lineStatus?: CdfLineStatus;
	/** A vendor message (record 21) added after the thank-you text. */
	message?: string;
}

/**
 * PO-level outcomes, checked in this order. A rejected PO (4, 6) has every line cancelled with
 * status 05 and never ships; a stock-status request (PO type 3) is answered with DC inventory on
 * every line and never ships. PO type 8 (test) is acknowledged like type 0 (its replies go to
 * the test folder).
 */
export const CDF_PO_SCENARIOS = {
	wrongShipToPassword: {
		poStatus: '4',
		meaning: 'invalid password',
		rule: 'record 21 positions 45-52 differ from the expected ship-to password (option shipToPassword, default SHIPPW01)',
		lineStatus: '05',
		message:
			'PO REJECTED: THE SHIP-TO PASSWORD IS NOT VALID FOR THIS ACCOUNT. ALL LINES CANCELLED.',
	},
	unknownShippingMethod: {
		poStatus: '6',
		meaning: 'bad order information',
		rule: 'record 21 positions 53-77 are not one of CDF_SHIPPING_METHODS (compared trimmed, any case)',
		lineStatus: '05',
		message: 'PO REJECTED: THE SHIPPING METHOD IS NOT ONE INGRAM OFFERS. ALL LINES CANCELLED.',
	},
	stockCheck: {
		poStatus: '7',
		meaning: 'stock status request',
		rule: 'PO type 3 (record 21 position 37)',
		message: 'STOCK STATUS ONLY: NOTHING WAS ORDERED AND NOTHING WILL SHIP.',
	},
	ok: {
		poStatus: '0',
		meaning: 'PO accepted, lines as in CDF_LINE_SCENARIOS',
		rule: 'anything else',
	},
} as const satisfies Record<string, CdfPoScenario>;

export type CdfPoScenarioName = keyof typeof CDF_PO_SCENARIOS;

export interface CdfShippingMethod {
	/** The code Ingram returns in the ship notice (OD positions 177-178). */
	asnCode: string;
	carrier: 'UPS' | 'USPS' | 'DHL';
	/** Standard carrier alpha code (OD positions 104-108). */
	scac: string;
	/** How its parcels are tracked: UPS 1Z numbers, USPS or DHL numbers, or not at all (SSL only). */
	tracking: 'ups' | 'usps' | 'dhl' | 'none';
	/** The UPS service digits inside a 1Z number. */
	upsService?: string;
}

/**
 * The shipping methods of the CDF notes (§3.4), by the text sent in record 21. For the
 * international methods the simulator returns the two-letter codes (MC, MP, MT), not 50.
 */
export const CDF_SHIPPING_METHODS: Readonly<Record<string, CdfShippingMethod>> = {
	'### 2ND DAY AIR': {
		asnCode: '12',
		carrier: 'UPS',
		scac: 'UPSN',
		tracking: 'ups',
		upsService: '02',
	},
	'### 3 DAY SELECT': {
		asnCode: '17',
		carrier: 'UPS',
		scac: 'UPSN',
		tracking: 'ups',
		upsService: '12',
	},
	'### UPS': { asnCode: '10', carrier: 'UPS', scac: 'UPSN', tracking: 'ups', upsService: '03' },
	'### NEXT DAY AIR': {
		asnCode: '11',
		carrier: 'UPS',
		scac: 'UPSN',
		tracking: 'ups',
		upsService: '01',
	},
	'### NEXT DAY AIR SAVER': {
		asnCode: '1A',
		carrier: 'UPS',
		scac: 'UPSN',
		tracking: 'ups',
		upsService: '13',
	},
	'### USA ECONOMY': { asnCode: '21', carrier: 'USPS', scac: 'USPS', tracking: 'none' },
	'### USA EXPEDITED': { asnCode: '24', carrier: 'USPS', scac: 'USPS', tracking: 'usps' },
	'### INTL COURIER': { asnCode: 'MC', carrier: 'DHL', scac: 'DHLC', tracking: 'dhl' },
	'### INTL PRIORITY': { asnCode: 'MP', carrier: 'USPS', scac: 'USPS', tracking: 'none' },
	'### INTL W/DEL CONFIRMATION': { asnCode: 'MT', carrier: 'USPS', scac: 'USPS', tracking: 'usps' },
};

export function shippingMethodFor(text: string): CdfShippingMethod | undefined {
	return CDF_SHIPPING_METHODS[text.trim().toUpperCase()];
}

/** The distribution centres the simulator ships from. */
export type CdfDc = 'N' | 'C' | 'D' | 'E';

export const CDF_DCS: Readonly<Record<CdfDc, { name: string; asnCode: string; san: string }>> = {
	N: { name: 'La Vergne, TN', asnCode: 'NV', san: '1697978' },
	C: { name: 'Chambersburg, PA', asnCode: 'CI', san: '2544105' },
	D: { name: 'Fort Wayne, IN', asnCode: 'DD', san: '6304788' },
	E: { name: 'Roseburg, OR', asnCode: 'EE', san: '6308740' },
};

export const isCdfDc = (code: string): code is CdfDc => Object.hasOwn(CDF_DCS, code);

/** Made-up catalogue data for an item number, the same on every run. */
export interface CatalogueEntry {
	title: string;
	author: string;
	/** Acknowledgement record 42 position 80: M mass market, A audio, T trade paper, H hardcover. */
	binding: 'M' | 'A' | 'T' | 'H';
	publisher: string;
	listPriceCents: number;
	/** Pounds × 100. */
	weightHundredths: number;
	/** Days from today to publication: negative = published, positive = not yet. */
	publishedInDays: number;
}

const TITLE_WORDS = [
	['QUIET', 'LAST', 'HIDDEN', 'SILVER', 'LONG', 'SECOND', 'WINTER', 'OPEN'],
	['HARBOR', 'GARDEN', 'LETTERS', 'RIVER', 'ORCHARD', 'LANTERN', 'ROAD', 'ISLAND'],
];
const FIRST_NAMES = ['MARY', 'JAMES', 'ANA', 'OWEN', 'RUTH', 'SAMUEL', 'IRIS', 'TOMAS'];
const LAST_NAMES = ['SAMPLE', 'FIELDING', 'MORROW', 'CASTELLO', 'BRANDT', 'OKAFOR', 'LINDQVIST'];
const PUBLISHERS = ['MAPLE PRESS', 'HARBOR BOOKS', 'NORTHLIGHT', 'BLUE DOOR PUB', 'CEDAR & SONS'];
const BINDINGS = ['T', 'H', 'M', 'T', 'A'] as const;

export function catalogueEntry(itemNumber: string): CatalogueEntry {
	const random = seededRandom(hashText(itemNumber));
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const scenario = lineScenarioFor(itemNumber);
	return {
		title: `THE ${pick(TITLE_WORDS[0])} ${pick(TITLE_WORDS[1])}`,
		author: `${pick(LAST_NAMES)} ${pick(FIRST_NAMES)}`,
		binding: pick(BINDINGS),
		publisher: pick(PUBLISHERS),
		listPriceCents: 499 + Math.floor(random() * 30) * 100,
		weightHundredths: 40 + Math.floor(random() * 200),
		publishedInDays:
			scenario === 'notYetPublished'
				? 30 + Math.floor(random() * 90)
				: -30 - Math.floor(random() * 2000),
	};
}

/** The publication date of a catalogue entry, seen from `today`. */
export const publicationDate = (entry: CatalogueEntry, today: Date) =>
	addDays(today, entry.publishedInDays);
