/**
 * Reads a StockV2 inventory file as it streams in — zipped (`stockv2@ingram.zip`, a delta) or the
 * plain `.dat` — and yields its titles, with memory that stays the same whatever the file's size:
 * each chunk is split into records where it lies, and only the part of a record that runs into the
 * next chunk is copied.
 *
 * Records end with CRLF or LF, or follow each other with no line break at all (then every 300
 * characters is a record); which of the two a file uses is seen from its first line. Blank lines
 * are skipped. With a set of EANs, a record's 13 EAN digits are compared as a number before
 * anything else of it is read, and only the wanted records are decoded: of the others only the
 * length and the EAN are checked.
 *
 * Whatever is kept of a chunk (a record cut by the chunk's end, compressed bytes the inflater has
 * not taken yet) is copied before the source is asked for the next chunk, so a source may reuse
 * one buffer for every chunk (a file read with FileHandle.read into the same buffer, say).
 */
import {
	STOCK_EAN_LENGTH,
	STOCK_EAN_OFFSET,
	STOCK_RECORD_LENGTH,
	StockFieldError,
	decodeStockRecord,
	type InventoryTitle,
} from '../codec/stockV2';
import { unzipEntries } from './unzip';

export interface ReadInventoryOptions {
	/** The file's name, for messages (the zip's name for a zip). */
	fileName: string;
	/** Only the titles with these EANs (13 digits; spaces and dashes are ignored; none: no titles). */
	eans?: Iterable<string>;
	/**
	 * Called with each record that cannot be read, which is then skipped. Without it, the first
	 * such record ends the reading with that error (the titles before it have been yielded).
	 */
	onMalformed?: (error: InventoryRecordError) => void;
	/**
	 * The source hands each chunk over for good and keeps no reference to it, as a Node stream
	 * does: the reader then frees a chunk's memory as soon as it is done with it, instead of
	 * leaving it to the garbage collector. A stream's fresh 1 MiB chunks otherwise pile up unfreed
	 * (about 60 MB of them before V8 collects) and every new one costs the kernel fresh pages.
	 * Measured (npm run bench, 1 MiB chunks of a file stream): the bare stream reads 1.6–3.6×
	 * faster, and a filtered read of 1 GB peaks at 93 MB RSS instead of 157 MB. The data inflated
	 * out of a zip is freed the same way (the reader owns it). Never for a source that reuses or
	 * shares its buffers.
	 */
	freeChunks?: boolean;
}

/** A record that cannot be read: names the file, the record (1-based) and, when known, the field. */
export class InventoryRecordError extends Error {
	constructor(
		readonly fileName: string,
		readonly recordNumber: number,
		/** Where the record starts in the (unzipped) file, 0-based. */
		readonly byteOffset: number,
		readonly field: string | undefined,
		readonly problem: string,
	) {
		super(
			`${fileName}, record ${recordNumber} (byte ${byteOffset})${field ? `, field "${field}"` : ''}: ${problem}`,
		);
		this.name = 'InventoryRecordError';
	}
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const END_OF_FILE_MARK = 26; // ^Z, left at the end of some DOS-era files
const DIGIT_0 = 48;
const RECORD = STOCK_RECORD_LENGTH;
/** Bytes enough to tell a file with line breaks from one without. */
const DECIDE_AFTER = 2 * RECORD + 2;
/** Bytes of a chunk split at a time when every title is read (about 50 records). */
const SLICE = 1 << 14;
/** A line longer than this cannot be a record; it is only measured, not kept. */
const CARRY_CAPACITY = 4096;

const asBuffer = (bytes: Uint8Array): Buffer =>
	Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function isBlank(buffer: Uint8Array, start: number, end: number): boolean {
	for (let index = start; index < end; index++) {
		const byte = buffer[index];
		if (byte !== SPACE && byte !== TAB && byte !== CR && byte !== END_OF_FILE_MARK) return false;
	}
	return true;
}

const THIRTEEN_DIGITS = /^\d{13}$/;

/**
 * The wanted EANs. A record's EAN is read as two numbers (its first 6 and last 7 digits, no
 * strings); a bitmap over the last 7 digits turns away nearly every unwanted record at once, and
 * the few that pass are looked up in a Set of the whole 13-digit numbers (below 2^53: exact).
 */
export class EanFilter {
	private readonly bits = new Uint8Array(1 << 17); // 2^20 bits
	private readonly wanted = new Set<number>();

