/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code, not a node */
/**
 * A stand-in for Ingram Content's Consumer Direct Fulfillment (CDF) host, for tests and for trying
 * the node by hand: one account reachable over SFTP and over FTP (optionally with explicit TLS),
 * whose home on disk has Ingram's folders incoming, outgoing, test and archive.
 *
 * Every *.fbo that lands in incoming (an upload finishing, or a temporary file renamed to *.fbo)
 * is read back, checked by validateOrderFile and listed by received(). A valid one is answered
 * like Ingram would: an acknowledgement (.fbc) at once, then a ship notice (.PBS) and an invoice
 * (.BIN) for what ships (see replies.ts for the names, scenarios.ts for what decides outcomes).
 * writeInventory() leaves StockV2 zips in the inventory folder. Faults make the host misbehave
 * the way real hosts and networks do (see CdfFault).
 *
 *   const cdf = await startCdfSimulator();
 *   // … point the credential at 127.0.0.1:cdf.sftp.port with cdf.username / cdf.password …
 *   cdf.received(); // [{ name: 'A.fbo', problems: [], … }]
 *   await cdf.stop();
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFtpServer, type RunningFtpServer } from './ftpServer';
import {
	CDF_FOLDERS,
	CdfHost,
	type CdfFault,
	type CdfFolder,
	type LoginAttempt,
	type ReceivedOrderFile,
} from './host';
import { DEFAULT_INVOICE_FEES, type InvoiceFees } from './invoice';
import { createTlsIdentity, generateSshKeyPair, sshKeyFingerprint } from './keys';
import type { ReplyDelimiters } from './records';
import {
	CdfReplies,
	type AcknowledgedPo,
	type ReplyFile,
	type WriteInventoryOptions,
	type WrittenInventory,
} from './replies';
import type { CdfDc } from './scenarios';
import { startSftpServer } from './sftpServer';

export type { CdfFault, CdfFolder, LoginAttempt, ReceivedOrderFile } from './host';
export type { ReplyDelimiters } from './records';
export type {
	AcknowledgedPo,
	ReplyFile,
	ReplyKind,
	WriteInventoryOptions,
	WrittenInventory,
} from './replies';
export { FOREIGN_ORDER_CONTENT } from './host';
export { NO_MAINFRAME } from './replies';
export { ACK_RECORD_LENGTH, THANK_YOU_MESSAGE } from './acknowledgement';
export { SHIP_NOTICE_RECORD_LENGTH, upsCheckDigit } from './shipNotice';
export { FEE_ITEMS, INVOICE_RECORD_LENGTH, type InvoiceFees } from './invoice';
export {
	STOCK_DC_SLOTS,
	STOCK_RECORD_LENGTH,
	encodeStockRecord,
	generatedTitles,
	inventoryFileName,
	type DeltaLetter,
	type InventoryKind,
	type StockTitle,
} from './inventory';
export {
	CDF_DCS,
	CDF_LINE_SCENARIOS,
	CDF_PO_SCENARIOS,
	CDF_SHIPPING_METHODS,
	catalogueEntry,
	eanWithPrefix,
	lineScenarioFor,
	type CdfDc,
	type CdfLineScenarioName,
	type CdfLineStatus,
	type CdfPoScenarioName,
	type CdfPoStatus,
} from './scenarios';
export { validateOrderFile } from './validateOrderFile';
export { sshKeyFingerprint };

export const CDF_SIMULATOR_DEFAULTS = {
	username: 'c2000001',
	password: 'cdf-secret-1',
	keyPassphrase: 'cdf-key-passphrase',
	shipToPassword: 'SHIPPW01',
	inventoryUsername: 'w2000001',
	inventoryPassword: 'inv-secret-1',
	inventoryFolder: 'Inventory',
} as const;

export interface CdfSimulatorOptions {
	username?: string;
	password?: string;
	/** The account home on disk; default test/.artifacts/cdf/<timestamp>-<random> (kept after the run). */
	artifactsDir?: string;
	/** 0 (the default) = a free port; both servers listen on 127.0.0.1 only. */
	sftpPort?: number;
	ftpPort?: number;
	/** Also offer explicit TLS (AUTH TLS) on the FTP port, with a self-signed certificate. */
	ftps?: boolean;
	/** Answer valid order files (acknowledgement, ship notice, invoice); default true. */
	answerOrders?: boolean;
	/** The ship-to password POs must carry (record 21 positions 45-52); null accepts any. Default SHIPPW01. */
	shipToPassword?: string | null;
	/** The DC lines ship from when the PO names none (record 21 position 40 blank); default 'N'. */
	defaultDc?: CdfDc;
	/** Ingram's discount off its list price, in percent; default 40. */
	discountPercent?: number;
	/**
	 * Time between the acknowledgement and the ship notice + invoice of an order file; default 0
	 * (written at once, right after the acknowledgement). Infinity: only when shipAll() is called.
	 */
	replyDelayMs?: number;
	/** What separates reply records: CRLF (default), LF, or nothing (one long line). */
	replyDelimiters?: ReplyDelimiters;
	/** Ship notice OD positions 25-26: 'letter' = DC letter + space (default), 'pair' = NV, CI, DD, EE. */
	asnWarehouseCode?: 'letter' | 'pair';
	/** Units per box: a longer line is split over several ODs with their own tracking; default 10. */
	unitsPerBox?: number;
	/** What each box costs in freight (invoice 49 shipping, OR freight charge); default 350. */
	freightPerBoxCents?: number;
	/** Fee pseudo-lines of the invoice; default 100 per PO and 65 per unit. */
	invoiceFees?: Partial<InvoiceFees>;
	/** Folder for StockV2 zips, relative to the home; default 'Inventory' (created at start). */
	inventoryFolder?: string;
	/**
	 * Ingram's separate inventory login: a password login into the same home, over SFTP and FTP.
	 * Default w2000001 / inv-secret-1.
	 */
	inventoryAccount?: { username: string; password: string };
	/** The simulator's idea of now (dates in replies, written in UTC); default the real clock. */
	clock?: () => Date;
}

