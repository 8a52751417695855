import type { INodeProperties } from 'n8n-workflow';

/**
 * The parameters that describe one order, shared by Send, Build File and Validate. Every field
 * takes an expression, so each input item (one shop order) fills it from its own data — the way
 * Order Desk's order- and item-level "Custom Details for Ingram Content" override its defaults.
 */

const INGRAM_METHOD_OPTIONS = [
	{ name: 'UPS 2nd Day Air', value: '### 2ND DAY AIR' },
	{ name: 'UPS 3 Day Select', value: '### 3 DAY SELECT' },
	{ name: 'UPS Ground', value: '### UPS' },
	{ name: 'UPS Next Day Air', value: '### NEXT DAY AIR' },
	{ name: 'UPS Next Day Air Saver', value: '### NEXT DAY AIR SAVER' },
	{ name: 'USA Economy (Media Mail, Untracked)', value: '### USA ECONOMY' },
	{ name: 'USA Expedited', value: '### USA EXPEDITED' },
	{ name: 'International Courier (Tracked)', value: '### INTL COURIER' },
	{ name: 'International Priority (Untracked)', value: '### INTL PRIORITY' },
	{ name: 'International With Delivery Confirmation', value: '### INTL W/DEL CONFIRMATION' },
];

const address = (prefix: 'recipient' | 'billTo', who: string): INodeProperties[] => [
	{
		displayName: 'Name',
		name: `${prefix}Name`,
		type: 'string',
		default: '',
		description: `${who}’s full name (up to 35 characters)`,
	},
	{
		displayName: 'Address Line 1',
		name: `${prefix}Address1`,
		type: 'string',
		default: '',
		description: 'Up to 35 characters',
	},
	{
		displayName: 'Address Line 2',
		name: `${prefix}Address2`,
		type: 'string',
		default: '',
		description: 'Apartment, suite, company (up to 35 characters)',
	},
	{
		displayName: 'City',
		name: `${prefix}City`,
		type: 'string',
		default: '',
		description: 'Up to 25 characters',
	},
	{
		displayName: 'State / Province',
		name: `${prefix}State`,
		type: 'string',
		default: '',
		description:
			'For the US and Canada the 2-letter code or the full name (TN, Tennessee, QC); elsewhere up to 3 characters or empty',
	},
	{
		displayName: 'Postal Code',
		name: `${prefix}PostalCode`,
		type: 'string',
		default: '',
	},
	{
		displayName: 'Country',
		name: `${prefix}Country`,
		type: 'string',
		default: 'US',
		description: 'ISO code (US, USA) or English name (United States)',
	},
	{
		displayName: 'Phone',
		name: `${prefix}Phone`,
		type: 'string',
		default: '',
		description: 'Up to 25 characters; printed on the shipping label by some carriers',
	},
];

const recipientFields: INodeProperties[] = address('recipient', 'The recipient').map((field) =>
	field.name === 'recipientName' ||
	field.name === 'recipientAddress1' ||
	field.name === 'recipientCity'
		? { ...field, displayName: `Recipient ${field.displayName}`, required: true }
		: { ...field, displayName: `Recipient ${field.displayName}` },
);

