/**
 * Item numbers on CDF order lines: check digits of ISBN-13/EAN, ISBN-10 and UPC, and ISBN-10
 * converted to its EAN. Known numbers, plus properties over generated ones (fast-check): every
 * valid number passes, and changing any one digit makes it fail.
 */
import fc from 'fast-check';

import { checkItemNumber, isbn10ToEan } from '../../nodes/IngramContent/codec/itemNumbers';

test.each([
	['9780306406157', { itemNumber: '9780306406157', itemNumberType: 'EN' }],
	['978-0-306-40615-7', { itemNumber: '9780306406157', itemNumberType: 'EN' }],
	[
		'0306406152',
		{ itemNumber: '9780306406157', itemNumberType: 'EN', convertedFrom: '0306406152' },
	],
	[
		'080442957X',
		{ itemNumber: '9780804429573', itemNumberType: 'EN', convertedFrom: '080442957X' },
	],
	['036000291452', { itemNumber: '036000291452', itemNumberType: 'UP' }],
])('%s is valid', (raw, expected) => {
	expect(checkItemNumber(raw)).toEqual(expected);
});

test.each([
	['9780306406158', /not a valid ISBN-13\/EAN: its check digit should be 7/],
	['0306406153', /not a valid ISBN-10: its check digit should be 2/],
	['036000291453', /not a valid UPC: its check digit should be 2/],
	['97803064061', /is not an ISBN-13\/EAN \(13 digits\), ISBN-10 \(10\) or UPC \(12\)/],
	['GIFTCARD-25', /is not an ISBN-13/],
])('%s is refused, saying why', (raw, problem) => {
	expect((checkItemNumber(raw) as { problem: string }).problem).toMatch(problem);
});

const digitString = (length: number) =>
	fc
		.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
		.map((d) => d.join(''));

/**
 * Completes a body with the check digit the checker wants (read from its message). The known numbers
 * above anchor the algorithms; the properties test what must hold for any body: a valid number
 * passes, and every single-digit error is caught.
 */
function complete(body: string): string {
	const check =
		(checkItemNumber(`${body}0`) as { problem?: string }).problem?.match(/should be (\S+)$/)?.[1] ??
		'0';
	return `${body}${check}`;
}

test('property: any EAN, ISBN-10 or UPC with its check digit passes; one changed digit fails', () => {
	fc.assert(
		fc.property(
			fc.constantFrom(12, 9, 11).chain((length) => digitString(length)),
			fc.nat(),
			fc.integer({ min: 1, max: 9 }),
			(body, position, delta) => {
				const valid = complete(body);
				expect(checkItemNumber(valid)).not.toHaveProperty('problem');
				const at = position % valid.length;
				if (valid[at] === 'X') return;
				const changed = `${valid.slice(0, at)}${(Number(valid[at]) + delta) % 10}${valid.slice(at + 1)}`;
				expect(checkItemNumber(changed)).toHaveProperty('problem');
			},
		),
		{ numRuns: 500 },
	);
});

test('property: an ISBN-10 and its EAN name the same book (the EAN is itself valid)', () => {
	fc.assert(
		fc.property(digitString(9), (body) => {
			const isbn10 = complete(body);
			const ean = isbn10ToEan(isbn10);
			expect(ean.slice(3, 12)).toBe(isbn10.slice(0, 9));
			expect(checkItemNumber(ean)).toEqual({ itemNumber: ean, itemNumberType: 'EN' });
		}),
	);
});
