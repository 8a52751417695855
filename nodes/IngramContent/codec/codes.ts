/**
 * The code tables of Ingram Content's CDF replies, as data: what each code in an acknowledgement
 * (.fbc), an advance ship notice (.PBS) or an invoice (.BIN) means. Sources: the CDF-Lite code
 * lists kept by open-source CDF clients (see the research notes, §3.3, §3.4 and §4–§6); where they
 * disagree, the comment at the table says which reading is taken.
 */
import { INGRAM_SHIPPING_METHODS, type IngramShippingMethod } from '../reference/shippingMethods';

export interface CodeMeaning {
	code: string;
	meaning: string;
}

const byCode = <T extends CodeMeaning>(rows: readonly T[]): ReadonlyMap<string, T> =>
	new Map(rows.map((row) => [row.code, row]));

/** Acknowledgement record 11, position 57: how Ingram took the purchase order as a whole. */
export const PO_STATUSES: readonly CodeMeaning[] = [
	{ code: '0', meaning: 'PO accepted; the line acknowledgements follow' },
	{ code: '1', meaning: 'Problem with the account: contact your Ingram credit representative' },
	{ code: '2', meaning: 'Ship-to account not valid' },
	{ code: '3', meaning: 'Bill-to account not valid' },
	{ code: '4', meaning: 'Ship-to password not valid' },
	{ code: '5', meaning: 'Order below the minimum order amount' },
	{ code: '6', meaning: 'Order information not valid' },
	{ code: '7', meaning: 'Stock status check only: nothing ordered' },
	{ code: '8', meaning: 'None of the order can be filled' },
];
export const PO_STATUS_BY_CODE = byCode(PO_STATUSES);

/**
 * What a line status means for the order: it ships (`accepted`), it waits for stock
 * (`backordered`), it will not ship at all (`cancelled`), or part ships and the rest is cancelled
 * (`partialCancel`).
 */
export type LineStatusGroup = 'accepted' | 'backordered' | 'cancelled' | 'partialCancel';

export interface LineStatus extends CodeMeaning {
	group: LineStatusGroup;
	/**
	 * `cdfLite`: on the CDF-Lite list. `extended`: only on the longer list of one implementation,
	 * mostly variants for a secondary distribution centre (DC).
	 */
	list: 'cdfLite' | 'extended';
}

/**
 * Acknowledgement record 40, positions 78–79: what happens to one line. The CDF-Lite list is the
 * authority; the extended codes come from a larger list that words a few of the same codes (12, 26)
 * slightly differently, in terms of primary and secondary DCs. Groups follow the research notes'
 * mapping.
 */
