import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputError, textList } from '../../../shared/input';
import { checkItemNumber } from '../../codec/itemNumbers';
import type { InventoryTitle } from '../../codec/stockV2';
import { InventoryRecordError, readInventory } from '../../inventory/readInventory';

export const eanFields: INodeProperties[] = [
	{
		displayName: 'EANs / ISBNs',
		name: 'eans',
		type: 'string',
		default: '',
		placeholder: '={{ $json.isbn }}',
		description:
			'The titles to look up: one per input item (an expression that picks the item’s ISBN), or several comma-separated. ISBN-10s are converted. Titles Ingram does not list come back with found = false.',
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: 'Ingram Content',
		description: 'Put into every title as `location` (Order Desk’s “Inventory Location Name”)',
	},
];

/** The EANs every input item asks for, each paired with the items that asked. */
export function requestedEans(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Map<string, number[]> {
	const node = this.getNode();
	const wanted = new Map<string, number[]>();
	itemIndexes.forEach((itemIndex) => {
		for (const raw of textList(
			node,
			itemIndex,
			this.getNodeParameter('eans', itemIndex, ''),
			'EANs / ISBNs',
		)) {
			const checked = checkItemNumber(raw);
			if ('problem' in checked)
				throw inputError(node, itemIndex, `"EANs / ISBNs": ${checked.problem}`);
			const askers = wanted.get(checked.itemNumber) ?? [];
			if (!askers.includes(itemIndex)) askers.push(itemIndex);
			wanted.set(checked.itemNumber, askers);
		}
	});
	return wanted;
}

/**
 * Reads a StockV2 file as it streams in and turns it into output items: the titles asked for
 * (each paired with the items that asked, plus a not-found item for every EAN missing from the
 * file), or every title when none were asked for.
 */
export async function inventoryItems(
	this: IExecuteFunctions,
	source: AsyncIterable<Uint8Array>,
	fileName: string,
	wanted: Map<string, number[]> | undefined,
	location: string,
	pairAll: number[],
	/** The source is a stream that hands its chunks over (see ReadInventoryOptions.freeChunks). */
	freeChunks = false,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const found = new Set<string>();
	const describe = (title: InventoryTitle): IDataObject => ({
		...(title as unknown as IDataObject),
		found: true,
		location,
		fileName,
	});
	let failure: InventoryRecordError | Error | undefined;
	try {
		for await (const title of readInventory(source, {
			fileName,
			eans: wanted ? wanted.keys() : undefined,
			freeChunks,
		})) {
			found.add(title.ean);
			const askers = wanted?.get(title.ean) ?? pairAll;
			output.push({ json: describe(title), pairedItem: askers.map((item) => ({ item })) });
		}
	} catch (error) {
		failure = error as Error;
	}
	if (failure) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not read the inventory file: ${failure.message}`,
			{
				description:
					'A StockV2 file holds 300-character records in a zip (or as a plain .dat). If the file was still being written, read it again later.',
			},
		);
	}
	for (const [ean, askers] of wanted ?? []) {
		if (found.has(ean)) continue;
		output.push({
			json: { ean, found: false, onHand: 0, onOrder: 0, location, fileName },
			pairedItem: askers.map((item) => ({ item })),
		});
	}
	return output;
}
