/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Test material for the StockV2 reader: records written field by field from the layout table, zips
 * written by hand (local headers, deflate from Node's zlib, data descriptors with or without their
 * signature, ZIP64 fields, central directory), and sources that cut bytes into given chunks.
 */
import { crc32, deflateRawSync } from 'node:zlib';

import { writeRecord, type RecordValues } from '../../../nodes/IngramContent/codec/fixedWidth';
import { STOCK_V2_LAYOUT } from '../../../nodes/IngramContent/codec/stockV2';

/** A plausible in-print hardcover stocked at La Vergne and Fort Wayne. */
export const BASE_VALUES: RecordValues = {
	gtinPrefix: '0',
	ean: '9780306406157',
	upc: '',
	isbn10: '0306406152',
	onHandDc1: 120,
	onHandDc2: 0,
	onHandDc3: 35,
	onHandDc4: 0,
	onOrderDc1: 50,
	listPrice: 29.99,
	publisherPrice: 29.99,
	discountLevel: 'REG',
	publisherStatus: 'IP',
	stockFlagDc1: 'Y',
	stockFlagDc2: 'Y',
	stockFlagDc3: 'Y',
	stockFlagDc4: 'Y',
	stockFlagDc5: 'Y',
	stockFlagDc6: 'Y',
	stockFlagDc7: 'Y',
	stockFlagDc8: 'Y',
	publicationDate: '20190312',
	onSaleDate: '00010101',
	returnable: 'Y',
	returnDate: '99991231',
	printOnDemand: 'N',
	backorderOnly: 'N',
	mediaMail: 'Y',
	productType: 'R',
	imprintable: 'N',
	indexable: 'Y',
	weight: 1.45,
	publisherNumber: '1234',
	restrictedCode: 'N',
	discountCategory: 'A1234',
	productAvailability: '21',
	titleCode: '123456789',
	classificationType: 'PB',
};

/** One 300-character record: BASE_VALUES with `values` over them. */
export const stockRecord = (values: RecordValues = {}): string =>
	writeRecord(STOCK_V2_LAYOUT, { ...BASE_VALUES, ...values });

/** A different valid EAN-like number per n (13 digits; check digits are not the reader's business). */
export const eanOf = (n: number): string => String(9780000000000 + n * 7919);

/** n records with distinct EANs and varying stock. */
export function stockRecords(count: number, first = 0): string[] {
	return Array.from({ length: count }, (_, index) => {
		const n = first + index;
		return stockRecord({
			ean: eanOf(n),
			isbn10: '',
			onHandDc1: (n * 37) % 1000,
			onHandDc2: (n * 11) % 50,
			stockFlagDc2: n % 3 === 0 ? 'N' : 'Y',
			listPrice: 5 + (n % 40),
			productType: 'RQPTWSKXMNU'[n % 11],
		});
	});
}

export interface ZipEntrySpec {
	name: string;
	data: Buffer;
	/** 0 stored, 8 deflate; other numbers are written as is, with the data stored. */
	method?: number;
	/** Sizes after the data: with the optional signature, without it, or not at all (sizes in the header). */
	descriptor?: 'signature' | 'bare' | 'none';
	/** Sizes as 0xFFFFFFFF in the header and 64-bit in a ZIP64 extra field (and descriptor). */
	zip64?: boolean;
	flags?: number;
}

