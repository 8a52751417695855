import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkItemNumber } from '../IngramContent/codec/itemNumbers';
import { readInventory } from '../IngramContent/inventory/readInventory';
import {
	accountSettings,
	CdfTransferError,
	inventoryConnectionSettings,
	withCdfSession,
	type CdfSession,
	type RemoteFile,
} from '../IngramContent/transport';
import { fileKey, type PollMemory } from './pollFiles';

const DELTA = /^stockv2delta\d{6}[a-f]@ingram\.zip$/i;

/** The titles of one delta file, read as it streams in; undefined when it cannot be read yet. */
async function titlesOf(
	session: CdfSession,
	folder: string,
	file: RemoteFile,
	eans: Set<string> | undefined,
	location: string,
): Promise<IDataObject[]> {
	const titles: IDataObject[] = [];
	for await (const title of readInventory(session.stream(folder, file.name), {
		fileName: file.name,
		eans,
	})) {
		titles.push({ ...(title as unknown as IDataObject), location, fileName: file.name });
	}
	return titles;
}

/**
 * The trigger's "New Inventory Delta" event: each new delta file starts one execution with its
 * titles (or those of the listed EANs). Same memory and rules as the reply files: a file that
 * cannot be read completely (still being written, connection cut) is read again next poll.
 */
export async function pollInventoryDeltas(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const node = this.getNode();
	const credentials = await this.getCredentials('ingramContentCdfApi');
	const folder = accountSettings(credentials).folders.inventory;
	const location = String(
		this.getNodeParameter('locationName', 'Ingram Content') || 'Ingram Content',
	);
	const wanted = String(this.getNodeParameter('eans', '') ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean)
		.map((raw) => {
			const checked = checkItemNumber(raw);
			if ('problem' in checked)
				throw new NodeOperationError(node, `"EANs / ISBNs": ${checked.problem}`);
			return checked.itemNumber;
		});
	const eans = wanted.length ? new Set(wanted) : undefined;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const manual = this.getMode() === 'manual';

	let failure: unknown;
	let items: IDataObject[] = [];
	try {
		items = await withCdfSession(inventoryConnectionSettings(credentials), async (session) => {
			const deltas = (await session.list(folder))
				.filter((file) => file.isFile && DELTA.test(file.name))
				.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
			if (manual) {
				const newest = deltas.at(-1);
				return newest ? await titlesOf(session, folder, newest, eans, location) : [];
			}
			const memory = this.getWorkflowStaticData('node') as PollMemory;
			const listed = deltas.map((file) => ({ file, key: fileKey(folder, file) }));
			const stillThere = new Set(listed.map((entry) => entry.key));
			const seen = new Set((memory.seen ?? []).filter((key) => stillThere.has(key)));
			const found: IDataObject[] = [];
			if (!memory.initialised && options.includeExisting !== true) {
				listed.forEach((entry) => seen.add(entry.key));
			} else {
				for (const { file, key } of listed) {
					if (seen.has(key)) continue;
					try {
						found.push(...(await titlesOf(session, folder, file, eans, location)));
					} catch (error) {
						this.logger.info(
							`Ingram Content Trigger: ${file.name} left for the next poll: ${(error as Error).message}`,
						);
						break;
					}
					seen.add(key);
				}
			}
			memory.initialised = true;
			memory.seen = [...seen];
			return found;
		});
	} catch (error) {
		failure = error;
	}
	if (failure instanceof CdfTransferError) {
		throw new NodeOperationError(
			node,
			`Polling Ingram's inventory files failed: ${failure.message}`,
			{
				description: `${failure.description}\nNothing was marked as read: the next poll looks again.`,
			},
		);
	}
	if (failure) throw new NodeOperationError(node, failure as Error);
	if (!items.length) {
		if (manual) throw new NodeOperationError(node, `No inventory delta files in ${folder} yet`);
		return null;
	}
	return [this.helpers.returnJsonArray(items)];
}
