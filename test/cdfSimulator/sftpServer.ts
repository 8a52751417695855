/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The SFTP side of the CDF simulator: an ssh2 server with password and publickey logins and the
 * SFTP requests a client such as ssh2-sftp-client sends, served from the account home.
 *
 * A plain TCP listener accepts every connection and hands it to one of two ssh2 servers: the
 * real one, or, under the 'wrongHostKey' fault, an impostor with another host key (what a client
 * meets when DNS or the network is hijacked). Owning the sockets also lets faults and stop() cut
 * connections at once.
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import {
	mkdir,
	open,
	readdir,
	rename,
	rmdir,
	stat,
	unlink,
	type FileHandle,
} from 'node:fs/promises';
import type { Stats } from 'node:fs';
import {
	Server as SshServer,
	utils,
	type Attributes,
	type AuthContext,
	type Connection,
	type FileEntry,
	type SFTPWrapper,
} from 'ssh2';
import { OutsideHomeError, type CdfHost, type HomePath } from './host';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;
const AUTH_METHODS: Array<'password' | 'publickey'> = ['password', 'publickey'];

type HostKeyRole = 'real' | 'impostor';

export interface SftpServerSettings {
	host: CdfHost;
	hostKey: string;
	impostorHostKey: string;
	port: number;
}

export interface RunningSftpServer {
	port: number;
	close(): Promise<void>;
}

