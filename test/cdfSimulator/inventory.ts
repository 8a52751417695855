/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * StockV2 inventory files as Ingram's inventory account offers them: a zip (stockv2@ingram.zip,
 * or stockv2deltaYYMMDD[a-f]@ingram.zip) holding one .dat of 300-character records joined by
 * CRLF. encodeStockRecord builds one record from named fields (tests use it for known titles);
 * writeStockZip streams records through deflateRaw into a zip written with the simulator's own
 * headers, so that a file of millions of records never sits in memory.
 *
 * The simulator's own position table (1-based, inclusive), from the CDF notes §7:
 *
 * | positions | field | default |
 * |---|---|---|
 * | 1 | GTIN prefix | 0 |
 * | 2-14 | EAN | (required) |
 * | 15-28 | UPC | blank |
 * | 29-38 | ISBN-10 | from a 978 EAN |
 * | 39-87 | on hand, 7 slots of 7 digits (STOCK_DC_SLOTS) | 0 |
 * | 88-94 | on hand, future use | 0 |
 * | 95-150 | on order, 8 slots of 7 digits | 0 |
 * | 151-157 | list price, 2 implied decimals | 0 |
 * | 158-164 | publisher price, 2 implied decimals | list price |
 * | 166-168 | discount level | REG |
 * | 179-180 | publisher status | IP |
 * | 181-188 | stock flag per DC slot (Y/N) | Y for every slot |
 * | 189-196 | publication date YYYYMMDD | 20200101 |
 * | 197-204 | on-sale date YYYYMMDD (00010101 = now) | 00010101 |
 * | 205 | returnable | Y |
 * | 206-213 | return date | 99991231 |
 * | 214 | print on demand | N |
 * | 219 | backorder only | N |
 * | 220 | media mail | Y |
 * | 221 | product type | Q |
 * | 222, 223 | imprintable, indexable | N, N |
 * | 239-244 | weight, lb, 2 implied decimals | 0 |
 * | 256-259 | Ingram publisher number | 0 |
 * | 265 | restricted code | blank |
 * | 266-270 | discount category | blank |
 * | 272-273 | availability | 21 with stock on hand, 10 when NY, 40 when OP, else 22 |
 * | 274-282 | Ingram title code | blank |
 * | 283-284 | classification | blank |
 */
