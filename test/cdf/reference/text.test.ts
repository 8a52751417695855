/**
 * Text for the fixed-width CDF records: shop text brought to printable ASCII, the characters
 * Ingram refuses in message records, and messages word-wrapped into 51-character records.
 */
import fc from 'fast-check';

import {
	MESSAGE_RECORD_LENGTH,
	forbiddenInMessage,
	splitMessage,
	toCdfText,
} from '../../../nodes/IngramContent/reference/text';

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

describe('toCdfText', () => {
	test.each([
		['José Müller', 'Jose Muller'],
		['François Çağlar', 'Francois Caglar'],
		['Ñandú 12', 'Nandu 12'],
		['Straße 5', 'Strasse 5'],
		['GROẞE', 'GROSSE'],
		['Ærøskøbing', 'AEroskobing'],
		['Œuvre', 'OEuvre'],
		['Łódź', 'Lodz'],
		['Đorđe Þór', 'Dorde Thor'],
		['It’s “fine” – really — ok…', 'It\'s "fine" - really - ok...'],
		['‘single’ „low“ «guillemets»', '\'single\' "low" "guillemets"'],
		['don´t', "don't"],
		['\tTab\t\there', ' Tab here'],
		['ﬁne ﬂour', 'fine flour'],
		['½ price', '1/2 price'],
		['Suite\u00a04', 'Suite 4'],
		['zero\u200bwidth\ufeff', 'zerowidth'],
		['Ｆｕｌｌ', 'Full'],
		['Books™ © ®', 'BooksTM (C) (R)'],
		['10 × 20 • a', '10 x 20 - a'],
		['plain ASCII: ~!@#$%^&*()_+', 'plain ASCII: ~!@#$%^&*()_+'],
	])('%j becomes %j', (value, text) => {
		expect(toCdfText(value)).toEqual({ text, unsupported: [] });
	});

	test.each([
		['Москва', ['М', 'о', 'с', 'к', 'в', 'а']],
		['東京 東', ['東', '京']],
		['Hi 😀 there 😀', ['😀']],
		['two\nlines\r\n', ['\n', '\r']],
		['bell\u0007', ['\u0007']],
		['25° north', ['°']],
	])('%j keeps what has no ASCII form and lists it once: %j', (value, unsupported) => {
		const result = toCdfText(value);
		expect(result.unsupported).toEqual(unsupported);
		for (const char of unsupported) expect(result.text).toContain(char);
	});

	const anyText = fc.oneof(
		fc.string({ unit: 'grapheme', maxLength: 40 }),
		fc.string({ unit: 'binary', maxLength: 40 }),
		fc.string({ unit: 'binary-ascii', maxLength: 40 }),
	);

	test('every character of the result is printable ASCII or listed, once, as unsupported (property)', () => {
		fc.assert(
			fc.property(anyText, (value) => {
				const { text, unsupported } = toCdfText(value);
				const outside = Array.from(text).filter((c) => !PRINTABLE_ASCII.test(c));
				expect(unsupported).toEqual([...new Set(outside)]);
				for (const char of unsupported) expect(char).not.toMatch(PRINTABLE_ASCII);
			}),
			{ numRuns: 1000 },
		);
	});

	test('converting twice changes nothing more (property)', () => {
		fc.assert(
			fc.property(anyText, (value) => {
				const once = toCdfText(value);
				expect(toCdfText(once.text)).toEqual(once);
			}),
			{ numRuns: 1000 },
		);
	});

	test('printable ASCII without tabs comes through unchanged (property)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), (value) => {
				expect(toCdfText(value)).toEqual({ text: value, unsupported: [] });
			}),
		);
	});
});

