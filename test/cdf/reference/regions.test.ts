/**
 * States, provinces and postal codes for the CDF address records: every US and Canadian region by
 * code and by name, the problems a user is shown, and postal codes that pass or fail per country.
 */
import fc from 'fast-check';

import {
	CA_REGIONS,
	US_REGIONS,
	normalisePostalCode,
	normaliseRegion,
	postalCodeProblem,
} from '../../../nodes/IngramContent/reference/regions';

describe('region tables', () => {
	test('the USA has 50 states, DC, 6 territories and 3 armed-forces codes', () => {
		expect(Object.keys(US_REGIONS)).toHaveLength(60);
		for (const code of ['DC', 'PR', 'VI', 'GU', 'AS', 'MP', 'UM', 'AA', 'AE', 'AP']) {
			expect(US_REGIONS[code]).toBeDefined();
		}
	});

	test('Canada has 10 provinces and 3 territories', () => {
		expect(Object.keys(CA_REGIONS)).toHaveLength(13);
	});

	test('every code is two capital letters and every name is unique', () => {
		for (const table of [US_REGIONS, CA_REGIONS]) {
			for (const code of Object.keys(table)) expect(code).toMatch(/^[A-Z]{2}$/);
			expect(new Set(Object.values(table)).size).toBe(Object.keys(table).length);
		}
	});
});

describe('normaliseRegion', () => {
	const regions: Array<[string, string, string]> = [
		...Object.entries(US_REGIONS).map(([code, name]): [string, string, string] => [
			'USA',
			code,
			name,
		]),
		...Object.entries(CA_REGIONS).map(([code, name]): [string, string, string] => [
			'CAN',
			code,
			name,
		]),
	];

	test.each(regions)('%s %s is found by code and by name, in any case', (country, code, name) => {
		for (const value of [
			code,
			code.toLowerCase(),
			` ${code} `,
			name,
			name.toUpperCase(),
			name.toLowerCase(),
		]) {
			expect([value, normaliseRegion(country, value)]).toEqual([value, { code }]);
		}
	});

	test.each([
		['USA', 'tennessee', 'TN'],
		['USA', 'N.Y.', 'NY'],
		['USA', 'new   york', 'NY'],
		['USA', 'Washington', 'WA'],
		['USA', 'Washington, D.C.', 'DC'],
		['USA', 'Washington DC', 'DC'],
		['USA', 'Virgin Islands', 'VI'],
		['USA', 'Armed Forces Middle East', 'AE'],
		['usa', 'ae', 'AE'],
		['CAN', 'Québec', 'QC'],
		['CAN', 'QUÉBEC', 'QC'],
		['CAN', 'quebec', 'QC'],
		['CAN', 'PQ', 'QC'],
		['CAN', 'Newfoundland', 'NL'],
		['CAN', 'NF', 'NL'],
		['CAN', 'Yukon Territory', 'YT'],
		['CAN', ' on ', 'ON'],
	])('%s %j is %s', (country, value, code) => {
		expect(normaliseRegion(country, value)).toEqual({ code });
	});

	test.each([
		[
			'USA',
			'',
			'A US address needs a state: its two-letter code (e.g. TN, NY, PR, AE) or its name',
		],
		[
			'USA',
			'   ',
			'A US address needs a state: its two-letter code (e.g. TN, NY, PR, AE) or its name',
		],
		['USA', 'XX', "'XX' is not a US state or territory code (e.g. TN, NY, PR, AE) or name"],
		[
			'USA',
			'Ontario',
			"'Ontario' is not a US state or territory code (e.g. TN, NY, PR, AE) or name",
		],
		[
			'USA',
			'Tennesee',
			"'Tennesee' is not a US state or territory code (e.g. TN, NY, PR, AE) or name",
		],
		[
			'CAN',
			'',
			'A Canadian address needs a province or territory: its two-letter code (e.g. ON, QC, BC) or its name',
		],
		[
			'CAN',
			'TN',
			"'TN' is not a Canadian province or territory code (e.g. ON, QC, BC, NU) or name",
		],
		[
			'DEU',
			'Bavaria',
			"'Bavaria' does not fit Ingram's state/province field (3 characters): give a code such as ENG or NSW, or leave it empty",
		],
	])('%s %j is a problem', (country, value, problem) => {
		expect(normaliseRegion(country, value)).toEqual({ problem });
	});

	test.each([
		['GBR', 'eng', 'ENG'],
		['AUS', 'nsw', 'NSW'],
		['DEU', '', ''],
		['DEU', '  ', ''],
		['MEX', 'Jal', 'JAL'],
		['PRI', 'pr', 'PR'],
	])('outside the USA and Canada %s %j passes as %j', (country, value, code) => {
		expect(normaliseRegion(country, value)).toEqual({ code });
	});

	test('outside the USA and Canada any value of up to 3 characters passes upper-cased (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('GBR', 'DEU', 'AUS', 'JPN', 'PRI', 'FRA'),
				fc.string({ maxLength: 3 }),
				(country, value) => {
					expect(normaliseRegion(country, value)).toEqual({ code: value.trim().toUpperCase() });
				},
			),
		);
	});
});

