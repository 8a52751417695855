/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * What the SFTP and FTP sides of the CDF simulator share: the account (login and keys), the home
 * folder on disk and how client paths map into it, the fault in force, and the records tests read
 * (order files received, login attempts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { utils, type ParsedKey } from 'ssh2';
import { validateOrderFile } from './validateOrderFile';

export const CDF_FOLDERS = ['incoming', 'outgoing', 'test', 'archive'] as const;
export type CdfFolder = (typeof CDF_FOLDERS)[number];
export type CdfProtocol = 'sftp' | 'ftp';

export type CdfFault =
	| { kind: 'none' }
	/** The connection is cut after the first data of an upload into incoming arrives. */
	| { kind: 'dropMidUpload' }
	/** A rename of a temporary file to *.fbo in incoming is done, then the connection is cut. */
	| { kind: 'dropAfterRename' }
	/** Every login is refused, right password or key included. */
	| { kind: 'wrongPassword' }
	/** SFTP connections meet a server with another host key. */
	| { kind: 'wrongHostKey' }
	/** Every SFTP request and FTP command is answered only after delayMs. */
	| { kind: 'slow'; delayMs: number }
	/** Listing incoming is refused (permission denied); everything else works. */
	| { kind: 'refuseFolderListing' }
	/**
	 * The next acknowledgement (.fbc) is written with the content `NO MAINFRAME` (Ingram's order
	 * system was down); releasePending() later writes the real acknowledgement over it.
	 */
	| { kind: 'noMainframe' }
	/**
	 * The next reply file (acknowledgement, ship notice, invoice, writeReply, inventory zip) shows
	 * only the first half of its content, like a file still being written, until `holdMs` have
	 * passed or finishWrites() is called (without `holdMs`, only finishWrites() completes it).
	 */
	| { kind: 'halfWrittenReply'; holdMs?: number }
	/**
	 * A download from outgoing, test or the inventory folder gets the first chunk (at most half of
	 * the file), then the connection is cut.
	 */
	| { kind: 'dropDuringDownload' }
	/**
	 * When an upload into incoming under a temporary name (`<name>.fbo.<tag>`) starts, a file named
	 * `<name>.fbo` appears there first, as if another client had just delivered an order under the
	 * same name. Its content is FOREIGN_ORDER_CONTENT; it is not recorded as received. With
	 * `oncePerConnection`, a connection meets it at most once (a client that tries another name
	 * gets it), so that `times` is the number of clients that meet it.
	 */
	| { kind: 'nameTaken'; oncePerConnection?: boolean };

export const FOREIGN_ORDER_CONTENT = 'another client delivered this file first\r\n';

export type CdfFaultKind = CdfFault['kind'];

export interface ReceivedOrderFile {
	name: string;
	protocol: CdfProtocol;
	content: string;
	problems: string[];
	receivedAt: Date;
}

export interface LoginAttempt {
	protocol: CdfProtocol;
	/** SSH's method name ('password', 'publickey', 'none', …); always 'password' for FTP. */
	method: 'password' | 'publickey' | 'none' | string;
	username: string;
	ok: boolean;
	/** Which SFTP host key the client was shown; FTP has none and is always 'real'. */
	hostKey: 'real' | 'impostor';
}

/** A client's path resolved inside the account home. */
export interface HomePath {
	/** As the client sees it: absolute, '/' being the home (e.g. '/incoming/A.fbo'). */
	clientPath: string;
	diskPath: string;
}

/** A path that would climb out of the account home ('..' past its root). */
export class OutsideHomeError extends Error {
	readonly code = 'EACCES';

	constructor(path: string) {
		super(`Permission denied: ${path} is outside the account home`);
	}
}

interface CdfHostSettings {
	home: string;
	username: string;
	password: string;
	/** OpenSSH public keys allowed to log in as `username`. */
	authorizedKeys: string[];
	/** A second password login (Ingram's separate inventory account) into the same home. */
	inventoryAccount: { username: string; password: string };
	/** The inventory folder, relative to the home (e.g. 'Inventory'). */
	inventoryFolder: string;
}

export class CdfHost {
	readonly home: string;
	readonly username: string;
	readonly password: string;
	readonly inventoryAccount: { username: string; password: string };
	/** The inventory folder as clients see it, e.g. '/Inventory'. */
	readonly inventoryClientPath: string;
	readonly received: ReceivedOrderFile[] = [];
	/** Called with every order file recorded (the simulated Ingram answers valid ones). */
	onOrder?: (order: ReceivedOrderFile) => void;
	readonly loginAttempts: LoginAttempt[] = [];
	private readonly authorizedKeys: ParsedKey[];
	private fault: CdfFault = { kind: 'none' };
	/** How many more times the fault acts before the host behaves again (Infinity = until reset). */
	private faultUsesLeft = Infinity;
	/** Connections that have met the nameTaken fault. */
	private readonly nameTakenOn = new WeakSet<object>();
	private readonly pendingDelays = new Set<NodeJS.Timeout>();

	constructor(settings: CdfHostSettings) {
		this.home = settings.home;
		this.username = settings.username;
		this.password = settings.password;
		this.inventoryAccount = settings.inventoryAccount;
		this.inventoryClientPath = this.resolve(settings.inventoryFolder).clientPath;
		this.authorizedKeys = settings.authorizedKeys.map((key) => {
			const parsed = utils.parseKey(key);
			if (parsed instanceof Error) throw parsed;
			return parsed;
		});
	}

	/**
	 * Maps a client path to disk. Relative paths start at `cwd`; '.', '..' and repeated slashes are
	 * resolved the way a shell would, but a '..' above the home is refused rather than clamped, so a
	 * client that builds a wrong path learns about it.
	 */
	resolve(path: string, cwd = '/'): HomePath {
		const normalised = path.replace(/\\/g, '/');
		const segments = normalised.startsWith('/') ? [] : cwd.split('/').filter(Boolean);
		for (const part of normalised.split('/')) {
			if (part === '' || part === '.') continue;
			if (part === '..') {
				if (segments.length === 0) throw new OutsideHomeError(path);
				segments.pop();
				continue;
			}
			segments.push(part);
		}
		return { clientPath: `/${segments.join('/')}`, diskPath: join(this.home, ...segments) };
	}

	isInIncoming(clientPath: string): boolean {
		return posix.dirname(clientPath) === '/incoming';
	}

	/** Only *.fbo files directly in incoming are orders; temporary names there are not. */
	isOrderInIncoming(clientPath: string): boolean {
		return this.isInIncoming(clientPath) && /\.fbo$/i.test(clientPath);
	}

	/**
	 * Called as an upload on `connection` (any object standing for it) opens `clientPath`: acts
	 * out the nameTaken fault for it.
	 */
	uploadStarting(clientPath: string, connection: object): void {
		if (!this.isInIncoming(clientPath) || this.isOrderInIncoming(clientPath)) return;
		const orderName = /^(.+\.fbo)\./i.exec(posix.basename(clientPath))?.[1];
		if (!orderName || this.fault.kind !== 'nameTaken') return;
		if (this.fault.oncePerConnection && this.nameTakenOn.has(connection)) return;
		this.nameTakenOn.add(connection);
		this.useFault('nameTaken');
		const target = this.resolve(`/incoming/${orderName}`);
		if (!existsSync(target.diskPath)) writeFileSync(target.diskPath, FOREIGN_ORDER_CONTENT);
	}

	/** The home, its four folders and the inventory folder cannot be removed or renamed. */
	isAccountFolder(clientPath: string): boolean {
		return (
			clientPath === '/' ||
			clientPath === this.inventoryClientPath ||
			CDF_FOLDERS.some((folder) => clientPath === `/${folder}`)
		);
	}

	/** Files Ingram leaves for the client: in outgoing, test or the inventory folder. */
	isReplyFile(clientPath: string): boolean {
		const folder = posix.dirname(clientPath);
		return folder === '/outgoing' || folder === '/test' || folder === this.inventoryClientPath;
	}

	/** Password logins: the CDF account, or the inventory account. */
	passwordMatches(username: string, password: string): boolean {
		if (username === this.username) return password === this.password;
		const inventory = this.inventoryAccount;
		return username === inventory.username && password === inventory.password;
	}

	isKnownUser(username: string): boolean {
		return username === this.username || username === this.inventoryAccount.username;
	}

	/** The authorized key with this public blob (compared by blob: RSA keys sign as rsa-sha2-*). */
	authorizedKey(publicKeyBlob: Buffer): ParsedKey | undefined {
		return this.authorizedKeys.find((key) => key.getPublicSSH().equals(publicKeyBlob));
	}

	recordLogin(attempt: LoginAttempt): void {
		this.loginAttempts.push(attempt);
	}

	/** Reads the order file the client just let go of, validates it and keeps it in `received`. */
	recordOrder(path: HomePath, protocol: CdfProtocol): ReceivedOrderFile {
		const name = posix.basename(path.clientPath);
		const content = readFileSync(path.diskPath, 'utf8');
		const order: ReceivedOrderFile = {
			name,
			protocol,
			content,
			problems: validateOrderFile(content, name),
			receivedAt: new Date(),
		};
		this.received.push(order);
		this.onOrder?.(order);
		return order;
	}

	setFault(fault: CdfFault, times = Infinity): void {
		this.fault = fault;
		this.faultUsesLeft = fault.kind === 'none' ? Infinity : times;
	}

	/**
	 * Whether the fault `kind` is in force; if so it counts as used once (a fault set for `times`
	 * uses turns itself off after the last one). Call only where the fault is about to act.
	 */
	useFault<K extends CdfFaultKind>(kind: K): Extract<CdfFault, { kind: K }> | undefined {
		const fault = this.fault;
		if (fault.kind !== kind) return undefined;
		this.faultUsesLeft -= 1;
		if (this.faultUsesLeft <= 0) this.setFault({ kind: 'none' });
		return fault as Extract<CdfFault, { kind: K }>;
	}

	/** Resolves after the 'slow' fault's delay (at once without it); never resolves after stop(). */
	slowDown(): Promise<void> {
		const slow = this.useFault('slow');
		if (!slow || slow.delayMs <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.pendingDelays.delete(timer);
				resolve();
			}, slow.delayMs);
			this.pendingDelays.add(timer);
		});
	}

	/** Drops the delayed answers still waiting, so that stop() does not wait for them. */
	stop(): void {
		for (const timer of this.pendingDelays) clearTimeout(timer);
		this.pendingDelays.clear();
		this.setFault({ kind: 'none' });
	}
}
