import { createHash } from 'crypto';
import { Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';

import { CdfTransferError, networkProblem, scrub, type CdfStep } from './errors';
import { atMost, remotePath, withTimeout, type CdfSession, type RemoteFile } from './session';
import { secretsOf, type CdfConnectionSettings } from './settings';

/** OpenSSH's fingerprint form: SHA256 of the key blob, base64 without padding. */
export const fingerprintOf = (hostKey: Buffer) =>
	`SHA256:${createHash('sha256').update(hostKey).digest('base64').replace(/=+$/, '')}`;

/** What one SFTP read asks for, and how many reads are in flight while streaming a file. */
const READ_CHUNK = 32 * 1024;
const READS_AHEAD = 32;

/** SFTP status codes (no such file, permission denied, failure…) come as a numeric `code`. */
const answeredByServer = (error: unknown) =>
	typeof (error as { code?: unknown })?.code === 'number';

interface ConnectAttempt {
	handshakeDone: boolean;
	presentedKey?: string;
}

/** Why the connection could not be made, from what ssh2 reported and how far it got. */
function connectFailure(
	settings: CdfConnectionSettings,
	attempt: ConnectAttempt,
	error: unknown,
): CdfTransferError {
	const e = error as { code?: string; level?: string; message?: string };
	const said = scrub(String(e?.message ?? error), secretsOf(settings));
	if (attempt.presentedKey && attempt.presentedKey !== settings.hostKeyFingerprint) {
		return new CdfTransferError(
			'hostKey',
			`The SFTP host ${settings.host} presented host key ${attempt.presentedKey}, not the expected ${settings.hostKeyFingerprint}; no password or key was sent to it`,
		);
	}
	if (e?.level === 'client-authentication' || /authentication methods failed/i.test(said)) {
		return new CdfTransferError(
			'login',
			`The SFTP host ${settings.host} refused the login of “${settings.username}”`,
			said,
		);
	}
	if (/private key|passphrase|parse/i.test(said)) {
		return new CdfTransferError(
			'login',
			'The private key in the credential could not be read (wrong format or passphrase)',
			said,
		);
	}
	return new CdfTransferError(
		'connect',
		`Cannot connect to the SFTP host ${settings.host}:${settings.port}: ${attempt.handshakeDone ? 'the connection was dropped during login' : networkProblem(e?.code, said)}`,
		said,
	);
}

export async function openSftpSession(settings: CdfConnectionSettings): Promise<CdfSession> {
	const client = new Client();
	const attempt: ConnectAttempt = { handshakeDone: false };
	client.on('handshake', () => (attempt.handshakeDone = true));
	// Later failures surface through the request that was running; this listener only keeps an
	// 'error' event without a listener from crashing n8n.
	client.on('error', () => undefined);

	const config: ConnectConfig = {
		host: settings.host,
		port: settings.port,
		username: settings.username,
		readyTimeout: settings.timeoutMs,
		...(settings.privateKey
			? { privateKey: settings.privateKey, passphrase: settings.passphrase }
			: { password: settings.password }),
		...(settings.hostKeyFingerprint
			? {
					// ssh2 asks this after the key exchange, before any authentication is sent
					hostVerifier: (key: Buffer) => {
						attempt.presentedKey = fingerprintOf(key);
						return attempt.presentedKey === settings.hostKeyFingerprint;
					},
				}
			: {}),
	};

	let sftp: SFTPWrapper;
	try {
		sftp = await withTimeout(
			new Promise<SFTPWrapper>((resolve, reject) => {
				client.once('ready', () =>
					client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper))),
				);
				client.once('error', reject);
				client.once('close', () => reject(new Error('the connection was closed')));
				try {
					client.connect(config);
					// Without Nagle's delay: ssh2 without native crypto writes each packet in pieces,
					// and every SFTP request would otherwise wait ~40 ms for the peer's ACK.
					client.setNoDelay(true);
				} catch (error) {
					reject(error);
				}
			}),
			settings.timeoutMs + 1000,
			() => new Error('timed out'),
		);
	} catch (error) {
		client.destroy();
		throw connectFailure(settings, attempt, error);
	}
	return new SftpSession(client, sftp, settings);
}

class SftpSession implements CdfSession {
	private closed = false;

	constructor(
		private readonly client: Client,
		private readonly sftp: SFTPWrapper,
		private readonly settings: CdfConnectionSettings,
	) {
		client.on('close', () => (this.closed = true));
	}

	private failure(step: CdfStep, what: string, error: unknown): CdfTransferError {
		const said = scrub(String((error as Error)?.message ?? error), secretsOf(this.settings));
		const answered = answeredByServer(error);
		return new CdfTransferError(
			step,
			answered
				? `The SFTP host refused to ${what}: ${said}`
				: `The connection was lost while trying to ${what}: ${networkProblem((error as { code?: string }).code, said)}`,
			said,
			answered,
		);
	}

