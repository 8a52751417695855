/**
 * A zip reader that works front to back on a stream, so a 4 GB inventory zip never has to be held
 * or written to disk: it walks the local file headers, hands out each entry's data as it arrives
 * (deflate through the web-standard DecompressionStream, stored data as is), and stops at the
 * central directory, which only repeats what the local headers said.
 *
 * Entries whose sizes are only known after the data (general-purpose flag bit 3, as streaming zip
 * writers make them) end where a data descriptor follows that names the number of bytes since the
 * data began (with or without its optional signature, 32- or 64-bit sizes) and is itself followed
 * by the next zip header. For deflate the inflater then confirms that point: it fails on data cut
 * short and on anything left over after the end of the deflate stream. ZIP64 sizes in the local
 * header's extra field are read. Encrypted entries and other compression methods are refused.
 */

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ARCHIVE_EXTRA_DATA = 0x08064b50;
const DIGITAL_SIGNATURE = 0x05054b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** Signatures that may follow an entry's data (and its descriptor). */
const NEXT_HEADERS = new Set([
	LOCAL_FILE_HEADER,
	CENTRAL_DIRECTORY_HEADER,
	END_OF_CENTRAL_DIRECTORY,
	ZIP64_END_OF_CENTRAL_DIRECTORY,
	ARCHIVE_EXTRA_DATA,
	DIGITAL_SIGNATURE,
]);
const STOP_HEADERS = new Set([
	CENTRAL_DIRECTORY_HEADER,
	END_OF_CENTRAL_DIRECTORY,
	ZIP64_END_OF_CENTRAL_DIRECTORY,
	ARCHIVE_EXTRA_DATA,
	DIGITAL_SIGNATURE,
]);

const STORED = 0;
const DEFLATED = 8;
const METHOD_NAMES: Record<number, string> = {
	1: 'Shrink',
	6: 'Implode',
	9: 'Deflate64',
	12: 'bzip2',
	14: 'LZMA',
	93: 'Zstandard',
	95: 'XZ',
	98: 'PPMd',
	99: 'AES encryption',
};

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const ZIP64_EXTRA = 0x0001;
const UNKNOWN_32 = 0xffffffff;

/** A problem with the zip itself (not with what it holds). */
export class ZipError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ZipError';
	}
}

export interface ZipEntry {
	/** The entry's path inside the zip, e.g. `stockv2@ingram.dat`. */
	name: string;
	/** 0 stored, 8 deflate; any other method fails when `data` is read. */
	method: number;
	/** Uncompressed size, when the local header gives it. */
	size?: number;
	/**
	 * The entry's contents, readable once and only until the next entry is asked for: the zip is
	 * read front to back, so moving on skips whatever of this entry was not read.
	 */
	data: AsyncIterable<Uint8Array>;
}

export interface UnzipOptions {
	/** The zip's name, for messages. */
	fileName?: string;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
	Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const ignore = () => undefined;

/** The source's bytes with look-back: what was read can be handed back. */
class ByteReader {
	private readonly returned: Buffer[] = [];
	private ended = false;
	/** Bytes handed out so far: the position in the zip. */
	position = 0;

	constructor(private readonly source: AsyncIterator<Uint8Array>) {}

	/** The next bytes, at most `max` (a view, not a copy); null at the end of the source. */
	async read(max = Number.MAX_SAFE_INTEGER): Promise<Buffer | null> {
		let chunk = this.returned.pop();
		while (chunk === undefined || chunk.length === 0) {
			if (this.ended) return null;
			const next = await this.source.next();
			if (next.done) {
				this.ended = true;
				return null;
			}
			chunk = asBuffer(next.value);
		}
		if (chunk.length > max) {
			this.returned.push(chunk.subarray(max));
			chunk = chunk.subarray(0, max);
		}
		this.position += chunk.length;
		return chunk;
	}

	/** Hands bytes back: the next read starts with them. */
	unread(bytes: Buffer): void {
		if (bytes.length === 0) return;
		this.returned.push(bytes);
		this.position -= bytes.length;
	}