describe('postalCodeProblem', () => {
	test.each([
		['USA', '37086'],
		['USA', '37086-1986'],
		['USA', ' 37086 '],
		['usa', '10001'],
		['PRI', '00901'],
		['VIR', '00802'],
		['GUM', '96910'],
		['CAN', 'K1A 0B1'],
		['CAN', 'k1a0b1'],
		['CAN', ' m5v 3l9 '],
		['CAN', 'H2X  1Y4'],
		['GBR', 'SW1A 1AA'],
		['DEU', '10115'],
		['DEU', ''],
		['IRL', ''],
		['JPN', '100-0001'],
		['BRA', '01310-100'],
		['GBR', '12345678901'],
	])('%s %j is fine', (country, postalCode) => {
		expect(postalCodeProblem(country, postalCode)).toBeUndefined();
	});

	test.each([
		['USA', '', 'A US address needs a ZIP code (12345 or 12345-6789)'],
		['PRI', ' ', 'An address in Puerto Rico needs a ZIP code (12345 or 12345-6789)'],
		['USA', '3708', "'3708' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['USA', '370861', "'370861' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['USA', '37086-19', "'37086-19' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['USA', '37086 1986', "'37086 1986' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['USA', 'ABCDE', "'ABCDE' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['USA', 'K1A 0B1', "'K1A 0B1' is not a ZIP code: 5 digits, or ZIP+4 as 12345-6789"],
		['CAN', '', 'A Canadian address needs a postal code (A1A 1A1)'],
		[
			'CAN',
			'K1A0B',
			"'K1A0B' is not a Canadian postal code (A1A 1A1: letter, digit, letter, digit, letter, digit)",
		],
		[
			'CAN',
			'12345',
			"'12345' is not a Canadian postal code (A1A 1A1: letter, digit, letter, digit, letter, digit)",
		],
		[
			'CAN',
			'D1A 0B1',
			"'D1A 0B1' is not a Canadian postal code: Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter",
		],
		[
			'CAN',
			'W1A 0B1',
			"'W1A 0B1' is not a Canadian postal code: Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter",
		],
		[
			'CAN',
			'K1O 0B1',
			"'K1O 0B1' is not a Canadian postal code: Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter",
		],
		['GBR', '123456789012', "'123456789012' is 12 characters; Ingram's postal code field holds 11"],
	])('%s %j is a problem', (country, postalCode, problem) => {
		expect(postalCodeProblem(country, postalCode)).toBe(problem);
	});

	test('every 5-digit ZIP and ZIP+4 passes (property)', () => {
		const digits = (n: number) =>
			fc
				.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
				.map((d) => d.join(''));
		fc.assert(
			fc.property(digits(5), fc.option(digits(4)), (zip, plus4) => {
				expect(postalCodeProblem('USA', plus4 === null ? zip : `${zip}-${plus4}`)).toBeUndefined();
			}),
		);
	});

	test('every well-formed Canadian code passes in any case, with or without the space, and is normalised (property)', () => {
		const letter = fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ');
		const first = fc.constantFrom(...'ABCEGHJKLMNPRSTVXY');
		const digit = fc.integer({ min: 0, max: 9 }).map(String);
		fc.assert(
			fc.property(
				fc.tuple(first, digit, letter, digit, letter, digit),
				fc.boolean(),
				fc.boolean(),
				(parts, space, lower) => {
					const canonical = `${parts.slice(0, 3).join('')} ${parts.slice(3).join('')}`;
					let written = space ? canonical : canonical.replace(' ', '');
					if (lower) written = written.toLowerCase();
					expect(postalCodeProblem('CAN', written)).toBeUndefined();
					expect(normalisePostalCode('CAN', written)).toBe(canonical);
				},
			),
		);
	});

	test('outside the USA and Canada anything of up to 11 characters passes (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('GBR', 'DEU', 'JPN', 'AUS'),
				fc.string({ maxLength: 11 }),
				(country, code) => {
					expect(postalCodeProblem(country, code)).toBeUndefined();
				},
			),
		);
	});
});

test.each([
	['CAN', 'k1a0b1', 'K1A 0B1'],
	['CAN', ' k1a   0b1 ', 'K1A 0B1'],
	['GBR', 'sw1a  1aa', 'SW1A 1AA'],
	['USA', ' 37086-1986 ', '37086-1986'],
	['NLD', '1234 ab', '1234 AB'],
])('normalisePostalCode(%s, %j) is %j', (country, postalCode, normalised) => {
	expect(normalisePostalCode(country, postalCode)).toBe(normalised);
});