	constructor(eans: Iterable<string>) {
		for (const raw of eans) {
			let ean = String(raw);
			if (!THIRTEEN_DIGITS.test(ean)) {
				ean = ean.replace(/[\s-]/g, '');
				if (!THIRTEEN_DIGITS.test(ean)) throw new Error(`"${raw}" is not an EAN (13 digits)`);
			}
			const low = Number(ean.slice(6));
			this.wanted.add(Number(ean.slice(0, 6)) * 1e7 + low);
			const bit = low & 0xfffff;
			this.bits[bit >> 3] |= 1 << (bit & 7);
		}
	}

	get size(): number {
		return this.wanted.size;
	}

	/** 1 when the 13 bytes at `at` are a wanted EAN, 0 when not, -1 when they are not all digits. */
	test(buffer: Uint8Array, at: number): number {
		let high = 0;
		for (let index = at; index < at + 6; index++) {
			const digit = buffer[index] - DIGIT_0;
			if (digit < 0 || digit > 9) return -1;
			high = high * 10 + digit;
		}
		let low = 0;
		for (let index = at + 6; index < at + STOCK_EAN_LENGTH; index++) {
			const digit = buffer[index] - DIGIT_0;
			if (digit < 0 || digit > 9) return -1;
			low = low * 10 + digit;
		}
		const bit = low & 0xfffff;
		if ((this.bits[bit >> 3] & (1 << (bit & 7))) === 0) return 0;
		return this.wanted.has(high * 1e7 + low) ? 1 : 0;
	}
}

/** How the file separates records; decided from its first line. */
const enum Framing {
	Unknown,
	Lines,
	Fixed,
}

/** Called per record: the bytes, where the record starts in them, where it starts in the file. */
type RecordVisitor = (buffer: Buffer, start: number, fileOffset: number) => void;
/** Called per line that is not a record. */
type BadLineVisitor = (fileOffset: number, problem: string) => void;

/**
 * Splits a stream of chunks into 300-byte records, in place: a record inside a chunk is handed
 * over as (chunk, offset); only a record cut by a chunk boundary is copied, into a small buffer
 * that is reused. Counts records (blank lines excluded) for messages.
 */
export class StockRecordSplitter {
	/** Records seen so far, the bad ones included: the number of the last record handed over. */
	recordNumber = 0;
	private framing = Framing.Unknown;
	private head: Buffer[] = [];
	private headLength = 0;
	/** File offset of the current chunk's first byte. */
	private base = 0;
	private readonly carry = Buffer.allocUnsafe(CARRY_CAPACITY);
	private carryLength = 0;
	private carryOffset = 0;
	/** Length of a line that outgrew the carry buffer, while its end is being looked for. */
	private overlong = 0;

	constructor(
		private readonly visit: RecordVisitor,
		private readonly bad: BadLineVisitor,
	) {}

	push(bytes: Uint8Array): void {
		if (bytes.length === 0) return;
		const chunk = asBuffer(bytes);
		if (this.framing === Framing.Unknown) {
			this.head.push(Buffer.from(chunk)); // a copy: a source may reuse its buffer
			this.headLength += chunk.length;
			if (this.headLength < DECIDE_AFTER && chunk.indexOf(LF) < 0) return;
			this.startWithHead();
			return;
		}
		let position = 0;
		if (this.carryLength > 0 || this.overlong > 0) {
			position = this.framing === Framing.Lines ? this.finishLine(chunk) : this.finishRecord(chunk);
			if (position < 0) {
				this.base += chunk.length;
				return;
			}
		}
		position =
			this.framing === Framing.Lines ? this.lines(chunk, position) : this.fixed(chunk, position);
		this.keep(chunk, position, chunk.length);
		this.base += chunk.length;
	}

	/** The end of the file: what is left is the last record, or a record cut short. */
	end(): void {
		if (this.framing === Framing.Unknown) {
			if (this.headLength === 0) return;
			this.startWithHead();
		}
		if (this.framing === Framing.Lines) {
			if (this.overlong > 0) this.tooLong(this.carryOffset, this.overlong);
			else if (this.carryLength > 0) {
				let end = this.carryLength;
				if (this.carry[end - 1] === CR) end--;
				this.line(this.carry, 0, end, this.carryOffset, true);
			}
		} else if (this.carryLength > 0 && !isBlank(this.carry, 0, this.carryLength)) {
			this.recordNumber++;
			this.bad(
				this.carryOffset,
				`the last record is ${this.carryLength} characters long, a StockV2 record ${RECORD}: the file is cut short`,
			);
		}
		this.carryLength = 0;
		this.overlong = 0;
	}