describe('forbiddenInMessage', () => {
	test.each([
		['Happy birthday, Sam! Love, Grandma', []],
		["Don't eat it all at once", ["apostrophe (')"]],
		['It’s yours', ["apostrophe (')"]],
		['“Enjoy”', ['quotation mark (")']],
		['Read this *now*', ['asterisk (*)']],
		['Line one\r\nLine two\nLine three', ['line break']],
		['Line one\u2028Line two', ['line break']],
		[
			'*Best* wishes,\nit\'s "yours" – Jo\'s',
			['asterisk (*)', 'line break', "apostrophe (')", 'quotation mark (")'],
		],
	])('%j has %j', (text, names) => {
		expect(forbiddenInMessage(text)).toEqual(names);
	});
});

describe('splitMessage', () => {
	test('a short message is one record; none is no record', () => {
		expect(splitMessage('Happy birthday!')).toEqual(['Happy birthday!']);
		expect(splitMessage('')).toEqual([]);
		expect(splitMessage(' \n\t ')).toEqual([]);
	});

	test('records are 51 characters at most by default, cut between words', () => {
		const message =
			'Happy birthday, Sam! We hope you enjoy this book as much as we did. Lots of love from ' +
			'Grandma and Grandpa, and see you at the lake this summer';
		const records = splitMessage(message);
		expect(records).toEqual([
			'Happy birthday, Sam! We hope you enjoy this book as',
			'much as we did. Lots of love from Grandma and',
			'Grandpa, and see you at the lake this summer',
		]);
		expect(records[0]).toHaveLength(MESSAGE_RECORD_LENGTH);
	});

	test('line breaks and runs of spaces are just word separators', () => {
		expect(splitMessage('Dear Sam,\r\n\r\n  enjoy!\tLove', 10)).toEqual([
			'Dear Sam,',
			'enjoy!',
			'Love',
		]);
	});

	test('only a word longer than a whole record is cut', () => {
		expect(splitMessage('see https://example.com/a/very/long/path ok', 10)).toEqual([
			'see',
			'https://ex',
			'ample.com/',
			'a/very/lon',
			'g/path ok',
		]);
		expect(splitMessage('abcdefghij', 10)).toEqual(['abcdefghij']);
	});

	test('more records than allowed is an error, not a shortened message', () => {
		expect(splitMessage('one two three four', 5, 4)).toEqual(['one', 'two', 'three', 'four']);
		expect(() => splitMessage('one two three four five', 5, 4)).toThrow(
			new RangeError('The message needs 5 records of 5 characters; at most 4 are allowed'),
		);
	});

	test.each([0, -1, 2.5, Number.NaN])('a width of %p is an error', (width) => {
		expect(() => splitMessage('text', width)).toThrow(RangeError);
	});

	const word = (max: number) =>
		fc
			.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max })
			.map((w) => w.replace(/\s/g, 'x'));
	const separator = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t');

	test('records fit the width, and joined with spaces give back the words (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 60 }),
				fc.array(fc.tuple(word(60), separator)),
				(width, parts) => {
					const words = parts.map(([w]) => w).filter((w) => w.length <= width);
					const text = parts
						.filter(([w]) => w.length <= width)
						.map(([w, sep]) => w + sep)
						.join('');
					const records = splitMessage(text, width);
					for (const record of records) {
						expect(record.length).toBeLessThanOrEqual(width);
						expect(record).toBe(record.trim());
					}
					expect(records.join(' ')).toBe(words.join(' '));
					// Greedy: the next record's first word would not have fitted on the record before.
					for (let i = 0; i + 1 < records.length; i++) {
						const next = records[i + 1].split(' ')[0];
						expect(records[i].length + 1 + next.length).toBeGreaterThan(width);
					}
				},
			),
			{ numRuns: 500 },
		);
	});

	test('with words longer than the width nothing is lost either (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), fc.array(word(50)), (width, words) => {
				const records = splitMessage(words.join(' '), width);
				for (const record of records) expect(record.length).toBeLessThanOrEqual(width);
				expect(records.join('').replace(/ /g, '')).toBe(words.join(''));
			}),
			{ numRuns: 500 },
		);
	});
});
