/**
 * Text for CDF files. Records are fixed-width ASCII, so names, addresses and messages from a shop
 * are brought to plain ASCII first: accents dropped, typographic punctuation replaced. Message
 * records (gift, marketing, special delivery instructions) have extra rules from Ingram: no line
 * breaks, apostrophes, quotation marks or asterisks, and at most 51 characters per record.
 */

/** Letters and punctuation that Unicode decomposition leaves alone, with their ASCII stand-ins. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
	ß: 'ss',
	ẞ: 'SS',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ø: 'o',
	Ø: 'O',
	đ: 'd',
	Đ: 'D',
	ð: 'd',
	Ð: 'D',
	þ: 'th',
	Þ: 'Th',
	ł: 'l',
	Ł: 'L',
	ı: 'i',
	ħ: 'h',
	Ħ: 'H',
	ŧ: 't',
	Ŧ: 'T',
	'\u2018': "'", // ‘
	'\u2019': "'", // ’
	'\u201a': "'", // ‚
	'\u201b': "'", // ‛
	'\u2032': "'", // ′
	'\u00b4': "'", // ´, used as an apostrophe; replaced before decomposition turns it into a space
	'\u201c': '"', // “
	'\u201d': '"', // ”
	'\u201e': '"', // „
	'\u201f': '"', // ‟
	'\u00ab': '"', // «
	'\u00bb': '"', // »
	'\u2039': "'", // ‹
	'\u203a': "'", // ›
	'\u2010': '-', // hyphen
	'\u2011': '-', // non-breaking hyphen
	'\u2012': '-', // figure dash
	'\u2013': '-', // –
	'\u2014': '-', // —
	'\u2015': '-', // horizontal bar
	'\u2212': '-', // minus sign
	'\u2022': '-', // bullet
	'\u2044': '/', // fraction slash, left by decomposing ½
	'\u00d7': 'x', // ×
	'\u00a9': '(C)',
	'\u00ae': '(R)',
	'\u200b': '', // zero-width space
	'\u200c': '', // zero-width non-joiner
	'\u200d': '', // zero-width joiner
	'\u2060': '', // word joiner
	'\ufeff': '', // byte-order mark
};

/** The text with every character listed in REPLACEMENTS replaced. */
function replaceListed(text: string): string {
	return Array.from(text, (char) =>
		Object.hasOwn(REPLACEMENTS, char) ? REPLACEMENTS[char] : char,
	).join('');
}

const OUTSIDE_PRINTABLE_ASCII = /[^\x20-\x7e]/u;

/**
 * The ASCII form of a text for a CDF record: the replacements above, then compatibility
 * decomposition (so 'é' becomes 'e' plus an accent that is dropped, '…' becomes '...', a no-break
 * space a space), then the replacements again for what decomposition produced, and runs of tabs
 * as one space. Characters that are still not printable ASCII (line breaks, other scripts, emoji)
 * stay in the text and are listed, once each, in `unsupported`.
 */
export function toCdfText(value: string): { text: string; unsupported: string[] } {
	const decomposed = replaceListed(value)
		.normalize('NFKD')
		.replace(/\p{Mn}/gu, '');
	const text = replaceListed(decomposed).replace(/\t+/g, ' ');
	const unsupported = [...new Set(Array.from(text).filter((c) => OUTSIDE_PRINTABLE_ASCII.test(c)))];
	return { text, unsupported };
}

/** What Ingram refuses in message records, each with the name a user is told. */
const MESSAGE_FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
	[/[\r\n\u2028\u2029\u0085\v\f]/, 'line break'],
	[/'/, "apostrophe (')"],
	[/"/, 'quotation mark (")'],
	[/\*/, 'asterisk (*)'],
];

/**
 * The characters of a gift, marketing or delivery message that Ingram does not accept (line
 * breaks, apostrophes, quotation marks, asterisks), by name, each once, in the order they first
 * appear. The text is taken as toCdfText makes it, so typographic quotes count as quotes.
 */
export function forbiddenInMessage(text: string): string[] {
	const chars = Array.from(toCdfText(text).text);
	const found: string[] = [];
	for (const char of chars) {
		const rule = MESSAGE_FORBIDDEN.find(([pattern]) => pattern.test(char));
		if (rule && !found.includes(rule[1])) found.push(rule[1]);
	}
	return found;
}

/** Characters per message record (positions 30-80 of records 36, 37, 38 and 42). */
export const MESSAGE_RECORD_LENGTH = 51;

/**
 * A message cut into records of at most `width` characters at word boundaries. Any whitespace,
 * line breaks included, separates words; a word longer than a whole record is the only thing ever
 * cut. With `maxRecords`, a message that needs more records is a RangeError rather than being
 * shortened without notice.
 */
export function splitMessage(
	text: string,
	width = MESSAGE_RECORD_LENGTH,
	maxRecords?: number,
): string[] {
	if (!Number.isInteger(width) || width < 1) {
		throw new RangeError(`The record width must be a positive whole number, not ${width}`);
	}
	const records: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line !== '' && line.length + 1 + word.length <= width) {
			line += ` ${word}`;
			continue;
		}
		if (line !== '') records.push(line);
		line = word;
		while (line.length > width) {
			records.push(line.slice(0, width));
			line = line.slice(width);
		}
	}
	if (line !== '') records.push(line);
	if (maxRecords !== undefined && records.length > maxRecords) {
		throw new RangeError(
			`The message needs ${records.length} records of ${width} characters; ` +
				`at most ${maxRecords} are allowed`,
		);
	}
	return records;
}