export const orderFields: INodeProperties[] = [
	{
		displayName: 'PO Number',
		name: 'poNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.order_number }}',
		description:
			'Your order number (up to 22 characters). Ingram echoes it in every acknowledgement, shipment and invoice, and it is what stops the same order being sent twice.',
	},
	{
		displayName: 'Order Date',
		name: 'orderDate',
		type: 'dateTime',
		default: '',
		description: 'When the customer ordered. Empty: today.',
	},
	...recipientFields,
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'json',
		default: '[\n  { "itemNumber": "9780000000002", "quantity": 1, "price": 12.99 }\n]',
		required: true,
		description:
			'The order lines as a list, usually an expression that maps the shop’s line items (see the README for an example). Per line: itemNumber (ISBN-13/EAN, ISBN-10 or UPC), quantity, price (the consumer price), and optionally reference (up to 10 characters; default 1, 2, …), backorderCancelDate, giftMessage, discountPercent, preorder (true/false) or publicationDate.',
	},
	{
		displayName: 'Shipping Method',
		name: 'shippingMethod',
		type: 'string',
		default: '',
		placeholder: '={{ $json.shipping_method }}',
		description:
			'The shop’s name for the shipping method the customer chose, translated by Shipping Class Match. Empty: the default mail class for the destination.',
	},
	{
		displayName: 'Shipping Class Match',
		name: 'shippingClassMatch',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Shipping Method',
		default: {},
		description:
			'Which Ingram shipping method each of the shop’s methods becomes. An order whose method is neither here nor an Ingram method name is refused, never sent with a default.',
		options: [
			{
				displayName: 'Match',
				name: 'match',
				values: [
					{
						displayName: 'Shop Shipping Method',
						name: 'shopMethod',
						type: 'string',
						default: '',
						placeholder: 'Standard Shipping',
					},
					{
						displayName: 'Ingram Shipping Method',
						name: 'ingramMethod',
						type: 'options',
						options: INGRAM_METHOD_OPTIONS,
						default: '### USA ECONOMY',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Domestic Mail Class',
		name: 'defaultDomesticMethod',
		type: 'options',
		options: INGRAM_METHOD_OPTIONS,
		default: '### USA ECONOMY',
		description: 'For US orders without a shipping method',
	},
	{
		displayName: 'Default International Mail Class',
		name: 'defaultInternationalMethod',
		type: 'options',
		options: INGRAM_METHOD_OPTIONS,
		default: '### INTL COURIER',
		description: 'For orders outside the US without a shipping method',
	},
	{
		displayName: 'Order Type',
		name: 'orderType',
		type: 'options',
		options: [
			{
				name: 'Dual Shipment (LS)',
				value: 'LS',
				description:
					'In-stock titles ship now; back-orders ship together once all have arrived; the rest is cancelled on the cancel date',
			},
			{
				name: 'Multi Shipment (EL)',
				value: 'EL',
				description: 'Every title ships as soon as it is in stock: fastest, most parcels',
			},
			{
				name: 'Release When Full (RF)',
				value: 'RF',
				description:
					'Nothing ships until every line is available (or the cancel date comes): one parcel, lowest freight',
			},
		],
		default: 'LS',
		description: 'How Ingram splits the shipment. Per order: Options › Order Type Override.',
	},
	{
		displayName: 'Purchaser (Bill-To)',
		name: 'purchaser',
		type: 'collection',
		placeholder: 'Add Purchaser Field',
		default: {},
		description: 'Who bought the order, if not the recipient. Empty: the recipient.',
		options: address('billTo', 'The purchaser'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Acknowledgement Type',
				name: 'acknowledgementType',
				type: 'options',
				options: [
					{ name: 'Full (All Records)', value: '1' },
					{ name: 'Without Title Details (No 42/43)', value: '2' },
					{ name: 'Without Availability Dates (No 44)', value: '3' },
					{ name: 'Without 42, 43 and 44', value: '4' },
					{ name: 'Exceptions Only', value: '5' },
				],
				default: '1',
				description: 'How much detail Ingram’s acknowledgement carries',
			},
			{
				displayName: 'Address Validation',
				name: 'addressValidation',
				type: 'boolean',
				default: true,
				description: 'Whether Ingram may correct and standardise the address',
			},
			{
				displayName: 'Back-Order',
				name: 'backorder',
				type: 'options',
				options: [
					{ name: 'Account Default', value: '' },
					{ name: 'Back-Order Everything Unavailable', value: 'Y' },
					{ name: 'Back-Order Only Not-Yet-Released Titles', value: 'B' },
					{ name: 'Do Not Back-Order', value: 'N' },
				],
				default: '',
				description: 'What Ingram does with titles it cannot ship now',
			},
			{
				displayName: 'Back-Order Cancel After (Days)',
				name: 'backorderCancelDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 7,
			},
			{
				displayName: 'Back-Order Cancel Date',
				name: 'backorderCancelDate',
				type: 'dateTime',
				default: '',
				description:
					'When unshipped back-orders are cancelled. Empty: the order date plus Back-Order Cancel After (Days). A line’s backorderCancelDate overrides it for that line.',
			},
			{
				displayName: 'Delivery Instructions',
				name: 'deliveryInstructions',
				type: 'string',
				default: '',
				description:
					'Special delivery instructions for the carrier (no quotes, apostrophes, asterisks or line breaks)',
			},
			{
				displayName: 'Freight Amount',
				name: 'freightAmount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'What the customer paid for shipping, printed on the packing slip',
			},
			{
				displayName: 'Gift Message',
				name: 'giftMessage',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description:
					'Printed on the packing slip (no quotes, apostrophes, asterisks or line breaks; long messages are wrapped)',
			},
			{
				displayName: 'Gift Order',
				name: 'gift',
				type: 'boolean',
				default: false,
			},
			{
				displayName: 'Gift Wrap',
				name: 'giftWrap',
				type: 'boolean',
				default: false,
				description: 'Whether to gift-wrap the order (Ingram’s plain blue wrap, code 022)',
			},
			{
				displayName: 'Greenlight',
				name: 'greenlight',
				type: 'boolean',
				default: false,
				description:
					'Whether to accept greenlight titles (short-discount, low-demand titles that Ingram may hold for review)',
			},
			{
				displayName: 'Marketing Message',
				name: 'marketingMessage',
				type: 'string',
				default: '',
				description: 'Printed on the packing slip, e.g. “Thank you for shopping with us”',
			},
			{
				displayName: 'Order Type Override',
				name: 'orderTypeOverride',
				type: 'string',
				default: '',
				placeholder: '={{ $json.custom.ingram_order_type }}',
				description: 'RF, LS or EL for this order; empty uses Order Type',
			},
			{
				displayName: 'Sales Tax (%)',
				name: 'salesTaxPercent',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 4 },
				default: 0,
			},
			{
				displayName: 'Ship-To Password Override',
				name: 'shipToPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'For this order instead of the credential’s Ship-To Password',
			},
			{
				displayName: 'Split Across Warehouses',
				name: 'splitAcrossDcs',
				type: 'boolean',
				default: true,
				description:
					'Whether Ingram may ship parts of the order from different warehouses (DCs) when one cannot fill it',
			},
			{
				displayName: 'Suppress Prices',
				name: 'suppressPrices',
				type: 'boolean',
				default: false,
				description: 'Whether to leave prices off the packing slip (usual for gifts)',
			},
			{
				displayName: 'Warehouse (DC)',
				name: 'dcCode',
				type: 'options',
				options: [
					{ name: 'Account Default', value: '' },
					{ name: 'Allentown, PA (B)', value: 'B' },
					{ name: 'Chambersburg, PA (C)', value: 'C' },
					{ name: 'Fort Wayne, IN (D)', value: 'D' },
					{ name: 'Fresno, CA (J)', value: 'J' },
					{ name: 'La Vergne, TN (N)', value: 'N' },
					{ name: 'Roseburg, OR (E)', value: 'E' },
				],
				default: '',
				description: 'Which Ingram distribution center fills the order',
			},
		],
	},
	{
		displayName: 'Checks',
		name: 'checks',
		type: 'collection',
		placeholder: 'Add Check',
		default: {},
		description:
			'Rules that keep orders Ingram would reject or that would cost you money (ABA’s IndieCommerce rules among them). An order that breaks one is refused before anything is sent.',
		options: [
			{
				displayName: 'Allow International Orders',
				name: 'allowInternational',
				type: 'boolean',
				default: true,
				description: 'Whether orders may ship outside the US',
			},
			{
				displayName: 'Minimum Discount (%)',
				name: 'minimumDiscount',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 35,
				description:
					'With Refuse Short-Discount Titles: a line whose discountPercent is below this is refused',
			},
			{
				displayName: 'One Pre-Order Per Order',
				name: 'singlePreorder',
				type: 'boolean',
				default: false,
				description:
					'Whether to refuse orders with more than one pre-order line, or pre-orders mixed with available titles (a pre-order holds the whole order until its release)',
			},
			{
				displayName: 'Refuse Non-Book Items',
				name: 'refuseNonBook',
				type: 'boolean',
				default: false,
				description:
					'Whether to refuse lines that are not books: UPCs and EANs outside the 978/979 ISBN range',
			},
			{
				displayName: 'Refuse Short-Discount Titles',
				name: 'refuseShortDiscount',
				type: 'boolean',
				default: false,
				description:
					'Whether to refuse lines whose discountPercent is below Minimum Discount (short-discount titles earn you little)',
			},
		],
	},
];
