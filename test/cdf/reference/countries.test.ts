/**
 * Country codes for the CDF address records: every ISO 3166-1 row found by its alpha-2 code, its
 * alpha-3 code and its name, the common names shops use instead, and which destinations count as
 * domestic for Ingram's US mail classes.
 */
import fc from 'fast-check';

import {
	COUNTRIES,
	OTHER_COUNTRY_NAMES,
	US_TERRITORIES,
	countryName,
	isDomestic,
	toAlpha3,
} from '../../../nodes/IngramContent/reference/countries';
import { US_REGIONS } from '../../../nodes/IngramContent/reference/regions';

test('the table is ISO 3166-1: 249 rows with unique, well-formed codes', () => {
	expect(COUNTRIES).toHaveLength(249);
	expect(new Set(COUNTRIES.map(([alpha2]) => alpha2)).size).toBe(249);
	expect(new Set(COUNTRIES.map(([, alpha3]) => alpha3)).size).toBe(249);
	for (const [alpha2, alpha3, name] of COUNTRIES) {
		expect(alpha2).toMatch(/^[A-Z]{2}$/);
		expect(alpha3).toMatch(/^[A-Z]{3}$/);
		expect(name.trim()).toBe(name);
		expect(name).not.toBe('');
	}
});

test('every row is found by its alpha-2 code, its alpha-3 code and its name', () => {
	for (const [alpha2, alpha3, name] of COUNTRIES) {
		expect([alpha2, toAlpha3(alpha2), toAlpha3(alpha3), toAlpha3(name)]).toEqual([
			alpha2,
			alpha3,
			alpha3,
			alpha3,
		]);
		expect(countryName(alpha3)).toBe(name);
	}
});

test('case and surrounding or doubled spaces do not matter (property)', () => {
	const spaces = fc.constantFrom('', ' ', '  ', '\t');
	const cased = (text: string) =>
		fc
			.array(fc.boolean(), { minLength: text.length, maxLength: text.length })
			.map((upper) =>
				[...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
			);
	const row = fc.constantFrom(...COUNTRIES);
	fc.assert(
		fc.property(
			row.chain(([alpha2, alpha3, name]) =>
				fc.record({
					alpha3: fc.constant(alpha3),
					text: fc.constantFrom(alpha2, alpha3, name).chain(cased),
					before: spaces,
					after: spaces,
					doubled: fc.boolean(),
				}),
			),
			({ alpha3, text, before, after, doubled }) => {
				const spaced = doubled ? text.replace(/ /g, '  ') : text;
				expect(toAlpha3(`${before}${spaced}${after}`)).toBe(alpha3);
			},
		),
		{ numRuns: 1000 },
	);
});

test.each([
	['United States', 'USA'],
	['United States of America', 'USA'],
	['U.S.A.', 'USA'],
	['u.s.', 'USA'],
	['America', 'USA'],
	['Canada', 'CAN'],
	['canada ', 'CAN'],
	['United Kingdom', 'GBR'],
	['Great Britain', 'GBR'],
	['UK', 'GBR'],
	['u.k.', 'GBR'],
	['England', 'GBR'],
	['Northern Ireland', 'GBR'],
	['GB', 'GBR'],
	['the Netherlands', 'NLD'],
	['Holland', 'NLD'],
	["Côte d'Ivoire", 'CIV'],
	['Côte d’Ivoire', 'CIV'],
	['Cote dIvoire', 'CIV'],
	['Ivory Coast', 'CIV'],
	['South Korea', 'KOR'],
	['Korea', 'KOR'],
	['North Korea', 'PRK'],
	['Russia', 'RUS'],
	['Vietnam', 'VNM'],
	['Viet Nam', 'VNM'],
	['St Lucia', 'LCA'],
	['St. Kitts and Nevis', 'KNA'],
	['Trinidad & Tobago', 'TTO'],
	['Bosnia and Herzegovina', 'BIH'],
	['Türkiye', 'TUR'],
	['Turkey', 'TUR'],
	['Czech Republic', 'CZE'],
	['Aland Islands', 'ALA'],
	['Curacao', 'CUW'],
	['Puerto Rico', 'PRI'],
	['U.S. Virgin Islands', 'VIR'],
	['British Virgin Islands', 'VGB'],
	['Congo', 'COG'],
	['DR Congo', 'COD'],
	['Hong Kong', 'HKG'],
	['Taiwan', 'TWN'],
])('%s is %s', (value, alpha3) => {
	expect(toAlpha3(value)).toBe(alpha3);
});

test('every other name points at a country of the table, and at that one', () => {
	for (const [alpha3, names] of Object.entries(OTHER_COUNTRY_NAMES)) {
		expect(countryName(alpha3)).toBeDefined();
		for (const name of names) expect([name, toAlpha3(name)]).toEqual([name, alpha3]);
	}
});

test.each(['', '   ', 'XX', 'XYZ', 'Atlantis', 'USAA', 'Europe', 'constructor'])(
	'%j is not a country',
	(value) => {
		expect(toAlpha3(value)).toBeUndefined();
	},
);

test('countryName takes the alpha-3 code in any case and knows nothing else', () => {
	expect(countryName('usa')).toBe('United States');
	expect(countryName(' can ')).toBe('Canada');
	expect(countryName('US')).toBeUndefined();
	expect(countryName('XXX')).toBeUndefined();
});

describe('isDomestic', () => {
	const domestic = ['USA', 'PRI', 'VIR', 'GUM', 'ASM', 'MNP', 'UMI'];

	test.each(domestic)('%s ships with US mail classes', (alpha3) => {
		expect(isDomestic(alpha3)).toBe(true);
		expect(isDomestic(alpha3.toLowerCase())).toBe(true);
	});

	test('every other country is international', () => {
		const others = COUNTRIES.map(([, alpha3]) => alpha3).filter((c) => !domestic.includes(c));
		expect(others).toHaveLength(249 - domestic.length);
		for (const alpha3 of others) expect([alpha3, isDomestic(alpha3)]).toEqual([alpha3, false]);
		expect(isDomestic('CONSTRUCTOR')).toBe(false);
		expect(isDomestic('constructor')).toBe(false);
	});

	test('each territory is also a US "state", and its alpha-2 code leads to it', () => {
		for (const [alpha3, state] of Object.entries(US_TERRITORIES)) {
			expect(US_REGIONS[state]).toBeDefined();
			expect(toAlpha3(state)).toBe(alpha3);
		}
	});
});
