/**
 * The streaming zip reader on zips written by hand: deflate and stored entries, sizes in the header
 * or in a data descriptor after the data (with or without its signature, 32- or 64-bit), ZIP64
 * header fields; any chunking of the input; skipped entries; and the errors for what it refuses.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';

import { unzipEntries, ZipError } from '../../../nodes/IngramContent/inventory/unzip';
import { chunked, concatData, everyN, reusingBuffer, zipFile, type ZipEntrySpec } from './helpers';

async function readAll(
	source: AsyncIterable<Uint8Array>,
): Promise<Array<{ name: string; data: Buffer; size?: number }>> {
	const out = [];
	for await (const entry of unzipEntries(source, { fileName: 'test.zip' }))
		out.push({ name: entry.name, size: entry.size, data: await concatData(entry.data) });
	return out;
}

async function failure(work: Promise<unknown>): Promise<Error> {
	try {
		await work;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
}

const text = Buffer.from('0'.repeat(300).concat('\r\n').repeat(50), 'latin1');
/** Data that holds the bytes of every zip signature, to mislead a reader that looks for them. */
const tricky = Buffer.concat([
	randomBytes(100),
	Buffer.from('PK\x07\x08PK\x03\x04PK\x01\x02PK\x05\x06', 'latin1'),
	Buffer.alloc(30),
	Buffer.from('PK\x07\x08', 'latin1'),
	randomBytes(5000),
]);

const layouts = (['none', 'signature', 'bare'] as const).flatMap((descriptor) =>
	[false, true].flatMap((zip64) => [0, 8].map((method) => ({ descriptor, zip64, method }))),
);