import { createWriteStream, openSync, closeSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { eanWithPrefix } from './scenarios';
import { fixedRecord, isbn10Of, seededRandom, yyyymmdd, yymmdd, type Put } from './records';

export const STOCK_RECORD_LENGTH = 300;

/** What the on-hand slots hold, in order (the CDF notes name the first four). */
export const STOCK_DC_SLOTS = [
	'La Vergne (N)',
	'Roseburg (E)',
	'Fort Wayne (D)',
	'Chambersburg (C)',
	'slot 5',
	'slot 6',
	'slot 7',
] as const;

export interface StockTitle {
	ean: string;
	upc?: string;
	isbn10?: string;
	/** Up to 7 quantities, in STOCK_DC_SLOTS order. */
	onHand?: number[];
	onHandFuture?: number;
	/** Up to 8 quantities. */
	onOrder?: number[];
	/** Dollars (12.99). */
	listPrice?: number;
	publisherPrice?: number;
	discountLevel?: string;
	/** AB, CS, EX, IP, NY, OI, OP, PP, RF, RM, TP, WS. */
	publisherStatus?: string;
	/** Up to 8 flags, true = 'Y'. */
	stockFlags?: boolean[];
	/** A Date or 'YYYYMMDD'. */
	publicationDate?: Date | string;
	onSaleDate?: Date | string;
	returnable?: boolean;
	returnDate?: Date | string;
	printOnDemand?: boolean;
	/** 'Y', '1', '2' or 'N'. */
	backorderOnly?: string;
	mediaMail?: boolean;
	productType?: string;
	imprintable?: boolean;
	indexable?: boolean;
	/** Pounds (1.25). */
	weight?: number;
	publisherNumber?: number;
	restrictedCode?: string;
	discountCategory?: string;
	/** 10 not yet, 20 available, 21 in stock, 22 to order, 31 out of stock, 40 not available. */
	availability?: string;
	titleCode?: string;
	classification?: string;
}

const cents = (dollars: number | undefined) => Math.round((dollars ?? 0) * 100);
const flag = (value: boolean | undefined, fallback: boolean) => ((value ?? fallback) ? 'Y' : 'N');
const dateText = (value: Date | string | undefined, fallback: string) =>
	value === undefined ? fallback : typeof value === 'string' ? value : yyyymmdd(value);

function quantities(values: number[] | undefined, slots: number, start: number): Put[] {
	if ((values?.length ?? 0) > slots) throw new Error(`at most ${slots} quantities`);
	return Array.from({ length: slots }, (_, slot): Put => [
		start + slot * 7,
		7,
		values?.[slot] ?? 0,
	]);
}

/** One StockV2 record (300 characters, no delimiter) from named fields; see the table above. */
export function encodeStockRecord(title: StockTitle): string {
	if (!/^\d{13}$/.test(title.ean)) throw new Error(`EAN ${title.ean} is not 13 digits`);
	const onHandTotal = (title.onHand ?? []).reduce((sum, quantity) => sum + quantity, 0);
	const status = title.publisherStatus ?? 'IP';
	const availability =
		title.availability ??
		(status === 'NY' ? '10' : status === 'OP' ? '40' : onHandTotal > 0 ? '21' : '22');
	const flags = Array.from({ length: 8 }, (_, slot) => flag(title.stockFlags?.[slot], true)).join(
		'',
	);
	return fixedRecord(STOCK_RECORD_LENGTH, [
		[1, 1, '0'],
		[2, 13, title.ean],
		[15, 14, title.upc ?? ''],
		[29, 10, title.isbn10 ?? isbn10Of(title.ean)],
		...quantities(title.onHand, 7, 39),
		[88, 7, title.onHandFuture ?? 0],
		...quantities(title.onOrder, 8, 95),
		[151, 7, cents(title.listPrice)],
		[158, 7, cents(title.publisherPrice ?? title.listPrice)],
		[166, 3, title.discountLevel ?? 'REG'],
		[179, 2, status],
		[181, 8, flags],
		[189, 8, dateText(title.publicationDate, '20200101')],
		[197, 8, dateText(title.onSaleDate, '00010101')],
		[205, 1, flag(title.returnable, true)],
		[206, 8, dateText(title.returnDate, '99991231')],
		[214, 1, flag(title.printOnDemand, false)],
		[219, 1, title.backorderOnly ?? 'N'],
		[220, 1, flag(title.mediaMail, true)],
		[221, 1, title.productType ?? 'Q'],
		[222, 1, flag(title.imprintable, false)],
		[223, 1, flag(title.indexable, false)],
		[239, 6, cents(title.weight)],
		[256, 4, title.publisherNumber ?? 0],
		[265, 1, title.restrictedCode ?? ''],
		[266, 5, title.discountCategory ?? ''],
		[272, 2, availability],
		[274, 9, title.titleCode ?? ''],
		[283, 2, title.classification ?? ''],
	]);
}

const STATUSES = ['IP', 'IP', 'IP', 'IP', 'IP', 'IP', 'NY', 'OP', 'OI', 'TP'];

/** `count` made-up titles (EANs 979888…, stable for a seed), generated one at a time. */
export function* generatedTitles(count: number, seed = 1): Generator<StockTitle> {
	const random = seededRandom(seed);
	const int = (max: number) => Math.floor(random() * max);
	for (let n = 1; n <= count; n += 1) {
		const inStock = random() < 0.7;
		yield {
			ean: eanWithPrefix('979888', n),
			onHand: Array.from({ length: 4 }, () => (inStock ? int(500) : 0)),
			onOrder: Array.from({ length: 4 }, () => int(50)),
			listPrice: (499 + int(4000)) / 100,
			publisherStatus: STATUSES[int(STATUSES.length)],
			publicationDate: `20${String(10 + int(16))}${String(1 + int(12)).padStart(2, '0')}15`,
			weight: (20 + int(300)) / 100,
			productType: 'QRPW'[int(4)],
			publisherNumber: int(10_000),
		};
	}
}

export type InventoryKind = 'full' | 'delta';
export type DeltaLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';

/** stockv2@ingram.zip, or stockv2deltaYYMMDD[a-f]@ingram.zip; the .dat inside has the same stem. */
export function inventoryFileName(
	kind: InventoryKind,
	date: Date,
	letter: DeltaLetter = 'a',
): string {
	return kind === 'full' ? 'stockv2@ingram.zip' : `stockv2delta${yymmdd(date)}${letter}@ingram.zip`;
}

function dosDateTime(date: Date): { time: number; date: number } {
	return {
		time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
		date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
	};
}

const ZIP_VERSION = 20;
const DEFLATE = 8;
const MAX_ZIP32 = 0xffff_ffff;

function localHeader(name: Buffer, when: Date, crc: number, compressed: number, size: number) {
	const { time, date } = dosDateTime(when);
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(ZIP_VERSION, 4);
	header.writeUInt16LE(0, 6); // flags: sizes and CRC are in this header (patched after the data)
	header.writeUInt16LE(DEFLATE, 8);
	header.writeUInt16LE(time, 10);
	header.writeUInt16LE(date, 12);
	header.writeUInt32LE(crc, 14);
	header.writeUInt32LE(compressed, 18);
	header.writeUInt32LE(size, 22);
	header.writeUInt16LE(name.length, 26);
	header.writeUInt16LE(0, 28);
	return Buffer.concat([header, name]);
}

function centralDirectory(name: Buffer, when: Date, crc: number, compressed: number, size: number) {
	const { time, date } = dosDateTime(when);
	const entry = Buffer.alloc(46);
	entry.writeUInt32LE(0x02014b50, 0);
	entry.writeUInt16LE((3 << 8) | ZIP_VERSION, 4); // made by: Unix
	entry.writeUInt16LE(ZIP_VERSION, 6);
	entry.writeUInt16LE(0, 8);
	entry.writeUInt16LE(DEFLATE, 10);
	entry.writeUInt16LE(time, 12);
	entry.writeUInt16LE(date, 14);
	entry.writeUInt32LE(crc, 16);
	entry.writeUInt32LE(compressed, 20);
	entry.writeUInt32LE(size, 24);
	entry.writeUInt16LE(name.length, 28);
	entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
	entry.writeUInt32LE(0, 42); // the local header is at the start
	const entryWithName = Buffer.concat([entry, name]);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(entryWithName.length, 12);
	end.writeUInt32LE(30 + name.length + compressed, 16);
	return Buffer.concat([entryWithName, end]);
}

export interface StockZipResult {
	records: number;
	/** Size of the .dat inside. */
	uncompressedBytes: number;
	compressedBytes: number;
}

/**
 * Writes a one-entry zip to `diskPath`: `entryName` holding the records joined by CRLF (every
 * record ends with CRLF). Records are deflated in batches as they are generated; the CRC and
 * sizes are patched into the local header at the end. Zip64 is not written: over 4 GiB throws.
 */
export async function writeStockZip(
	diskPath: string,
	entryName: string,
	records: Iterable<string>,
	when = new Date(),
): Promise<StockZipResult> {
	const name = Buffer.from(entryName, 'ascii');
	const headerLength = 30 + name.length;
	let crc = 0;
	let size = 0;
	let count = 0;

	const descriptor = openSync(diskPath, 'w');
	try {
		writeSync(descriptor, localHeader(name, when, 0, 0, 0));
	} finally {
		closeSync(descriptor);
	}

	function* batches(): Generator<Buffer> {
		let batch: string[] = [];
		for (const record of records) {
			if (record.length !== STOCK_RECORD_LENGTH) {
				throw new Error(`record ${count + 1} is ${record.length} characters, not 300`);
			}
			batch.push(record, '\r\n');
			count += 1;
			if (batch.length >= 2000) {
				yield flush();
				batch = [];
			}
		}
		if (batch.length > 0) yield flush();

		function flush(): Buffer {
			const chunk = Buffer.from(batch.join(''), 'ascii');
			crc = crc32(chunk, crc);
			size += chunk.length;
			if (size > MAX_ZIP32)
				throw new Error('inventory over 4 GiB needs Zip64, which is not written');
			return chunk;
		}
	}

	const output = createWriteStream(diskPath, { flags: 'r+', start: headerLength });
	await pipeline(Readable.from(batches()), createDeflateRaw({ level: 1 }), output);
	const compressed = output.bytesWritten;

	const tail = openSync(diskPath, 'r+');
	try {
		writeSync(
			tail,
			centralDirectory(name, when, crc >>> 0, compressed, size),
			0,
			undefined,
			headerLength + compressed,
		);
		writeSync(tail, localHeader(name, when, crc >>> 0, compressed, size), 0, undefined, 0);
	} finally {
		closeSync(tail);
	}
	return { records: count, uncompressedBytes: size, compressedBytes: compressed };
}
