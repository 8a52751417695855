import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryFileField } from '../replies/fields';
import { eanFields, inventoryItems, requestedEans } from './shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['parse'] } },
	[binaryFileField, ...eanFields],
);

/**
 * Chunk size asked of n8n's binary data stream. n8n's filesystem store hands out 64 KiB chunks by
 * default, a fresh buffer each; 1 MiB chunks read a large StockV2 file about 3× faster (npm run
 * bench: bare fs stream ~1.2 GB/s at 64 KiB, ~4 GB/s at 1 MiB) and the reader keeps no chunk.
 */
const BINARY_CHUNK_BYTES = 1 << 20;

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
			? ((await this.helpers.getBinaryStream(
					binary.id,
					BINARY_CHUNK_BYTES,
				)) as AsyncIterable<Uint8Array>)
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
				// n8n's binary data stream hands over a fresh chunk each time; a buffer is n8n's
				Boolean(binary.id),
			)),
		);
	}
	return output;
}
