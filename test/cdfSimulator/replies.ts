/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The simulated Ingram's side of the conversation: it answers every valid order file with an
 * acknowledgement, ships the accepted lines (ship notice + invoice) after a delay or on
 * shipAll(), writes inventory zips, and places every file the way the faults say (NO MAINFRAME
 * instead of the acknowledgement; a reply visible half-written for a while).
 *
 * Reply names:
 * - acknowledgement: the order file's name with its extension replaced by `.fbc`
 *   (`260115093000.fbo` → `260115093000.fbc`), in `test` when every PO of the file is a test PO
 *   (type 8), else in `outgoing`;
 * - ship notice / invoice: a running 7-digit number after `0` in outgoing (`05500001.PBS`,
 *   `05530001.BIN`) or after `T` in test (`T5500002.PBS`); ship notices count from 5500001 and
 *   invoices from 5530001, outgoing and test sharing the counters so that names never repeat.
 *
 * Files are written beside the home first (`<home>.staging/`) and moved in, so that a client
 * never sees half a file unless the halfWrittenReply fault asks for it.
 */
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	mkdirSync,
	openSync,
	readSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import {
	acknowledgementRecords,
	decideOrder,
	type AckedPo,
	type AcknowledgeSettings,
} from './acknowledgement';
import type { CdfHost, ReceivedOrderFile } from './host';
import {
	encodeStockRecord,
	generatedTitles,
	inventoryFileName,
	writeStockZip,
	type DeltaLetter,
	type InventoryKind,
	type StockTitle,
} from './inventory';
import { invoiceRecords, type InvoiceFees } from './invoice';
import { readOrderFile } from './orderReader';
import { joinRecords, type ReplyDelimiters } from './records';
import { eanWithPrefix, type CdfDc, type CdfLineStatus, type CdfPoStatus } from './scenarios';
import { planShipment, shipNoticeRecords, type Shipment } from './shipNotice';

export const NO_MAINFRAME = 'NO MAINFRAME';

export interface ReplySettings {
	/** Expected ship-to password (record 21 positions 45-52); null accepts any. */
	shipToPassword: string | null;
	defaultDc: CdfDc;
	discountPercent: number;
	/** Delay between an acknowledgement and the ship notice + invoice; Infinity = only shipAll(). */
	replyDelayMs: number;
	replyDelimiters: ReplyDelimiters;
	/** Ship notice OD positions 25-26: 'letter' = 'N ' (as real files), 'pair' = 'NV' (as the spec). */
	asnWarehouseCode: 'letter' | 'pair';
	unitsPerBox: number;
	freightPerBoxCents: number;
	invoiceFees: InvoiceFees;
	/** Inventory folder relative to the home. */
	inventoryFolder: string;
	clock: () => Date;
}

export type ReplyKind =
	'acknowledgement' | 'noMainframe' | 'shipNotice' | 'invoice' | 'inventory' | 'other';

/** One file the simulated Ingram wrote (the latest content, if it was written several times). */
export interface ReplyFile {
	kind: ReplyKind;
	/** 'outgoing', 'test' or the inventory folder. */
	folder: string;
	name: string;
	/** The POs it answers (acknowledgements, ship notices, invoices). */
	poNumbers: string[];
	/** The order file it answers (acknowledgements). */
	orderFile?: string;
	writtenAt: Date;
}

/** What the simulator decided about a PO, for tests. */
export interface AcknowledgedPo {
	poNumber: string;
	orderFile: string;
	folder: 'outgoing' | 'test';
	poStatus: CdfPoStatus;
	lines: Array<{
		lineReference: string;
		itemNumber: string;
		status: CdfLineStatus;
		quantity: number;
	}>;
	/** false while it waits to ship; true once shipped; null when nothing of it will ever ship. */
	shipped: boolean | null;
}

export interface WriteInventoryOptions {
	kind: InventoryKind;
	/** The date in a delta's name (default: the simulator's clock). */
	date?: Date;
	/** The delta of the day, a to f (default a). */
	letter?: DeltaLetter;
	/** Titles as given (a missing EAN is made up), or `count` made-up titles from `seed`. */
	titles: Array<Partial<StockTitle>> | { count: number; seed?: number };
}

