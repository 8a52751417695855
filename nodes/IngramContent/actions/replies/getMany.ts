import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { positiveInteger, textList } from '../../../shared/input';
import {
	accountSettings,
	CdfTransferError,
	connectionSettings,
	type CdfAccount,
	type CdfSession,
	type RemoteFile,
} from '../../transport';
import { withHostSession } from '../hostSession';
import { readReplyText } from './parse';
import { patternToRegExp, type ReplyKind } from './replyKinds';

export function foldersFor(account: CdfAccount, choice: string): string[] {
	if (choice === 'outgoing') return [account.folders.outgoing];
	if (choice === 'test') return [account.folders.test];
	if (choice === 'both') return [account.folders.outgoing, account.folders.test];
	return [account.environment === 'test' ? account.folders.test : account.folders.outgoing];
}

/** Files of a folder that match, oldest first (then by name), as Ingram wrote them. */
export async function listReplyFiles(
	session: CdfSession,
	folder: string,
	pattern: RegExp,
): Promise<RemoteFile[]> {
	return (await session.list(folder))
		.filter((file) => file.isFile && pattern.test(file.name))
		.sort(
			(a, b) =>
				(a.modifiedAt?.getTime() ?? 0) - (b.modifiedAt?.getTime() ?? 0) ||
				a.name.localeCompare(b.name),
		);
}

/**
 * Get Many for one kind of reply: reads every matching file of the chosen folder(s), one output
 * item per PO / shipment / invoice, each with the file it came from. A file is deleted or moved
 * only after all of its items were produced; pending and cut-off files stay.
 */
export async function getManyReplies(
	this: IExecuteFunctions,
	kind: ReplyKind,
	itemIndex: number,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const credentials = await this.getCredentials('ingramContentCdfApi');
	const settings = connectionSettings(credentials);
	const account = accountSettings(credentials);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const folders = foldersFor(
		account,
		this.getNodeParameter('folder', itemIndex, 'environment') as string,
	);
	const pattern = patternToRegExp(String(options.pattern ?? kind.pattern) || kind.pattern);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, true) as boolean;
	const limit = returnAll
		? Infinity
		: positiveInteger(node, itemIndex, this.getNodeParameter('limit', itemIndex, 50), 'Limit');
	const wanted = new Set(textList(node, itemIndex, options.poNumbers ?? '', 'PO Numbers'));
	const afterReading = String(options.afterReading ?? 'keep');
	const archive = String(options.archiveFolder ?? 'archive') || 'archive';

	const results: IDataObject[] = [];
	let failure: CdfTransferError | NodeOperationError | undefined;
	try {
		await withHostSession(this, settings, async (session) => {
			for (const folder of folders) {
				for (const file of await listReplyFiles(session, folder, pattern)) {
					if (results.length >= limit) return;
					const text = (await session.get(folder, file.name)).toString('latin1');
					const read = readReplyText.call(this, kind, text, file.name, itemIndex);
					const where = { fileName: file.name, folder };
					if ('pending' in read) {
						results.push({ ...where, pending: true, outcome: 'pending', reason: read.pending });
						continue;
					}
					const items = read.items.filter(
						(item) => wanted.size === 0 || wanted.has(String(item.poNumber ?? '')),
					);
					const room = limit - results.length;
					results.push(...items.slice(0, room).map((item) => ({ ...item, ...where })));
					if (items.length > room) return;
					if (afterReading === 'delete') await session.remove(folder, file.name);
					if (afterReading === 'move') await session.move(folder, file.name, archive);
				}
			}
		});
	} catch (error) {
		if (error instanceof CdfTransferError || error instanceof NodeOperationError) failure = error;
		else failure = new NodeOperationError(node, error as Error, { itemIndex });
	}
	if (failure instanceof CdfTransferError) {
		throw new NodeOperationError(
			node,
			`Could not read Ingram's ${kind.label} files: ${failure.message}`,
			{
				itemIndex,
				description: failure.description,
			},
		);
	}
	if (failure) throw failure;
	return results;
}