export interface CdfSimulator {
	readonly host: '127.0.0.1';
	readonly username: string;
	readonly password: string;
	/** Unencrypted OpenSSH ed25519 key the SFTP server accepts for `username`. */
	readonly clientPrivateKey: string;
	/** Another accepted key, encrypted with `passphrase`. */
	readonly encryptedClientPrivateKey: { key: string; passphrase: string };
	/** hostKeyFingerprint is 'SHA256:<base64 without padding>', as OpenSSH prints it. */
	readonly sftp: { port: number; hostKeyFingerprint: string };
	/** The fingerprint clients see under the 'wrongHostKey' fault. */
	readonly otherHostKeyFingerprint: string;
	readonly ftp: { port: number; ftps: boolean; certificatePem?: string };
	/** Absolute path of the account home (holds incoming/, outgoing/, test/, archive/, Inventory/). */
	readonly home: string;
	/** The inventory login (password only), which sees the same home. */
	readonly inventoryAccount: { username: string; password: string };
	/** The inventory folder as clients see it, e.g. '/Inventory'. */
	readonly inventoryFolder: string;
	/** Every *.fbo that landed in incoming, in arrival order, with the validator's problems. */
	received(): ReceivedOrderFile[];
	/** Names currently in a folder of the home ('outgoing', 'Inventory', …), sorted. */
	files(folder: CdfFolder | (string & {})): string[];
	loginAttempts(): LoginAttempt[];
	/**
	 * Makes the host misbehave until the next setFault. With `times`, the fault acts that many
	 * times (uploads cut, logins refused, connections given the impostor key, requests delayed,
	 * listings refused) and then turns itself off, e.g. to let a client's retry succeed.
	 */
	setFault(fault: CdfFault, options?: { times?: number }): void;
	/** Leaves a reply file (acknowledgement, ship notice, invoice) as Ingram would. */
	writeReply(folder: 'outgoing' | 'test', name: string, content: string | Buffer): void;
	/** What was decided about every PO acknowledged so far, in arrival order. */
	acknowledged(): AcknowledgedPo[];
	/** Every file the simulated Ingram wrote, in the order written (latest version of each). */
	replies(): ReplyFile[];
	/** Valid order files the simulator failed to answer, with why (expected to stay empty). */
	replyErrors(): Array<{ orderFile: string; message: string }>;
	/**
	 * Writes the ship notice and invoice for every acknowledged PO that has lines to ship and has
	 * not shipped yet (one .PBS and one .BIN per folder), now. Returns the files written.
	 */
	shipAll(options?: { delimiters?: ReplyDelimiters }): ReplyFile[];
	/** Writes the real acknowledgements that the noMainframe fault replaced by NO MAINFRAME. */
	releasePending(options?: { delimiters?: ReplyDelimiters }): ReplyFile[];
	/** Completes replies left half-written by the halfWrittenReply fault; returns their disk paths. */
	finishWrites(): string[];
	/** Changes the record delimiters of replies written from now on. */
	setReplyDelimiters(mode: ReplyDelimiters): void;
	/** Writes a StockV2 zip (full or delta) into the inventory folder. */
	writeInventory(options: WriteInventoryOptions): Promise<WrittenInventory>;
	/** Closes both servers and cuts every open connection. */
	stop(): Promise<void>;
}