export interface WrittenInventory {
	/** Zip name, e.g. 'stockv2@ingram.zip'. */
	name: string;
	/** The .dat inside. */
	entryName: string;
	/** As clients see it, e.g. '/Inventory/stockv2@ingram.zip'. */
	clientPath: string;
	diskPath: string;
	records: number;
	uncompressedBytes: number;
	compressedBytes: number;
}

interface PoState {
	acked: AckedPo;
	folder: 'outgoing' | 'test';
	shipped: boolean;
}

interface PendingAcknowledgement {
	folder: 'outgoing' | 'test';
	name: string;
	records: string[];
	poNumbers: string[];
	orderFile: string;
}

interface HalfWritten {
	staging: string;
	target: string;
	timer?: NodeJS.Timeout;
}

const ECU_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class CdfReplies {
	private readonly pos: PoState[] = [];
	private readonly pending: PendingAcknowledgement[] = [];
	private readonly halfWritten = new Map<string, HalfWritten>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly log: ReplyFile[] = [];
	private readonly failures: Array<{ orderFile: string; message: string }> = [];
	private readonly stagingDir: string;
	private counters = {
		shipNotice: 5_500_000,
		invoiceFile: 5_530_000,
		invoice: 10_000_000,
		serial: 0,
		ecu: 0,
	};
	private stopped = false;

	constructor(
		private readonly host: CdfHost,
		private readonly settings: ReplySettings,
	) {
		this.stagingDir = join(dirname(host.home), `${basename(host.home)}.staging`);
	}

	get delimiters(): ReplyDelimiters {
		return this.settings.replyDelimiters;
	}

	set delimiters(mode: ReplyDelimiters) {
		this.settings.replyDelimiters = mode;
	}

	/**
	 * The host calls this for every order file it records; invalid ones get no answer. A failure
	 * to answer is kept in errors() rather than thrown, so that the client's upload still succeeds.
	 */
	orderReceived(order: ReceivedOrderFile): void {
		try {
			this.answer(order);
		} catch (error) {
			this.failures.push({ orderFile: order.name, message: (error as Error).message });
		}
	}

	/** Order files the simulator could not answer (a bug in the simulator, or data it cannot fit). */
	errors(): Array<{ orderFile: string; message: string }> {
		return [...this.failures];
	}

	private answer(order: ReceivedOrderFile): void {
		if (this.stopped || order.problems.length > 0) return;
		const now = this.settings.clock();
		const ackSettings = this.acknowledgeSettings(now);
		const decided = decideOrder(readOrderFile(order.content), order.name, ackSettings);
		if (decided.length === 0) return;
		const folder = decided.every((po) => po.test) ? 'test' : 'outgoing';
		const name = `${order.name.replace(/\.[^.]*$/, '')}.fbc`;
		const records = acknowledgementRecords(order.name, decided, ackSettings);
		const poNumbers = decided.map((po) => po.po.poNumber);

		const states = decided.map((acked): PoState => ({ acked, folder, shipped: false }));
		this.pos.push(...states);

		if (this.host.useFault('noMainframe')) {
			this.pending.push({ folder, name, records, poNumbers, orderFile: order.name });
			this.place(folder, name, NO_MAINFRAME, 'noMainframe', poNumbers, order.name);
		} else {
			const content = joinRecords(records, this.settings.replyDelimiters);
			this.place(folder, name, content, 'acknowledgement', poNumbers, order.name);
		}

		const toShip = states.filter((state) => state.acked.shippable);
		if (toShip.length === 0) return;
		const delay = this.settings.replyDelayMs;
		if (delay <= 0) this.ship(toShip);
		else if (Number.isFinite(delay)) {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				try {
					this.ship(toShip);
				} catch (error) {
					this.failures.push({ orderFile: order.name, message: (error as Error).message });
				}
			}, delay);
			this.timers.add(timer);
		}
	}

	/** Ships every acknowledged PO that has something to ship and has not shipped yet. */
	shipAll(options: { delimiters?: ReplyDelimiters } = {}): ReplyFile[] {
		return this.ship(this.pos, options.delimiters);
	}

	/** Writes the real acknowledgements that NO MAINFRAME stood in for. */
	releasePending(options: { delimiters?: ReplyDelimiters } = {}): ReplyFile[] {
		const written: ReplyFile[] = [];
		for (const ack of this.pending.splice(0)) {
			const content = joinRecords(ack.records, options.delimiters ?? this.settings.replyDelimiters);
			written.push(
				this.place(ack.folder, ack.name, content, 'acknowledgement', ack.poNumbers, ack.orderFile),
			);
		}
		return written;
	}

	/** Completes every reply left half-written by the halfWrittenReply fault; returns their paths. */
	finishWrites(): string[] {
		return [...this.halfWritten.keys()].map((target) => {
			this.finish(target);
			return target;
		});
	}

	writeReply(folder: 'outgoing' | 'test', name: string, content: string | Buffer): void {
		this.place(folder, name, content, 'other', []);
	}

	acknowledged(): AcknowledgedPo[] {
		return this.pos.map(({ acked, folder, shipped }) => ({
			poNumber: acked.po.poNumber,
			orderFile: acked.orderFile,
			folder,
			poStatus: acked.poStatus,
			lines: acked.lines.map((line) => ({
				lineReference: line.order.lineReference,
				itemNumber: line.order.itemNumber,
				status: line.status,
				quantity: line.order.quantity,
			})),
			shipped: acked.shippable ? shipped : null,
		}));
	}

	replies(): ReplyFile[] {
		return [...this.log];
	}

	async writeInventory(options: WriteInventoryOptions): Promise<WrittenInventory> {
		const date = options.date ?? this.settings.clock();
		const name = inventoryFileName(options.kind, date, options.letter ?? 'a');
		const entryName = name.replace(/\.zip$/, '.dat');
		const titles: Iterable<Partial<StockTitle>> = Array.isArray(options.titles)
			? options.titles
			: generatedTitles(options.titles.count, options.titles.seed);
		function* records(): Generator<string> {
			let n = 0;
			for (const title of titles) {
				n += 1;
				yield encodeStockRecord({ ...title, ean: title.ean ?? eanWithPrefix('979887', n) });
			}
		}
		const staging = this.stagingPath();
		const result = await writeStockZip(staging, entryName, records(), date);
		const folder = this.settings.inventoryFolder;
		const target = this.finalize(staging, join(this.host.home, folder, name));
		this.remember({
			kind: 'inventory',
			folder,
			name,
			poNumbers: [],
			writtenAt: this.settings.clock(),
		});
		return {
			name,
			entryName,
			clientPath: posix.join(this.host.inventoryClientPath, name),
			diskPath: target,
			...result,
		};
	}

	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const entry of this.halfWritten.values()) clearTimeout(entry.timer);
		this.halfWritten.clear();
		rmSync(this.stagingDir, { recursive: true, force: true });
	}

	private acknowledgeSettings(now: Date): AcknowledgeSettings {
		this.counters.ecu += 1;
		let ecu = '';
		for (let n = this.counters.ecu, i = 0; i < 5; i += 1, n = Math.floor(n / 26)) {
			ecu = ECU_LETTERS[n % 26] + ecu;
		}
		return {
			now,
			shipToPassword: this.settings.shipToPassword,
			defaultDc: this.settings.defaultDc,
			discountPercent: this.settings.discountPercent,
			ecu,
			nextToc: () => `C${String(this.nextSerial()).padStart(12, '0')}`,
		};
	}

	private nextSerial(): number {
		this.counters.serial += 1;
		return this.counters.serial;
	}

	/** Ships the given POs that can ship and have not: one .PBS and one .BIN per folder. */
	private ship(
		states: readonly PoState[],
		delimiters = this.settings.replyDelimiters,
	): ReplyFile[] {
		if (this.stopped) return [];
		const due = states.filter((state) => state.acked.shippable && !state.shipped);
		const written: ReplyFile[] = [];
		for (const folder of ['outgoing', 'test'] as const) {
			const batch = due.filter((state) => state.folder === folder);
			if (batch.length === 0) continue;
			const now = this.settings.clock();
			const shipments: Shipment[] = batch.map((state) =>
				planShipment(state.acked, {
					now,
					unitsPerBox: this.settings.unitsPerBox,
					freightPerBoxCents: this.settings.freightPerBoxCents,
					nextNumber: () => this.nextSerial(),
				}),
			);
			for (const state of batch) state.shipped = true;
			const poNumbers = batch.map((state) => state.acked.po.poNumber);
			const prefix = folder === 'test' ? 'T' : '0';

			this.counters.shipNotice += 1;
			const notice = shipNoticeRecords(shipments, {
				warehouseCode: this.settings.asnWarehouseCode,
			});
			written.push(
				this.place(
					folder,
					`${prefix}${this.counters.shipNotice}.PBS`,
					joinRecords(notice, delimiters),
					'shipNotice',
					poNumbers,
				),
			);

			this.counters.invoiceFile += 1;
			const invoice = invoiceRecords(shipments, {
				now,
				discountPercent: this.settings.discountPercent,
				fees: this.settings.invoiceFees,
				nextInvoiceNumber: () => (this.counters.invoice += 1),
			});
			written.push(
				this.place(
					folder,
					`${prefix}${this.counters.invoiceFile}.BIN`,
					joinRecords(invoice, delimiters),
					'invoice',
					poNumbers,
				),
			);
		}
		return written;
	}

	private stagingPath(): string {
		mkdirSync(this.stagingDir, { recursive: true });
		return join(this.stagingDir, `reply-${randomBytes(6).toString('hex')}`);
	}

	/** Writes a reply into a folder of the home (through staging, and the halfWrittenReply fault). */
	private place(
		folder: string,
		name: string,
		content: string | Buffer,
		kind: ReplyKind,
		poNumbers: string[],
		orderFile?: string,
	): ReplyFile {
		if (!/^[^/\\]+$/.test(name) || name === '.' || name === '..') {
			throw new Error(`Not a plain file name: ${JSON.stringify(name)}`);
		}
		const staging = this.stagingPath();
		writeFileSync(staging, content);
		this.finalize(staging, join(this.host.home, folder, name));
		return this.remember({
			kind,
			folder,
			name,
			poNumbers,
			orderFile,
			writtenAt: this.settings.clock(),
		});
	}

	private remember(reply: ReplyFile): ReplyFile {
		const index = this.log.findIndex(
			(entry) => entry.folder === reply.folder && entry.name === reply.name,
		);
		if (index >= 0) this.log.splice(index, 1);
		this.log.push(reply);
		return reply;
	}

	/**
	 * Moves a staged file to its place. Under halfWrittenReply the target first gets only the first
	 * half of the bytes; the rest arrives after holdMs or with finishWrites().
	 */
	private finalize(staging: string, target: string): string {
		if (this.halfWritten.has(target)) this.finish(target);
		const fault = this.host.useFault('halfWrittenReply');
		if (!fault) {
			renameSync(staging, target);
			return target;
		}
		copyFirstBytes(staging, target, Math.floor(statSync(staging).size / 2));
		const entry: HalfWritten = { staging, target };
		if (fault.holdMs !== undefined) {
			entry.timer = setTimeout(() => this.finish(target), fault.holdMs);
		}
		this.halfWritten.set(target, entry);
		return target;
	}

	private finish(target: string): void {
		const entry = this.halfWritten.get(target);
		if (!entry) return;
		this.halfWritten.delete(target);
		clearTimeout(entry.timer);
		renameSync(entry.staging, target);
	}
}

/** Writes the first `length` bytes of `source` to `target` (in 1 MiB pieces, for big zips). */
function copyFirstBytes(source: string, target: string, length: number): void {
	const input = openSync(source, 'r');
	const output = openSync(target, 'w');
	try {
		const buffer = Buffer.alloc(Math.min(length, 1 << 20));
		let copied = 0;
		while (copied < length) {
			const bytes = readSync(input, buffer, 0, Math.min(buffer.length, length - copied), copied);
			if (bytes === 0) break;
			writeSync(output, buffer, 0, bytes);
			copied += bytes;
		}
	} finally {
		closeSync(input);
		closeSync(output);
	}
}