	/** Exactly `length` bytes, or fewer when the source ends first. */
	async readExactly(length: number): Promise<Buffer> {
		const first = await this.read(length);
		if (first === null) return Buffer.alloc(0);
		if (first.length === length) return first;
		const parts = [Buffer.from(first)]; // a copy: the source may reuse its chunk once asked for more
		let have = first.length;
		while (have < length) {
			const more = await this.read(length - have);
			if (more === null) break;
			parts.push(Buffer.from(more));
			have += more.length;
		}
		return Buffer.concat(parts);
	}

	async close(): Promise<void> {
		await this.source.return?.();
	}
}

/** An entry's raw (still compressed) bytes, piece by piece, then null (and null again). */
interface RawData {
	next(): Promise<Buffer | null>;
}

function truncated(label: string, entry: string): ZipError {
	return new ZipError(`${label} ends inside "${entry}": the zip is cut short`);
}

/** Raw data whose size the local header gives; then the data descriptor, if flagged, is skipped. */
function sizedData(
	reader: ByteReader,
	size: number,
	descriptor: 'none' | 'zip32' | 'zip64',
	label: string,
	entry: string,
): RawData {
	let left = size;
	let done = false;
	return {
		async next() {
			if (done) return null;
			if (left === 0) {
				done = true;
				if (descriptor !== 'none') {
					// optional signature, CRC-32, compressed and uncompressed sizes
					const sizes = descriptor === 'zip64' ? 16 : 8;
					const head = await reader.readExactly(4);
					const rest = head.length === 4 && head.readUInt32LE(0) === DATA_DESCRIPTOR ? 4 : 0;
					const tail = await reader.readExactly(rest + sizes);
					if (head.length < 4 || tail.length < rest + sizes) throw truncated(label, entry);
				}
				return null;
			}
			const piece = await reader.read(left);
			if (piece === null) throw truncated(label, entry);
			left -= piece.length;
			return piece;
		},
	};
}

/** Bytes after a descriptor's position that finding it needs: signature, CRC, 2 × 8 sizes, next signature. */
const LOOKAHEAD = 28;
/** Bytes kept back from each window, so a descriptor without signature is seen whole. */
const KEEP = 2 * LOOKAHEAD;
const PK = Buffer.from('PK', 'latin1');

/** Where an entry with unknown size ends: `dataEnd` (exclusive) and where the next header starts. */
function descriptorAt(
	window: Buffer,
	index: number,
	dataBefore: number,
	zip64: boolean,
): { dataEnd: number; next: number } | undefined {
	const signature = window.readUInt32LE(index);
	const isHeaderAt = (at: number) => NEXT_HEADERS.has(window.readUInt32LE(at));
	if (signature === DATA_DESCRIPTOR) {
		const length = dataBefore + index;
		const wide = { size: Number(window.readBigUInt64LE(index + 8)), next: index + 24 };
		const narrow = { size: window.readUInt32LE(index + 8), next: index + 16 };
		for (const guess of zip64 ? [wide, narrow] : [narrow, wide]) {
			const expected = guess === narrow ? length % 2 ** 32 : length;
			if (guess.size === expected && isHeaderAt(guess.next))
				return { dataEnd: index, next: guess.next };
		}
		return undefined;
	}
	if (!NEXT_HEADERS.has(signature)) return undefined;
	// a descriptor without its signature: CRC, sizes, then this header
	const guesses = zip64 ? [20, 12] : [12, 20];
	for (const back of guesses) {
		const start = index - back;
		if (start < 0) continue;
		const size =
			back === 20 ? Number(window.readBigUInt64LE(start + 4)) : window.readUInt32LE(start + 4);
		const expected = back === 20 ? dataBefore + start : (dataBefore + start) % 2 ** 32;
		if (size === expected) return { dataEnd: start, next: index };
	}
	return undefined;
}

/**
 * Raw data of unknown size (flag bit 3): everything up to the data descriptor that names the
 * number of bytes before it and is followed by a zip header. The last KEEP bytes of what has been
 * read are always held back, so a descriptor is found before any of it is handed out as data.
 */
function dataUntilDescriptor(
	reader: ByteReader,
	zip64: boolean,
	label: string,
	entry: string,
): RawData {
	let window: Buffer = Buffer.alloc(0);
	/** Data bytes handed out already (window[0] is the next one). */
	let handedOut = 0;
	/** Positions of the window below this were searched already. */
	let searchedTo = 0;
	let done = false;
	return {
		async next() {
			for (;;) {
				if (done) return null;
				const limit = window.length - LOOKAHEAD;
				let index = searchedTo;
				while (index < limit) {
					index = window.indexOf(PK, index);
					if (index < 0 || index >= limit) break;
					const end = descriptorAt(window, index, handedOut, zip64);
					if (end) {
						done = true;
						reader.unread(window.subarray(end.next));
						const last = window.subarray(0, end.dataEnd);
						window = Buffer.alloc(0);
						if (last.length > 0) return last;
						return null;
					}
					index++;
				}
				searchedTo = Math.max(searchedTo, limit);
				if (window.length > KEEP) {
					const out = window.subarray(0, window.length - KEEP);
					window = Buffer.from(window.subarray(window.length - KEEP));
					searchedTo -= out.length;
					handedOut += out.length;
					return out;
				}
				if (window.length > 0) window = Buffer.from(window); // kept across a read: a copy
				const more = await reader.read();
				if (more === null) throw truncated(label, entry);
				window = window.length === 0 ? more : Buffer.concat([window, more]);
			}
		},
	};
}

const INFLATE_SLICE = 1 << 16;

/** Inflates raw deflate data through DecompressionStream, reading the raw data as it is needed. */
function inflate(raw: RawData, what: string) {
	const stream = new DecompressionStream('deflate-raw');
	const writer = stream.writable.getWriter();
	const reader = stream.readable.getReader();
	let sourceError: unknown;
	let stopped = false;
	const pump = (async () => {
		for (;;) {
			let piece: Buffer | null;
			try {
				piece = await raw.next();
			} catch (error) {
				sourceError = error;
				await writer.abort(error).catch(ignore);
				return;
			}
			if (stopped) return;
			if (piece === null) {
				await writer.close().catch(ignore);
				return;
			}
			try {
				// Copies: the inflater may still hold a piece when the source is asked for more, and a
				// source may reuse its chunks then (compressed bytes only). In slices of INFLATE_SLICE:
				// each write resolves once the inflater can take more, which paces the source, and
				// large writes only make the inflater's buffers (and the memory under them) larger.
				for (let from = 0; from < piece.length; from += INFLATE_SLICE)
					await writer.write(Buffer.from(piece.subarray(from, from + INFLATE_SLICE)));
			} catch {
				return; // the inflater failed or was cancelled; the reading side reports it
			}
		}
	})();

	async function stop(): Promise<void> {
		if (!stopped) {
			stopped = true;
			await reader.cancel().catch(ignore);
		}
		await pump;
	}

	async function* chunks(): AsyncGenerator<Uint8Array> {
		try {
			for (;;) {
				let result: Awaited<ReturnType<typeof reader.read>> | undefined;
				let failure: unknown;
				try {
					result = await reader.read();
				} catch (error) {
					failure = error;
				}
				if (result === undefined) {
					await pump;
					if (sourceError !== undefined) throw sourceError;
					const detail = failure instanceof Error && failure.message ? `: ${failure.message}` : '';
					throw new ZipError(`The compressed data of ${what} is corrupt or cut short${detail}`);
				}
				if (result.done) return;
				yield result.value;
			}
		} finally {
			await stop();
		}
	}

	return { chunks, stop };
}

interface ExtraSizes {
	size?: number;
	compressedSize?: number;
	zip64: boolean;
}

/** The ZIP64 extended-information field, when present: 64-bit sizes for those the header marks. */
function zip64Sizes(extra: Buffer, size32: number, compressed32: number): ExtraSizes {
	let at = 0;
	while (at + 4 <= extra.length) {
		const id = extra.readUInt16LE(at);
		const length = extra.readUInt16LE(at + 2);
		if (id === ZIP64_EXTRA) {
			const field = extra.subarray(at + 4, at + 4 + length);
			const sizes: ExtraSizes = { zip64: true };
			// a local header's field holds both sizes; elsewhere only those the header marks
			const both = field.length >= 16;
			let read = 0;
			if ((both || size32 === UNKNOWN_32) && read + 8 <= field.length) {
				if (size32 === UNKNOWN_32) sizes.size = Number(field.readBigUInt64LE(read));
				read += 8;
			}
			if ((both || compressed32 === UNKNOWN_32) && read + 8 <= field.length) {
				if (compressed32 === UNKNOWN_32) sizes.compressedSize = Number(field.readBigUInt64LE(read));
			}
			return sizes;
		}
		at += 4 + length;
	}
	return { zip64: false };
}

/**
 * The entries of a zip read from a stream, in the order they are stored. Each entry's `data` must
 * be read (or left alone) before the next entry is asked for; leaving it skips it.
 */
export async function* unzipEntries(
	source: AsyncIterable<Uint8Array>,
	options: UnzipOptions = {},
): AsyncGenerator<ZipEntry> {
	const label = options.fileName ?? 'The zip';
	const reader = new ByteReader(source[Symbol.asyncIterator]());
	let entries = 0;
	try {
		for (;;) {
			const at = reader.position;
			const signatureBytes = await reader.readExactly(4);
			if (signatureBytes.length < 4) {
				if (at === 0) throw new ZipError(`${label} is not a zip file (it is empty or too short)`);
				throw new ZipError(
					`${label} ends after ${entries} entr${entries === 1 ? 'y' : 'ies'} without the zip's central directory: the zip is cut short`,
				);
			}
			const signature = signatureBytes.readUInt32LE(0);
			if (STOP_HEADERS.has(signature)) return;
			if (signature !== LOCAL_FILE_HEADER) {
				if (at === 0) throw new ZipError(`${label} is not a zip file`);
				throw new ZipError(
					`${label}: no zip header at byte ${at} where one should be: the zip is corrupt`,
				);
			}

			const header = await reader.readExactly(26);
			if (header.length < 26) throw truncated(label, 'a local file header');
			const flags = header.readUInt16LE(2);
			const method = header.readUInt16LE(4);
			const compressed32 = header.readUInt32LE(14);
			const size32 = header.readUInt32LE(18);
			const nameLength = header.readUInt16LE(22);
			const extraLength = header.readUInt16LE(24);
			const nameBytes = await reader.readExactly(nameLength);
			const name = nameBytes.toString('utf8');
			const extra = await reader.readExactly(extraLength);
			if (nameBytes.length < nameLength || extra.length < extraLength)
				throw truncated(label, 'a local file header');
			const wide = zip64Sizes(extra, size32, compressed32);
			const compressedSize = wide.compressedSize ?? compressed32;
			const size = wide.size ?? size32;
			const hasDescriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
			const sizeUnknown = compressedSize === UNKNOWN_32 || (hasDescriptor && compressedSize === 0);

			let raw: RawData;
			if (sizeUnknown) {
				if (!hasDescriptor && compressedSize === UNKNOWN_32) {
					throw new ZipError(`"${name}" in ${label} has no size (ZIP64 field missing)`);
				}
				raw = dataUntilDescriptor(reader, wide.zip64, label, name);
			} else {
				const descriptor = !hasDescriptor ? 'none' : wide.zip64 ? 'zip64' : 'zip32';
				raw = sizedData(reader, compressedSize, descriptor, label, name);
			}

			let started = false;
			let stopInflater: (() => Promise<void>) | undefined;
			const data: AsyncIterable<Uint8Array> = {
				[Symbol.asyncIterator]: () => {
					if (started) throw new ZipError(`The data of "${name}" can be read only once`);
					started = true;
					if ((flags & FLAG_ENCRYPTED) !== 0)
						throw new ZipError(
							`"${name}" in ${label} is encrypted: encrypted zips are not supported`,
						);
					if (method === DEFLATED) {
						const inflater = inflate(raw, `"${name}" in ${label}`);
						stopInflater = inflater.stop;
						return inflater.chunks();
					}
					if (method === STORED) {
						return (async function* stored() {
							for (let piece = await raw.next(); piece !== null; piece = await raw.next())
								yield piece;
						})();
					}
					const known = METHOD_NAMES[method];
					throw new ZipError(
						`Unsupported compression method ${method}${known ? ` (${known})` : ''} in ${name}: only deflate and stored entries can be read`,
					);
				},
			};
			const entry: ZipEntry = { name, method, data };
			if (!sizeUnknown && !(hasDescriptor && size === 0)) entry.size = size;
			entries++;
			yield entry;

			// moving on: whatever of the entry was not read is skipped
			if (stopInflater) await stopInflater();
			while ((await raw.next()) !== null);
		}
	} finally {
		await reader.close();
	}
}
