import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, formatDate, optionalText } from '../../../../shared/input';
import { v5AllPages, v5Identity, v5Request } from '../../../transport';
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
			{ displayName: 'Bid Number', name: 'bidNumber', type: 'string', default: '' },
			{
				displayName: 'Created From',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Created To',
				name: 'toDate',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'End User Name',
				name: 'endUserName',
				type: 'string',
				default: '',
				description: 'Part of the end user name',
			},
			{
				displayName: 'Quote Number',
				name: 'quoteNumber',
				type: 'string',
				default: '',
				description: 'Part of the quote number',
			},
		],
	},
];

export const description = v5Description('quote', 'search', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const text = (key: string, label: string, maxLength: number) =>
		optionalText(node, itemIndex, filters[key], { label: `Filters › ${label}`, maxLength });
	const retrieve = compact({
		quoteNumber: text('quoteNumber', 'Quote Number', 100),
		bidNumber: text('bidNumber', 'Bid Number', 100),
		endUserName: text('endUserName', 'End User Name', 300),
		fromDate: formatDate(node, itemIndex, filters.fromDate, 'Filters › Created From'),
		toDate: formatDate(node, itemIndex, filters.toDate, 'Filters › Created To'),
	});
	const { customerNumber, countryCode } = await v5Identity.call(this);
	return await v5AllPages(
		async (page, pageSize) => {
			const { content } = await v5Request.call(
				this,
				{
					method: 'POST',
					path: '/quote/search',
					body: {
						quoteSearchRequest: {
							requestPreamble: { customerNumber, isoCountryCode: countryCode },
							// v5 types the paging values as text
							retrieveQuoteRequest: {
								...retrieve,
								pageIndex: String(page),
								recordsPerPage: String(pageSize),
							},
						},
					},
					// A search changes nothing, so it may be retried.
					retry: 'retry',
					envelope: 'quoteSearchResponse',
					advice:
						'Check the filters (dates as YYYY-MM-DD), and the Customer Number and Country Code of the Ingram Micro credential.',
				},
				itemIndex,
			);
			const total = Number(content.totalCount);
			return {
				items: list(content.quoteList ?? content.quotelist),
				total: Number.isFinite(total) ? total : undefined,
			};
		},
		limit,
		tooManyPages(this, itemIndex),
	);
}