export const LINE_STATUSES: readonly LineStatus[] = [
	{ code: '00', group: 'accepted', list: 'cdfLite', meaning: 'All of the quantity should ship' },
	{
		code: '01',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: the title is not stocked',
	},
	{
		code: '02',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: out of stock for now and back orders were not allowed',
	},
	{
		code: '03',
		group: 'backordered',
		list: 'cdfLite',
		meaning: 'Out of stock: back-ordered as the order asked',
	},
	{
		code: '04',
		group: 'accepted',
		list: 'extended',
		meaning: 'All of the quantity should ship, from the secondary DC',
	},
	{
		code: '05',
		group: 'cancelled',
		list: 'cdfLite',
		meaning:
			'Cancelled: the item number is not valid or the item is restricted, or the back-order or imprint code is not valid',
	},
	{
		code: '06',
		group: 'backordered',
		list: 'cdfLite',
		meaning: 'Part of the quantity should ship; the rest is back-ordered',
	},
	{
		code: '07',
		group: 'backordered',
		list: 'extended',
		meaning: 'Back-ordered at the secondary DC',
	},
	{ code: '08', group: 'cancelled', list: 'cdfLite', meaning: 'Cancelled: quantity not valid' },
	{
		code: '09',
		group: 'backordered',
		list: 'extended',
		meaning: 'Part should ship from the secondary DC; the rest is back-ordered',
	},
	{
		code: '10',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: not stocked at the DC the order named',
	},
	{
		code: '11',
		group: 'cancelled',
		list: 'extended',
		meaning: 'Cancelled: secondary-DC title and back orders were not allowed',
	},
	{
		code: '12',
		group: 'backordered',
		list: 'cdfLite',
		meaning: 'Not yet released: back-ordered until publication',
	},
	{
		code: '13',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: out of stock indefinitely',
	},
	{ code: '14', group: 'cancelled', list: 'cdfLite', meaning: 'Cancelled: out of print' },
	{
		code: '15',
		group: 'cancelled',
		list: 'extended',
		meaning: 'Cancelled: out of stock at the secondary DC and back orders were not allowed',
	},
	{
		code: '20',
		group: 'backordered',
		list: 'extended',
		meaning: 'Not yet released: back-ordered at the secondary DC',
	},
	{
		code: '22',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: back-order cancel date not valid',
	},
	{
		code: '23',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: back-order code not valid',
	},
	{
		code: '24',
		group: 'partialCancel',
		list: 'cdfLite',
		meaning: 'Part should ship; the rest is out of stock and cancelled (no back orders)',
	},
	{
		code: '25',
		group: 'partialCancel',
		list: 'cdfLite',
		meaning:
			'Part should ship from the secondary DC; the rest is out of stock and cancelled (no back orders)',
	},
	{
		code: '26',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: not yet released and back orders were not allowed',
	},
	{
		code: '28',
		group: 'cancelled',
		list: 'extended',
		meaning: 'Cancelled: not yet released at the secondary DC and back orders were not allowed',
	},
	{
		code: '30',
		group: 'accepted',
		list: 'extended',
		meaning: 'All of the quantity should ship, from the primary and the secondary DC together',
	},
	{
		code: '31',
		group: 'backordered',
		list: 'extended',
		meaning: 'Part should ship from the primary and secondary DCs; the rest is back-ordered',
	},
	{
		code: '32',
		group: 'backordered',
		list: 'extended',
		meaning: 'Part should ship from the primary and secondary DCs; the rest is back-ordered',
	},
	{
		code: '33',
		group: 'partialCancel',
		list: 'extended',
		meaning: 'Part should ship; the rest is cancelled',
	},
	{
		code: '35',
		group: 'accepted',
		list: 'extended',
		meaning: 'All of the quantity should ship, from the secondary DC a day later',
	},
	{
		code: '37',
		group: 'backordered',
		list: 'extended',
		meaning: 'Not yet released at the secondary DC: part back-ordered',
	},
	{
		code: '38',
		group: 'partialCancel',
		list: 'extended',
		meaning: 'Not yet released at the secondary DC: part cancelled',
	},
	{
		code: '42',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: the item cannot be imprinted',
	},
	{
		code: '43',
		group: 'cancelled',
		list: 'cdfLite',
		meaning: 'Cancelled: imprint information missing',
	},
	{
		code: '46',
		group: 'cancelled',
		list: 'extended',
		meaning: 'Cancelled: the order spending limit is exceeded',
	},
	{
		code: '47',
		group: 'partialCancel',
		list: 'extended',
		meaning: 'Part should ship; the rest is cancelled because the spending limit is exceeded',
	},
	{
		code: '48',
		group: 'partialCancel',
		list: 'extended',
		meaning: 'Part should ship; the rest is cancelled because the spending limit is exceeded',
	},
	{
		code: '49',
		group: 'partialCancel',
		list: 'extended',
		meaning: 'Part should ship; the rest is cancelled because the spending limit is exceeded',
	},
];
export const LINE_STATUS_BY_CODE = byCode(LINE_STATUSES);

/** Acknowledgement record 42, position 80. Blank means any other binding. */
export const BINDINGS: readonly CodeMeaning[] = [
	{ code: 'M', meaning: 'Mass market paperback' },
	{ code: 'A', meaning: 'Audio' },
	{ code: 'T', meaning: 'Trade paperback' },
	{ code: 'H', meaning: 'Hardcover' },
];
export const BINDING_BY_CODE = byCode(BINDINGS);

/** Ship notice OR positions 33–34 and OD positions 77–78: what happened to an order or a line. */
export const ASN_STATUSES: readonly CodeMeaning[] = [
	{ code: '00', meaning: 'Shipped' },
	{ code: '26', meaning: 'Cancelled' },
	{ code: '28', meaning: 'Partly shipped' },
	{ code: '95', meaning: 'Back order cancelled: its cancel date passed' },
	{ code: '96', meaning: 'Back order cancelled at the client’s request' },
];
export const ASN_STATUS_BY_CODE = byCode(ASN_STATUSES);

/**
 * Ship notice OD positions 177–178 hold either the shipping-method code or, for a slashed or
 * cancelled line, one of these reasons. One older code list spells the first two `11` and `12`,
 * which are also the Next Day Air and 2nd Day Air ship codes; this reader takes the letter forms
 * and reads `11`/`12` as ship codes.
 */
export const SLASH_REASONS: readonly CodeMeaning[] = [
	{ code: 'I1', meaning: 'Ingram could not commit the quantity' },
	{ code: 'I2', meaning: 'Slashed or cancelled' },
	{ code: 'A1', meaning: 'Slashed automatically' },
	{ code: 'S1', meaning: 'Slashed at the DC (warehouse)' },
];
export const SLASH_REASON_BY_CODE = byCode(SLASH_REASONS);

