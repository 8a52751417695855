import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryFileField } from '../replies/fields';
import { invoices } from '../replies/kinds';
import { parseReplies } from '../replies/parse';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['parse'] } },
	[binaryFileField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await parseReplies.call(this, invoices, itemIndex);
}
