import { DateTime } from 'luxon';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { errorJson } from '../../../shared/itemErrors';
import { fileGroupingField, ordersPerFile } from './fileOptions';
import { orderFields } from './fields';
import {
	inFiles,
	newOrderFileName,
	orderFileContent,
	orderSummary,
	prepareOrders,
	readAccount,
} from './prepare';

const properties: INodeProperties[] = [
	...orderFields,
	fileGroupingField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the .fbo file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['buildFile'] } },
	properties,
);

/**
 * The order files Send would upload, as binary output — for moving them with n8n's own FTP/SFTP
 * node (n8n Cloud cannot load this package's file-transfer libraries). One output item per file,
 * paired with the items of its orders. Nothing is recorded as sent: upload each file once.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const account = await readAccount.call(this);
	const prepared = prepareOrders.call(this, items, account);
	const output: INodeExecutionData[] = [];
	for (const entry of prepared) {
		if (!entry.error) continue;
		if (!this.continueOnFail()) throw entry.error;
		output.push({ json: errorJson(entry.error), pairedItem: { item: entry.itemIndex } });
	}
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 0, 'data') as string;
	const now = DateTime.now().setZone(this.getTimezone());
	const taken = new Set<string>();
	for (const file of inFiles(
		prepared.filter((entry) => entry.order),
		ordersPerFile(this),
	)) {
		const fileName = newOrderFileName(now, taken);
		const content = orderFileContent(
			account,
			fileName,
			now,
			file.map((entry) => entry.order!),
		);
		output.push({
			json: {
				fileName,
				environment: account.environment,
				folder: account.folders.incoming,
				orders: file.map(orderSummary),
			},
			binary: {
				[binaryPropertyName]: await this.helpers.prepareBinaryData(
					Buffer.from(content, 'ascii'),
					fileName,
					'text/plain',
				),
			},
			pairedItem: file.map((entry) => ({ item: entry.itemIndex })),
		});
	}
	return output;
}