export interface DistributionCentre {
	/** The one-letter code of purchase orders and acknowledgements. */
	letter: string;
	/** The two-character code of ship notices, when the lists give one. */
	asnCode?: string;
	/** The SAN an invoice names the DC by, when the lists give one. */
	san?: string;
	name: string;
}

/**
 * Ingram's distribution centres. The first four come with all three codes; Fresno and Allentown
 * appear only in a later list, with a letter alone. Acknowledgements also show letters no list
 * names (M, K); those read as unknown DCs.
 */
export const DISTRIBUTION_CENTRES: readonly DistributionCentre[] = [
	{ letter: 'N', asnCode: 'NV', san: '1697978', name: 'La Vergne, TN' },
	{ letter: 'C', asnCode: 'CI', san: '2544105', name: 'Chambersburg, PA' },
	{ letter: 'D', asnCode: 'DD', san: '6304788', name: 'Fort Wayne, IN' },
	{ letter: 'E', asnCode: 'EE', san: '6308740', name: 'Roseburg, OR' },
	{ letter: 'J', name: 'Fresno, CA' },
	{ letter: 'B', name: 'Allentown, PA' },
];

const DC_BY_LETTER = new Map(DISTRIBUTION_CENTRES.map((dc) => [dc.letter, dc]));
const DC_BY_ASN_CODE = new Map(
	DISTRIBUTION_CENTRES.filter((dc) => dc.asnCode).map((dc) => [dc.asnCode as string, dc]),
);
const DC_BY_SAN = new Map(
	DISTRIBUTION_CENTRES.filter((dc) => dc.san).map((dc) => [dc.san as string, dc]),
);

/** A DC by the letter of a purchase order or an acknowledgement (`C`). */
export function dcByLetter(letter: string): DistributionCentre | undefined {
	return DC_BY_LETTER.get(letter.trim().toUpperCase());
}

/**
 * A DC by the warehouse code of a ship notice. The specification lists two-character codes
 * (`CI`), while real files carry the letter and a space (`C `): both are read, and an unknown
 * two-character code falls back to its first letter, as other CDF clients do.
 */
export function dcByAsnCode(code: string): DistributionCentre | undefined {
	const key = code.trim().toUpperCase();
	if (key === '') return undefined;
	return DC_BY_ASN_CODE.get(key) ?? DC_BY_LETTER.get(key[0]);
}

/** A DC by the warehouse SAN of an invoice (`2544105`). */
export function dcBySan(san: string): DistributionCentre | undefined {
	return DC_BY_SAN.get(san.trim());
}

/**
 * The Ingram shipping methods a ship-notice ship code stands for, from reference/shippingMethods.
 * Most codes name one method; `50`, which older files use for every international method, names
 * three (newer files say `MC`, `MP` or `MT` instead).
 */
export function asnShippingMethods(code: string): readonly IngramShippingMethod[] {
	const key = code.trim().toUpperCase();
	if (key === '') return [];
	return INGRAM_SHIPPING_METHODS.filter((method) => method.asnCodes.includes(key));
}

/**
 * The name of the shipping method behind a ship-notice ship code (`12` → "UPS 2nd Day Air",
 * `MC` → "International Courier"); for `50`, the international methods it may be; undefined for a
 * code no method reports.
 */
export function asnShippingMethodName(code: string): string | undefined {
	const names = asnShippingMethods(code).map((method) => method.name);
	if (names.length <= 1) return names[0];
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Carriers by Standard Carrier Alpha Code (SCAC), for the codes ship notices commonly carry. */
export const CARRIERS_BY_SCAC: ReadonlyMap<string, string> = new Map([
	['UPSN', 'UPS'],
	['UPSS', 'UPS'],
	['UPS', 'UPS'],
	['USPS', 'USPS'],
	['FDEG', 'FedEx'],
	['FDXE', 'FedEx'],
	['FDEN', 'FedEx'],
	['FXSP', 'FedEx'],
	['FEDX', 'FedEx'],
	['DHL', 'DHL'],
	['DHLC', 'DHL'],
	['DHLG', 'DHL'],
	['DHLE', 'DHL'],
]);

/** The carrier's name for a SCAC, the SCAC itself when it is not a common one, null when blank. */
export function carrierName(scac: string): string | null {
	const key = scac.trim().toUpperCase();
	if (key === '') return null;
	return CARRIERS_BY_SCAC.get(key) ?? key;
}
