import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, formatDate, optionalText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { pick, simplifyField } from '../common/fields';
import {
	orderNumberLocator,
	readOrderNumber,
	readSandboxTesting,
	sandboxTestingField,
} from './fields';

const properties: INodeProperties[] = [
	orderNumberLocator(
		'The Ingram Micro sales order number, or a sub-order number such as 20-RD128-11.',
	),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ingram Order Date',
				name: 'ingramOrderDate',
				type: 'dateTime',
				default: '',
				description: 'The date Ingram Micro created the order, to narrow the lookup',
			},
			{
				displayName: 'Ingram Micro Lifecycle (IML) Customer',
				name: 'isIml',
				type: 'boolean',
				default: false,
				description:
					'Whether your account is an Ingram Micro Lifecycle (IML) customer account. Only IML customers need this option; leave it out otherwise.',
			},
			{ displayName: 'Vendor Number', name: 'vendorNumber', type: 'string', default: '' },
		],
	},
	sandboxTestingField('withSimulateStatus'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

const SIMPLE_FIELDS = [
	'ingramOrderNumber',
	'customerOrderNumber',
	'endCustomerOrderNumber',
	'orderStatus',
	'ingramOrderDate',
	'orderType',
	'orderTotal',
	'orderSubTotal',
	'freightCharges',
	'totalTax',
	'currencyCode',
	'shipToInfo',
] as const;

const SIMPLE_LINE_FIELDS = [
	'ingramOrderLineNumber',
	'customerLineNumber',
	'lineStatus',
	'ingramPartNumber',
	'vendorPartNumber',
	'partDescription',
	'quantityOrdered',
	'quantityConfirmed',
	'quantityBackOrdered',
	'unitPrice',
	'extendedPrice',
	'promisedDeliveryDate',
] as const;

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** Tracking numbers sit four levels down: line › shipment › carrier › tracking details. */
const trackingNumbers = (line: IDataObject) => [
	...new Set(
		list(line.shipmentDetails)
			.flatMap((shipment) => list(shipment.carrierDetails))
			.flatMap((carrier) => list(carrier.trackingDetails))
			.map((tracking) => String(tracking.trackingNumber ?? '').trim())
			.filter(Boolean),
	),
];

function simplify(order: IDataObject): IDataObject {
	const lines = list(order.lines).map((line) => ({
		...pick(line, SIMPLE_LINE_FIELDS),
		trackingNumbers: trackingNumbers(line),
	}));
	return {
		...pick(order, SIMPLE_FIELDS),
		trackingNumbers: [...new Set(lines.flatMap((line) => line.trackingNumbers))],
		lines,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const orderNumber = readOrderNumber.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = compact({
		ingramOrderDate: formatDate(node, itemIndex, options.ingramOrderDate, 'Ingram Order Date'),
		vendorNumber: optionalText(node, itemIndex, options.vendorNumber, { label: 'Vendor Number' }),
		isIml: options.isIml as boolean | undefined,
		...readSandboxTesting.call(this, itemIndex),
	});
	const { body } = await xiRequest.call(
		this,
		{
			method: 'GET',
			path: `/resellers/v6.1/orders/${encodeURIComponent(orderNumber)}`,
			qs,
			retry: 'retry',
		},
		itemIndex,
	);
	const order = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const simple = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simple ? simplify(order) : order;
}
