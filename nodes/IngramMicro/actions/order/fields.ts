import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import {
	booleanValue,
	compact,
	describeValue,
	formatDate,
	inputError,
	jsonValue,
	optionalText,
	requiredText,
} from '../../../shared/input';
import { ingramCode } from '../common/codes';
import { addressCollection, readAddress, type AddressBlock } from '../common/addresses';
import { additionalAttributesField, idLocator, readAdditionalAttributes } from '../common/fields';
import type { LineField } from '../common/lines';

/** Order create v6 (synchronous) and v7 (asynchronous) differ in limits and in a few shapes. */
export type CreateVersion = 'v6' | 'v7';

/** Get, Update and Cancel address one Ingram order. */
export const orderNumberLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'orderNumber',
		displayName: 'Order Number',
		placeholder: 'e.g. 20-RD3QV',
		description: `${description} In the list, type an Ingram order number or your PO number to find it.`,
		pattern: '^\\s*[A-Za-z0-9]{2}-[A-Za-z0-9-]+\\s*$',
		patternHint: 'An Ingram Micro order number looks like 20-RD3QV',
		listSearch: 'searchOrders',
	});

/** The v6.1 details path takes at most 12 characters; sub-order numbers (20-RD128-11) fit. */
export function readOrderNumber(this: IExecuteFunctions, itemIndex: number): string {
	return requiredText.call(this, 'orderNumber', itemIndex, {
		label: 'Order Number',
		maxLength: 12,
	});
}

const regionCodeOption: INodeProperties = {
	displayName: 'Region Code',
	name: 'regionCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. CS',
	description: 'The sandbox region to run the call in',
};

const simulateStatusOption: INodeProperties = {
	displayName: 'Simulate Status',
	name: 'simulateStatus',
	type: 'options',
	default: 'SHIPPED',
	description: 'Have the sandbox answer with the order in this status',
	options: [
		{ name: 'Hold', value: 'HOLD' },
		{ name: 'Invoiced', value: 'INVOICED' },
		{ name: 'Partially Shipped', value: 'PARTIALLY_SHIPPED' },
		{ name: 'Shipped', value: 'SHIPPED' },
	],
};

/**
 * Options only Ingram's sandbox understands, in a group of their own so that they do not sit among
 * the production options. Get offers both; Update and Cancel only the region.
 */
export function sandboxTestingField(
	simulateStatus: 'withSimulateStatus' | 'regionOnly',
): INodeProperties {
	return {
		displayName: 'Sandbox Testing',
		name: 'sandboxTesting',
		type: 'collection',
		placeholder: 'Add Sandbox Option',
		default: {},
		description:
			"Only for Ingram Micro's sandbox (credential Environment: Sandbox), to try things out. Not for production: leave this empty there.",
		options: [
			regionCodeOption,
			...(simulateStatus === 'withSimulateStatus' ? [simulateStatusOption] : []),
		],
	};
}

/** The query parameters of the Sandbox Testing group (Ingram spells the statuses IM::SHIPPED …). */
export function readSandboxTesting(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const input = this.getNodeParameter('sandboxTesting', itemIndex, {}) as IDataObject;
	const text = (name: string, label: string) =>
		optionalText(node, itemIndex, input[name], { label: `Sandbox Testing › ${label}` });
	return compact({
		regionCode: text('regionCode', 'Region Code'),
		simulateStatus: ingramCode(text('simulateStatus', 'Simulate Status')),
	});
}

/** Order lines as both create APIs take them (v7 adds fields, see createAsync). */
export const ORDER_LINE_FIELDS: LineField[] = [
	{
		name: 'ingramPartNumber',
		displayName: 'Ingram Part Number',
		kind: 'string',
		required: true,
		maxLength: 18,
		placeholder: 'e.g. DF4128',
	},
	{ name: 'quantity', displayName: 'Quantity', kind: 'integer', required: true },
	{
		name: 'customerLineNumber',
		displayName: 'Customer Line Number',
		kind: 'string',
		maxLength: 3,
		placeholder: 'e.g. 1',
		description:
			'Your number for the line, unique in the order (1 to 884 keeps Ingram Micro from renumbering). When no line has one, lines are numbered 1, 2, 3… in order.',
	},
	{ name: 'specialBidNumber', displayName: 'Special Bid Number', kind: 'string', maxLength: 36 },
	{
		name: 'unitPrice',
		displayName: 'Unit Price',
		kind: 'number',
		description: 'The unit price you ask for; Ingram Micro does not guarantee it',
	},
	{ name: 'endUserPrice', displayName: 'End User Price', kind: 'number' },
	{ name: 'notes', displayName: 'Notes', kind: 'string' },
];

