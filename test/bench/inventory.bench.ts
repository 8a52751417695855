/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Ingram Content StockV2 inventory part of the bench: how fast readInventory streams a large
 * inventory file, and that its memory stays flat as the file grows.
 *
 * For each size (INVENTORY_BENCH_SIZES, MB = 10^6 bytes, default "100,1000"), a StockV2 .dat of
 * realistic random records (CRLF, distinct EANs; written through a stream into a temporary folder,
 * removed at the end) is read, in the same run:
 *
 * 1. by `wc -l` (child process, best of 3): the anchor, a C loop over the same bytes;
 * 2. by the source alone (see BenchSource), counting bytes: what any reader fed by it can reach;
 * 3. by readInventory without a filter, counting titles (every record decoded);
 * 4. by readInventory filtered to 10,000 EANs, half in the file and half not (must yield exactly
 *    the 5,000 present, or the bench fails).
 *
 * 2 to 4 each run in a fresh Node process (this file with `--child`, compiled to JavaScript first
 * so the process is plain Node, without the TypeScript loader) and report their own peak RSS
 * (VmHWM: see peakRssKb for why not `process.resourceUsage().maxRSS`); a process that only loads
 * the modules gives the baseline.
 * Each process reads the file once (cold: V8 compiles the reader on the way), then a 20 MB file
 * of the same kind 5 times, then the file 3 more times (warm: the fastest of those, the steady
 * state most of a 4 GB file is read in). Each measurement runs in 3 fresh processes
 * (INVENTORY_BENCH_RUNS) and the best cold and warm reads count: a cold read of 100 MB lasts
 * tens of milliseconds, and one hiccup of a shared machine would otherwise decide it.
 * Each is run with three sources (see BenchSource): fs.createReadStream, its chunks freed once
 * read as the operations do; the same stream, its chunks left to the garbage collector; and a
 * file read into reused buffers, which shows the reader's own speed without the cost of a fresh
 * 1 MiB buffer per chunk. The first file is also zipped (deflate level 6, written the way a
 * streaming zip writer does it: flag bit 3, sizes in a data descriptor after the data) and read
 * through the stream, against `unzip -p | wc -l`.
 * The file is in the page cache for every reader (it was just written), so these are CPU figures;
 * on a shared machine they move with the load, so compare the ratios of one run.
 *
 *   node scripts/node24.mjs npx tsx test/bench/inventory.bench.ts
 */
import '../setup-env';
import { spawn, spawnSync } from 'node:child_process';
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';

import { writeRecord, type RecordValues } from '../../nodes/IngramContent/codec/fixedWidth';
import {
	PRODUCT_AVAILABILITIES,
	PRODUCT_TYPES,
	PUBLISHER_STATUSES,
	STOCK_EAN_OFFSET,
	STOCK_V2_LAYOUT,
} from '../../nodes/IngramContent/codec/stockV2';
import { freeingChunks, readInventory } from '../../nodes/IngramContent/inventory/readInventory';
import { eanCheckDigit, seededRandom } from '../cdfSimulator/records';

const MB = 1e6;
const SIZES_MB = (process.env.INVENTORY_BENCH_SIZES ?? '100,1000').split(',').map(Number);
const WANTED = 10_000;
const CHUNK = 1 << 20;
const RECORD_BYTES = 302; // 300 + CRLF
const POOL = 4096;
/** The file each measuring process reads WARM_UP_READS times between its cold and warm read. */
const WARM_UP_BYTES = 20 * MB;
const WARM_UP_READS = 5;
/** Fresh processes per measurement (INVENTORY_BENCH_RUNS): the best cold and warm reads count. */
const RUNS = Number(process.env.INVENTORY_BENCH_RUNS ?? 3);
/** Reads of the file once warm, the fastest counting. */
const WARM_READS = 3;

