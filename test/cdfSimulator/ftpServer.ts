/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The FTP side of the CDF simulator: ftp-srv serving the same account home, with explicit TLS
 * (AUTH TLS) when a certificate is given. ftp-srv does the protocol; the file system below decides
 * what the host does with paths, uploads, renames and listings, and where faults act.
 *
 * ftp-srv is reached into in a few places (marked), because it was written as a standalone
 * server: it hooks the process's signals to exit, leaves a one-second timer behind for every
 * closed connection, and picks passive ports by probing a range.
 */
import type { EventEmitter } from 'node:events';
import { closeSync, createReadStream, openSync, readSync, writeSync, type Stats } from 'node:fs';
import { mkdir, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import type { Server as NetServer, Socket } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';
import type { CdfHost, HomePath } from './host';
import type { TlsIdentity } from './keys';

export interface FtpServerSettings {
	host: CdfHost;
	port: number;
	/** Offer AUTH TLS with this certificate; plain FTP only without it. */
	tls?: TlsIdentity;
}

export interface RunningFtpServer {
	port: number;
	close(): Promise<void>;
}

/** The parts of ftp-srv's connection object its type declarations leave out. */
interface ConnectionInternals {
	id: string;
	/** The control socket; replaced by a TLS socket after AUTH TLS. */
	commandSocket: Socket;
	commands: { handle(command: unknown): PromiseLike<unknown> };
	connector?: { dataSocket?: Socket | null; dataServer?: NetServer | null };
}

/** The parts of ftp-srv's server object its type declarations leave out. */
interface ServerInternals {
	server: NetServer;
	connections: Record<string, ConnectionInternals>;
	getNextPasvPort: () => PromiseLike<number>;
	disconnectClient: (id: string) => PromiseLike<unknown>;
}

/** ftp-srv logs through bunyan to stdout by default; the simulator stays quiet. */
const silentLogger = {
	child: () => silentLogger,
	trace: () => {},
	debug: () => {},
	info: () => {},
	warn: () => {},
	error: () => {},
	fatal: () => {},
};

const SIGNALS_FTP_SRV_HOOKS = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;

function dropConnection(connection: ConnectionInternals, rawSocket: Socket | undefined): void {
	connection.connector?.dataSocket?.destroy();
	connection.connector?.dataServer?.close();
	connection.commandSocket.destroy();
	rawSocket?.destroy();
}

export async function startFtpServer(settings: FtpServerSettings): Promise<RunningFtpServer> {
	const { host } = settings;
	const signalListenersBefore = SIGNALS_FTP_SRV_HOOKS.map((signal) => process.listeners(signal));
	const ftpServer = new FtpSrv({
		url: `ftp://127.0.0.1:${settings.port}`,
		pasv_url: '127.0.0.1',
		tls: settings.tls ? { key: settings.tls.key, cert: settings.tls.cert } : false,
		anonymous: false,
		greeting: 'Ingram Content CDF simulator',
		log: silentLogger,
	});
	// [ftp-srv] It makes Ctrl-C exit the process; the simulator's owner decides that.
	SIGNALS_FTP_SRV_HOOKS.forEach((signal, index) => {
		for (const listener of process.listeners(signal)) {
			if (!signalListenersBefore[index].includes(listener)) process.off(signal, listener);
		}
	});
	const internals = ftpServer as unknown as ServerInternals;
	// [ftp-srv] Passive data ports: let the OS choose a free one (no probing, no clashes between
	// simulators running side by side).
	internals.getNextPasvPort = () => Promise.resolve(0);
	// [ftp-srv] Its own version arms a 1-second timer per closed connection, which keeps the
	// process (and Jest) alive after stop().
	internals.disconnectClient = (id) => {
		const connection = internals.connections[id];
		delete internals.connections[id];
		connection?.commandSocket.destroy();
		return Promise.resolve();
	};

	const rawSockets = new Set<Socket>();
	const rawSocketOf = new Map<string, Socket>();
	internals.server.on('connection', (socket: Socket) => {
		socket.setNoDelay(true); // replies are small; do not hold them back for ACKs
		rawSockets.add(socket);
		socket.once('close', () => rawSockets.delete(socket));
	});

	(ftpServer as unknown as EventEmitter).on(
		'connect',
		({ connection }: { connection: ConnectionInternals }) => {
			const rawSocket = connection.commandSocket;
			rawSocketOf.set(connection.id, rawSocket);
			rawSocket.once('close', () => rawSocketOf.delete(connection.id));
			// Every command waits out the 'slow' fault before ftp-srv sees it.
			const { commands } = connection;
			const handle = commands.handle.bind(commands);
			commands.handle = (command) => host.slowDown().then(() => handle(command));
		},
	);

	ftpServer.on('login', ({ connection, username, password }, resolve, reject) => {
		const refused = host.useFault('wrongPassword') !== undefined;
		const ok = !refused && host.passwordMatches(username, password);
		host.recordLogin({ protocol: 'ftp', method: 'password', username, ok, hostKey: 'real' });
		if (!ok) {
			reject(new Error('Login incorrect'));
			return;
		}
		const internalsOfConnection = connection as unknown as ConnectionInternals;
		const drop = () =>
			dropConnection(internalsOfConnection, rawSocketOf.get(internalsOfConnection.id));
		resolve({ fs: new CdfFtpFileSystem(connection, host, drop) });
	});

	await ftpServer.listen();
	return {
		port: (internals.server.address() as { port: number }).port,
		close: () =>
			new Promise<void>((resolve) => {
				internals.server.close(() => resolve());
				for (const connection of Object.values(internals.connections)) {
					dropConnection(connection, rawSocketOf.get(connection.id));
				}
				for (const socket of rawSockets) socket.destroy();
			}),
	};
}

/** Thrown where FTP should answer with an error; ftp-srv sends the message to the client. */
function refusal(message: string): Error {
	return new Error(message);
}

type NamedStats = Stats & { name: string };

/** The account home as ftp-srv sees it; `directory` is the client's current folder. */
class CdfFtpFileSystem extends FileSystem {
	private directory = '/';

	constructor(
		connection: FtpConnection,
		private readonly host: CdfHost,
		private readonly drop: () => void,
	) {
		super(connection, { root: host.home, cwd: '/' });
	}

	private resolvePath(path = '.'): HomePath {
		return this.host.resolve(path, this.directory);
	}

	currentDirectory(): string {
		return this.directory;
	}

	async get(fileName: string): Promise<NamedStats> {
		const stats = await stat(this.resolvePath(fileName).diskPath);
		return Object.assign(stats, { name: fileName });
	}

	async list(path = '.'): Promise<NamedStats[]> {
		const resolved = this.resolvePath(path);
		if (resolved.clientPath === '/incoming' && this.host.useFault('refuseFolderListing')) {
			throw refusal('Permission denied');
		}
		const entries: NamedStats[] = [];
		for (const name of (await readdir(resolved.diskPath)).sort()) {
			const stats = await stat(this.host.resolve(name, resolved.clientPath).diskPath).catch(
				() => undefined,
			);
			if (stats) entries.push(Object.assign(stats, { name }));
		}
		return entries;
	}

	async chdir(path = '.'): Promise<string> {
		const resolved = this.resolvePath(path);
		if (!(await stat(resolved.diskPath)).isDirectory()) throw refusal('Not a directory');
		this.directory = resolved.clientPath;
		return this.directory;
	}

	/**
	 * Uploads are written synchronously as the data arrives, so that when ftp-srv answers 226 the
	 * file is complete and, for an order in incoming, already recorded.
	 */
	write(
		fileName: string,
		{ append = false, start }: { append?: boolean; start?: number } = {},
	): { stream: Writable; clientPath: string } {
		const path = this.resolvePath(fileName);
		const { host, drop } = this;
		host.uploadStarting(path.clientPath, this);
		const descriptor = openSync(path.diskPath, append ? 'a' : start ? 'r+' : 'w');
		let position: number | null = append ? null : (start ?? 0);
		let firstChunk = true;
		let open = true;
		const letGo = () => {
			if (!open) return;
			open = false;
			closeSync(descriptor);
			if (host.isOrderInIncoming(path.clientPath)) host.recordOrder(path, 'ftp');
		};
		const stream = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				const dropNow =
					firstChunk && host.isInIncoming(path.clientPath) && host.useFault('dropMidUpload');
				firstChunk = false;
				// Under the fault half of the first chunk reaches the disk, so the file is visibly partial.
				const length = dropNow ? Math.ceil(chunk.length / 2) : chunk.length;
				writeSync(descriptor, chunk, 0, length, position);
				if (position !== null) position += length;
				if (!dropNow) return callback();
				letGo();
				drop();
				callback(new Error('Connection dropped (simulated fault)'));
			},
			final(callback) {
				letGo();
				callback();
			},
			destroy(error, callback) {
				letGo();
				callback(error);
			},
		});
		// [ftp-srv] It signals the end of an upload by emitting 'close' on the stream.
		stream.once('close', () => stream.end());
		return { stream, clientPath: path.clientPath };
	}

	async read(
		fileName: string,
		{ start }: { start?: number } = {},
	): Promise<{ stream: NodeJS.ReadableStream; clientPath: string }> {
		const path = this.resolvePath(fileName);
		const stats = await stat(path.diskPath);
		if (stats.isDirectory()) throw refusal('Is a directory');
		if (this.host.isReplyFile(path.clientPath) && this.host.useFault('dropDuringDownload')) {
			return {
				stream: this.partThenDrop(path, start ?? 0, stats.size),
				clientPath: path.clientPath,
			};
		}
		return { stream: createReadStream(path.diskPath, { start }), clientPath: path.clientPath };
	}

	/**
	 * A download stream that gives at most half of the file, waits until the data socket has sent
	 * it, then cuts the connection (the transfer never completes).
	 */
	private partThenDrop(path: HomePath, start: number, size: number): Readable {
		const part = Math.ceil(Math.max(0, size - start) / 2);
		const data = Buffer.alloc(part);
		if (part > 0) {
			const descriptor = openSync(path.diskPath, 'r');
			try {
				readSync(descriptor, data, 0, part, start);
			} finally {
				closeSync(descriptor);
			}
		}
		const connection = this.connection as unknown as ConnectionInternals;
		const { drop } = this;
		let pushed = false;
		return new Readable({
			read() {
				if (pushed) return;
				pushed = true;
				if (part > 0) this.push(data);
				const deadline = Date.now() + 500;
				const dropWhenSent = () => {
					const socket = connection.connector?.dataSocket;
					const pending = socket ? socket.writableLength : 0;
					if (pending > 0 && Date.now() < deadline) setTimeout(dropWhenSent, 5);
					else drop();
				};
				setTimeout(dropWhenSent, 20);
			},
		});
	}

	async delete(path: string): Promise<void> {
		const resolved = this.resolvePath(path);
		if (this.host.isAccountFolder(resolved.clientPath)) throw refusal('Permission denied');
		if ((await stat(resolved.diskPath)).isDirectory()) await rmdir(resolved.diskPath);
		else await unlink(resolved.diskPath);
	}

	async mkdir(path: string): Promise<string> {
		const resolved = this.resolvePath(path);
		await mkdir(resolved.diskPath, { recursive: true });
		return resolved.clientPath;
	}

	/** Like the SFTP side, an existing target is refused rather than replaced. */
	async rename(from: string, to: string): Promise<void> {
		const source = this.resolvePath(from);
		const target = this.resolvePath(to);
		if (this.host.isAccountFolder(source.clientPath)) throw refusal('Permission denied');
		if (await stat(target.diskPath).catch(() => undefined)) {
			throw refusal('Target already exists');
		}
		await rename(source.diskPath, target.diskPath);
		const becameOrder =
			this.host.isOrderInIncoming(target.clientPath) &&
			!this.host.isOrderInIncoming(source.clientPath);
		if (!becameOrder) return;
		this.host.recordOrder(target, 'ftp');
		if (this.host.useFault('dropAfterRename')) {
			this.drop();
			throw refusal('Connection dropped (simulated fault)');
		}
	}

	/** SITE CHMOD is accepted and ignored. */
	async chmod(): Promise<void> {}

	getUniqueName(): string {
		return `upload-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	}
}