/**
 * Rejected lines come back keyed by customer line number only, so lines without one are numbered
 * (1, 2, 3 …) to let a workflow match a rejection to its own line.
 */
export function numberLines(lines: IDataObject[]): IDataObject[] {
	if (lines.some((line) => line.customerLineNumber !== undefined)) return lines;
	return lines.map((line, index) => ({ customerLineNumber: String(index + 1), ...line }));
}

/**
 * `additionalAttributes` flags Ingram documents for order create, offered as switches. Each one
 * takes a risk, so it is off until the user turns it on; Ingram treats a missing flag as off.
 */
const ORDER_FLAGS: INodeProperties[] = [
	{
		displayName: 'Allow Duplicate Customer Order Number',
		name: 'allowDuplicateCustomerOrderNumber',
		type: 'boolean',
		default: false,
		description:
			'Whether Ingram Micro may accept the order although an order with the same Customer Order Number exists. On: a workflow that runs twice orders twice. Off: Ingram Micro refuses the duplicate.',
	},
	{
		displayName: 'Allow Order On Customer Hold',
		name: 'allowOrderOnCustomerHold',
		type: 'boolean',
		default: false,
		description:
			'Whether to place the order on customer hold. On: nothing ships until you release the order with Order › Update; until then it can be changed or cancelled, and after 24 hours Ingram Micro voids it. Off: Ingram Micro processes the order at once.',
	},
	{
		displayName: 'Allow Partial Order',
		name: 'allowPartialOrder',
		type: 'boolean',
		default: false,
		description:
			"Whether Ingram Micro may create the order when some lines fail (e.g. an unknown SKU). On: the other lines are ordered and the failed ones come back as rejected lines. Off: your Ingram Micro account's default applies.",
	},
];

const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The optional header fields of an order create, with each version's limits. */
function orderCreateOptions(version: CreateVersion): INodeProperties {
	const options: INodeProperties[] = [
		...ORDER_FLAGS,
		{
			displayName: 'Accept Back Order',
			name: 'acceptBackOrder',
			type: 'boolean',
			default: true,
			description:
				'Whether to accept the order when products are back-ordered. Ingram Micro ignores it when a Ship Complete rule is set.',
		},
		additionalAttributesField,
		{
			displayName: 'Bill-To Address ID',
			name: 'billToAddressId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 000',
			description: 'Suffix of one of your billing addresses, set up during onboarding',
		},
		{
			displayName: 'End Customer Order Number',
			name: 'endCustomerOrderNumber',
			type: 'string',
			default: '',
			description: "The end customer's purchase order number",
		},
		{
			displayName: 'Notes',
			name: 'notes',
			type: 'string',
			default: '',
			description: 'Order-level notes',
		},
		{
			displayName: 'Special Bid Number',
			name: 'specialBidNumber',
			type: 'string',
			default: '',
			description: 'Vendor bid for special pricing; a bid number on a line takes precedence',
		},
		{
			displayName: 'Vendor Authorization Number',
			name: 'vendAuthNumber',
			type: 'string',
			default: '',
			description:
				'Authorization number the vendor gave you. Some vendors require it (warranty orders, for example); without it Ingram Micro puts the order on hold.',
		},
	];
	if (version === 'v7') {
		options.push(
			{
				...additionalAttributesField,
				displayName: 'Vendor Mandatory Fields',
				name: 'vmfAdditionalAttributes',
				placeholder: 'Add Field',
				description:
					'Order-level fields the vendor requires (Quote › Validate lists them). Ingram Micro is phasing this list out in favour of the per-product list below.',
			},
			{
				displayName: 'Vendor Mandatory Fields per Product (JSON)',
				name: 'vmfVendorAdditionalAttributes',
				type: 'json',
				default: '[]',
				description:
					'The fields each vendor requires per product, as Vendor Required Info › Get returns them with values filled in: a JSON array such as [{"vendorName": "CISCO", "productId": "…", "additionalAttributes": [{"attributeName": "…", "attributeValue": "…"}]}]',
			},
		);
	}
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: options.sort(byName),
	};
}

