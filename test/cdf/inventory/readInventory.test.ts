/**
 * readInventory on whole files: CRLF, LF and undelimited records, blank lines, zipped or plain;
 * records cut by chunk boundaries at every offset; the EAN filter; and the errors that name the
 * file, the record and the field.
 */
import fc from 'fast-check';

import { decodeStockRecord } from '../../../nodes/IngramContent/codec/stockV2';
import {
	InventoryRecordError,
	readInventory,
	readInventoryBatches,
	type ReadInventoryOptions,
} from '../../../nodes/IngramContent/inventory/readInventory';
import {
	chunked,
	collect,
	eanOf,
	everyN,
	reusingBuffer,
	stockRecord,
	stockRecords,
	zipFile,
} from './helpers';

const RECORDS = stockRecords(12);
const EXPECTED = RECORDS.map((record) => decodeStockRecord(record));
const file = (records: string[], separator: string, tail = separator) =>
	Buffer.from(records.join(separator) + tail, 'latin1');

const read = (source: AsyncIterable<Uint8Array>, options: Partial<ReadInventoryOptions> = {}) =>
	collect(readInventory(source, { fileName: 'stockv2@ingram.dat', ...options }));

async function failure(work: Promise<unknown>): Promise<Error> {
	try {
		await work;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
}

const FRAMINGS: Array<[string, (records: string[]) => Buffer]> = [
	['CRLF', (records) => file(records, '\r\n')],
	['LF', (records) => file(records, '\n')],
	['CRLF, no break after the last', (records) => file(records, '\r\n', '')],
	['undelimited', (records) => file(records, '')],
	['undelimited with a final CRLF', (records) => file(records, '', '\r\n')],
	[
		'CRLF with blank lines',
		(records) => Buffer.from(`\r\n${records.join('\r\n\r\n')}\r\n   \r\n\r\n`, 'latin1'),
	],
	['LF with spaces after the record', (records) => file(records, '    \n')],
];

describe('readInventory', () => {
	it.each(FRAMINGS)('reads a plain file: %s', async (_, framed) => {
		expect(await read(chunked(framed(RECORDS)))).toEqual(EXPECTED);
	});

	it('reads the same titles from a zip (deflate or stored, any descriptor) as from the .dat', async () => {
		const dat = file(RECORDS, '\r\n');
		for (const descriptor of ['none', 'signature', 'bare'] as const) {
			for (const method of [0, 8]) {
				const zip = zipFile([
					{ name: 'readme.txt', data: Buffer.from('hello'), descriptor, method },
					{ name: 'stockv2@ingram.dat', data: dat, descriptor, method },
				]);
				expect(await read(everyN(zip, 1000), { fileName: 'stockv2@ingram.zip' })).toEqual(EXPECTED);
			}
		}
		const deltas = zipFile([
			{ name: 'stockv2delta260115a@ingram.DAT', data: file(RECORDS.slice(0, 5), '\n') },
			{ name: 'stockv2delta260115b@ingram.dat', data: file(RECORDS.slice(5), '') },
		]);
		expect(await read(chunked(deltas), { fileName: 'deltas.zip' })).toEqual(EXPECTED);
	});

	it('gives the same titles with a chunk boundary at every offset', async () => {
		for (const [, framed] of FRAMINGS) {
			const sample = framed(RECORDS.slice(0, 3));
			for (let cut = 1; cut < sample.length; cut++) {
				expect(await read(chunked(sample, [cut]))).toEqual(EXPECTED.slice(0, 3));
			}
		}
		const zip = zipFile([{ name: 'a.dat', data: file(RECORDS.slice(0, 3), '\r\n') }]);
		for (let cut = 1; cut < zip.length; cut++)
			expect(await read(chunked(zip, [cut]))).toEqual(EXPECTED.slice(0, 3));
	});

	it('gives the same titles however the input is cut into chunks (property)', async () => {
		const inputs = [
			...FRAMINGS.map(([, framed]) => framed(RECORDS)),
			zipFile([{ name: 'x.dat', data: file(RECORDS, '\r\n'), descriptor: 'signature' }]),
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...inputs.keys()),
				fc.array(fc.nat({ max: 5000 }), { maxLength: 60 }),
				async (which, cuts) => {
					expect(await read(chunked(inputs[which], cuts))).toEqual(EXPECTED);
				},
			),
			{ numRuns: 150 },
		);
	});

	it('copies what it keeps of a chunk before asking for the next one (a source may reuse its buffer)', async () => {
		const inputs = [
			...FRAMINGS.map(([, framed]) => framed(RECORDS)),
			...(['none', 'signature', 'bare'] as const).flatMap((descriptor) =>
				[0, 8].map((method) =>
					zipFile([{ name: 'x.dat', data: file(RECORDS, '\r\n'), descriptor, method }]),
				),
			),
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...inputs.keys()),
				fc.array(fc.nat({ max: 5000 }), { maxLength: 60 }),
				async (which, cuts) => {
					expect(await read(reusingBuffer(inputs[which], cuts))).toEqual(EXPECTED);
				},
			),
			{ numRuns: 150 },
		);
	});

	describe('freeChunks (a stream that hands its chunks over)', () => {
		const inputs = [
			...FRAMINGS.map(([, framed]) => framed(RECORDS)),
			...(['none', 'signature'] as const).flatMap((descriptor) =>
				[0, 8].map((method) =>
					zipFile([{ name: 'x.dat', data: file(RECORDS, '\r\n'), descriptor, method }]),
				),
			),
		];

		it('reads the same titles and frees every chunk once done with it (property)', async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...inputs.keys()),
					fc.array(fc.nat({ max: 5000 }), { maxLength: 60 }),
					async (which, cuts) => {
						const handed: Uint8Array[] = [];
						async function* stream() {
							for await (const piece of chunked(inputs[which], cuts)) {
								const own = new Uint8Array(piece); // an ArrayBuffer of its own, as a stream's
								handed.push(own);
								yield own;
							}
						}
						expect(await read(stream(), { freeChunks: true })).toEqual(EXPECTED);
						// a zip's reading stops at its central directory, before asking for more: the
						// chunk it stops in is left to the garbage collector
						const freed = handed.map((chunk) => chunk.byteLength === 0);
						expect(freed.slice(0, -1).every(Boolean)).toBe(true);
						if (which < FRAMINGS.length) expect(freed[freed.length - 1]).toBe(true);
					},
				),
				{ numRuns: 100 },
			);
		});

		it('leaves a chunk alone that is a view into a larger buffer, and frees nothing without the option', async () => {
			const bytes = file(RECORDS, '\r\n');
			const original = Buffer.from(bytes);
			expect(await read(everyN(bytes, 1000), { freeChunks: true })).toEqual(EXPECTED);
			expect(bytes.equals(original)).toBe(true);

			const handed: Uint8Array[] = [];
			async function* stream() {
				for await (const piece of everyN(bytes, 1000)) {
					const own = new Uint8Array(piece);
					handed.push(own);
					yield own;
				}
			}
			expect(await read(stream())).toEqual(EXPECTED);
			expect(handed.every((chunk) => chunk.byteLength > 0)).toBe(true);
		});
	});

	it('closes the source when the reading stops early', async () => {
		const plain = file(RECORDS, '\r\n');
		for (const bytes of [
			plain,
			zipFile([{ name: 'a.dat', data: plain, descriptor: 'signature' }]),
		]) {
			let closed = false;
			async function* source() {
				try {
					yield* everyN(bytes, 500);
				} finally {
					closed = true;
				}
			}
			for await (const title of readInventory(source(), { fileName: 'x' })) {
				expect(title.ean).toBe(EXPECTED[0].ean);
				break;
			}
			expect(closed).toBe(true);
		}
	});

	it('yields one batch per chunk that held titles', async () => {
		const bytes = file(RECORDS, '\r\n');
		const batches = await collect(
			readInventoryBatches(everyN(bytes, 302 * 4), { fileName: 'stockv2@ingram.dat' }),
		);
		expect(batches.map((batch) => batch.length)).toEqual([4, 4, 4]);
	});

	describe('with EANs', () => {
		it('keeps exactly the wanted titles (property)', async () => {
			const records = stockRecords(60);
			const all = records.map((record) => decodeStockRecord(record));
			const bytes = file(records, '\r\n');
			await fc.assert(
				fc.asyncProperty(
					fc.subarray([...Array(80).keys()]),
					fc.array(fc.nat({ max: bytes.length }), { maxLength: 10 }),
					async (picked, cuts) => {
						// 0–59 are in the file, 60–79 are not
						const eans = new Set(picked.map(eanOf));
						const got = await read(chunked(bytes, cuts), { eans });
						expect(got).toEqual(all.filter((title) => eans.has(title.ean)));
					},
				),
				{ numRuns: 100 },
			);
		});

		it('ignores dashes and spaces in the wanted EANs, and refuses what is not an EAN', async () => {
			const ean = eanOf(3);
			const dashed = `${ean.slice(0, 3)}-${ean.slice(3, 4)} ${ean.slice(4)}`;
			expect(await read(chunked(file(RECORDS, '\n')), { eans: [dashed] })).toEqual([EXPECTED[3]]);
			expect(await read(chunked(file(RECORDS, '\n')), { eans: new Set<string>() })).toEqual([]);
			expect(
				(await failure(read(chunked(file(RECORDS, '\n')), { eans: ['0306406152'] }))).message,
			).toBe('"0306406152" is not an EAN (13 digits)');
		});

		it('does not decode the records it does not want', async () => {
			const broken = stockRecord({ ean: eanOf(100) }).replace('0000120', '00A0120');
			const bytes = file([...RECORDS.slice(0, 2), broken, RECORDS[2]], '\r\n');
			expect(await read(chunked(bytes), { eans: [eanOf(2)] })).toEqual([EXPECTED[2]]);
			await expect(read(chunked(bytes))).rejects.toThrow('field "On Hand – La Vergne"');
		});
	});

	describe('malformed input', () => {
		it('reports a short last record after yielding the titles before it', async () => {
			const cut = file(RECORDS.slice(0, 3), '\r\n', '\r\n').subarray(0, 3 * 302 - 120);
			const titles: string[] = [];
			const error = await failure(
				(async () => {
					for await (const title of readInventory(chunked(cut, [400]), {
						fileName: 'stockv2@ingram.dat',
					}))
						titles.push(title.ean);
				})(),
			);
			expect(titles).toEqual([EXPECTED[0].ean, EXPECTED[1].ean]);
			expect(error).toBeInstanceOf(InventoryRecordError);
			expect(error.message).toBe(
				'stockv2@ingram.dat, record 3 (byte 604): the last record is 182 characters long, a StockV2 record 300: the file is cut short',
			);

			const undelimited = file(RECORDS.slice(0, 3), '').subarray(0, 800);
			await expect(read(chunked(undelimited))).rejects.toThrow(
				'stockv2@ingram.dat, record 3 (byte 600): the last record is 200 characters long',
			);
		});

		it('names the file, the record and the field (blank lines are not counted)', async () => {
			const bad = stockRecord({ ean: eanOf(77) }).replace('2019031200010101', '2019031200010I01');
			const bytes = Buffer.from(`${RECORDS[0]}\r\n\r\n${RECORDS[1]}\r\n${bad}\r\n`, 'latin1');
			const error = await failure(read(chunked(bytes)));
			expect(error).toBeInstanceOf(InventoryRecordError);
			expect(error).toMatchObject({
				fileName: 'stockv2@ingram.dat',
				recordNumber: 3,
				byteOffset: 606,
				field: 'On-Sale Date',
			});
			expect(error.message).toBe(
				'stockv2@ingram.dat, record 3 (byte 606), field "On-Sale Date": "00010I01" is not a date (YYYYMMDD)',
			);
			const inZip = await failure(
				read(chunked(zipFile([{ name: 'stockv2@ingram.dat', data: bytes }])), {
					fileName: 'stockv2@ingram.zip',
				}),
			);
			expect(inZip.message).toMatch(/^stockv2@ingram.dat in stockv2@ingram.zip, record 3 /);
		});

		it('reports a record with a non-digit EAN even when filtering', async () => {
			const bad = `0${'X'.repeat(13)}${RECORDS[0].slice(14)}`;
			const bytes = file([RECORDS[0], bad], '\n');
			await expect(read(chunked(bytes), { eans: [eanOf(0)] })).rejects.toThrow(
				'record 2 (byte 301), field "EAN": "XXXXXXXXXXXXX" is not 13 digits',
			);
		});

		it('reports lines of the wrong length, and with onMalformed skips them', async () => {
			const bytes = Buffer.from(
				[
					RECORDS[0],
					RECORDS[1].slice(0, 280),
					RECORDS[2] + RECORDS[3].slice(0, 50),
					RECORDS[4],
				].join('\r\n'),
				'latin1',
			);
			await expect(read(chunked(bytes))).rejects.toThrow(
				'record 2 (byte 302): the record is 280 characters long, a StockV2 record 300',
			);
			const problems: InventoryRecordError[] = [];
			const titles = await read(everyN(bytes, 97), {
				onMalformed: (error) => problems.push(error),
			});
			expect(titles).toEqual([EXPECTED[0], EXPECTED[4]]);
			expect(problems.map((problem) => [problem.recordNumber, problem.byteOffset])).toEqual([
				[2, 302],
				[3, 584],
			]);
			expect(problems[1].message).toMatch(/the line is 350 characters long/);
		});

		it('measures an endless line without keeping it', async () => {
			const bytes = Buffer.concat([
				Buffer.from(`${RECORDS[0]}\n`, 'latin1'),
				Buffer.alloc(100_000, '7'),
				Buffer.from(`\n${RECORDS[1]}\n`, 'latin1'),
			]);
			const problems: string[] = [];
			const titles = await read(everyN(bytes, 1000), {
				onMalformed: (error) => problems.push(error.message),
			});
			expect(titles).toEqual(EXPECTED.slice(0, 2));
			expect(problems).toEqual([
				expect.stringMatching(/record 2 \(byte 301\): the line is 100000 characters long/),
			]);
		});

		it('refuses a zip without a .dat, a gzip file and an empty zip by name', async () => {
			const zip = zipFile([{ name: 'readme.txt', data: Buffer.from('x') }]);
			await expect(read(chunked(zip), { fileName: 'stockv2@ingram.zip' })).rejects.toThrow(
				'stockv2@ingram.zip holds no .dat file (it holds readme.txt)',
			);
			await expect(read(chunked(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0])))).rejects.toThrow(
				'stockv2@ingram.dat is gzip-compressed',
			);
			await expect(read(chunked(zipFile([])), { fileName: 'e.zip' })).rejects.toThrow(
				'e.zip is an empty zip',
			);
		});

		it('reads an empty file as no titles', async () => {
			expect(await read(chunked(Buffer.alloc(0)))).toEqual([]);
			expect(await read(chunked(Buffer.from('\r\n\r\n')))).toEqual([]);
		});
	});
});
