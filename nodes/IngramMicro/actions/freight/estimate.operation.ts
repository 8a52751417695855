import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, inputError, optionalText, requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { addressCollection, readAddress, type AddressBlock } from '../common/addresses';
import { simplifyField } from '../common/fields';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';

/** The freight request's address has no contact, phone or email (YAML spec: an object, not an array). */
const SHIP_TO_ADDRESS: AddressBlock = {
	name: 'shipToAddress',
	displayName: 'Ship-To Address',
	description: 'Where the goods would be shipped',
	omit: ['contact', 'phoneNumber', 'email'],
};

const LINES: LinesSpec = {
	noun: 'Line',
	required: true,
	jsonExample: '[{"ingramPartNumber": "A300-123456", "quantity": 2, "warehouseId": "20"}]',
	fields: [
		{
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			kind: 'string',
			required: true,
			placeholder: 'e.g. A300-123456',
		},
		// the spec types the freight quantity as a string
		{
			name: 'quantity',
			displayName: 'Quantity',
			kind: 'integer',
			required: true,
			sendAsString: true,
		},
		{
			name: 'customerLineNumber',
			displayName: 'Customer Line Number',
			kind: 'string',
			placeholder: 'e.g. 001',
		},
		{
			name: 'warehouseId',
			displayName: 'Warehouse ID',
			kind: 'string',
			placeholder: 'e.g. 20',
			description: 'The Ingram Micro warehouse the line would ship from',
		},
		{
			name: 'carrierCode',
			displayName: 'Carrier Code',
			kind: 'string',
			placeholder: 'e.g. RG',
			description: 'Estimate for this carrier only',
		},
	],
};

const properties: INodeProperties[] = [
	{
		displayName: 'Ship-To',
		name: 'shipTo',
		type: 'options',
		default: 'addressId',
		options: [
			{
				name: 'Address ID',
				value: 'addressId',
				description: 'A ship-to address already on your Ingram Micro account',
			},
			{ name: 'Address', value: 'address', description: 'A full address' },
		],
	},
	{
		displayName: 'Ship-To Address ID',
		name: 'shipToAddressId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 200',
		description: 'The ID of a ship-to address on your Ingram Micro account',
		displayOptions: { show: { shipTo: ['addressId'] } },
	},
	{ ...addressCollection(SHIP_TO_ADDRESS), displayOptions: { show: { shipTo: ['address'] } } },
	...linesProperties(LINES),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Bill-To Address ID',
				name: 'billToAddressId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 000',
				description:
					'Suffix of the bill-to address, when your account has several (e.g. one per flooring company)',
			},
		],
	},
	{
		...simplifyField,
		description:
			'Whether to return one item per carrier option (warehouse, carrier, charge, transit days) instead of the full estimate',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['freight'], operation: ['estimate'] } },
	properties,
);

/** Ingram sends some of these numbers as strings ("19.7"); keep the original when it is not a number. */
const asNumber = (value: unknown) => {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : value;
};

/** One record per carrier a warehouse offers: what a workflow compares to pick a carrier code for the order. */
function carrierOptions(estimate: IDataObject): IDataObject[] {
	const distribution = (
		Array.isArray(estimate.distribution) ? estimate.distribution : []
	) as IDataObject[];
	return distribution.flatMap((branch) => {
		const carriers = (Array.isArray(branch.carrierList) ? branch.carrierList : []) as IDataObject[];
		// a branch without a carrier list still names the carrier Ingram would use
		const offers = carriers.length
			? carriers.map((carrier) => ({
					code: carrier.carrierCode,
					name: carrier.shipVia,
					mode: carrier.carrierMode,
					charge: carrier.estimatedFreightCharge,
					days: carrier.daysInTransit,
				}))
			: [
					{
						code: branch.carrierCode,
						name: branch.shipVia,
						mode: undefined,
						charge: branch.freightRate,
						days: branch.transitDays,
					},
				];
		return offers.map((offer) =>
			compact({
				warehouseId: branch.shipFromBranchNumber as string,
				carrierCode: offer.code as string,
				// Ingram pads carrier names ("UPS GROUND  ")
				carrierName:
					offer.name === undefined || offer.name === null ? undefined : String(offer.name).trim(),
				carrierMode: offer.mode as string,
				freightCharge: asNumber(offer.charge) as number,
				transitDays: asNumber(offer.days) as number,
				totalWeight: asNumber(branch.totalWeight) as number,
				currencyCode: estimate.currencyCode as string,
			}),
		);
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const body: IDataObject = {};
	if (this.getNodeParameter('shipTo', itemIndex) === 'address') {
		const address = readAddress(
			node,
			itemIndex,
			this.getNodeParameter('shipToAddress', itemIndex, {}),
			SHIP_TO_ADDRESS,
		);
		// without a postal code and country there is nothing to estimate against
		for (const [key, label] of [
			['postalCode', 'Postal Code'],
			['countryCode', 'Country Code'],
		]) {
			if (!address?.[key])
				throw inputError(node, itemIndex, `"Ship-To Address › ${label}" is required`);
		}
		body.shipToAddress = address;
	} else {
		body.shipToAddressId = requiredText.call(this, 'shipToAddressId', itemIndex, {
			label: 'Ship-To Address ID',
		});
	}
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const billToAddressId = optionalText(node, itemIndex, additionalFields.billToAddressId, {
		label: 'Bill-To Address ID',
	});
	if (billToAddressId) body.billToAddressId = billToAddressId;
	body.lines = readLines.call(this, itemIndex, LINES);

	const response = await xiRequest.call(
		this,
		{
			method: 'POST',
			path: '/resellers/v6/freightestimate',
			body,
			extraHeaders: ['customerContact'],
			// an estimate creates nothing, so it is safe to resend
			retry: 'retry',
		},
		itemIndex,
	);
	const answer = response.body as IDataObject;
	const estimate = (answer?.freightEstimateResponse ?? answer ?? {}) as IDataObject;
	if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return estimate;
	const options = carrierOptions(estimate);
	// no carrier offered: still say what Ingram answered rather than output nothing
	return options.length ? options : estimate;
}
