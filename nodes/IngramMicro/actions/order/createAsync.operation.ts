import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, inputError, requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { END_USER, RESELLER, SHIP_TO, type AddressBlock } from '../common/addresses';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';
import { QUOTE_NUMBER_LABEL, quoteNumberLocator } from '../quote/quoteNumber';
import {
	ORDER_LINE_FIELDS,
	numberLines,
	orderCreateGroups,
	readAddresses,
	readOrderCreateHeader,
} from './fields';

// v7 lines may name the vendor part number instead of the Ingram one.
const LINES: LinesSpec = {
	noun: 'Line',
	fields: ORDER_LINE_FIELDS.flatMap((field) =>
		field.name === 'ingramPartNumber'
			? [
					{ ...field, required: false },
					{
						name: 'vendorPartNumber',
						displayName: 'Vendor Part Number',
						kind: 'string' as const,
						placeholder: 'e.g. 4XR32UT#ABA',
					},
				]
			: [field],
	),
	jsonExample: '[{"ingramPartNumber": "DF4128", "quantity": 2}]',
	required: true,
};

// The v7 address blocks have no third address line.
const withoutLine3 = (block: AddressBlock): AddressBlock => ({ ...block, omit: ['addressLine3'] });
const V7_BLOCKS: [AddressBlock, AddressBlock, AddressBlock] = [
	withoutLine3(SHIP_TO),
	withoutLine3(END_USER),
	withoutLine3(RESELLER),
];

const properties: INodeProperties[] = [
	{
		displayName:
			"Ingram Micro answers with a confirmation number only. The order (or why it failed) arrives later as the Ingram Micro Trigger's Order Created (Async Result) event.",
		name: 'asyncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Order From',
		name: 'orderFrom',
		type: 'options',
		default: 'lines',
		options: [
			{ name: 'Lines', value: 'lines', description: 'Order the products listed below' },
			{
				name: 'Quote Number',
				value: 'quote',
				description:
					'Order an Ingram Micro quote that is ready to order; its products and prices are used',
			},
		],
	},
	{
		...quoteNumberLocator,
		description:
			'The quote to order. Check it first with Quote › Validate, which also lists the fields the vendor requires.',
		displayOptions: { show: { orderFrom: ['quote'] } },
	},
	{
		displayName: 'Customer Order Number',
		name: 'customerOrderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. PO-10042',
		description:
			'Your purchase order number, at most 18 characters for this API. The Ingram Micro Trigger reports the result under this number.',
	},
	...linesProperties(LINES).map((property) => ({
		...property,
		displayOptions: { show: { orderFrom: ['lines'], ...property.displayOptions?.show } },
	})),
	...orderCreateGroups('v7', V7_BLOCKS),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['createAsync'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const orderFrom = this.getNodeParameter('orderFrom', itemIndex, 'lines') as string;
	const quoteNumber =
		orderFrom === 'quote'
			? requiredText.call(this, 'quoteNumber', itemIndex, {
					label: QUOTE_NUMBER_LABEL,
					maxLength: 35,
				})
			: undefined;
	const customerOrderNumber = requiredText.call(this, 'customerOrderNumber', itemIndex, {
		label: 'Customer Order Number',
		maxLength: 18,
	});
	// For quote-to-order Ingram takes products, quantities and prices from the quote and ignores lines.
	let lines: IDataObject[] | undefined;
	if (orderFrom === 'lines') {
		lines = numberLines(readLines.call(this, itemIndex, LINES));
		lines.forEach((line, index) => {
			if (line.ingramPartNumber === undefined && line.vendorPartNumber === undefined) {
				throw inputError(
					node,
					itemIndex,
					`Line ${index + 1}: "Ingram Part Number" or "Vendor Part Number" is required`,
				);
			}
		});
	}
	const addresses = readAddresses.call(this, itemIndex, V7_BLOCKS);
	const header = readOrderCreateHeader.call(this, itemIndex, 'v7');

	const body = compact({ quoteNumber, customerOrderNumber, ...header, ...addresses, lines });
	// Never resent: a second POST would queue a second order.
	const { body: confirmation } = await xiRequest.call(
		this,
		{ method: 'POST', path: '/resellers/v7/orders', body, retry: 'sendOnce' },
		itemIndex,
	);
	return {
		status: 'submitted',
		customerOrderNumber,
		...(confirmation && typeof confirmation === 'object' ? (confirmation as IDataObject) : {}),
	};
}