describe('unzipEntries', () => {
	it.each(layouts)(
		'reads entries (descriptor $descriptor, zip64 $zip64, method $method)',
		async (layout) => {
			const entries: ZipEntrySpec[] = [
				{ name: 'readme.txt', data: Buffer.from('Inventory file'), ...layout },
				{ name: 'empty.txt', data: Buffer.alloc(0), ...layout },
				{ name: 'stockv2@ingram.dat', data: text, ...layout },
				{ name: 'random.bin', data: tricky, ...layout },
			];
			const zip = zipFile(entries);
			const got = await readAll(chunked(zip));
			expect(got.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
			got.forEach((entry, index) => expect(entry.data.equals(entries[index].data)).toBe(true));
			if (layout.descriptor === 'none') expect(got[2].size).toBe(text.length);
			else expect(got[2].size).toBeUndefined();
			// one byte at a time too
			const byteByByte = await readAll(everyN(zip, 1));
			byteByByte.forEach((entry, index) =>
				expect(entry.data.equals(entries[index].data)).toBe(true),
			);
		},
	);

	it('gives the same entries however the input is cut into chunks, buffers reused or not (property)', async () => {
		const entries: ZipEntrySpec[] = [
			{ name: 'a.dat', data: text, method: 8, descriptor: 'signature' },
			{ name: 'b.bin', data: tricky, method: 0, descriptor: 'bare' },
			{ name: 'c.dat', data: text.subarray(0, 700), method: 8, descriptor: 'none', zip64: true },
		];
		const zip = zipFile(entries);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 1, max: zip.length - 1 }), { maxLength: 40 }),
				fc.boolean(),
				async (cuts, reuse) => {
					// also from a source that reuses one buffer for every chunk
					const got = await readAll((reuse ? reusingBuffer : chunked)(zip, cuts));
					expect(got.map((entry) => entry.name)).toEqual(['a.dat', 'b.bin', 'c.dat']);
					got.forEach((entry, index) => expect(entry.data.equals(entries[index].data)).toBe(true));
				},
			),
			{ numRuns: 60 },
		);
	});

	it('skips entries that are not read, or read only in part', async () => {
		for (const descriptor of ['none', 'signature', 'bare'] as const) {
			const zip = zipFile([
				{ name: 'skipped.bin', data: tricky, descriptor },
				{ name: 'partly.dat', data: randomBytes(200_000), descriptor },
				{ name: 'last.dat', data: text, descriptor, method: 0 },
			]);
			const names: string[] = [];
			let last: Buffer = Buffer.alloc(0);
			for await (const entry of unzipEntries(everyN(zip, 4096))) {
				names.push(entry.name);
				if (entry.name === 'partly.dat') {
					for await (const piece of entry.data) {
						expect(piece.length).toBeGreaterThan(0);
						break;
					}
				}
				if (entry.name === 'last.dat') last = await concatData(entry.data);
			}
			expect(names).toEqual(['skipped.bin', 'partly.dat', 'last.dat']);
			expect(last.equals(text)).toBe(true);
		}
	});

	it('stops at the central directory without reading further', async () => {
		const zip = zipFile([{ name: 'a.dat', data: text }]);
		const centralDirectory = zip.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
		let pulledAfter = 0;
		async function* source() {
			yield zip.subarray(0, centralDirectory + 10);
			pulledAfter++;
			yield zip.subarray(centralDirectory + 10);
		}
		expect((await readAll(source())).map((entry) => entry.name)).toEqual(['a.dat']);
		expect(pulledAfter).toBe(0);
	});

	it('refuses what is not a zip, or is cut short', async () => {
		const notZip = await failure(readAll(chunked(Buffer.from('09780306406157 not a zip'))));
		expect(notZip).toBeInstanceOf(ZipError);
		expect(notZip.message).toBe('test.zip is not a zip file');
		expect((await failure(readAll(chunked(Buffer.alloc(0))))).message).toMatch(
			/test.zip is not a zip file \(it is empty/,
		);

		for (const descriptor of ['none', 'signature'] as const) {
			for (const method of [0, 8]) {
				const zip = zipFile([{ name: 'stockv2@ingram.dat', data: text, descriptor, method }]);
				const end = zip.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
				for (const cut of [20, 40, Math.floor(end / 2), end - 5, end]) {
					const error = await failure(readAll(chunked(zip.subarray(0, cut))));
					expect(error.message).toMatch(/cut short/);
				}
			}
		}
	});

	it('names the entry and the method it cannot unpack', async () => {
		const bzip2 = zipFile([{ name: 'stockv2@ingram.dat', data: text, method: 12 }]);
		const error = await failure(readAll(chunked(bzip2)));
		expect(error).toBeInstanceOf(ZipError);
		expect(error.message).toBe(
			'Unsupported compression method 12 (bzip2) in stockv2@ingram.dat: only deflate and stored entries can be read',
		);
		// ...but an entry of that kind that is not read is skipped
		const mixed = zipFile([
			{ name: 'readme.bz2', data: tricky, method: 12 },
			{ name: 'stockv2@ingram.dat', data: text },
		]);
		const names: string[] = [];
		for await (const entry of unzipEntries(chunked(mixed))) {
			names.push(entry.name);
			if (entry.name.endsWith('.dat'))
				expect((await concatData(entry.data)).equals(text)).toBe(true);
		}
		expect(names).toEqual(['readme.bz2', 'stockv2@ingram.dat']);

		const encrypted = zipFile([{ name: 'stockv2@ingram.dat', data: text, flags: 1 }]);
		expect((await failure(readAll(chunked(encrypted)))).message).toMatch(
			/"stockv2@ingram.dat" in test.zip is encrypted/,
		);
	});

	it('says when the deflate data is corrupt', async () => {
		const lines = Array.from({ length: 200 }, () => randomBytes(150).toString('hex'));
		const zip = zipFile([{ name: 'stockv2@ingram.dat', data: Buffer.from(lines.join('\n')) }]);
		const nameEnd = 30 + 'stockv2@ingram.dat'.length;
		for (let at = nameEnd + 3; at < nameEnd + 200; at += 37) zip[at] ^= 0xff;
		const error = await failure(readAll(chunked(zip)));
		expect(error).toBeInstanceOf(ZipError);
		expect(error.message).toMatch(
			/^The compressed data of "stockv2@ingram.dat" in test.zip is corrupt or cut short/,
		);
	});
});