	/** Runs one SFTP request with the credential's timeout. */
	private async run<T>(
		step: CdfStep,
		what: string,
		request: (done: (error: Error | undefined | null, value?: T) => void) => void,
	): Promise<T> {
		let failed: unknown;
		try {
			return await withTimeout(
				new Promise<T>((resolve, reject) => {
					if (this.closed) reject(new Error('the connection was closed'));
					else request((error, value) => (error ? reject(error) : resolve(value as T)));
				}),
				this.settings.timeoutMs,
				() => {
					// an unanswered request leaves the channel in an unknown state: give it up
					this.client.destroy();
					return new Error('timed out');
				},
			);
		} catch (error) {
			failed = error;
		}
		throw this.failure(step, what, failed);
	}

	async list(folder: string): Promise<RemoteFile[]> {
		const entries = await this.run<
			Array<{ filename: string; attrs: { size: number; mtime: number; mode: number } }>
		>('folder', `list the folder “${folder}”`, (done) => this.sftp.readdir(folder, done));
		return entries.map((entry) => ({
			name: entry.filename,
			size: entry.attrs.size,
			modifiedAt: new Date(entry.attrs.mtime * 1000),
			// S_IFREG: a regular file
			isFile: (entry.attrs.mode & 0o170000) === 0o100000,
		}));
	}

	async put(folder: string, name: string, content: Buffer): Promise<void> {
		await this.run<void>('upload', `upload ${name}`, (done) =>
			this.sftp.writeFile(remotePath(folder, name), content, done),
		);
	}

	async rename(folder: string, from: string, to: string): Promise<void> {
		// SFTP v3 RENAME fails when the target exists, which is what we want: never overwrite
		await this.run<void>('rename', `rename ${from} to ${to}`, (done) =>
			this.sftp.rename(remotePath(folder, from), remotePath(folder, to), done),
		);
	}

	async get(folder: string, name: string): Promise<Buffer> {
		return await this.run<Buffer>('download', `download ${name}`, (done) =>
			this.sftp.readFile(remotePath(folder, name), done),
		);
	}

	/** Reads `length` bytes at `position`, following up short reads (a server may send less). */
	private async readAt(
		handle: Buffer,
		position: number,
		length: number,
		name: string,
	): Promise<Buffer> {
		const buffer = Buffer.alloc(length);
		let filled = 0;
		while (filled < length) {
			const got = await this.run<number>('download', `download ${name}`, (done) =>
				this.sftp.read(
					handle,
					buffer,
					filled,
					length - filled,
					position + filled,
					(error, bytesRead) => done(error, bytesRead),
				),
			);
			// end of file before the size fstat gave: the file shrank while it was read
			if (got === 0) return buffer.subarray(0, filled);
			filled += got;
		}
		return buffer;
	}

	/**
	 * The file in order, with up to READS_AHEAD reads in flight: one read at a time (ssh2's read
	 * stream) waits a round trip per 32 KiB, which over the internet makes a 4 GB inventory file
	 * take hours. Memory stays at READS_AHEAD chunks.
	 */
	async *stream(folder: string, name: string): AsyncIterable<Uint8Array> {
		const path = remotePath(folder, name);
		const handle = await this.run<Buffer>('download', `open ${name}`, (done) =>
			this.sftp.open(path, 'r', done),
		);
		const pending: Array<Promise<Buffer>> = [];
		try {
			const { size } = await this.run<{ size: number }>('download', `download ${name}`, (done) =>
				this.sftp.fstat(handle, done),
			);
			let next = 0;
			const issue = () => {
				const length = Math.min(READ_CHUNK, size - next);
				const read = this.readAt(handle, next, length, name);
				// a read still in flight when the reader stops must not become an unhandled rejection
				read.catch(() => undefined);
				pending.push(read);
				next += length;
			};
			while (next < size && pending.length < READS_AHEAD) issue();
			while (pending.length > 0) {
				const chunk = await pending.shift()!;
				if (next < size) issue();
				if (chunk.length > 0) yield chunk;
			}
		} finally {
			if (!this.closed) this.sftp.close(handle, () => undefined);
		}
	}

	async move(fromFolder: string, name: string, toFolder: string): Promise<void> {
		await this.run<void>('move', `move ${name} to ${toFolder}`, (done) =>
			this.sftp.rename(remotePath(fromFolder, name), remotePath(toFolder, name), done),
		);
	}

	async remove(folder: string, name: string): Promise<void> {
		await this.run<void>('remove', `remove ${name}`, (done) =>
			this.sftp.unlink(remotePath(folder, name), done),
		);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		const closed = new Promise<void>((resolve) => this.client.once('close', () => resolve()));
		this.client.end();
		await atMost(2000, closed);
		if (!this.closed) this.client.destroy();
	}
}