/** A distinct, valid EAN per n (978 + 9 digits + check digit), as Ingram's files hold. */
export const benchEan = (n: number): string => {
	const body = `978${String((n * 7919 + 12345) % 1e9).padStart(9, '0')}`;
	return `${body}${eanCheckDigit(body)}`;
};

/** A pool of varied records (stock, flags, prices, dates, codes) that the file's records copy. */
function recordPool(next: () => number): Buffer[] {
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
	const int = (max: number) => Math.floor(next() * max);
	const date = (from: number, span: number) => {
		const day = new Date(Date.UTC(from, 0, 1) + int(span * 365) * 86_400_000);
		return day.toISOString().slice(0, 10).replace(/-/g, '');
	};
	return Array.from({ length: POOL }, () => {
		const values: RecordValues = {
			gtinPrefix: '0',
			ean: '9780000000000',
			upc: next() < 0.1 ? `00${String(int(1e12)).padStart(12, '0')}` : '',
			isbn10: next() < 0.7 ? String(int(1e9)).padStart(9, '0') + pick(['0', '5', 'X']) : '',
			listPrice: int(20000) / 100,
			publisherPrice: int(20000) / 100,
			discountLevel: pick(['REG', 'REG', 'REG', 'NET', ' 30', ' 25', ' 55']),
			publisherStatus: pick(PUBLISHER_STATUSES).code,
			publicationDate: date(1990, 36),
			onSaleDate: next() < 0.9 ? '00010101' : date(2026, 1),
			returnable: next() < 0.9 ? 'Y' : 'N',
			returnDate: pick(['99991231', '00010101', date(2026, 2)]),
			printOnDemand: next() < 0.2 ? 'Y' : 'N',
			backorderOnly: pick(['N', 'N', 'N', 'Y', '1', '2']),
			mediaMail: next() < 0.8 ? 'Y' : 'N',
			productType: pick(PRODUCT_TYPES).code,
			imprintable: 'N',
			indexable: 'Y',
			weight: int(500) / 100,
			publisherNumber: String(int(10000)).padStart(4, '0'),
			restrictedCode: 'N',
			discountCategory: '',
			productAvailability: pick(PRODUCT_AVAILABILITIES).code,
			titleCode: String(int(1e9)).padStart(9, '0'),
			classificationType: '',
		};
		for (let dc = 1; dc <= 8; dc++) {
			const stocked = dc <= 4 && next() < 0.6;
			values[`onHandDc${dc}`] = stocked ? int(next() < 0.1 ? 50_000 : 200) : 0;
			values[`onOrderDc${dc}`] = dc <= 4 && next() < 0.2 ? int(500) : 0;
			values[`stockFlagDc${dc}`] = dc <= 4 ? (next() < 0.9 ? 'Y' : 'N') : 'N';
		}
		return Buffer.from(`${writeRecord(STOCK_V2_LAYOUT, values)}\r\n`, 'latin1');
	});
}