	/** Decides the framing from the first line, then splits what was collected so far. */
	private startWithHead(): void {
		const head = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head);
		this.head = [];
		this.headLength = 0;
		const lineFeed = head.indexOf(LF);
		let lineEnd = lineFeed < 0 ? head.length : lineFeed;
		if (lineEnd > 0 && head[lineEnd - 1] === CR) lineEnd--;
		const oneRecordPerLine = lineEnd <= RECORD || (lineFeed >= 0 && isBlank(head, RECORD, lineEnd));
		this.framing = oneRecordPerLine ? Framing.Lines : Framing.Fixed;
		this.push(head);
	}

	/** Records of a file with line breaks, from `position`; returns where the unfinished tail starts. */
	private lines(chunk: Buffer, position: number): number {
		const length = chunk.length;
		const base = this.base;
		for (;;) {
			// the common case: a whole record and its line break; the break is checked where it must be
			const end = position + RECORD;
			if (end < length) {
				const byte = chunk[end];
				if (byte === LF) {
					this.record(chunk, position, base + position);
					position = end + 1;
					continue;
				}
				if (byte === CR && end + 1 < length && chunk[end + 1] === LF) {
					this.record(chunk, position, base + position);
					position = end + 2;
					continue;
				}
			}
			const lineFeed = chunk.indexOf(LF, position);
			if (lineFeed < 0) return position;
			const lineEnd = lineFeed > position && chunk[lineFeed - 1] === CR ? lineFeed - 1 : lineFeed;
			this.line(chunk, position, lineEnd, base + position, false);
			position = lineFeed + 1;
		}
	}

	/** Records of a file without line breaks (any CR/LF between records is skipped). */
	private fixed(chunk: Buffer, position: number): number {
		const length = chunk.length;
		for (;;) {
			while (position < length && (chunk[position] === LF || chunk[position] === CR)) position++;
			if (length - position < RECORD) return position;
			this.record(chunk, position, this.base + position);
			position += RECORD;
		}
	}

	/** Completes the line begun in the carry buffer; -1 when the chunk holds no line end. */
	private finishLine(chunk: Buffer): number {
		const lineFeed = chunk.indexOf(LF);
		if (lineFeed < 0) {
			this.keep(chunk, 0, chunk.length);
			return -1;
		}
		if (this.overlong > 0) {
			this.tooLong(this.carryOffset, this.overlong + lineFeed);
			this.overlong = 0;
			return lineFeed + 1;
		}
		this.keep(chunk, 0, lineFeed);
		if (this.overlong > 0) {
			this.tooLong(this.carryOffset, this.overlong);
			this.overlong = 0;
			return lineFeed + 1;
		}
		let end = this.carryLength;
		if (end > 0 && this.carry[end - 1] === CR) end--;
		this.carryLength = 0;
		this.line(this.carry, 0, end, this.carryOffset, false);
		return lineFeed + 1;
	}

	/** Completes the record begun in the carry buffer (no line breaks); -1 when still short. */
	private finishRecord(chunk: Buffer): number {
		const take = Math.min(RECORD - this.carryLength, chunk.length);
		chunk.copy(this.carry, this.carryLength, 0, take);
		this.carryLength += take;
		if (this.carryLength < RECORD) return -1;
		this.carryLength = 0;
		this.record(this.carry, 0, this.carryOffset);
		return take;
	}

	/** Keeps chunk[from, to) for the next chunk: the start of a record cut by the chunk boundary. */
	private keep(chunk: Buffer, from: number, to: number): void {
		if (from >= to) return;
		if (this.carryLength === 0 && this.overlong === 0) this.carryOffset = this.base + from;
		if (this.overlong > 0) {
			this.overlong += to - from;
			return;
		}
		if (this.carryLength + (to - from) > CARRY_CAPACITY) {
			this.overlong = this.carryLength + (to - from);
			this.carryLength = 0;
			return;
		}
		chunk.copy(this.carry, this.carryLength, from, to);
		this.carryLength += to - from;
	}