const HEADER_LIMITS: Record<CreateVersion, Record<string, number | undefined>> = {
	v6: { billToAddressId: 10 },
	v7: { endCustomerOrderNumber: 18 },
};

/** Reads the Additional Fields of an order create into Ingram's body shape. */
export function readOrderCreateOptions(
	node: INode,
	itemIndex: number,
	input: IDataObject,
	version: CreateVersion,
): IDataObject {
	const text = (name: string, label: string) =>
		optionalText(node, itemIndex, input[name], { label, maxLength: HEADER_LIMITS[version][name] });

	// A switch is sent only when on (off is Ingram's default, so sending "false" would change nothing).
	// One that is on wins over a same-named entry in the generic list, so an attribute is sent once.
	const flags = ORDER_FLAGS.filter(
		(flag) =>
			input[flag.name] !== undefined &&
			booleanValue(node, itemIndex, input[flag.name], flag.displayName),
	).map((flag) => ({ attributeName: flag.name, attributeValue: 'true' }));
	const attributes = [
		...readAdditionalAttributes(node, itemIndex, input.additionalAttributes).filter(
			(entry) => !flags.some((flag) => flag.attributeName === entry.attributeName),
		),
		...flags,
	];
	const vendAuthNumber = text('vendAuthNumber', 'Vendor Authorization Number');

	const body: IDataObject = {
		endCustomerOrderNumber: text('endCustomerOrderNumber', 'End Customer Order Number'),
		billToAddressId: text('billToAddressId', 'Bill-To Address ID'),
		specialBidNumber: text('specialBidNumber', 'Special Bid Number'),
		notes: text('notes', 'Notes'),
		acceptBackOrder: input.acceptBackOrder as boolean | undefined,
		additionalAttributes: attributes.length ? attributes : undefined,
	};
	// v6 nests the vendor authorization under `vmf`; v7 has it at the top level.
	if (vendAuthNumber) {
		if (version === 'v6') body.vmf = { vendAuthNumber };
		else body.vendAuthNumber = vendAuthNumber;
	}
	if (version === 'v7') {
		const vmf = readAdditionalAttributes(
			node,
			itemIndex,
			input.vmfAdditionalAttributes,
			'Vendor Mandatory Fields',
		);
		body.vmfAdditionalAttributes = vmf.length ? vmf : undefined;
		const label = 'Vendor Mandatory Fields per Product (JSON)';
		const parsed = jsonValue(node, itemIndex, input.vmfVendorAdditionalAttributes, label, []);
		if (!Array.isArray(parsed)) {
			throw inputError(
				node,
				itemIndex,
				`"${label}" must be a JSON array, but it is ${describeValue(parsed)}`,
			);
		}
		body.vmfVendorAdditionalAttributes = parsed.length ? (parsed as IDataObject[]) : undefined;
	}
	return compact(body);
}

/** How Ingram may split or hold back a shipment (the spec also lists "true", which means C). */
const SHIP_COMPLETE_OPTIONS = [
	{
		name: 'Complete per Distribution (C)',
		value: 'C',
		description: 'Ship each distribution only when it is complete',
	},
	{
		name: 'Complete per Line (P)',
		value: 'P',
		description: 'Ship each line only when it is complete',
	},
	{
		name: 'Complete Order (E)',
		value: 'E',
		description: 'Ship only when all distributions are complete',
	},
];

