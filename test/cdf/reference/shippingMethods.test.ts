/**
 * Ingram's shipping methods as data, finding one by its file text or its name, and choosing the
 * method for an order the way Order Desk does (Shipping Class Match, then the default mail classes
 * for orders without a shipping method), including every problem a user can be shown.
 */
import fc from 'fast-check';

import { COUNTRIES, isDomestic } from '../../../nodes/IngramContent/reference/countries';
import {
	INGRAM_SHIPPING_METHODS,
	SHIPPING_METHOD_LENGTH,
	findIngramMethod,
	resolveShippingMethod,
	type ShippingMethodInput,
} from '../../../nodes/IngramContent/reference/shippingMethods';

const byText = (text: string) => {
	const method = INGRAM_SHIPPING_METHODS.find((m) => m.text === text);
	if (!method) throw new Error(`no method ${text}`);
	return method;
};

describe('INGRAM_SHIPPING_METHODS', () => {
	test('holds the ten methods with their ASN codes and what they allow', () => {
		expect(
			INGRAM_SHIPPING_METHODS.map((m) => [
				m.text,
				m.asnCodes.join('/'),
				m.poBoxDelivery,
				m.tracked,
				m.international,
			]),
		).toEqual([
			['### 2ND DAY AIR', '12', false, true, false],
			['### 3 DAY SELECT', '17', false, true, false],
			['### UPS', '10', false, true, false],
			['### NEXT DAY AIR', '11', false, true, false],
			['### NEXT DAY AIR SAVER', '1A', false, true, false],
			['### USA ECONOMY', '21', true, false, false],
			['### USA EXPEDITED', '24/26', true, true, false],
			['### INTL COURIER', '50/MC', false, true, true],
			['### INTL PRIORITY', '50/MP', true, false, true],
			['### INTL W/DEL CONFIRMATI', '50/MT', false, true, true],
		]);
		expect(INGRAM_SHIPPING_METHODS[0]).toEqual({
			text: '### 2ND DAY AIR',
			name: 'UPS 2nd Day Air',
			asnCodes: ['12'],
			poBoxDelivery: false,
			tracked: true,
			international: false,
		});
	});

	test('every text fits the 25-character field, is printable ASCII and starts with ###', () => {
		for (const { text } of INGRAM_SHIPPING_METHODS) {
			expect(text.length).toBeLessThanOrEqual(SHIPPING_METHOD_LENGTH);
			expect(text).toMatch(/^### [\x20-\x7e]+$/);
			expect(text.trim()).toBe(text);
		}
	});

	test('the delivery-confirmation service keeps Ingram full name and is cut to the field', () => {
		const method = byText('### INTL W/DEL CONFIRMATI');
		expect(method.specText).toBe('### INTL W/DEL CONFIRMATION');
		expect(method.specText?.slice(0, SHIPPING_METHOD_LENGTH)).toBe(method.text);
		expect(method.countries).toEqual(['CAN', 'GBR', 'JPN']);
	});

	test('texts, names and the ASN codes of the domestic methods are unique', () => {
		const texts = INGRAM_SHIPPING_METHODS.map((m) => m.text);
		const names = INGRAM_SHIPPING_METHODS.map((m) => m.name);
		const domesticCodes = INGRAM_SHIPPING_METHODS.filter((m) => !m.international).flatMap(
			(m) => m.asnCodes,
		);
		expect(new Set(texts).size).toBe(10);
		expect(new Set(names).size).toBe(10);
		expect(new Set(domesticCodes).size).toBe(domesticCodes.length);
	});
});

describe('findIngramMethod', () => {
	test.each(INGRAM_SHIPPING_METHODS.map((m) => [m.text, m]))(
		'%s is found by its text, its name, without ### and in any case',
		(text, method) => {
			const bare = text.replace('### ', '');
			for (const value of [
				text,
				bare,
				bare.toLowerCase(),
				`  ${bare.replace(/ /g, '   ')}  `,
				`###${bare}`,
				method.name,
				method.name.toUpperCase(),
			]) {
				expect([value, findIngramMethod(value)]).toEqual([value, method]);
			}
		},
	);

	test.each([
		['ups', '### UPS'],
		['USA ECONOMY', '### USA ECONOMY'],
		['UPS Ground', '### UPS'],
		['intl courier', '### INTL COURIER'],
		['### INTL W/DEL CONFIRMATION', '### INTL W/DEL CONFIRMATI'],
		['INTL W/DEL CONFIRMATION', '### INTL W/DEL CONFIRMATI'],
	])('%j is %s', (value, text) => {
		expect(findIngramMethod(value)).toBe(byText(text));
	});

	test.each(['', '   ', '###', 'Media Mail', 'FedEx Ground', 'UPS Ground Shipping', 'NEXT DAY'])(
		'%j is not an Ingram method',
		(value) => {
			expect(findIngramMethod(value)).toBeUndefined();
		},
	);
});

describe('resolveShippingMethod', () => {
	const base: ShippingMethodInput = {
		destinationAlpha3: 'USA',
		classMatch: [
			{ shopMethod: 'Standard Shipping', ingramMethod: '### USA ECONOMY' },
			{ shopMethod: 'Express', ingramMethod: 'UPS Next Day Air' },
			{ shopMethod: 'Worldwide', ingramMethod: 'intl priority' },
			{ shopMethod: 'UPS', ingramMethod: 'USA Expedited' },
			{ shopMethod: 'express', ingramMethod: '### UPS' },
			{ shopMethod: 'Pony Express', ingramMethod: 'Pony' },
		],
		defaultDomestic: '### UPS',
		defaultInternational: '### INTL COURIER',
	};
	const resolve = (change: Partial<ShippingMethodInput>) =>
		resolveShippingMethod({ ...base, ...change });
	const known =
		"use one of '### 2ND DAY AIR', '### 3 DAY SELECT', '### UPS', '### NEXT DAY AIR', " +
		"'### NEXT DAY AIR SAVER', '### USA ECONOMY', '### USA EXPEDITED', '### INTL COURIER', " +
		"'### INTL PRIORITY', '### INTL W/DEL CONFIRMATI'";

	test('a shop method in Shipping Class Match gives its Ingram method, whatever its case and spacing', () => {
		expect(resolve({ shopMethod: '  standard   SHIPPING ' })).toEqual({
			method: byText('### USA ECONOMY'),
			how: 'match',
		});
		expect(resolve({ shopMethod: 'Worldwide', destinationAlpha3: 'deu' })).toEqual({
			method: byText('### INTL PRIORITY'),
			how: 'match',
		});
	});

	test('the first matching row wins', () => {
		expect(resolve({ shopMethod: 'EXPRESS' })).toEqual({
			method: byText('### NEXT DAY AIR'),
			how: 'match',
		});
	});

	test('Shipping Class Match comes before a shop method that is itself an Ingram method', () => {
		expect(resolve({ shopMethod: 'ups' })).toEqual({
			method: byText('### USA EXPEDITED'),
			how: 'match',
		});
	});

	test('a shop method that names an Ingram method is used as it is', () => {
		expect(resolve({ shopMethod: 'UPS Ground', classMatch: [] })).toEqual({
			method: byText('### UPS'),
			how: 'ingram',
		});
		expect(resolve({ shopMethod: '### 2nd day air' })).toEqual({
			method: byText('### 2ND DAY AIR'),
			how: 'ingram',
		});
	});

	test('a shop method nothing maps is a problem that lists the mapped ones, never a default', () => {
		expect(resolve({ shopMethod: 'Overnight' })).toEqual({
			problem:
				"The order's shipping method 'Overnight' is neither in Shipping Class Match nor an Ingram " +
				"shipping method (Shipping Class Match maps 'Standard Shipping', 'Express', 'Worldwide', " +
				"'UPS', 'express', 'Pony Express'). Add a row to Shipping Class Match that maps it to an " +
				'Ingram method',
		});
	});

	test('the problem lists at most ten mapped shop methods', () => {
		const classMatch = Array.from({ length: 13 }, (_, i) => ({
			shopMethod: `Rate ${i + 1}`,
			ingramMethod: '### UPS',
		}));
		const result = resolve({ shopMethod: 'Rate 99', classMatch });
		expect(result).toEqual({
			problem: expect.stringContaining(
				"(Shipping Class Match maps 'Rate 1', 'Rate 2', 'Rate 3', 'Rate 4', 'Rate 5', 'Rate 6', " +
					"'Rate 7', 'Rate 8', 'Rate 9', 'Rate 10', and 3 more)",
			),
		});
	});

	test('with no Shipping Class Match rows the problem says so', () => {
		expect(resolve({ shopMethod: 'Overnight', classMatch: [] })).toEqual({
			problem:
				"The order's shipping method 'Overnight' is neither in Shipping Class Match nor an Ingram " +
				'shipping method (Shipping Class Match has no rows yet). Add a row to Shipping Class ' +
				'Match that maps it to an Ingram method',
		});
	});

	test('a row that maps to an unknown Ingram method is a problem', () => {
		expect(resolve({ shopMethod: 'pony express' })).toEqual({
			problem: `Shipping Class Match maps 'pony express' to 'Pony', which is not an Ingram shipping method; ${known}`,
		});
	});

	test.each([
		[undefined, 'USA', '### UPS', 'defaultDomestic'],
		['', 'USA', '### UPS', 'defaultDomestic'],
		['   ', 'PRI', '### UPS', 'defaultDomestic'],
		[undefined, 'GUM', '### UPS', 'defaultDomestic'],
		[undefined, 'CAN', '### INTL COURIER', 'defaultInternational'],
		['', 'gbr', '### INTL COURIER', 'defaultInternational'],
	])(
		'an order without a shop method (%j) to %s gets the default %s',
		(shopMethod, to, text, how) => {
			expect(resolve({ shopMethod, destinationAlpha3: to })).toEqual({ method: byText(text), how });
		},
	);

	test('an unknown or missing default is a problem', () => {
		expect(resolve({ defaultDomestic: 'Pony' })).toEqual({
			problem: `The default domestic shipping method 'Pony' is not an Ingram shipping method; ${known}`,
		});
		expect(resolve({ destinationAlpha3: 'MEX', defaultInternational: 'DHL' })).toEqual({
			problem: `The default international shipping method 'DHL' is not an Ingram shipping method; ${known}`,
		});
		expect(resolve({ defaultDomestic: ' ' })).toEqual({
			problem: 'The order has no shipping method and no default domestic shipping method is set',
		});
		expect(resolve({ destinationAlpha3: 'MEX', defaultInternational: '' })).toEqual({
			problem:
				'The order has no shipping method and no default international shipping method is set',
		});
	});

	test('a domestic method to another country is a problem naming both', () => {
		expect(resolve({ destinationAlpha3: 'CAN', defaultInternational: 'UPS' })).toEqual({
			problem:
				"'### UPS' (UPS Ground) ships only to US addresses, but the order goes to Canada (CAN)",
		});
		expect(resolve({ shopMethod: 'Standard Shipping', destinationAlpha3: 'GBR' })).toEqual({
			problem:
				"'### USA ECONOMY' (USA Economy Mail) ships only to US addresses, but the order goes to " +
				'United Kingdom (GBR)',
		});
	});

	test('an international method to a US address, territories included, is a problem naming both', () => {
		expect(resolve({ shopMethod: 'Worldwide' })).toEqual({
			problem:
				"'### INTL PRIORITY' (International Priority) is for addresses outside the US, but the " +
				'order goes to United States (USA)',
		});
		expect(resolve({ destinationAlpha3: 'PRI', defaultDomestic: 'INTL COURIER' })).toEqual({
			problem:
				"'### INTL COURIER' (International Courier) is for addresses outside the US, but the " +
				'order goes to Puerto Rico (PRI)',
		});
	});

	test('delivery confirmation goes only to Canada, the United Kingdom and Japan', () => {
		for (const to of ['CAN', 'GBR', 'JPN']) {
			expect(resolve({ shopMethod: 'INTL W/DEL CONFIRMATION', destinationAlpha3: to })).toEqual({
				method: byText('### INTL W/DEL CONFIRMATI'),
				how: 'ingram',
			});
		}
		expect(resolve({ shopMethod: 'INTL W/DEL CONFIRMATION', destinationAlpha3: 'DEU' })).toEqual({
			problem:
				"'### INTL W/DEL CONFIRMATI' (International with Delivery Confirmation) is offered only " +
				'to Canada, United Kingdom, Japan, but the order goes to Germany (DEU)',
		});
	});

	test('an unknown destination is a problem', () => {
		expect(resolve({ destinationAlpha3: 'US' })).toEqual({
			problem: "'US' is not an ISO 3166 alpha-3 country code",
		});
	});

	test('whatever comes in, the result suits the destination and a shop method never falls back to a default (property)', () => {
		const methodNames = INGRAM_SHIPPING_METHODS.flatMap((m) => [m.text, m.name]);
		const anyMethod = fc.oneof(fc.constantFrom(...methodNames, 'Pony', ''), fc.string());
		fc.assert(
			fc.property(
				fc.record({
					shopMethod: fc.option(
						fc.oneof(fc.constantFrom('Standard', 'Express', 'ups', ''), fc.string()),
						{
							nil: undefined,
						},
					),
					destinationAlpha3: fc.constantFrom(...COUNTRIES.map(([, alpha3]) => alpha3)),
					classMatch: fc.array(
						fc.record({
							shopMethod: fc.oneof(fc.constantFrom('Standard', 'Express'), fc.string()),
							ingramMethod: anyMethod,
						}),
						{ maxLength: 4 },
					),
					defaultDomestic: anyMethod,
					defaultInternational: anyMethod,
				}),
				(input) => {
					const result = resolveShippingMethod(input);
					if ('problem' in result) {
						expect(result.problem.length).toBeGreaterThan(0);
						return;
					}
					expect(result.method.international).toBe(!isDomestic(input.destinationAlpha3));
					if ((input.shopMethod ?? '').trim() !== '') {
						expect(['match', 'ingram']).toContain(result.how);
					} else {
						expect(['defaultDomestic', 'defaultInternational']).toContain(result.how);
					}
				},
			),
			{ numRuns: 500 },
		);
	});
});