/** Writes a StockV2 .dat of about `bytes` bytes through a stream; returns its record count. */
export async function writeStockFile(path: string, bytes: number, seed = 1): Promise<number> {
	const next = seededRandom(seed);
	const pool = recordPool(next);
	const records = Math.floor(bytes / RECORD_BYTES);
	const perBatch = Math.floor((4 << 20) / RECORD_BYTES);
	const out = createWriteStream(path);
	for (let first = 0; first < records; first += perBatch) {
		const count = Math.min(perBatch, records - first);
		const batch = Buffer.allocUnsafe(count * RECORD_BYTES);
		for (let index = 0; index < count; index++) {
			const at = index * RECORD_BYTES;
			pool[Math.floor(next() * POOL)].copy(batch, at);
			batch.write(benchEan(first + index), at + STOCK_EAN_OFFSET, 'latin1');
		}
		if (!out.write(batch)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	return records;
}

/** `count` wanted EANs: half of records present in the file (spread over it), half absent. */
export function wantedEans(records: number, count = WANTED, seed = 2): string[] {
	const next = seededRandom(seed);
	const present = new Set<number>();
	while (present.size < Math.min(count / 2, records)) present.add(Math.floor(next() * records));
	const eans = [...present].map(benchEan);
	for (let n = 0; eans.length < count; n++) eans.push(benchEan(records + n)); // past the last record
	return eans;
}

/** Zips a file as a streaming writer does: local header with flag bit 3, deflate, descriptor. */
export async function zipStockFile(source: string, target: string, entryName: string) {
	const out = createWriteStream(target);
	const name = Buffer.from(entryName, 'latin1');
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4);
	header.writeUInt16LE(0x0008, 6);
	header.writeUInt16LE(8, 8);
	header.writeUInt16LE(name.length, 26);
	out.write(Buffer.concat([header, name]));
	let crc = 0;
	let size = 0;
	let compressed = 0;
	const deflate = createDeflateRaw({ level: 6 });
	deflate.on('data', (piece: Buffer) => {
		compressed += piece.length;
		if (!out.write(piece)) deflate.pause();
	});
	out.on('drain', () => deflate.resume());
	const done = once(deflate, 'end');
	for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
		crc = crc32(chunk as Buffer, crc);
		size += (chunk as Buffer).length;
		if (!deflate.write(chunk)) await once(deflate, 'drain');
	}
	deflate.end();
	await done;
	const descriptor = Buffer.alloc(16);
	descriptor.writeUInt32LE(0x08074b50, 0);
	descriptor.writeUInt32LE(crc, 4);
	descriptor.writeUInt32LE(compressed, 8);
	descriptor.writeUInt32LE(size, 12);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(0x0008, 8);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(crc, 16);
	central.writeUInt32LE(compressed, 20);
	central.writeUInt32LE(size, 24);
	central.writeUInt16LE(name.length, 28);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + name.length, 12);
	end.writeUInt32LE(30 + name.length + compressed + 16, 16);
	out.end(Buffer.concat([descriptor, central, name, end]));
	await once(out, 'finish');
}

export interface ReadMeasure {
	titles: number;
	seconds: number;
}

/**
 * How the reader gets the file:
 * - `stream`: fs.createReadStream in 1 MiB chunks, a fresh buffer for every chunk, each freed as
 *   soon as it has been read (readInventory's freeChunks): what Inventory › Parse does with the
 *   1 MiB chunks it asks of n8n's binary data store, and Inventory › Get with its downloads.
 * - `streamKept`: the same, with every chunk left to the garbage collector (any other consumer of a
 *   Node stream).
 * - `file`: FileHandle.read into three 1 MiB buffers used in turn, two reads running ahead while
 *   the reader splits the chunk before (readInventory copies what it keeps of a chunk before
 *   asking for the next, so the buffers can be reused).
 */
export type BenchSource = 'stream' | 'streamKept' | 'file';

/**
 * A file's bytes in chunks of `size`, read into `depth + 1` buffers used in turn, `depth` reads
 * running ahead of the chunk being handed out (at explicit positions, so they may run at once).
 */
export async function* fileChunks(
	path: string,
	size = CHUNK,
	depth = 2,
): AsyncGenerator<Uint8Array> {
	const file = await open(path, 'r');
	const buffers = Array.from({ length: depth + 1 }, () => Buffer.allocUnsafe(size));
	const reads: Array<Promise<{ bytesRead: number; buffer: Buffer }>> = [];
	let position = 0;
	let turn = 0;
	const readAhead = () => {
		reads.push(file.read(buffers[turn++ % buffers.length], 0, size, position));
		position += size;
	};
	try {
		for (let index = 0; index < depth; index++) readAhead();
		for (;;) {
			const next = reads.shift();
			if (next === undefined) return;
			const { bytesRead, buffer } = await next;
			if (bytesRead === 0) return;
			readAhead();
			yield buffer.subarray(0, bytesRead);
		}
	} finally {
		await Promise.allSettled(reads);
		await file.close();
	}
}

