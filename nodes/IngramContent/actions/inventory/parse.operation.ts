import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryFileField } from '../replies/fields';
import { eanFields, inventoryItems, requestedEans } from './shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['parse'] } },
	[binaryFileField, ...eanFields],
);

async function* once(buffer: Uint8Array): AsyncIterable<Uint8Array> {
	yield buffer;
}

/** Inventory › Parse: a StockV2 zip or .dat from each input item's binary field, streamed. */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const field = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		const binary = this.helpers.assertBinaryData(itemIndex, field);
		const source: AsyncIterable<Uint8Array> = binary.id
			? ((await this.helpers.getBinaryStream(binary.id)) as AsyncIterable<Uint8Array>)
			: once(await this.helpers.getBinaryDataBuffer(itemIndex, field));
		const wanted = requestedEans.call(this, [itemIndex]);
		const location = String(
			this.getNodeParameter('locationName', itemIndex, 'Ingram Content') || 'Ingram Content',
		);
		output.push(
			...(await inventoryItems.call(
				this,
				source,
				binary.fileName ?? field,
				wanted.size ? wanted : undefined,
				location,
				[itemIndex],
			)),
		);
	}
	return output;
}
