import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, formatDate, optionalText } from '../../../../shared/input';
import { keyOf, v5AllPages, v5Identity, v5Request } from '../../../transport';
import { returnAllOrLimitFields } from '../../../../shared/fields';
import { readLimit } from '../../common/fields';
import { list, tooManyPages, v5Description } from '../common';

const properties: INodeProperties[] = [
	...returnAllOrLimitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Customer Order Number',
				name: 'customerOrderNumber',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Ingram Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 20-RD128',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Invoiced', value: 'I' },
					{ name: 'Pending', value: 'P' },
					{ name: 'Released', value: 'R' },
					{ name: 'Shipped', value: '4' },
					{ name: 'Voided', value: 'V' },
				],
			},
		],
	},
];

export const description = v5Description('order', 'search', properties);

const DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssZZ";

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qsFilters = compact({
		ordernumber: optionalText(node, itemIndex, filters.orderNumber, {
			label: 'Filters › Ingram Order Number',
		}),
		customerordernumber: optionalText(node, itemIndex, filters.customerOrderNumber, {
			label: 'Filters › Customer Order Number',
		}),
		orderstatus: filters.status === 'any' ? undefined : (filters.status as string | undefined),
		startcreatetimestamp: formatDate(
			node,
			itemIndex,
			filters.createdAfter,
			'Filters › Created After',
			DATE_TIME,
		),
		endcreatetimestamp: formatDate(
			node,
			itemIndex,
			filters.createdBefore,
			'Filters › Created Before',
			DATE_TIME,
		),
	});
	const { customerNumber, countryCode } = await v5Identity.call(this);
	return await v5AllPages(
		async (page, pageSize) => {
			const { content, empty } = await v5Request.call(
				this,
				{
					method: 'GET',
					path: '/Orders/search',
					qs: {
						customerNumber,
						isocountrycode: countryCode,
						...qsFilters,
						pagenumber: page,
						pagesize: pageSize,
					},
					retry: 'retry',
					envelope: 'serviceresponse',
					advice:
						'Check the filters, and the Customer Number and Country Code of the Ingram Micro credential.',
					// Ingram answers FAILED "No data found" for a search (or page) without results.
					isEmptyResult: (status) => /no data/i.test(status.message),
				},
				itemIndex,
			);
			const found = keyOf(content, 'ordersearchresponse') as IDataObject | undefined;
			const total = Number(found?.ordersfound);
			return {
				items: empty ? [] : list(found?.orders),
				total: Number.isFinite(total) ? total : undefined,
			};
		},
		limit,
		tooManyPages(this, itemIndex),
	);
}