	private line(buffer: Buffer, start: number, end: number, fileOffset: number, last: boolean) {
		const length = end - start;
		if (length === RECORD) return this.record(buffer, start, fileOffset);
		if (isBlank(buffer, start, end)) return;
		if (length > RECORD && isBlank(buffer, start + RECORD, end))
			return this.record(buffer, start, fileOffset);
		if (length > RECORD) return this.tooLong(fileOffset, length);
		this.recordNumber++;
		this.bad(
			fileOffset,
			`the ${last ? 'last ' : ''}record is ${length} characters long, a StockV2 record ${RECORD}${last ? ': the file is cut short' : ''}`,
		);
	}

	private tooLong(fileOffset: number, length: number): void {
		this.recordNumber++;
		this.bad(
			fileOffset,
			`the line is ${length} characters long, a StockV2 record ${RECORD}: two records without a line break between them, or not a StockV2 file`,
		);
	}

	private record(buffer: Buffer, start: number, fileOffset: number): void {
		// a record of spaces is padding, not a title
		if (buffer[start + STOCK_EAN_OFFSET] === SPACE && isBlank(buffer, start, start + RECORD))
			return;
		this.recordNumber++;
		this.visit(buffer, start, fileOffset);
	}
}

/** The records of one plain StockV2 file, decoded (and filtered), a batch per chunk or slice. */
async function* titlesOf(
	chunks: AsyncIterable<Uint8Array>,
	fileName: string,
	filter: EanFilter | undefined,
	onMalformed: ReadInventoryOptions['onMalformed'],
): AsyncGenerator<InventoryTitle[]> {
	let batch: InventoryTitle[] = [];
	const report = (error: InventoryRecordError) => {
		if (!onMalformed) throw error;
		onMalformed(error);
	};
	const splitter: StockRecordSplitter = new StockRecordSplitter(
		(buffer, start, fileOffset) => {
			if (filter !== undefined) {
				const verdict = filter.test(buffer, start + STOCK_EAN_OFFSET);
				if (verdict === 0) return;
				if (verdict < 0) {
					const ean = buffer.toString(
						'latin1',
						start + STOCK_EAN_OFFSET,
						start + STOCK_EAN_OFFSET + STOCK_EAN_LENGTH,
					);
					return report(
						new InventoryRecordError(
							fileName,
							splitter.recordNumber,
							fileOffset,
							'EAN',
							`"${ean}" is not 13 digits`,
						),
					);
				}
			}
			let failure: unknown;
			try {
				batch.push(decodeStockRecord(buffer, start));
			} catch (error) {
				failure = error;
			}
			if (failure !== undefined) {
				if (!(failure instanceof StockFieldError)) throw failure;
				report(
					new InventoryRecordError(
						fileName,
						splitter.recordNumber,
						fileOffset,
						failure.field,
						failure.problem,
					),
				);
			}
		},
		(fileOffset, problem) =>
			report(
				new InventoryRecordError(fileName, splitter.recordNumber, fileOffset, undefined, problem),
			),
	);

	// Without a filter, a large chunk is split in slices, each yielding its own batch: the titles
	// alive at once stay few, whatever chunk size the source uses. With one, few titles come out
	// of a chunk, and the chunk is split whole.
	const slice = filter === undefined ? SLICE : Number.MAX_SAFE_INTEGER;
	for await (const chunk of chunks) {
		for (let from = 0; from < chunk.length; from += slice) {
			let failure: unknown;
			let failed = false;
			try {
				splitter.push(
					from === 0 && chunk.length <= slice ? chunk : chunk.subarray(from, from + slice),
				);
			} catch (error) {
				failed = true;
				failure = error;
			}
			if (failed) {
				// the titles before the bad record still count
				if (batch.length > 0) yield batch;
				throw failure;
			}
			if (batch.length > 0) {
				yield batch;
				batch = [];
			}
		}
	}
	try {
		splitter.end();
	} finally {
		if (batch.length > 0) yield batch;
	}
}