/** A complete zip file, written as a streaming zip writer would. */
export function zipFile(entries: ZipEntrySpec[]): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const method = entry.method ?? 8;
		const stored = method === 8 ? deflateRawSync(entry.data) : entry.data;
		const crc = crc32(entry.data);
		const descriptor = entry.descriptor ?? 'none';
		const zip64 = entry.zip64 ?? false;
		const flags = (entry.flags ?? 0) | (descriptor === 'none' ? 0 : 0x0008);
		const name = Buffer.from(entry.name, 'utf8');
		let extra = Buffer.alloc(0);
		if (zip64) {
			extra = Buffer.alloc(20);
			extra.writeUInt16LE(0x0001, 0);
			extra.writeUInt16LE(16, 2);
			extra.writeBigUInt64LE(descriptor === 'none' ? BigInt(entry.data.length) : 0n, 4);
			extra.writeBigUInt64LE(descriptor === 'none' ? BigInt(stored.length) : 0n, 12);
		}
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(zip64 ? 45 : 20, 4);
		header.writeUInt16LE(flags, 6);
		header.writeUInt16LE(method, 8);
		header.writeUInt32LE(0x5a210000, 10); // a DOS date and time
		const known = descriptor === 'none';
		header.writeUInt32LE(known ? crc : 0, 14);
		header.writeUInt32LE(zip64 ? 0xffffffff : known ? stored.length : 0, 18);
		header.writeUInt32LE(zip64 ? 0xffffffff : known ? entry.data.length : 0, 22);
		header.writeUInt16LE(name.length, 26);
		header.writeUInt16LE(extra.length, 28);
		parts.push(header, name, extra, stored);
		const headerOffset = offset;
		offset += header.length + name.length + extra.length + stored.length;
		if (!known) {
			const sizes = Buffer.alloc(zip64 ? 20 : 12);
			sizes.writeUInt32LE(crc, 0);
			if (zip64) {
				sizes.writeBigUInt64LE(BigInt(stored.length), 4);
				sizes.writeBigUInt64LE(BigInt(entry.data.length), 12);
			} else {
				sizes.writeUInt32LE(stored.length, 4);
				sizes.writeUInt32LE(entry.data.length, 8);
			}
			const signature = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
			const written = descriptor === 'signature' ? Buffer.concat([signature, sizes]) : sizes;
			parts.push(written);
			offset += written.length;
		}
		const record = Buffer.alloc(46);
		record.writeUInt32LE(0x02014b50, 0);
		record.writeUInt16LE(20, 4);
		record.writeUInt16LE(20, 6);
		record.writeUInt16LE(flags, 8);
		record.writeUInt16LE(method, 10);
		record.writeUInt32LE(0x5a210000, 12);
		record.writeUInt32LE(crc, 16);
		record.writeUInt32LE(stored.length, 20);
		record.writeUInt32LE(entry.data.length, 24);
		record.writeUInt16LE(name.length, 28);
		record.writeUInt32LE(headerOffset, 42);
		central.push(record, name);
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, directory, end]);
}

/** The bytes as a stream of chunks cut at the given offsets (sorted, inside the buffer). */
export async function* chunked(bytes: Buffer, cuts: number[] = []): AsyncGenerator<Uint8Array> {
	let from = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		if (cut <= from || cut >= bytes.length) continue;
		yield new Uint8Array(bytes.subarray(from, cut)); // a plain Uint8Array, as web streams give
		from = cut;
	}
	if (from < bytes.length) yield bytes.subarray(from);
}

/** Chunks of `size` bytes. */
export const everyN = (bytes: Buffer, size: number) =>
	chunked(
		bytes,
		Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => index * size),
	);

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return all;
}

export async function concatData(data: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const part of data) parts.push(Buffer.from(part));
	return Buffer.concat(parts);
}

/**
 * Like `chunked`, but every chunk is the same buffer, overwritten with junk as soon as the next
 * chunk is asked for: a source that reuses its memory, to show nothing of a chunk is kept uncopied.
 */
export async function* reusingBuffer(
	bytes: Buffer,
	cuts: number[] = [],
): AsyncGenerator<Uint8Array> {
	const shared = Buffer.alloc(bytes.length);
	let from = 0;
	for (const to of [...[...cuts].sort((a, b) => a - b), bytes.length]) {
		if (to <= from || to > bytes.length) continue;
		shared.fill('PK\x07\x08\r\n', 'latin1');
		bytes.copy(shared, 0, from, to);
		yield shared.subarray(0, to - from);
		from = to;
	}
	shared.fill('PK\x03\x04\r\n', 'latin1');
}