export async function startSftpServer(settings: SftpServerSettings): Promise<RunningSftpServer> {
	const { host } = settings;
	const sockets = new Set<Socket>();
	/** ssh2 reports a client's remote address, not its socket: this finds the socket again. */
	const socketsByRemote = new Map<string, Socket>();
	const remoteKey = (address: string | undefined, port: number | undefined) => `${address}:${port}`;

	const sshServerFor = (role: HostKeyRole, hostKey: string) =>
		new SshServer({ hostKeys: [hostKey] }, (client, info) => {
			const socket = socketsByRemote.get(remoteKey(info.ip, info.port));
			serveClient(host, client, role, () => socket?.destroy());
		});
	const realServer = sshServerFor('real', settings.hostKey);
	const impostorServer = sshServerFor('impostor', settings.impostorHostKey);

	const listener: NetServer = createServer((socket) => {
		sockets.add(socket);
		const key = remoteKey(socket.remoteAddress, socket.remotePort);
		socketsByRemote.set(key, socket);
		socket.on('error', () => {}); // a client vanishing is not the simulator's problem
		// Without it Nagle's algorithm holds each small SSH reply back ~40 ms for the client's ACK.
		socket.setNoDelay(true);
		socket.once('close', () => {
			sockets.delete(socket);
			socketsByRemote.delete(key);
		});
		const impostor = host.useFault('wrongHostKey') !== undefined;
		(impostor ? impostorServer : realServer).injectSocket(socket);
	});

	await new Promise<void>((resolve, reject) => {
		listener.once('error', reject);
		listener.listen(settings.port, '127.0.0.1', () => {
			listener.off('error', reject);
			resolve();
		});
	});

	return {
		port: (listener.address() as { port: number }).port,
		close: () =>
			new Promise<void>((resolve) => {
				listener.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}

function serveClient(
	host: CdfHost,
	client: Connection,
	role: HostKeyRole,
	dropConnection: () => void,
): void {
	client.on('error', () => {}); // resets and aborted handshakes end the connection anyway
	client.on('authentication', (context) => authenticate(host, context, role));
	client.on('ready', () => {
		client.on('session', (acceptSession) => {
			const session = acceptSession();
			session.on('sftp', (acceptSftp) => {
				const sftp = acceptSftp();
				const subsystem = new SftpSubsystem(sftp, host, dropConnection);
				// OpenSSH's sftp ends a session by closing its side and waiting for the server's.
				sftp.once('end', () => sftp.end());
				client.once('close', () => void subsystem.connectionClosed());
			});
		});
	});
}

function authenticate(host: CdfHost, context: AuthContext, role: HostKeyRole): void {
	const attempt = { protocol: 'sftp' as const, username: context.username, hostKey: role };
	const rightUser = context.username === host.username;

	if (context.method === 'publickey' && !context.signature) {
		// The client only asks whether this key would do; the signed attempt follows if so.
		const known = rightUser && host.authorizedKey(context.key.data) !== undefined;
		if (known && !host.useFault('wrongPassword')) return context.accept();
		host.recordLogin({ ...attempt, method: 'publickey', ok: false });
		return context.reject(AUTH_METHODS);
	}

	let ok = false;
	if (context.method === 'password' || context.method === 'publickey') {
		const refused = host.useFault('wrongPassword') !== undefined;
		if (!refused && context.method === 'password') {
			ok = host.passwordMatches(context.username, context.password);
		}
		if (!refused && rightUser && context.method === 'publickey') {
			const key = host.authorizedKey(context.key.data);
			const { blob, signature, hashAlgo } = context;
			ok = !!key && !!blob && !!signature && key.verify(blob, signature, hashAlgo) === true;
		}
	}
	host.recordLogin({ ...attempt, method: context.method, ok });
	if (ok) context.accept();
	else context.reject(AUTH_METHODS);
}

/** An SFTP status to answer with, thrown by the request handlers. */
class SftpStatus extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function statusOf(error: unknown): SftpStatus {
	if (error instanceof SftpStatus) return error;
	if (error instanceof OutsideHomeError) {
		return new SftpStatus(STATUS_CODE.PERMISSION_DENIED, error.message);
	}
	const { code, message } = error as NodeJS.ErrnoException;
	if (code === 'ENOENT') return new SftpStatus(STATUS_CODE.NO_SUCH_FILE, 'No such file');
	if (code === 'EACCES' || code === 'EPERM') {
		return new SftpStatus(STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
	}
	return new SftpStatus(STATUS_CODE.FAILURE, message ?? 'Failure');
}

function attributesOf(stats: Stats): Attributes {
	return {
		mode: stats.mode,
		uid: stats.uid,
		gid: stats.gid,
		size: stats.size,
		atime: Math.floor(stats.atimeMs / 1000),
		mtime: Math.floor(stats.mtimeMs / 1000),
	};
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An `ls -l` line: clients such as ssh2-sftp-client read the entry type and rights from it. */
function longName(name: string, stats: Stats, owner: string): string {
	const type = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : '-';
	const rights = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x']
		.map((letter, bit) => (stats.mode & (1 << (8 - bit)) ? letter : '-'))
		.join('');
	const modified = stats.mtime;
	const date = `${MONTHS[modified.getMonth()]} ${String(modified.getDate()).padStart(2)} ${String(
		modified.getHours(),
	).padStart(2, '0')}:${String(modified.getMinutes()).padStart(2, '0')}`;
	return `${type}${rights} 1 ${owner} ${owner} ${String(stats.size).padStart(8)} ${date} ${name}`;
}

type OpenHandle =
	| {
			kind: 'file';
			file: FileHandle;
			path: HomePath;
			writable: boolean;
			append: boolean;
			writes: number;
			reads: number;
	  }
	| { kind: 'directory'; path: HomePath; listed: boolean };

/** One SFTP session: its open handles and the answers to its requests. */
class SftpSubsystem {
	private readonly handles = new Map<number, OpenHandle>();
	private nextHandle = 1;
	private closed = false;
	/** Set when a fault is about to cut the connection: requests still coming are not answered. */
	private dropping = false;

	constructor(
		private readonly sftp: SFTPWrapper,
		private readonly host: CdfHost,
		private readonly dropConnection: () => void,
	) {
		sftp.on('REALPATH', (id, path) => this.run(id, () => this.realPath(id, path)));
		sftp.on('STAT', (id, path) => this.run(id, () => this.stat(id, path)));
		sftp.on('LSTAT', (id, path) => this.run(id, () => this.stat(id, path)));
		sftp.on('FSTAT', (id, handle) => this.run(id, () => this.fstat(id, handle)));
		sftp.on('OPENDIR', (id, path) => this.run(id, () => this.openDirectory(id, path)));
		sftp.on('READDIR', (id, handle) => this.run(id, () => this.readDirectory(id, handle)));
		sftp.on('OPEN', (id, path, flags) => this.run(id, () => this.open(id, path, flags)));
		sftp.on('READ', (id, handle, offset, length) =>
			this.run(id, () => this.read(id, handle, offset, length)),
		);
		sftp.on('WRITE', (id, handle, offset, data) =>
			this.run(id, () => this.write(id, handle, offset, data)),
		);
		sftp.on('CLOSE', (id, handle) => this.run(id, () => this.close(id, handle)));
		sftp.on('RENAME', (id, from, to) => this.run(id, () => this.rename(id, from, to)));
		sftp.on('REMOVE', (id, path) => this.run(id, () => this.remove(id, path)));
		sftp.on('MKDIR', (id, path) => this.run(id, () => this.makeDirectory(id, path)));
		sftp.on('RMDIR', (id, path) => this.run(id, () => this.removeDirectory(id, path)));
		sftp.on('SETSTAT', (id, path) => this.run(id, () => this.setStat(id, path)));
		sftp.on('FSETSTAT', (id, handle) => this.run(id, () => this.setHandleStat(id, handle)));
		sftp.on('READLINK', (id) => this.unsupported(id));
		sftp.on('SYMLINK', (id) => this.unsupported(id));
		sftp.on('EXTENDED', (id) => this.unsupported(id));
	}

	/**
	 * When the connection ends with files still open, they are closed as the server process would,
	 * and an order file left in incoming counts as received (Ingram's pickup would see it).
	 */
	async connectionClosed(): Promise<void> {
		this.closed = true;
		const open = [...this.handles.values()];
		this.handles.clear();
		for (const entry of open) {
			if (entry.kind !== 'file') continue;
			await entry.file.close().catch(() => {});
			if (entry.writable && this.host.isOrderInIncoming(entry.path.clientPath)) {
				this.host.recordOrder(entry.path, 'sftp');
			}
		}
	}

	/**
	 * Answers a request after the 'slow' fault's delay, turning thrown errors into a status. Once
	 * the connection is closed (or being cut by a fault) requests still queued are left unanswered.
	 */
	private run(id: number, work: () => Promise<void>): void {
		this.host
			.slowDown()
			.then(() => (this.closed || this.dropping ? undefined : work()))
			.catch((error) => {
				const { status, message } = statusOf(error);
				this.reply(() => this.sftp.status(id, status, message));
			});
	}

	private reply(send: () => void): void {
		if (this.closed) return;
		try {
			send();
		} catch {
			// the channel closed between the request and the answer
		}
	}

	private ok(id: number): void {
		this.reply(() => this.sftp.status(id, STATUS_CODE.OK));
	}

	private unsupported(id: number): void {
		this.reply(() => this.sftp.status(id, STATUS_CODE.OP_UNSUPPORTED, 'Operation unsupported'));
	}

	private handle(handle: Buffer): OpenHandle {
		const entry = handle.length === 4 ? this.handles.get(handle.readUInt32BE(0)) : undefined;
		if (!entry) throw new SftpStatus(STATUS_CODE.FAILURE, 'Invalid handle');
		return entry;
	}

	private fileHandle(handle: Buffer) {
		const entry = this.handle(handle);
		if (entry.kind !== 'file') throw new SftpStatus(STATUS_CODE.FAILURE, 'Not a file handle');
		return entry;
	}

	private addHandle(entry: OpenHandle): Buffer {
		const number = this.nextHandle++;
		this.handles.set(number, entry);
		const handle = Buffer.alloc(4);
		handle.writeUInt32BE(number, 0);
		return handle;
	}

	private async realPath(id: number, path: string): Promise<void> {
		const { clientPath } = this.host.resolve(path);
		this.reply(() =>
			this.sftp.name(id, [{ filename: clientPath, longname: clientPath, attrs: {} as Attributes }]),
		);
	}

	private async stat(id: number, path: string): Promise<void> {
		const stats = await stat(this.host.resolve(path).diskPath);
		this.reply(() => this.sftp.attrs(id, attributesOf(stats)));
	}

	private async fstat(id: number, handle: Buffer): Promise<void> {
		const stats = await this.fileHandle(handle).file.stat();
		this.reply(() => this.sftp.attrs(id, attributesOf(stats)));
	}

	private async openDirectory(id: number, path: string): Promise<void> {
		const resolved = this.host.resolve(path);
		if (!(await stat(resolved.diskPath)).isDirectory()) {
			throw new SftpStatus(STATUS_CODE.FAILURE, 'Not a directory');
		}
		if (resolved.clientPath === '/incoming' && this.host.useFault('refuseFolderListing')) {
			throw new SftpStatus(STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
		}
		const handle = this.addHandle({ kind: 'directory', path: resolved, listed: false });
		this.reply(() => this.sftp.handle(id, handle));
	}

	/** The whole listing in one answer, then end-of-file on the next call. */
	private async readDirectory(id: number, handle: Buffer): Promise<void> {
		const entry = this.handle(handle);
		if (entry.kind !== 'directory') throw new SftpStatus(STATUS_CODE.FAILURE, 'Not a directory');
		if (entry.listed) throw new SftpStatus(STATUS_CODE.EOF, 'End of directory');
		entry.listed = true;
		const names: FileEntry[] = [];
		for (const name of (await readdir(entry.path.diskPath)).sort()) {
			const stats = await stat(this.host.resolve(name, entry.path.clientPath).diskPath).catch(
				() => undefined,
			);
			if (!stats) continue; // removed while listing
			names.push({
				filename: name,
				longname: longName(name, stats, this.host.username),
				attrs: attributesOf(stats),
			});
		}
		if (names.length === 0) throw new SftpStatus(STATUS_CODE.EOF, 'End of directory');
		this.reply(() => this.sftp.name(id, names));
	}

	private async open(id: number, path: string, flags: number): Promise<void> {
		const resolved = this.host.resolve(path);
		const mode = utils.sftp.flagsToString(flags);
		if (!mode) throw new SftpStatus(STATUS_CODE.FAILURE, 'Unsupported open flags');
		const existing = await stat(resolved.diskPath).catch(() => undefined);
		if (existing?.isDirectory()) throw new SftpStatus(STATUS_CODE.FAILURE, 'Is a directory');
		const writable = (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND)) !== 0;
		if (writable) this.host.uploadStarting(resolved.clientPath, this);
		const file = await open(resolved.diskPath, mode, 0o644);
		const handle = this.addHandle({
			kind: 'file',
			file,
			path: resolved,
			writable,
			append: (flags & OPEN_MODE.APPEND) !== 0,
			writes: 0,
			reads: 0,
		});
		this.reply(() => this.sftp.handle(id, handle));
	}

	private async read(id: number, handle: Buffer, offset: number, length: number): Promise<void> {
		const entry = this.fileHandle(handle);
		const { file } = entry;
		// Counted before any await: a client may send several reads without waiting for answers.
		const firstRead = entry.reads === 0;
		entry.reads += 1;
		if (
			firstRead &&
			!entry.writable &&
			this.host.isReplyFile(entry.path.clientPath) &&
			this.host.useFault('dropDuringDownload')
		) {
			await this.sendPartThenDrop(id, file, offset, length);
			return;
		}
		const buffer = Buffer.alloc(length);
		const { bytesRead } = await file.read(buffer, 0, length, offset);
		if (bytesRead === 0) throw new SftpStatus(STATUS_CODE.EOF, 'End of file');
		this.reply(() => this.sftp.data(id, buffer.subarray(0, bytesRead)));
	}

	/** Answers the first read with at most half of the file, then cuts the connection. */
	private async sendPartThenDrop(
		id: number,
		file: FileHandle,
		offset: number,
		length: number,
	): Promise<void> {
		this.dropping = true;
		const { size } = await file.stat();
		const part = Math.min(length, Math.ceil(Math.max(0, size - offset) / 2));
		const buffer = Buffer.alloc(part);
		const { bytesRead } = part > 0 ? await file.read(buffer, 0, part, offset) : { bytesRead: 0 };
		if (bytesRead > 0) this.reply(() => this.sftp.data(id, buffer.subarray(0, bytesRead)));
		this.closed = true;
		// On the next turn, so that the chunk is handed to the socket before it is destroyed.
		setImmediate(() => this.dropConnection());
	}

	private async write(id: number, handle: Buffer, offset: number, data: Buffer): Promise<void> {
		const entry = this.fileHandle(handle);
		if (!entry.writable) throw new SftpStatus(STATUS_CODE.PERMISSION_DENIED, 'Opened read-only');
		// Counted before any await: a client sends several writes without waiting for answers.
		const firstWrite = entry.writes === 0;
		entry.writes += 1;
		const position = entry.append ? null : offset;
		if (
			firstWrite &&
			this.host.isInIncoming(entry.path.clientPath) &&
			this.host.useFault('dropMidUpload')
		) {
			// Half of the first chunk reaches the disk, so the file left behind is visibly partial;
			// writes the client sent after this one are not carried out.
			this.closed = true;
			const part = data.subarray(0, Math.ceil(data.length / 2));
			await entry.file.write(part, 0, part.length, position);
			this.dropConnection();
			return;
		}
		await entry.file.write(data, 0, data.length, position);
		this.ok(id);
	}

	private async close(id: number, handle: Buffer): Promise<void> {
		const entry = this.handle(handle);
		this.handles.delete(handle.readUInt32BE(0));
		if (entry.kind === 'file') {
			await entry.file.close();
			if (entry.writable && this.host.isOrderInIncoming(entry.path.clientPath)) {
				this.host.recordOrder(entry.path, 'sftp');
			}
		}
		this.ok(id);
	}

	private async rename(id: number, fromPath: string, toPath: string): Promise<void> {
		const from = this.host.resolve(fromPath);
		const to = this.host.resolve(toPath);
		if (this.host.isAccountFolder(from.clientPath)) {
			throw new SftpStatus(STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
		}
		await stat(from.diskPath);
		// SFTP version 3 (what OpenSSH speaks) refuses to replace an existing file.
		if (await stat(to.diskPath).catch(() => undefined)) {
			throw new SftpStatus(STATUS_CODE.FAILURE, 'Target already exists');
		}
		await rename(from.diskPath, to.diskPath);
		const becameOrder =
			this.host.isOrderInIncoming(to.clientPath) && !this.host.isOrderInIncoming(from.clientPath);
		if (becameOrder) {
			this.host.recordOrder(to, 'sftp');
			if (this.host.useFault('dropAfterRename')) {
				this.closed = true;
				this.dropConnection();
				return;
			}
		}
		this.ok(id);
	}

	private async remove(id: number, path: string): Promise<void> {
		const resolved = this.host.resolve(path);
		if ((await stat(resolved.diskPath)).isDirectory()) {
			throw new SftpStatus(STATUS_CODE.FAILURE, 'Is a directory');
		}
		await unlink(resolved.diskPath);
		this.ok(id);
	}

	private async makeDirectory(id: number, path: string): Promise<void> {
		await mkdir(this.host.resolve(path).diskPath);
		this.ok(id);
	}

	private async removeDirectory(id: number, path: string): Promise<void> {
		const resolved = this.host.resolve(path);
		if (this.host.isAccountFolder(resolved.clientPath)) {
			throw new SftpStatus(STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
		}
		await rmdir(resolved.diskPath);
		this.ok(id);
	}

	/** Attributes are accepted and ignored (clients set times and modes after uploads). */
	private async setStat(id: number, path: string): Promise<void> {
		await stat(this.host.resolve(path).diskPath);
		this.ok(id);
	}

	private async setHandleStat(id: number, handle: Buffer): Promise<void> {
		this.handle(handle);
		this.ok(id);
	}
}