/** The source with its first bytes looked at: the first chunks are kept and handed out again. */
async function peek(
	source: AsyncIterable<Uint8Array>,
	bytes: number,
): Promise<{ head: Buffer; chunks: AsyncIterable<Uint8Array> }> {
	const iterator = source[Symbol.asyncIterator]();
	const seen: Uint8Array[] = [];
	let length = 0;
	let ended = false;
	while (length < bytes) {
		const next = await iterator.next();
		if (next.done) {
			ended = true;
			break;
		}
		length += next.value.length;
		// kept while more is read: a copy, unless it is the last one read
		seen.push(length < bytes ? Buffer.from(next.value) : next.value);
	}
	const head = Buffer.concat(seen.map(asBuffer)).subarray(0, bytes);
	const chunks: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]: () => {
			let index = 0;
			return {
				next: async () => {
					if (index < seen.length) return { done: false, value: seen[index++] };
					if (ended) return { done: true, value: undefined };
					return await iterator.next();
				},
				return: async () => {
					await iterator.return?.();
					return { done: true, value: undefined };
				},
			};
		},
	};
	return { head, chunks };
}

type Transferable = ArrayBuffer & { transfer?: (length?: number) => ArrayBuffer };

/**
 * The source's chunks, each freed once the reader asks for the next: by then the reader has copied
 * whatever it keeps of it (see the file comment). A chunk is freed by moving its memory out of its
 * ArrayBuffer into an empty one (ArrayBuffer.prototype.transfer, Node 21 and later; on older Node
 * nothing is freed early), and only when the chunk is the whole of its ArrayBuffer: a view into a
 * buffer that also holds other data (Node's small-buffer pool, a slice) is left alone.
 */
export async function* freeingChunks(
	source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
	for await (const chunk of source) {
		yield chunk;
		const buffer = chunk.buffer as Transferable;
		if (
			typeof buffer.transfer === 'function' &&
			chunk.byteOffset === 0 &&
			chunk.byteLength === buffer.byteLength &&
			chunk.byteLength > 0
		)
			buffer.transfer(0);
	}
}

const ZIP_MAGIC = 0x04034b50;
const EMPTY_ZIP_MAGIC = 0x06054b50;
const GZIP_MAGIC = 0x8b1f;

/**
 * The titles of a StockV2 file in batches, as readInventory yields them one by one: a zip (every
 * `.dat` entry in it, in order) or a plain `.dat`, told apart by their first bytes. A batch holds
 * the titles of one chunk of the source (of a 16 KiB slice of it when every title is read).
 */
export async function* readInventoryBatches(
	source: AsyncIterable<Uint8Array>,
	options: ReadInventoryOptions,
): AsyncGenerator<InventoryTitle[]> {
	const filter = options.eans === undefined ? undefined : new EanFilter(options.eans);
	const { head, chunks } = await peek(options.freeChunks ? freeingChunks(source) : source, 4);
	const magic = head.length >= 4 ? head.readUInt32LE(0) : -1;
	if (head.length >= 2 && head.readUInt16LE(0) === GZIP_MAGIC) {
		throw new Error(
			`${options.fileName} is gzip-compressed: a StockV2 file is expected as a zip or a plain .dat`,
		);
	}
	if (magic === EMPTY_ZIP_MAGIC) throw new Error(`${options.fileName} is an empty zip`);
	if (magic !== ZIP_MAGIC) {
		yield* titlesOf(chunks, options.fileName, filter, options.onMalformed);
		return;
	}
	const seen: string[] = [];
	let read = 0;
	for await (const entry of unzipEntries(chunks, { fileName: options.fileName })) {
		seen.push(entry.name);
		if (!/\.dat$/i.test(entry.name)) continue;
		read++;
		yield* titlesOf(
			options.freeChunks ? freeingChunks(entry.data) : entry.data,
			`${entry.name} in ${options.fileName}`,
			filter,
			options.onMalformed,
		);
	}
	if (read === 0) {
		throw new Error(
			`${options.fileName} holds no .dat file${seen.length ? ` (it holds ${seen.join(', ')})` : ''}`,
		);
	}
}

/**
 * The titles of a StockV2 inventory file, read as the source streams in (see the file comment).
 * `options.eans` keeps only those titles. A record that cannot be read raises an
 * InventoryRecordError naming the file, the record and the field, unless `onMalformed` takes it.
 */
export async function* readInventory(
	source: AsyncIterable<Uint8Array>,
	options: ReadInventoryOptions,
): AsyncGenerator<InventoryTitle> {
	for await (const batch of readInventoryBatches(source, options)) {
		for (const title of batch) yield title;
	}
}
