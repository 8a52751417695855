import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, inputError, requiredText } from '../../../shared/input';
import { xiRequest, type XiResponse } from '../../transport';
import { END_USER, RESELLER, SHIP_TO } from '../common/addresses';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';
import {
	ORDER_LINE_FIELDS,
	numberLines,
	orderCreateGroups,
	readAddresses,
	readOrderCreateHeader,
	rejectedLines,
} from './fields';

const LINES: LinesSpec = {
	noun: 'Line',
	fields: ORDER_LINE_FIELDS,
	jsonExample: '[{"ingramPartNumber": "DF4128", "quantity": 2}]',
	required: true,
};

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Order Number',
		name: 'customerOrderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. PO-10042',
		description:
			'Your purchase order number (at most 35 characters). Ingram Micro refuses a number it already has unless "Allow Duplicate Customer Order Number" is on.',
	},
	...linesProperties(LINES),
	...orderCreateGroups('v6', [SHIP_TO, END_USER, RESELLER]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	properties,
);

/** The v6 spec types the reseller phone number as an integer: keep the digits, send a number. */
function phoneAsNumber(node: INode, itemIndex: number, phone: unknown): number | undefined {
	if (phone === undefined) return undefined;
	const digits = String(phone).replace(/[\s().+-]/g, '');
	if (!/^\d{1,15}$/.test(digits)) {
		throw inputError(
			node,
			itemIndex,
			`"Reseller › Phone Number" must contain only digits (got "${String(phone)}")`,
			'The order API takes the reseller phone number as a number: spaces, dashes, dots, brackets and "+" are removed, anything else is refused. A leading 0 is lost.',
		);
	}
	return Number(digits);
}

/**
 * One item per Ingram order the PO became (a PO can be split), each with its lines and rejected
 * lines, plus PO-wide counts so a workflow can branch on a partial order (HTTP 207).
 */
function toItems(body: IDataObject, statusCode: number): IDataObject[] {
	const { orders, ...header } = body;
	const created = (Array.isArray(orders) ? (orders as IDataObject[]) : []).map(
		(order): IDataObject => ({
			...order,
			rejectedLineItems: rejectedLines(order),
		}),
	);
	const count = (key: 'lines' | 'rejectedLineItems') =>
		created.reduce(
			(sum, order) => sum + (Array.isArray(order[key]) ? (order[key] as unknown[]).length : 0),
			0,
		);
	const rejected = count('rejectedLineItems');
	const summary = {
		status: statusCode === 207 || rejected > 0 ? 'partial' : 'accepted',
		acceptedLines: count('lines'),
		rejectedLines: rejected,
	};
	if (created.length === 0) return [{ ...summary, ...header }];
	return created.map((order) => ({ ...summary, ...header, ...order }));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const customerOrderNumber = requiredText.call(this, 'customerOrderNumber', itemIndex, {
		label: 'Customer Order Number',
		maxLength: 35,
	});
	const lines = numberLines(readLines.call(this, itemIndex, LINES));
	const addresses = readAddresses.call(this, itemIndex, [SHIP_TO, END_USER, RESELLER]);
	if (addresses.resellerInfo) {
		addresses.resellerInfo = compact({
			...addresses.resellerInfo,
			phoneNumber: phoneAsNumber(node, itemIndex, addresses.resellerInfo.phoneNumber),
		});
	}
	const header = readOrderCreateHeader.call(this, itemIndex, 'v6');

	const body = compact({ customerOrderNumber, ...header, ...addresses, lines });
	// Never resent: Ingram has no idempotency key, a second POST would be a second order.
	const response = (await xiRequest.call(
		this,
		{ method: 'POST', path: '/resellers/v6/orders', body, retry: 'sendOnce' },
		itemIndex,
	)) as XiResponse<IDataObject | undefined>;
	return toItems(response.body ?? {}, response.statusCode);
}
