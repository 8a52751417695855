import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, inputError, optionalText, positiveInteger } from '../../../../shared/input';
import { v5Identity, v5Request, withoutPreamble } from '../../../transport';
import { v5Description, v5Text } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Order Number',
		name: 'customerOrderNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Your purchase order number (at most 18 characters)',
	},
	{
		displayName: 'Order Type',
		name: 'orderType',
		type: 'options',
		default: 'Standard',
		options: [
			{ name: 'Standard', value: 'Standard' },
			{ name: 'Direct Ship', value: 'Direct Ship' },
		],
	},
	{
		displayName: 'Ship-To Address',
		name: 'shipTo',
		type: 'fixedCollection',
		default: {},
		required: true,
		placeholder: 'Add Ship-To Address',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Company or Name',
						name: 'addressline1',
						type: 'string',
						default: '',
						description:
							'Company name or person to deliver to (Ingram: carriers add surcharges when this line holds a street address)',
					},
					{ displayName: 'Street', name: 'addressline2', type: 'string', default: '' },
					{ displayName: 'Street 2', name: 'addressline3', type: 'string', default: '' },
					{ displayName: 'Attention', name: 'attention', type: 'string', default: '' },
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{
						displayName: 'State',
						name: 'state',
						type: 'string',
						default: '',
						description: 'Two-letter state or region code',
					},
					{ displayName: 'Postal Code', name: 'postalcode', type: 'string', default: '' },
					{
						displayName: 'Country Code',
						name: 'countrycode',
						type: 'string',
						default: '',
						placeholder: 'e.g. US',
					},
				],
			},
		],
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		required: true,
		placeholder: 'Add Line',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Ingram Part Number',
						name: 'ingramPartNumber',
						type: 'string',
						default: '',
						description: 'The Ingram Micro SKU (or give the Vendor Part Number instead)',
					},
					{
						displayName: 'Vendor Part Number',
						name: 'vendorPartNumber',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
					{
						displayName: 'Customer Line Number',
						name: 'lineNumber',
						type: 'string',
						default: '',
						description: 'Your own line number (optional)',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Duplicate Customer Order Number',
				name: 'allowDuplicateCustomerOrderNumber',
				type: 'boolean',
				default: false,
				description:
					'Whether to accept a Customer Order Number already used on another order (Ingram refuses it otherwise)',
			},
			{
				displayName: 'Carrier Code',
				name: 'carrierCode',
				type: 'string',
				default: '',
				description: 'Two-character Ingram Micro carrier code',
			},
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: 'A note on the order (start it with /// to keep it off the packing slip)',
			},
			{
				displayName: 'End User Order Number',
				name: 'endUserOrderNumber',
				type: 'string',
				default: '',
				description: "The end user's purchase order number (at most 18 characters)",
			},
			{
				displayName: 'Place On Customer Hold',
				name: 'placeOnCustomerHold',
				type: 'boolean',
				default: false,
				description: 'Whether Ingram Micro holds the order until you release it',
			},
			{
				displayName: 'Special Bid Number',
				name: 'specialBidNumber',
				type: 'string',
				default: '',
			},
		],
	},
];

export const description = v5Description('order', 'create', properties);

/** Ingram's limits on the ship-to address lines (v5 schema). */
const ADDRESS_FIELDS = [
	{ key: 'addressline1', label: 'Ship-To Address › Company or Name', max: 35, required: true },
	{ key: 'addressline2', label: 'Ship-To Address › Street', max: 35, required: true },
	{ key: 'addressline3', label: 'Ship-To Address › Street 2', max: 35 },
	{ key: 'attention', label: 'Ship-To Address › Attention', max: 35 },
	{ key: 'city', label: 'Ship-To Address › City', max: 21, required: true },
	{ key: 'state', label: 'Ship-To Address › State', max: 2, required: true },
	{ key: 'postalcode', label: 'Ship-To Address › Postal Code', max: 9, required: true },
	{ key: 'countrycode', label: 'Ship-To Address › Country Code', max: 2 },
] as const;

