/**
 * Bad input never breaks a reader (fast-check): random text, valid files cut short anywhere, and
 * valid files with one character changed, inserted or removed either read (a result or "pending")
 * or fail with a ReplyFileError whose message names the file, the record and the field — never a
 * TypeError, RangeError or anything else.
 */
import fc from 'fast-check';

import { readAcknowledgementFile } from '../../../nodes/IngramContent/codec/acknowledgementFile';
import { readInvoiceFile } from '../../../nodes/IngramContent/codec/invoiceFile';
import { ReplyFileError, splitReplyRecords } from '../../../nodes/IngramContent/codec/replyFiles';
import { readShipNoticeFile } from '../../../nodes/IngramContent/codec/shipNoticeFile';
import {
	INVOICES,
	POA_SAMPLE_RECORDS,
	asnRecords,
	invoiceRecords,
	joinCrlf,
	joinNone,
	poaRecords,
	stripTrailing,
} from './build';

type Reader = (text: string, fileName: string) => unknown;

const KINDS: Array<{ name: string; read: Reader; fileName: string; samples: string[] }> = [
	{
		name: 'acknowledgement',
		read: readAcknowledgementFile,
		fileName: '2611280621ABC.fbc',
		samples: [
			joinNone(POA_SAMPLE_RECORDS),
			joinCrlf(
				poaRecords(
					[
						{
							poNumber: 'P-1',
							address: {
								name: 'A B',
								lines: ['1 MAIN'],
								city: 'X',
								state: 'TN',
								zip: '1',
								country: 'USA',
							},
							lines: [
								{ reference: '1', status: '06', ordered: 3, predicted: 1, inventory: 'N0001C0002' },
								{ reference: '2', status: '14', ordered: 1 },
							],
						},
						{ poNumber: 'P-2', poStatus: '4', messages: ['BAD PASSWORD'], lines: [] },
					],
					{ poaType: '3', omit: ['44'] },
				),
			),
		],
	},
	{
		name: 'ship notice',
		read: readShipNoticeFile,
		fileName: '05503677.PBS',
		samples: [
			joinCrlf(
				asnRecords([
					{
						poNumber: 'P-1',
						subtotal: 19.99,
						handling: 10,
						total: 29.99,
						freight: 1,
						variant: 'other',
						details: [
							{ reference: '1', tracking: '1ZA', scac: 'UPSN', code: '12' },
							{ reference: '1', tracking: '1ZB', scac: 'UPSN', code: '12' },
						],
					},
					{
						poNumber: 'P-2',
						status: '28',
						subtotal: 5,
						total: 5,
						details: [
							{ reference: '1', dc: 'NV', code: '21', ssl: 'SSL1' },
							{ reference: '2', status: '26', shipped: 0, slashed: 1, code: 'I2' },
						],
					},
				]),
			),
		],
	},
	{
		name: 'invoice',
		read: readInvoiceFile,
		fileName: '05536017.BIN',
		samples: [
			joinCrlf(stripTrailing(invoiceRecords(INVOICES))),
			joinNone(invoiceRecords(INVOICES)),
		],
	},
];

/** Reads and returns nothing, or what it threw. */
function attempt(read: Reader, text: string, fileName: string): unknown {
	try {
		const result = read(text, fileName);
		expect(result).toEqual(expect.any(Object));
		return undefined;
	} catch (error) {
		return error;
	}
}

/** Nothing, or the ReplyFileError thrown; anything else thrown fails the property. */
function outcome(read: Reader, text: string, fileName: string): ReplyFileError | undefined {
	const thrown = attempt(read, text, fileName);
	if (thrown === undefined) return undefined;
	expect(thrown).toBeInstanceOf(ReplyFileError);
	return thrown as ReplyFileError;
}

function checkError(error: ReplyFileError | undefined, kind: string, fileName: string) {
	if (!error) return;
	expect(error.file).toBe(fileName);
	expect(error.record).toBeGreaterThanOrEqual(1);
	expect(error.field).not.toBe('');
	expect(error.message.startsWith(`${kind} ${fileName}, record ${error.record}`)).toBe(true);
	expect(error.message).toContain(`field "${error.field}": `);
}

/** Characters that matter to these files: digits, upper-case letters, space, line breaks, signs. */
const CHARACTERS = [...'0123456789ABCDEFNORCI .-{\r\n\t\u0000é'];
const character = fc.constantFrom(...CHARACTERS);

const RUNS = { numRuns: 150 };

describe.each(KINDS)('$name reader under bad input', ({ name, read, fileName, samples }) => {
	it('reads the valid samples', () => {
		for (const sample of samples) expect(outcome(read, sample, fileName)).toBeUndefined();
	});

	it('random text', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: character, maxLength: 600 })),
				(text) => {
					checkError(outcome(read, text, fileName), name, fileName);
				},
			),
			RUNS,
		);
	});

	it('random records after a valid header: valid ones, and record codes followed by random characters', () => {
		const length = name === 'ship notice' ? 200 : 80;
		const valid = samples.flatMap((sample) => splitReplyRecords(sample, length));
		const codes = [...new Set(valid.map((r) => r.slice(0, 2)))];
		const randomRecord = fc
			.tuple(fc.constantFrom(...codes), fc.string({ unit: character, maxLength: length + 10 }))
			.map(([code, rest]) => code + rest.replace(/[\r\n]/g, ' '));
		const records = fc.array(fc.oneof(randomRecord, fc.constantFrom(...valid)), { maxLength: 14 });
		fc.assert(
			fc.property(records, (lines) => {
				const text = [valid[0], ...lines].join('\r\n');
				checkError(outcome(read, text, fileName), name, fileName);
			}),
			{ numRuns: 300 },
		);
	});

	it.each(samples.map((sample, n) => [n, sample]))('sample %i cut short anywhere', (_n, sample) => {
		fc.assert(
			fc.property(fc.nat({ max: sample.length }), (length) => {
				checkError(outcome(read, sample.slice(0, length), fileName), name, fileName);
			}),
			RUNS,
		);
	});

	it.each(samples.map((sample, n) => [n, sample]))(
		'sample %i with one character changed, inserted or removed',
		(_n, sample) => {
			const edit = fc.tuple(
				fc.nat({ max: sample.length - 1 }),
				character,
				fc.constantFrom('change', 'insert', 'remove'),
			);
			fc.assert(
				fc.property(edit, ([at, char, how]) => {
					const text =
						how === 'change'
							? sample.slice(0, at) + char + sample.slice(at + 1)
							: how === 'insert'
								? sample.slice(0, at) + char + sample.slice(at)
								: sample.slice(0, at) + sample.slice(at + 1);
					checkError(outcome(read, text, fileName), name, fileName);
				}),
				{ numRuns: 400 },
			);
		},
	);
});
