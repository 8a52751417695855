import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readingFields } from '../replies/fields';
import { getManyReplies } from '../replies/getMany';
import { shipNotices } from '../replies/kinds';

export const description = updateDisplayOptions(
	{ show: { resource: ['shipment'], operation: ['getMany'] } },
	readingFields('*.PBS'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyReplies.call(this, shipNotices, itemIndex);
}