function readShipTo(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const address = ((this.getNodeParameter('shipTo', itemIndex, {}) as IDataObject).address ??
		{}) as IDataObject;
	const shipTo: IDataObject = {};
	for (const field of ADDRESS_FIELDS) {
		const value = optionalText(node, itemIndex, address[field.key], {
			label: field.label,
			maxLength: field.max,
		});
		if (!value && 'required' in field)
			throw inputError(node, itemIndex, `"${field.label}" is required`);
		if (value) shipTo[field.key] = value;
	}
	return shipTo;
}

function readLines(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const node = this.getNode();
	const entries = ((this.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ??
		[]) as IDataObject[];
	if (!entries.length) throw inputError(node, itemIndex, '"Lines" is empty: add at least one line');
	return entries.map((entry, position) => {
		const label = (field: string) => `Lines › Line ${position + 1} › ${field}`;
		const ingrampartnumber = optionalText(node, itemIndex, entry.ingramPartNumber, {
			label: label('Ingram Part Number'),
		});
		const vendorpartnumber = optionalText(node, itemIndex, entry.vendorPartNumber, {
			label: label('Vendor Part Number'),
		});
		if (!ingrampartnumber && !vendorpartnumber)
			throw inputError(
				node,
				itemIndex,
				`"${label('Ingram Part Number')}" is empty, and so is its Vendor Part Number`,
				'Give each line an Ingram part number or a vendor part number.',
			);
		return compact({
			linenumber: optionalText(node, itemIndex, entry.lineNumber, {
				label: label('Customer Line Number'),
			}),
			ingrampartnumber,
			vendorpartnumber: ingrampartnumber ? undefined : vendorpartnumber,
			// v5 types the quantity as text
			quantity: String(positiveInteger(node, itemIndex, entry.quantity ?? 1, label('Quantity'))),
		});
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const customerponumber = v5Text(
		this,
		'customerOrderNumber',
		itemIndex,
		'Customer Order Number',
		18,
	);
	const shiptoaddress = readShipTo.call(this, itemIndex);
	const lines = readLines.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const comment = optionalText(node, itemIndex, options.comment, { label: 'Comment' });
	const extendedspecs = [
		...(options.allowDuplicateCustomerOrderNumber === true
			? [{ attributename: 'duplicatecustomerordernumbervalidate', attributevalue: 'ALLOW' }]
			: []),
		...(options.placeOnCustomerHold === true
			? [{ attributename: 'placeoncustomerhold', attributevalue: 'Y' }]
			: []),
		...(comment ? [{ attributename: 'commenttext', attributevalue: comment }] : []),
	];
	const details = compact({
		customerponumber,
		ordertype: this.getNodeParameter('orderType', itemIndex, 'Standard') as string,
		enduserordernumber: optionalText(node, itemIndex, options.endUserOrderNumber, {
			label: 'End User Order Number',
			maxLength: 18,
		}),
		shiptoaddress,
		carriercode: optionalText(node, itemIndex, options.carrierCode, {
			label: 'Carrier Code',
			maxLength: 2,
		}),
		specialbidnumber: optionalText(node, itemIndex, options.specialBidNumber, {
			label: 'Special Bid Number',
		}),
		lines,
		extendedspecs: extendedspecs.length ? extendedspecs : undefined,
	});
	const { customerNumber, countryCode } = await v5Identity.call(this);
	const { content, status } = await v5Request.call(
		this,
		{
			method: 'POST',
			path: '/Orders',
			body: {
				ordercreaterequest: {
					requestpreamble: { isocountrycode: countryCode, customernumber: customerNumber },
					ordercreatedetails: details,
				},
			},
			// No idempotency key: a second send would be a second order.
			retry: 'sendOnce',
			envelope: 'serviceresponse',
			advice:
				'No order was created. Correct what Ingram Micro names (SKUs, quantities, ship-to address, or a Customer Order Number already used: see the option Allow Duplicate Customer Order Number) and run again.',
		},
		itemIndex,
	);
	return { message: status?.message, ...withoutPreamble(content) };
}
