import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../../shared/input';
import {
	filtersCollection,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	textFilterOptions,
	type TextFilter,
} from '../common/fields';

// Ingram's deal search has no date filters and no sort.
const TEXT_FILTERS: TextFilter[] = [
	{
		name: 'dealId',
		displayName: 'Deal ID',
		placeholder: 'e.g. 12345678',
		description: 'Deal or special bid number',
	},
	{
		name: 'endUser',
		displayName: 'End User',
		placeholder: 'e.g. EnduserCompany',
		description: 'Name of the end user (customer)',
	},
	{
		name: 'vendor',
		displayName: 'Vendor',
		placeholder: 'e.g. Cisco',
		description: 'Name of the vendor',
	},
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection(textFilterOptions(TEXT_FILTERS)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['deal'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact(readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	return await searchWithLimit.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/resellers/v6/deals/search', qs, retry: 'retry' },
		// deals spell their page parameters Page/Size
		{ parameters: 'Page/Size', itemsKey: 'deals' },
	);
}
