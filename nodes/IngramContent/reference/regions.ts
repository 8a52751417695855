/**
 * States and provinces for the CDF address records (29 and 34, three characters). Ingram validates
 * the field for US and Canadian addresses, so those must be the postal two-letter codes; for other
 * countries it is free text. Postal codes are checked here too: a US ZIP must be numeric and every
 * postal code must fit the 11 characters of the field.
 */
import { countryName, isDomestic, nameKey } from './countries';

/**
 * USPS codes: the 50 states, the District of Columbia, the territories Ingram ships to as US
 * addresses, and the three armed-forces "states" used with APO/FPO/DPO addresses.
 */
export const US_REGIONS: Readonly<Record<string, string>> = {
	AL: 'Alabama',
	AK: 'Alaska',
	AZ: 'Arizona',
	AR: 'Arkansas',
	CA: 'California',
	CO: 'Colorado',
	CT: 'Connecticut',
	DE: 'Delaware',
	DC: 'District of Columbia',
	FL: 'Florida',
	GA: 'Georgia',
	HI: 'Hawaii',
	ID: 'Idaho',
	IL: 'Illinois',
	IN: 'Indiana',
	IA: 'Iowa',
	KS: 'Kansas',
	KY: 'Kentucky',
	LA: 'Louisiana',
	ME: 'Maine',
	MD: 'Maryland',
	MA: 'Massachusetts',
	MI: 'Michigan',
	MN: 'Minnesota',
	MS: 'Mississippi',
	MO: 'Missouri',
	MT: 'Montana',
	NE: 'Nebraska',
	NV: 'Nevada',
	NH: 'New Hampshire',
	NJ: 'New Jersey',
	NM: 'New Mexico',
	NY: 'New York',
	NC: 'North Carolina',
	ND: 'North Dakota',
	OH: 'Ohio',
	OK: 'Oklahoma',
	OR: 'Oregon',
	PA: 'Pennsylvania',
	RI: 'Rhode Island',
	SC: 'South Carolina',
	SD: 'South Dakota',
	TN: 'Tennessee',
	TX: 'Texas',
	UT: 'Utah',
	VT: 'Vermont',
	VA: 'Virginia',
	WA: 'Washington',
	WV: 'West Virginia',
	WI: 'Wisconsin',
	WY: 'Wyoming',
	PR: 'Puerto Rico',
	VI: 'U.S. Virgin Islands',
	GU: 'Guam',
	AS: 'American Samoa',
	MP: 'Northern Mariana Islands',
	UM: 'U.S. Minor Outlying Islands',
	AA: 'Armed Forces Americas',
	AE: 'Armed Forces Europe',
	AP: 'Armed Forces Pacific',
};

/** Canada Post codes of the ten provinces and three territories. */
export const CA_REGIONS: Readonly<Record<string, string>> = {
	AB: 'Alberta',
	BC: 'British Columbia',
	MB: 'Manitoba',
	NB: 'New Brunswick',
	NL: 'Newfoundland and Labrador',
	NS: 'Nova Scotia',
	NT: 'Northwest Territories',
	NU: 'Nunavut',
	ON: 'Ontario',
	PE: 'Prince Edward Island',
	QC: 'Quebec',
	SK: 'Saskatchewan',
	YT: 'Yukon',
};

/** Other ways people write a region, accepted as well as the names above. */
const OTHER_US_NAMES: Readonly<Record<string, readonly string[]>> = {
	DC: ['Washington DC', 'Washington, D.C.'],
	VI: ['Virgin Islands', 'US Virgin Islands', 'United States Virgin Islands'],
	UM: ['United States Minor Outlying Islands', 'US Minor Outlying Islands'],
	// USPS files Africa, Canada and the Middle East under AE as well.
	AE: ['Armed Forces Africa', 'Armed Forces Canada', 'Armed Forces Middle East'],
};
const OTHER_CA_NAMES: Readonly<Record<string, readonly string[]>> = {
	// NF and PQ are Canada Post's codes before 2002 and 1990; old address books still hold them.
	NL: ['Newfoundland', 'Labrador', 'NF'],
	QC: ['PQ'],
	PE: ['PEI'],
	YT: ['Yukon Territory'],
};

interface RegionSet {
	codes: Readonly<Record<string, string>>;
	byName: Map<string, string>;
	missing: string;
	unknown: (value: string) => string;
}

function regionSet(
	codes: Readonly<Record<string, string>>,
	otherNames: Readonly<Record<string, readonly string[]>>,
	missing: string,
	unknown: (value: string) => string,
): RegionSet {
	const byName = new Map<string, string>();
	for (const [code, name] of Object.entries(codes)) byName.set(nameKey(name), code);
	for (const [code, names] of Object.entries(otherNames)) {
		for (const name of names) byName.set(nameKey(name), code);
	}
	return { codes, byName, missing, unknown };
}