function defaultArtifactsDir(): string {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	return resolve(
		__dirname,
		'..',
		'.artifacts',
		'cdf',
		`${stamp}-${randomBytes(3).toString('hex')}`,
	);
}

export async function startCdfSimulator(options: CdfSimulatorOptions = {}): Promise<CdfSimulator> {
	const username = options.username ?? CDF_SIMULATOR_DEFAULTS.username;
	const password = options.password ?? CDF_SIMULATOR_DEFAULTS.password;
	const home = resolve(options.artifactsDir ?? defaultArtifactsDir());
	const inventoryFolder = options.inventoryFolder ?? CDF_SIMULATOR_DEFAULTS.inventoryFolder;
	for (const folder of [...CDF_FOLDERS, inventoryFolder]) {
		mkdirSync(join(home, folder), { recursive: true });
	}
	const inventoryAccount = options.inventoryAccount ?? {
		username: CDF_SIMULATOR_DEFAULTS.inventoryUsername,
		password: CDF_SIMULATOR_DEFAULTS.inventoryPassword,
	};

	const hostKey = generateSshKeyPair();
	const impostorHostKey = generateSshKeyPair();
	const clientKey = generateSshKeyPair();
	const encryptedClientKey = generateSshKeyPair(CDF_SIMULATOR_DEFAULTS.keyPassphrase);
	const tls = options.ftps ? createTlsIdentity() : undefined;

	const host = new CdfHost({
		home,
		username,
		password,
		authorizedKeys: [clientKey.publicKey, encryptedClientKey.publicKey],
		inventoryAccount,
		inventoryFolder,
	});
	const replies = new CdfReplies(host, {
		shipToPassword:
			options.shipToPassword === undefined
				? CDF_SIMULATOR_DEFAULTS.shipToPassword
				: options.shipToPassword,
		defaultDc: options.defaultDc ?? 'N',
		discountPercent: options.discountPercent ?? 40,
		replyDelayMs: options.replyDelayMs ?? 0,
		replyDelimiters: options.replyDelimiters ?? 'crlf',
		asnWarehouseCode: options.asnWarehouseCode ?? 'letter',
		unitsPerBox: options.unitsPerBox ?? 10,
		freightPerBoxCents: options.freightPerBoxCents ?? 350,
		invoiceFees: { ...DEFAULT_INVOICE_FEES, ...options.invoiceFees },
		inventoryFolder,
		clock: options.clock ?? (() => new Date()),
	});
	if (options.answerOrders !== false) host.onOrder = (order) => replies.orderReceived(order);
	const sftpServer = await startSftpServer({
		host,
		hostKey: hostKey.privateKey,
		impostorHostKey: impostorHostKey.privateKey,
		port: options.sftpPort ?? 0,
	});
	let ftpServer: RunningFtpServer;
	try {
		ftpServer = await startFtpServer({ host, port: options.ftpPort ?? 0, tls });
	} catch (error) {
		await sftpServer.close();
		throw error;
	}

	let stopping: Promise<void> | undefined;
	return {
		host: '127.0.0.1',
		username,
		password,
		clientPrivateKey: clientKey.privateKey,
		encryptedClientPrivateKey: {
			key: encryptedClientKey.privateKey,
			passphrase: CDF_SIMULATOR_DEFAULTS.keyPassphrase,
		},
		sftp: { port: sftpServer.port, hostKeyFingerprint: hostKey.fingerprint },
		otherHostKeyFingerprint: impostorHostKey.fingerprint,
		ftp: { port: ftpServer.port, ftps: tls !== undefined, certificatePem: tls?.cert },
		home,
		inventoryAccount,
		inventoryFolder: host.inventoryClientPath,
		received: () => [...host.received],
		files: (folder) => readdirSync(host.resolve(folder).diskPath).sort(),
		loginAttempts: () => [...host.loginAttempts],
		setFault: (fault, faultOptions) => host.setFault(fault, faultOptions?.times),
		// Written beside the home and moved in, so a client listing meanwhile never sees half a file
		// (unless the halfWrittenReply fault is set).
		writeReply: (folder, name, content) => replies.writeReply(folder, name, content),
		acknowledged: () => replies.acknowledged(),
		replies: () => replies.replies(),
		replyErrors: () => replies.errors(),
		shipAll: (shipOptions) => replies.shipAll(shipOptions),
		releasePending: (releaseOptions) => replies.releasePending(releaseOptions),
		finishWrites: () => replies.finishWrites(),
		setReplyDelimiters: (mode) => {
			replies.delimiters = mode;
		},
		writeInventory: (inventoryOptions) => replies.writeInventory(inventoryOptions),
		stop: () => {
			stopping ??= (async () => {
				replies.stop();
				host.stop();
				await Promise.all([sftpServer.close(), ftpServer.close()]);
			})();
			return stopping;
		},
	};
}
