/** What the CDF code needs from a file-transfer connection, the same for SFTP, FTP and FTPS. */
export interface RemoteFile {
	name: string;
	size: number;
	modifiedAt?: Date;
	isFile: boolean;
}

export interface CdfSession {
	list(folder: string): Promise<RemoteFile[]>;
	/** Writes a file under exactly this name (no temporary name: see deliverFile). */
	put(folder: string, name: string, content: Buffer): Promise<void>;
	/** Renames within a folder; refused (not overwritten) when the target exists. */
	rename(folder: string, from: string, to: string): Promise<void>;
	get(folder: string, name: string): Promise<Buffer>;
	/** The file's content chunk by chunk, for files too large to hold (inventory). */
	stream(folder: string, name: string): AsyncIterable<Uint8Array>;
	/** Moves a file to another folder under the same name; refused when the target exists. */
	move(fromFolder: string, name: string, toFolder: string): Promise<void>;
	remove(folder: string, name: string): Promise<void>;
	/** Always safe to call, also after a failure; never throws. */
	close(): Promise<void>;
}

/** `folder/name`, whether the folder is given as `incoming`, `/incoming` or `incoming/`. */
export const remotePath = (folder: string, name: string) =>
	folder ? `${folder.replace(/\/+$/, '')}/${name}` : name;

/**
 * Rejects after `ms` and runs `onTimeout`, which must abort the operation. (AbortSignal.timeout's
 * timer does not keep the process alive, and it needs none of the timer globals that n8n's
 * community-node rules forbid.)
 */
export async function withTimeout<T>(
	work: Promise<T>,
	ms: number,
	onTimeout: () => Error,
): Promise<T> {
	let settled = false;
	const signal = AbortSignal.timeout(ms);
	const timeout = new Promise<never>((_, reject) =>
		signal.addEventListener('abort', () => {
			if (!settled) reject(onTimeout());
		}),
	);
	try {
		return await Promise.race([work, timeout]);
	} finally {
		settled = true;
	}
}

/** Resolves after `ms` at the latest (for waiting on a close that may never be confirmed). */
export const atMost = async (ms: number, work: Promise<unknown>) =>
	await Promise.race([
		work,
		new Promise<void>((resolve) =>
			AbortSignal.timeout(ms).addEventListener('abort', () => resolve()),
		),
	]);
