/**
 * File transfer with Ingram Content's CDF host: SFTP (ssh2) or FTP/FTPS (basic-ftp). These two
 * libraries are the package's only runtime dependencies; nothing else in the package imports them.
 */
import { CdfTransferError } from './errors';
import { openFtpSession } from './ftp';
import type { CdfSession } from './session';
import type { CdfConnectionSettings } from './settings';
import { openSftpSession } from './sftp';

export * from './errors';
export * from './session';
export * from './settings';
export { fingerprintOf } from './sftp';

export async function openCdfSession(settings: CdfConnectionSettings): Promise<CdfSession> {
	return settings.protocol === 'sftp'
		? await openSftpSession(settings)
		: await openFtpSession(settings);
}

/** Opens a session, runs `work`, and always closes the connection. */
export async function withCdfSession<T>(
	settings: CdfConnectionSettings,
	work: (session: CdfSession) => Promise<T>,
): Promise<T> {
	const session = await openCdfSession(settings);
	try {
		return await work(session);
	} finally {
		await session.close();
	}
}

/** The name a file has while it is being written: not `.fbo`, so Ingram does not pick it up. */
export const temporaryName = (name: string) => `${name}.part`;

/**
 * The outcome of a delivery that could not be confirmed: `notDelivered` is proven (no file of
 * that name is in the folder and ours is still under its temporary name, or it never got there),
 * `unknown` means the file may have reached Ingram.
 */
export class DeliveryFailed extends Error {
	constructor(
		readonly delivery: 'notDelivered' | 'unknown',
		readonly cause: CdfTransferError,
	) {
		super(cause.message);
		this.name = 'DeliveryFailed';
	}
}

/**
 * Puts a file in `folder` so that it appears complete or not at all: written under a temporary
 * name, then renamed. When the rename gets no answer (connection dropped, timeout), a new
 * connection looks at the folder to find out what happened.
 */
export async function deliverFile(
	settings: CdfConnectionSettings,
	session: CdfSession,
	folder: string,
	name: string,
	content: Buffer,
): Promise<void> {
	const temporary = temporaryName(name);
	const uploaded = await session.put(folder, temporary, content).then(
		() => undefined,
		(error: unknown) => asTransferError(error, 'upload'),
	);
	if (uploaded) {
		// tidy up the partial file (best effort: Ingram ignores names that do not end in .fbo)
		await (
			uploaded.answered
				? session.remove(folder, temporary)
				: withCdfSession(settings, async (fresh) => await fresh.remove(folder, temporary))
		).catch(() => undefined);
		throw new DeliveryFailed('notDelivered', uploaded);
	}

	const renamed = await session.rename(folder, temporary, name).then(
		() => undefined,
		(error: unknown) => asTransferError(error, 'rename'),
	);
	if (!renamed) return;
	if (renamed.answered) {
		// refused, e.g. a file of that name exists: ours never became an order file
		await session.remove(folder, temporary).catch(() => undefined);
		throw new DeliveryFailed('notDelivered', renamed);
	}
	const found = await inspectAfterDrop(settings, folder, name, temporary);
	if (found !== 'delivered') throw new DeliveryFailed(found, renamed);
}

async function inspectAfterDrop(
	settings: CdfConnectionSettings,
	folder: string,
	name: string,
	temporary: string,
): Promise<'delivered' | 'notDelivered' | 'unknown'> {
	try {
		return await withCdfSession(settings, async (session) => {
			const names = new Set((await session.list(folder)).map((file) => file.name));
			if (names.has(name)) return 'delivered';
			if (names.has(temporary)) {
				await session.remove(folder, temporary).catch(() => undefined);
				return 'notDelivered';
			}
			// neither name: Ingram may already have taken the file in
			return 'unknown';
		});
	} catch {
		return 'unknown';
	}
}

function asTransferError(error: unknown, step: 'upload' | 'rename'): CdfTransferError {
	return error instanceof CdfTransferError
		? error
		: new CdfTransferError(step, String((error as Error)?.message ?? error));
}
