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

/**
 * The name a file has while it is being written: not `.fbo`, so Ingram does not pick it up, and
 * with a random tag of its own, so that two runs that picked the same name never write into
 * one temporary file.
 */
export const temporaryName = (name: string) =>
	`${name}.${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}.part`;

/**
 * The outcome of a delivery that could not be confirmed: `notDelivered` is proven (no file of
 * that name is in the folder and ours is still under its temporary name, or it never got there),
 * `unknown` means the file may have reached Ingram. `fileName` is the last name tried.
 */
export class DeliveryFailed extends Error {
	constructor(
		readonly delivery: 'notDelivered' | 'unknown',
		readonly cause: CdfTransferError,
		readonly fileName: string,
		/** Refused because another file has the name already (another run picked it too). */
		readonly nameTaken = false,
	) {
		super(cause.message);
		this.name = 'DeliveryFailed';
	}
}

/** How many names a delivery tries when the one it picked is already in the folder. */
export const NAMES_TO_TRY = 3;

/**
 * Puts a file in `folder` so that it appears complete or not at all, and returns its name. The
 * name is picked by `nextName` and the content made for it (a CDF file names itself inside).
 * If another file got the name first, nothing of ours was delivered, and the content is made and
 * sent again under the next name (at most NAMES_TO_TRY names); any other failure ends the delivery.
 */
export async function deliverFile(
	settings: CdfConnectionSettings,
	session: CdfSession,
	folder: string,
	nextName: () => string,
	contentFor: (name: string) => Buffer,
): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		const name = nextName();
		const failed = await deliverUnder(settings, session, folder, name, contentFor(name));
		if (!failed) return name;
		if (!failed.nameTaken || attempt === NAMES_TO_TRY) throw failed;
	}
}

/**
 * One delivery under `name`: written under a temporary name, then renamed. When the rename gets
 * no answer (connection dropped, timeout), a new connection looks at the folder to find out what
 * happened.
 */
async function deliverUnder(
	settings: CdfConnectionSettings,
	session: CdfSession,
	folder: string,
	name: string,
	content: Buffer,
): Promise<DeliveryFailed | undefined> {
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
		return new DeliveryFailed('notDelivered', uploaded, name);
	}

	const renamed = await session.rename(folder, temporary, name).then(
		() => undefined,
		(error: unknown) => asTransferError(error, 'rename'),
	);
	if (!renamed) return undefined;
	if (renamed.answered) {
		// refused, e.g. a file of that name exists: ours never became an order file
		await session.remove(folder, temporary).catch(() => undefined);
		const nameTaken = await session.list(folder).then(
			(files) => files.some((file) => file.name === name),
			() => false,
		);
		return new DeliveryFailed('notDelivered', renamed, name, nameTaken);
	}
	const found = await inspectAfterDrop(settings, folder, name, temporary);
	return found === 'delivered' ? undefined : new DeliveryFailed(found, renamed, name);
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