const sourceOf = (path: string, source: BenchSource): AsyncIterable<Uint8Array> =>
	source === 'file' ? fileChunks(path) : createReadStream(path, { highWaterMark: CHUNK });

/** The source alone, no reader: its bytes counted (the ceiling for any reader fed by it). */
export async function measureSourceRead(path: string, source: BenchSource): Promise<ReadMeasure> {
	const started = performance.now();
	let bytes = 0;
	const chunks = sourceOf(path, source);
	for await (const chunk of source === 'stream' ? freeingChunks(chunks) : chunks)
		bytes += chunk.length;
	return {
		titles: Math.floor(bytes / RECORD_BYTES),
		seconds: (performance.now() - started) / 1000,
	};
}

/** readInventory over a file (plain or zip), counting the titles it yields; keeps none. */
export async function measureInventoryRead(
	path: string,
	options: { eans?: string[]; source?: BenchSource } = {},
): Promise<ReadMeasure> {
	const started = performance.now();
	let titles = 0;
	for await (const title of readInventory(sourceOf(path, options.source ?? 'stream'), {
		fileName: path,
		eans: options.eans,
		freeChunks: options.source === undefined || options.source === 'stream',
	})) {
		if (title.ean.length === 13) titles++;
	}
	return { titles, seconds: (performance.now() - started) / 1000 };
}

interface ChildResult extends ReadMeasure {
	/** The same read after the warm-up reads. */
	warmSeconds: number;
	maxRssMb: number;
}

const REPO = join(__dirname, '..', '..');

/**
 * This file and the modules it imports from the repository, compiled to plain JavaScript in
 * `folder` (TypeScript's transpileModule, as the build would emit them): the measuring processes
 * run on plain Node, as the package runs inside n8n, so their RSS is not the TypeScript loader's.
 * Returns the compiled bench file.
 */
async function compileForChildren(folder: string): Promise<string> {
	// loaded here only: the measuring processes must not carry the compiler
	const { default: ts } = await import('typescript');
	const done = new Set<string>();
	const visit = (file: string) => {
		if (done.has(file)) return;
		done.add(file);
		const source = readFileSync(file, 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
			fileName: file,
		});
		const target = join(folder, relative(REPO, file)).replace(/\.ts$/, '.js');
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, outputText);
		for (const [, path] of source.matchAll(/(?:from|import) '(\.{1,2}\/[^']+)'/g)) {
			const base = resolve(dirname(file), path);
			visit(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts'));
		}
	};
	visit(__filename);
	return join(folder, relative(REPO, __filename)).replace(/\.ts$/, '.js');
}

let childScript: string | undefined;

