import type { IDataObject } from 'n8n-workflow';

import type { ReplyKind } from '../IngramContent/actions/replies/replyKinds';
import type { CdfSession, RemoteFile } from '../IngramContent/transport';
import { CdfTransferError } from '../IngramContent/transport';

/**
 * What the trigger remembers between polls (in the workflow's static data): the files it has
 * turned into items, by name + size + modification time, so a file that is rewritten (a pending
 * reply replaced by the real one) counts as new. Only keys of files still in the folder are kept.
 */
export interface PollMemory {
	initialised?: boolean;
	seen?: string[];
}

export const fileKey = (folder: string, file: RemoteFile) =>
	`${folder}/${file.name}|${file.size}|${file.modifiedAt?.getTime() ?? 0}`;

export interface PollOutcome {
	items: IDataObject[];
	memory: PollMemory;
	/** Files left for the next poll, and why (pending, unreadable, download failed). */
	deferred: Array<{ fileName: string; reason: string }>;
}

/**
 * One poll: lists the folders, reads the files not seen yet (oldest first) and returns their items.
 * A file that is pending ("NO MAINFRAME"), unreadable (e.g. still being written) or whose download
 * fails is not remembered, so the next poll reads it again; items are only produced for files read
 * completely. The first poll only remembers what is there, unless existing files are wanted.
 */
export async function pollFiles(
	session: CdfSession,
	kind: ReplyKind,
	folders: string[],
	pattern: RegExp,
	memory: PollMemory,
	options: { includeExisting: boolean; keep?: (item: IDataObject) => boolean },
): Promise<PollOutcome> {
	const listed: Array<{ folder: string; file: RemoteFile; key: string }> = [];
	for (const folder of folders) {
		for (const file of await session.list(folder)) {
			if (file.isFile && pattern.test(file.name))
				listed.push({ folder, file, key: fileKey(folder, file) });
		}
	}
	listed.sort(
		(a, b) =>
			(a.file.modifiedAt?.getTime() ?? 0) - (b.file.modifiedAt?.getTime() ?? 0) ||
			a.file.name.localeCompare(b.file.name),
	);
	const stillThere = new Set(listed.map((entry) => entry.key));
	const seen = new Set((memory.seen ?? []).filter((key) => stillThere.has(key)));

	if (!memory.initialised && !options.includeExisting) {
		return {
			items: [],
			memory: { initialised: true, seen: listed.map((entry) => entry.key) },
			deferred: [],
		};
	}

	const items: IDataObject[] = [];
	const deferred: PollOutcome['deferred'] = [];
	for (const { folder, file, key } of listed) {
		if (seen.has(key)) continue;
		let text: string;
		try {
			text = (await session.get(folder, file.name)).toString('latin1');
		} catch (error) {
			deferred.push({ fileName: file.name, reason: (error as Error).message });
			// the connection may be gone: leave the remaining files for the next poll
			if (error instanceof CdfTransferError && !error.answered) break;
			continue;
		}
		let read: ReturnType<ReplyKind['read']>;
		try {
			read = kind.read(text, file.name);
		} catch (error) {
			deferred.push({ fileName: file.name, reason: (error as Error).message });
			continue;
		}
		if ('pending' in read) {
			deferred.push({ fileName: file.name, reason: read.pending });
			continue;
		}
		items.push(
			...read.items
				.filter((item) => options.keep?.(item) ?? true)
				.map((item) => ({ ...item, fileName: file.name, folder })),
		);
		seen.add(key);
	}
	return { items, memory: { initialised: true, seen: [...seen] }, deferred };
}

/** The newest file's items, for "Fetch Test Event" (nothing is remembered). */
export async function newestFileItems(
	session: CdfSession,
	kind: ReplyKind,
	folders: string[],
	pattern: RegExp,
): Promise<IDataObject[]> {
	const listed: Array<{ folder: string; file: RemoteFile }> = [];
	for (const folder of folders) {
		for (const file of await session.list(folder)) {
			if (file.isFile && pattern.test(file.name)) listed.push({ folder, file });
		}
	}
	listed.sort((a, b) => (b.file.modifiedAt?.getTime() ?? 0) - (a.file.modifiedAt?.getTime() ?? 0));
	for (const { folder, file } of listed) {
		const read = kind.read((await session.get(folder, file.name)).toString('latin1'), file.name);
		if ('items' in read)
			return read.items.map((item) => ({ ...item, fileName: file.name, folder }));
	}
	return [];
}