const REGION_SETS: Readonly<Record<string, RegionSet>> = {
	USA: regionSet(
		US_REGIONS,
		OTHER_US_NAMES,
		'A US address needs a state: its two-letter code (e.g. TN, NY, PR, AE) or its name',
		(value) => `'${value}' is not a US state or territory code (e.g. TN, NY, PR, AE) or name`,
	),
	CAN: regionSet(
		CA_REGIONS,
		OTHER_CA_NAMES,
		'A Canadian address needs a province or territory: ' +
			'its two-letter code (e.g. ON, QC, BC) or its name',
		(value) =>
			`'${value}' is not a Canadian province or territory code (e.g. ON, QC, BC, NU) or name`,
	),
};

/** How many characters Ingram's state/province field holds. */
const REGION_LENGTH = 3;

/**
 * The state/province code to send for an address. For the USA and Canada the two-letter code or
 * the name is accepted (case, accents and spacing do not matter) and the region is required; for
 * other countries any value of up to three characters is passed on upper-cased, and none is fine.
 */
export function normaliseRegion(
	countryAlpha3: string,
	value: string,
): { code: string } | { problem: string } {
	const text = value.trim();
	const set = REGION_SETS[countryAlpha3.trim().toUpperCase()];
	if (set) {
		if (text === '') return { problem: set.missing };
		const upper = text.replace(/\./g, '').toUpperCase();
		if (Object.hasOwn(set.codes, upper)) return { code: upper };
		const code = set.byName.get(nameKey(text));
		return code ? { code } : { problem: set.unknown(text) };
	}
	if (text.length > REGION_LENGTH) {
		return {
			problem:
				`'${text}' does not fit Ingram's state/province field (${REGION_LENGTH} characters): ` +
				'give a code such as ENG or NSW, or leave it empty',
		};
	}
	return { code: text.toUpperCase() };
}

/** How many characters Ingram's postal code field holds. */
const POSTAL_CODE_LENGTH = 11;

const US_ZIP = /^\d{5}(-\d{4})?$/;
const CA_POSTAL_SHAPE = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/;
// Canada Post never uses D, F, I, O, Q or U (too easily misread), nor W or Z as the first letter.
const CA_POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/;

/**
 * A postal code as it should be written: trimmed, upper case, inner spaces single, and a Canadian
 * code with its space ('k1a0b1' → 'K1A 0B1'). Check it with postalCodeProblem first.
 */
export function normalisePostalCode(countryAlpha3: string, postalCode: string): string {
	const text = postalCode.trim().replace(/\s+/g, ' ').toUpperCase();
	if (countryAlpha3.trim().toUpperCase() === 'CAN' && CA_POSTAL_CODE.test(text)) {
		const compact = text.replace(' ', '');
		return `${compact.slice(0, 3)} ${compact.slice(3)}`;
	}
	return text;
}

/**
 * Why a postal code cannot go on a CDF order, or undefined when it can. US addresses (including
 * the territories Ingram treats as US) need a 5-digit ZIP or ZIP+4; Canadian ones a code of the
 * form A1A 1A1, with or without the space; other countries anything up to 11 characters, or none.
 */
export function postalCodeProblem(countryAlpha3: string, postalCode: string): string | undefined {
	const country = countryAlpha3.trim().toUpperCase();
	const text = postalCode.trim().replace(/\s+/g, ' ').toUpperCase();
	if (isDomestic(country)) {
		const place = country === 'USA' ? 'A US address' : `An address in ${countryName(country)}`;
		if (text === '') return `${place} needs a ZIP code (12345 or 12345-6789)`;
		if (!US_ZIP.test(text)) {
			return `'${postalCode.trim()}' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789`;
		}
		return undefined;
	}
	if (country === 'CAN') {
		if (text === '') return 'A Canadian address needs a postal code (A1A 1A1)';
		const notCanadian = `'${postalCode.trim()}' is not a Canadian postal code`;
		if (!CA_POSTAL_SHAPE.test(text)) {
			return `${notCanadian} (A1A 1A1: letter, digit, letter, digit, letter, digit)`;
		}
		if (!CA_POSTAL_CODE.test(text)) {
			return (
				`${notCanadian}: Canada Post never uses D, F, I, O, Q or U, ` +
				'nor W or Z as the first letter'
			);
		}
		return undefined;
	}
	if (text.length > POSTAL_CODE_LENGTH) {
		return (
			`'${postalCode.trim()}' is ${text.length} characters; ` +
			`Ingram's postal code field holds ${POSTAL_CODE_LENGTH}`
		);
	}
	return undefined;
}