/** Runs one measure in a fresh Node process (the compiled bench file) and returns it. */
async function inChild(args: string[]): Promise<ChildResult> {
	if (childScript === undefined) throw new Error('compileForChildren first');
	const child = spawn(process.execPath, [childScript, '--child', ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.on('data', (piece: Buffer) => (output += piece.toString()));
	const [code] = (await once(child, 'exit')) as [number | null];
	if (code !== 0) throw new Error(`inventory bench child ${args.join(' ')} exited with ${code}`);
	return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/**
 * This process's peak RSS in kB. On Linux from /proc/self/status (VmHWM): getrusage's maxRSS,
 * which process.resourceUsage() reports, keeps the high-water mark of the process the child was
 * forked from (the bench, with its own hundreds of MB), so it cannot show a child smaller than
 * its parent. Elsewhere maxRSS it is.
 */
function peakRssKb(): number {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		if (match) return (Number(match[1]) * 1024) / 1000;
	} catch {
		// not Linux
	}
	return (process.resourceUsage().maxRSS * 1024) / 1000;
}

async function child(args: string[]): Promise<void> {
	const [mode, source, path, eansFile, warmUpPath] = args;
	const result: ChildResult = { titles: 0, seconds: 0, warmSeconds: 0, maxRssMb: 0 };
	if (mode !== 'idle') {
		const eans =
			mode === 'filtered' ? (JSON.parse(readFileSync(eansFile, 'utf8')) as string[]) : undefined;
		const options = { eans, source: source as BenchSource };
		const measure = (file: string) =>
			mode === 'source'
				? measureSourceRead(file, source as BenchSource)
				: measureInventoryRead(file, options);
		// cold: the first read in this process, V8 compiling the reader as it goes
		const cold = await measure(path);
		// warm: after WARM_UP_READS reads of a small file of the same kind (steady state, as most
		// of a 4 GB file is read)
		for (let read = 0; read < WARM_UP_READS; read++) await measure(warmUpPath);
		let warm = await measure(path);
		for (let read = 1; read < WARM_READS; read++) {
			const again = await measure(path);
			if (again.seconds < warm.seconds) warm = again;
		}
		if (warm.titles !== cold.titles) throw new Error(`titles ${cold.titles} then ${warm.titles}`);
		Object.assign(result, {
			titles: cold.titles,
			seconds: cold.seconds,
			warmSeconds: warm.seconds,
		});
	}
	result.maxRssMb = peakRssKb() / 1000;
	console.log(JSON.stringify(result));
}

/** Best of `runs` wall times of a shell command (the anchor). */
function anchorSeconds(command: string, runs = 3): { seconds: number; output: string } {
	let best = Infinity;
	let output = '';
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
		const seconds = (performance.now() - started) / 1000;
		if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
		best = Math.min(best, seconds);
		output = result.stdout.trim();
	}
	return { seconds: best, output };
}

interface Row {
	file: string;
	reader: string;
	/** Cold (first read in a fresh process) for readInventory. */
	mbPerSecond: number;
	vsAnchor: number;
	warmMbPerSecond?: number;
	warmVsAnchor?: number;
	titles: number;
	rssMb?: number;
}

const SOURCES: BenchSource[] = ['stream', 'streamKept', 'file'];
const MODES = ['source', 'raw', 'filtered'] as const;
const READERS: Record<(typeof MODES)[number], string> = {
	source: 'source alone, no reader',
	raw: 'readInventory, all titles',
	filtered: `readInventory, ${WANTED.toLocaleString('en')} EANs`,
};

/** The whole bench, printing its table; run alone or from test/bench/index.ts. */
export async function inventoryBench(): Promise<void> {
	const started = performance.now();
	const folder = mkdtempSync(join(tmpdir(), 'stockv2-bench-'));
	const rows: Row[] = [];
	const problems: string[] = [];

	/** Reads `path` in a fresh process per mode and source, adding a row for each. */
	async function readers(
		file: string,
		path: string,
		eansFile: string,
		records: number,
		bytes: number,
		anchor: number,
		sources: BenchSource[],
		warmUpPath: string,
		modes: ReadonlyArray<(typeof MODES)[number]> = MODES,
	) {
		for (const mode of modes) {
			for (const source of sources) {
				// best of RUNS fresh processes: one cold read is tens of ms at 100 MB, easily disturbed
				const runs: ChildResult[] = [];
				for (let run = 0; run < RUNS; run++)
					runs.push(await inChild([mode, source, path, eansFile, warmUpPath]));
				const result: ChildResult = {
					titles: runs.every((r) => r.titles === runs[0].titles) ? runs[0].titles : -1,
					seconds: Math.min(...runs.map((r) => r.seconds)),
					warmSeconds: Math.min(...runs.map((r) => r.warmSeconds)),
					maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
				};
				const expected = mode === 'filtered' ? WANTED / 2 : records;
				if (result.titles !== expected)
					problems.push(`${file} ${mode} ${source}: ${result.titles} titles, expected ${expected}`);
				const speed = bytes / MB / result.seconds;
				const warm = bytes / MB / result.warmSeconds;
				rows.push({
					file,
					reader: `${READERS[mode]} (${source})`,
					mbPerSecond: speed,
					vsAnchor: speed / anchor,
					warmMbPerSecond: warm,
					warmVsAnchor: warm / anchor,
					titles: result.titles,
					rssMb: result.maxRssMb,
				});
			}
		}
	}

	try {
		childScript = await compileForChildren(join(folder, 'js'));
		const baseline = await inChild(['idle']);
		const warmUpDat = join(folder, 'warm-up.dat');
		const warmUpZip = join(folder, 'warm-up.zip');
		await writeStockFile(warmUpDat, WARM_UP_BYTES, 3);
		await zipStockFile(warmUpDat, warmUpZip, 'stockv2@ingram.dat');
		for (const sizeMb of SIZES_MB) {
			const path = join(folder, `stockv2-${sizeMb}MB@ingram.dat`);
			const records = await writeStockFile(path, sizeMb * MB);
			const bytes = statSync(path).size;
			const eansFile = join(folder, `eans-${sizeMb}.json`);
			writeFileSync(eansFile, JSON.stringify(wantedEans(records)));
			const file = `${sizeMb >= 1000 ? `${sizeMb / 1000} GB` : `${sizeMb} MB`} .dat`;

			const wc = anchorSeconds(`wc -l '${path}'`);
			if (Number(wc.output.split(/\s+/)[0]) !== records)
				problems.push(`wc -l counted ${wc.output}, expected ${records}`);
			const anchor = bytes / MB / wc.seconds;
			rows.push({
				file,
				reader: 'wc -l (anchor)',
				mbPerSecond: anchor,
				vsAnchor: 1,
				titles: records,
			});
			await readers(file, path, eansFile, records, bytes, anchor, SOURCES, warmUpDat);

			if (sizeMb === SIZES_MB[0]) {
				const zipPath = join(folder, `stockv2-${sizeMb}MB@ingram.zip`);
				await zipStockFile(path, zipPath, 'stockv2@ingram.dat');
				const zipFile = `${file.replace(' .dat', '')} zipped (${(statSync(zipPath).size / MB).toFixed(0)} MB)`;
				const unzip = anchorSeconds(`unzip -p '${zipPath}' | wc -l`);
				const zipAnchor = bytes / MB / unzip.seconds;
				rows.push({
					file: zipFile,
					reader: 'unzip -p, piped to wc -l (anchor)',
					mbPerSecond: zipAnchor,
					vsAnchor: 1,
					titles: Number(unzip.output),
				});
				await readers(
					zipFile,
					zipPath,
					eansFile,
					records,
					bytes,
					zipAnchor,
					['stream'],
					warmUpZip,
					['raw', 'filtered'],
				);
				rmSync(zipPath, { force: true });
			}
			rmSync(path, { force: true });
		}

		console.log(
			`\nStockV2 inventory reader — Node ${process.version}; files in the page cache; MB/s = 10^6 bytes of (unzipped) .dat per second; each reader row the best of ${RUNS} fresh processes: cold = a process's first read, warm = the fastest of ${WARM_READS} more reads of the same file after ${WARM_UP_READS} reads of a ${WARM_UP_BYTES / MB} MB file; peak RSS the highest of all\n`,
		);
		console.log(
			'| file | reader (source) | MB/s cold | × anchor | MB/s warm | × anchor | titles | peak RSS |',
		);
		console.log('|---|---|---:|---:|---:|---:|---:|---:|');
		for (const row of rows) {
			const warm =
				row.warmMbPerSecond === undefined
					? '| | '
					: `| ${row.warmMbPerSecond.toFixed(0)} | ${(row.warmVsAnchor ?? 0).toFixed(2)} `;
			console.log(
				`| ${row.file} | ${row.reader} | ${row.mbPerSecond.toFixed(0)} | ${row.vsAnchor.toFixed(2)} ${warm}| ${row.titles.toLocaleString('en')} | ${row.rssMb === undefined ? '' : `${row.rssMb.toFixed(0)} MB`} |`,
			);
		}
		console.log(
			`\nSources: "stream" = fs.createReadStream in 1 MiB chunks (a fresh buffer each, as any Node stream), each freed once read, as Inventory › Parse and Get do; "streamKept" = the same, chunks left to the garbage collector; "file" = FileHandle.read into three reused 1 MiB buffers, reading two ahead.`,
		);
		console.log(
			`Baseline RSS of a child that only loads the modules: ${baseline.maxRssMb.toFixed(0)} MB`,
		);
		const datRows = rows.filter((row) => row.file.endsWith('.dat') && row.rssMb !== undefined);
		for (const source of SOURCES) {
			const filtered = datRows.filter(
				(row) => row.reader.includes('EANs') && row.reader.endsWith(`(${source})`),
			);
			const worst = (pick: (row: Row) => number) => Math.min(...filtered.map(pick));
			const cold = worst((row) => row.vsAnchor);
			const warm = worst((row) => row.warmVsAnchor ?? 0);
			// what the source alone delivers bounds any reader fed by it
			const ofSource = filtered.map((row) => {
				const alone = datRows.find(
					(other) => other.file === row.file && other.reader === `${READERS.source} (${source})`,
				);
				return alone ? row.mbPerSecond / alone.mbPerSecond : NaN;
			});
			const ceiling = datRows
				.filter((row) => row.reader === `${READERS.source} (${source})`)
				.map((row) => row.vsAnchor);
			console.log(
				`Goal filtered ≥ 0.5× wc -l (${source}): cold ${cold >= 0.5 ? 'met' : 'missed'} (worst ${cold.toFixed(2)}×), warm ${warm >= 0.5 ? 'met' : 'missed'} (worst ${warm.toFixed(2)}×); the source alone reaches ${ceiling.map((x) => `${x.toFixed(2)}×`).join(' / ')} of wc -l, the filtered read ${ofSource.map((x) => `${(x * 100).toFixed(0)} %`).join(' / ')} of the source alone (cold)`,
			);
		}
		// the goal is the filtered read's; streamKept only shows what freeing the chunks saves
		// (neither operation reads that way)
		const highest = (pick: (row: Row) => boolean) =>
			Math.max(
				...rows
					.filter((row) => pick(row) && !row.reader.endsWith('(streamKept)'))
					.map((row) => row.rssMb ?? 0),
			);
		const peak = highest((row) => row.reader.includes('EANs'));
		console.log(
			`Goal peak RSS < 150 MB (filtered read, stream and file, plain and zipped): ${peak < 150 ? 'met' : 'missed'}, highest ${peak.toFixed(0)} MB; every title: highest ${highest((row) => row.reader.includes('all titles')).toFixed(0)} MB`,
		);
		if (SIZES_MB.length > 1) {
			const [small, large] = [SIZES_MB[0], SIZES_MB[SIZES_MB.length - 1]];
			const rssOf = (size: number, reader: string) =>
				rows.find(
					(row) =>
						row.file.startsWith(size >= 1000 ? `${size / 1000} GB` : `${size} MB`) &&
						row.file.endsWith('.dat') &&
						row.reader === reader,
				)?.rssMb ?? NaN;
			for (const reader of new Set(datRows.map((row) => row.reader))) {
				console.log(
					`RSS ${small} MB → ${large} MB, ${reader}: ${rssOf(small, reader).toFixed(0)} → ${rssOf(large, reader).toFixed(0)} MB`,
				);
			}
		}
		console.log(`Bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
		if (problems.length > 0) throw new Error(`inventory bench: ${problems.join('; ')}`);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const run = args[0] === '--child' ? child(args.slice(1)) : inventoryBench();
	run.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
