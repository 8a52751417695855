import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { QUOTE_NUMBER_LABEL, quoteNumberLocator } from './quoteNumber';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns the order-level and line-level fields the vendor requires, which an order from this quote must carry',
		name: 'validateNotice',
		type: 'notice',
		default: '',
	},
	quoteNumberLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['quote'], operation: ['validate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const quoteNumber = requiredText.call(this, 'quoteNumber', itemIndex, {
		label: QUOTE_NUMBER_LABEL,
	});
	const { body } = await xiRequest.call(
		this,
		{ method: 'GET', path: '/resellers/v6/q2o/validatequote', qs: { quoteNumber }, retry: 'retry' },
		itemIndex,
	);
	return (body ?? {}) as IDataObject;
}
