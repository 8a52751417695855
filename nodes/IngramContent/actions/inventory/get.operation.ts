import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	accountSettings,
	CdfTransferError,
	inventoryConnectionSettings,
	type RemoteFile,
} from '../../transport';
import { withHostSession } from '../hostSession';
import { eanFields, inventoryItems, requestedEans } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'File',
		name: 'file',
		type: 'options',
		options: [
			{
				name: 'Latest Delta',
				value: 'latestDelta',
				description:
					'The newest stockv2delta…@ingram.zip: the titles that changed (up to six a day)',
			},
			{
				name: 'Full',
				value: 'full',
				description:
					'The full file, stockv2@ingram.zip: every title Ingram lists (several GB unzipped); look up EANs in it',
			},
			{ name: 'By Name', value: 'byName' },
		],
		default: 'latestDelta',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'stockv2delta261128a@ingram.zip',
		displayOptions: { show: { file: ['byName'] } },
	},
	...eanFields,
	{
		displayName: 'Return Every Title',
		name: 'everyTitle',
		type: 'boolean',
		default: false,
		description:
			'Whether to return every title of the file when no EANs are given. Only for delta files: a full file has millions of titles.',
		displayOptions: { show: { file: ['latestDelta', 'byName'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['get'] } },
	properties,
);

const FULL_FILE = 'stockv2@ingram.zip';
const DELTA = /^stockv2delta\d{6}[a-f]@ingram\.zip$/i;

/** The delta Ingram wrote last: by the date and letter in its name, then by time. */
function latestDelta(files: RemoteFile[]): RemoteFile | undefined {
	return files
		.filter((file) => file.isFile && DELTA.test(file.name))
		.sort(
			(a, b) =>
				a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
				(a.modifiedAt?.getTime() ?? 0) - (b.modifiedAt?.getTime() ?? 0),
		)
		.at(-1);
}

/**
 * Inventory › Get: one pass over a StockV2 file on the host, streamed (never held whole), for the
 * EANs of all input items at once.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const credentials = await this.getCredentials('ingramContentCdfApi');
	const folder = accountSettings(credentials).folders.inventory;
	const which = this.getNodeParameter('file', 0, 'latestDelta') as string;
	const wanted = requestedEans.call(
		this,
		items.map((_, item) => item),
	);
	const returnAll = which !== 'full' && this.getNodeParameter('everyTitle', 0, false) === true;
	if (wanted.size === 0 && !returnAll) {
		throw new NodeOperationError(
			node,
			which === 'full'
				? 'Give the EANs / ISBNs to look up: a full StockV2 file has millions of titles'
				: 'Give the EANs / ISBNs to look up, or turn on Return Every Title',
		);
	}
	const location = String(
		this.getNodeParameter('locationName', 0, 'Ingram Content') || 'Ingram Content',
	);
	let failure: unknown;
	try {
		return await withHostSession(
			this,
			inventoryConnectionSettings(credentials),
			async (session) => {
				const files = await session.list(folder);
				const name =
					which === 'full'
						? FULL_FILE
						: which === 'byName'
							? String(this.getNodeParameter('fileName', 0, '')).trim()
							: latestDelta(files)?.name;
				if (!name || !files.some((file) => file.name === name)) {
					throw new NodeOperationError(
						node,
						`No ${which === 'latestDelta' ? 'delta inventory file' : `file “${name ?? ''}”`} in the folder “${folder}”`,
						{
							description: `Files there: ${
								files
									.map((file) => file.name)
									.slice(0, 20)
									.join(', ') || 'none'
							}`,
						},
					);
				}
				return await inventoryItems.call(
					this,
					session.stream(folder, name),
					name,
					wanted.size ? wanted : undefined,
					location,
					items.map((_, item) => item),
					// each chunk of the SFTP/FTP download is a buffer of its own, read for this call only
					true,
				);
			},
		);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof CdfTransferError) {
		throw new NodeOperationError(node, `Could not read the inventory: ${failure.message}`, {
			description: failure.description,
		});
	}
	throw failure instanceof NodeOperationError
		? failure
		: new NodeOperationError(node, failure as Error);
}
