import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, optionalText, textList } from '../../../shared/input';
import { ingramCode } from '../common/codes';
import { returnAllOrLimit, searchWithLimit } from '../common/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Keywords',
		name: 'keyword',
		type: 'string',
		default: '',
		placeholder: 'e.g. laptop, 4XR32UT',
		description:
			'Ingram part numbers, vendor part numbers, words of the title or vendor names. Separate several with commas.',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'string',
				default: '',
				placeholder: 'e.g. Displays',
			},
			{
				displayName: 'Has Discounts',
				name: 'hasDiscounts',
				type: 'boolean',
				default: true,
				description: 'Whether to return only products with discounts',
			},
			{
				displayName: 'Language',
				name: 'acceptLanguage',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'Language of the descriptions (sent as Accept-Language)',
			},
			{
				displayName: 'Plan ID',
				name: 'planID',
				type: 'string',
				default: '',
				description: 'Subscription plan ID',
			},
			{ displayName: 'Product Group Name', name: 'groupName', type: 'string', default: '' },
			{
				displayName: 'Show Group Info',
				name: 'showGroupInfo',
				type: 'boolean',
				default: false,
				description: 'Whether to return product group information instead of plans',
			},
			{
				displayName: 'Skip Authorization',
				name: 'skipAuthorisation',
				type: 'boolean',
				default: false,
				description: 'Whether to include products you are not authorized to buy',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Digital', value: 'digital' },
					{ name: 'Physical', value: 'physical' },
				],
			},
			{
				displayName: 'Vendor Names',
				name: 'vendor',
				type: 'string',
				default: '',
				placeholder: 'e.g. HP, Lenovo',
				description: 'Separate several with commas',
			},
			{ displayName: 'Vendor Number', name: 'vendorNumber', type: 'string', default: '' },
			{
				displayName: 'Vendor Part Numbers',
				name: 'vendorPartNumber',
				type: 'string',
				default: '',
				description: 'Separate several with commas',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const text = (name: string, label: string) =>
		optionalText(node, itemIndex, filters[name], { label });
	const keyword = textList(
		node,
		itemIndex,
		this.getNodeParameter('keyword', itemIndex, ''),
		'Keywords',
	);
	const vendor = textList(node, itemIndex, filters.vendor, 'Vendor Names');
	const vendorPartNumber = textList(
		node,
		itemIndex,
		filters.vendorPartNumber,
		'Vendor Part Numbers',
	);
	const qs = compact({
		keyword: keyword.length ? keyword : undefined,
		vendor: vendor.length ? vendor : undefined,
		vendorPartNumber: vendorPartNumber.length ? vendorPartNumber : undefined,
		vendorNumber: text('vendorNumber', 'Vendor Number'),
		category: text('category', 'Category'),
		type: ingramCode(text('type', 'Type')),
		// the spec types these flags as strings
		hasDiscounts: filters.hasDiscounts === undefined ? undefined : String(filters.hasDiscounts),
		skipAuthorisation:
			filters.skipAuthorisation === undefined ? undefined : String(filters.skipAuthorisation),
		groupName: text('groupName', 'Product Group Name'),
		planID: text('planID', 'Plan ID'),
		showGroupInfo: filters.showGroupInfo as boolean,
	});
	const language = text('acceptLanguage', 'Language') ?? '';
	return await searchWithLimit.call(
		this,
		itemIndex,
		{
			method: 'GET',
			path: '/resellers/v6/catalog',
			qs,
			headers: language ? { 'Accept-Language': language } : undefined,
			retry: 'retry',
		},
		{ parameters: 'pageNumber/pageSize', itemsKey: 'catalog', emptyOn404: true },
	);
}