const shipmentDetailsField: INodeProperties = {
	displayName: 'Shipment Details',
	name: 'shipmentDetails',
	type: 'collection',
	placeholder: 'Add Shipment Detail',
	default: {},
	options: [
		{
			displayName: 'Carrier Code',
			name: 'carrierCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. RG',
		},
		{
			displayName: 'Freight Account Number',
			name: 'freightAccountNumber',
			type: 'string',
			default: '',
			description: 'Your account with the carrier, to be billed for the freight directly',
		},
		{
			displayName: 'Requested Delivery Date',
			name: 'requestedDeliveryDate',
			type: 'dateTime',
			default: '',
			description: 'Not guaranteed by Ingram Micro',
		},
		{
			displayName: 'Ship Complete',
			name: 'shipComplete',
			type: 'options',
			default: 'C',
			options: SHIP_COMPLETE_OPTIONS,
			description:
				'Hold shipments until complete. When set, Ingram Micro ignores Accept Back Order.',
		},
		{
			displayName: 'Shipping Instructions',
			name: 'shippingInstructions',
			type: 'string',
			default: '',
			description: 'At most 132 characters',
		},
		{
			displayName: 'Signature Required',
			name: 'signatureRequired',
			type: 'boolean',
			default: true,
			description: 'Whether the delivery must be signed for',
		},
	],
};

export function readShipmentDetails(
	node: INode,
	itemIndex: number,
	input: IDataObject,
	version: CreateVersion,
): IDataObject | undefined {
	const details = compact({
		carrierCode: optionalText(node, itemIndex, input.carrierCode, {
			label: 'Shipment Details › Carrier Code',
			maxLength: 10,
		}),
		freightAccountNumber: optionalText(node, itemIndex, input.freightAccountNumber, {
			label: 'Shipment Details › Freight Account Number',
		}),
		// v6 types it as a date; v7 limits it to 8 characters, so it gets the compact form.
		requestedDeliveryDate: formatDate(
			node,
			itemIndex,
			input.requestedDeliveryDate,
			'Shipment Details › Requested Delivery Date',
			version === 'v6' ? 'yyyy-MM-dd' : 'yyyyMMdd',
		),
		shipComplete: optionalText(node, itemIndex, input.shipComplete, {
			label: 'Shipment Details › Ship Complete',
			maxLength: 1,
		}),
		shippingInstructions: optionalText(node, itemIndex, input.shippingInstructions, {
			label: 'Shipment Details › Shipping Instructions',
			maxLength: 132,
		}),
		signatureRequired: input.signatureRequired as boolean | undefined,
	});
	return Object.keys(details).length ? details : undefined;
}

/**
 * The optional groups of an order create, in the order a buyer thinks of them: where it goes and how
 * it ships, who it is for, then everything else. Each group's button names it ("Add Ship-To Field").
 */
export function orderCreateGroups(
	version: CreateVersion,
	[shipTo, endUser, reseller]: [AddressBlock, AddressBlock, AddressBlock],
): INodeProperties[] {
	return [
		addressCollection(shipTo),
		shipmentDetailsField,
		addressCollection(endUser),
		addressCollection(reseller),
		orderCreateOptions(version),
	];
}

/** Reads the Ship-To / End User / Reseller collections that were filled in. */
export function readAddresses(
	this: IExecuteFunctions,
	itemIndex: number,
	blocks: AddressBlock[],
): Record<string, IDataObject | undefined> {
	return Object.fromEntries(
		blocks.map((block) => [
			block.name,
			readAddress(
				this.getNode(),
				itemIndex,
				this.getNodeParameter(block.name, itemIndex, {}),
				block,
			),
		]),
	);
}

/** Ingram's rejected lines, with `customerLinenumber` (sic, order create) spelled as everywhere else. */
export function rejectedLines(order: IDataObject): IDataObject[] {
	const rejected = Array.isArray(order.rejectedLineItems)
		? (order.rejectedLineItems as IDataObject[])
		: [];
	return rejected.map(({ customerLinenumber, ...line }) =>
		compact({ customerLineNumber: line.customerLineNumber ?? customerLinenumber, ...line }),
	);
}

/** The header of an order create besides lines and addresses: shipment details and the options. */
export function readOrderCreateHeader(
	this: IExecuteFunctions,
	itemIndex: number,
	version: CreateVersion,
): IDataObject {
	const node = this.getNode();
	return {
		...readOrderCreateOptions(
			node,
			itemIndex,
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			version,
		),
		shipmentDetails: readShipmentDetails(
			node,
			itemIndex,
			this.getNodeParameter('shipmentDetails', itemIndex, {}) as IDataObject,
			version,
		),
	};
}
