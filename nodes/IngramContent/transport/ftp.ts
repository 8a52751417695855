import { Client, FTPError } from 'basic-ftp';
import { PassThrough, Readable, Writable } from 'stream';

import { CdfTransferError, networkProblem, scrub, type CdfStep } from './errors';
import { remotePath, withTimeout, type CdfSession, type RemoteFile } from './session';
import { secretsOf, type CdfConnectionSettings } from './settings';

const isCertificateProblem = (error: unknown) =>
	/CERT|SSL|TLS|self[- ]signed|altname/i.test(
		`${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`,
	);

export async function openFtpSession(settings: CdfConnectionSettings): Promise<CdfSession> {
	const secrets = secretsOf(settings);
	const client = new Client(settings.timeoutMs);
	const secure = settings.protocol === 'ftps';
	try {
		await withTimeout(
			client.access({
				host: settings.host,
				port: settings.port,
				user: settings.username,
				password: settings.password ?? '',
				secure,
				secureOptions: secure
					? { rejectUnauthorized: !settings.allowUnauthorizedCerts, servername: settings.host }
					: undefined,
			}),
			settings.timeoutMs + 1000,
			() => new Error('timed out'),
		);
	} catch (error) {
		client.close();
		throw connectFailure(settings, error);
	}
	return new FtpSession(client, secrets);
}

function connectFailure(settings: CdfConnectionSettings, error: unknown): CdfTransferError {
	const said = scrub(String((error as Error)?.message ?? error), secretsOf(settings));
	if (error instanceof FTPError && (error.code === 530 || error.code === 430)) {
		return new CdfTransferError(
			'login',
			`The FTP host ${settings.host} refused the login of “${settings.username}”`,
			said,
			true,
		);
	}
	if (settings.protocol === 'ftps' && isCertificateProblem(error)) {
		return new CdfTransferError(
			'certificate',
			`The TLS certificate of ${settings.host} could not be verified; no password was sent to it`,
			said,
		);
	}
	return new CdfTransferError(
		'connect',
		`Cannot connect to the FTP host ${settings.host}:${settings.port}: ${networkProblem((error as { code?: string })?.code, said)}`,
		said,
	);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The time in a Unix-style LIST line ("Nov 28 12:27" this year, "Nov 28 2025" before), which is
 * all servers without MLSD give: to the minute, in UTC as servers usually list it. Undefined when
 * the text has another form.
 */
export function listedTime(raw: string | undefined, now = new Date()): Date | undefined {
	const match = /^([A-Za-z]{3})\s+(\d{1,2})\s+(?:(\d{1,2}):(\d{2})|(\d{4}))$/.exec(
		raw?.trim() ?? '',
	);
	if (!match) return undefined;
	const month = MONTHS.indexOf(match[1].toLowerCase());
	if (month < 0) return undefined;
	const day = Number(match[2]);
	if (match[5]) return new Date(Date.UTC(Number(match[5]), month, day));
	let year = now.getUTCFullYear();
	const time = Date.UTC(year, month, day, Number(match[3]), Number(match[4]));
	// a date "in the future" belongs to last year (LIST leaves the year out for recent files)
	if (time > now.getTime() + 86_400_000) year -= 1;
	return new Date(Date.UTC(year, month, day, Number(match[3]), Number(match[4])));
}

class FtpSession implements CdfSession {
	constructor(
		private readonly client: Client,
		private readonly secrets: string[],
	) {}

	private failure(step: CdfStep, what: string, error: unknown): CdfTransferError {
		const said = scrub(String((error as Error)?.message ?? error), this.secrets);
		const answered = error instanceof FTPError;
		return new CdfTransferError(
			step,
			answered
				? `The FTP host refused to ${what}: ${said}`
				: `The connection was lost while trying to ${what}: ${networkProblem((error as { code?: string })?.code, said)}`,
			said,
			answered,
		);
	}

	/** basic-ftp applies the credential's timeout to every socket operation itself. */
	private async run<T>(step: CdfStep, what: string, work: () => Promise<T>): Promise<T> {
		let failed: unknown;
		try {
			return await work();
		} catch (error) {
			failed = error;
		}
		throw this.failure(step, what, failed);
	}

	async list(folder: string): Promise<RemoteFile[]> {
		const entries = await this.run(
			'folder',
			`list the folder “${folder}”`,
			async () => await this.client.list(folder),
		);
		const files: RemoteFile[] = [];
		for (const entry of entries) {
			let modifiedAt = entry.modifiedAt;
			if (!modifiedAt && entry.isFile) {
				// LIST gives minutes at best; MDTM gives the second (files of one minute keep their order)
				modifiedAt = await this.client
					.lastMod(remotePath(folder, entry.name))
					.catch(() => listedTime(entry.rawModifiedAt));
			}
			files.push({ name: entry.name, size: entry.size, modifiedAt, isFile: entry.isFile });
		}
		return files;
	}

	async put(folder: string, name: string, content: Buffer): Promise<void> {
		await this.run('upload', `upload ${name}`, async () => {
			await this.client.uploadFrom(Readable.from([content]), remotePath(folder, name));
		});
	}

	async rename(folder: string, from: string, to: string): Promise<void> {
		await this.run('rename', `rename ${from} to ${to}`, async () => {
			// FTP's RNTO overwrites silently: refuse an existing target ourselves
			const existing = await this.client.list(folder);
			if (existing.some((file) => file.name === to)) {
				throw new FTPError({ code: 553, message: `553 ${to} already exists` });
			}
			await this.client.rename(remotePath(folder, from), remotePath(folder, to));
		});
	}

	async get(folder: string, name: string): Promise<Buffer> {
		return await this.run('download', `download ${name}`, async () => {
			const chunks: Buffer[] = [];
			await this.client.downloadTo(
				new Writable({
					write(chunk: Buffer, _encoding, callback) {
						chunks.push(chunk);
						callback();
					},
				}),
				remotePath(folder, name),
			);
			return Buffer.concat(chunks);
		});
	}

	async *stream(folder: string, name: string): AsyncIterable<Uint8Array> {
		const chunks = new PassThrough();
		// basic-ftp writes into the stream; reading it as it fills keeps memory to a few chunks
		const download = this.client.downloadTo(chunks, remotePath(folder, name)).then(
			() => undefined,
			(error: unknown) => {
				chunks.destroy();
				return error;
			},
		);
		let failed: unknown;
		try {
			for await (const chunk of chunks) yield chunk as Uint8Array;
		} catch (error) {
			failed = error;
		}
		failed = (await download) ?? failed;
		if (failed !== undefined) throw this.failure('download', `download ${name}`, failed);
	}

	async move(fromFolder: string, name: string, toFolder: string): Promise<void> {
		await this.run('move', `move ${name} to ${toFolder}`, async () => {
			const existing = await this.client.list(toFolder);
			if (existing.some((file) => file.name === name)) {
				throw new FTPError({ code: 553, message: `553 ${toFolder}/${name} already exists` });
			}
			await this.client.rename(remotePath(fromFolder, name), remotePath(toFolder, name));
		});
	}

	async remove(folder: string, name: string): Promise<void> {
		await this.run('remove', `remove ${name}`, async () => {
			await this.client.remove(remotePath(folder, name));
		});
	}

	async close(): Promise<void> {
		this.client.close();
	}
}
