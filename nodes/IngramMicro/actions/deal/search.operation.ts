import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, optionalText } from '../../helpers/input';
import { returnAllOrLimit, searchWithLimit } from '../common/fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Deal ID',
				name: 'dealId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12345678',
				description: 'Deal or special bid number',
			},
			{
				displayName: 'End User',
				name: 'endUser',
				type: 'string',
				default: '',
				placeholder: 'e.g. EnduserCompany',
				description: 'Name of the end user (customer)',
			},
			{
				displayName: 'Vendor',
				name: 'vendor',
				type: 'string',
				default: '',
				placeholder: 'e.g. Cisco',
				description: 'Name of the vendor',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		endUser: optionalText(node, itemIndex, filters.endUser, { label: 'End User' }),
		vendor: optionalText(node, itemIndex, filters.vendor, { label: 'Vendor' }),
		dealId: optionalText(node, itemIndex, filters.dealId, { label: 'Deal ID' }),
	});
	return await searchWithLimit.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/resellers/v6/deals/search', qs, retry: 'retry' },
		// deals spell their page parameters Page/Size
		{ parameters: 'Page/Size', itemsKey: 'deals' },
	);
}
