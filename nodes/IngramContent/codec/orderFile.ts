/**
 * The CDF-Lite purchase-order file (.fbo, format F03): every record type as a table of fields.
 * Positions are Ingram's (1-based, inclusive); what a table leaves out is reserved (spaces).
 * Records 10–50 all carry the PO number in 8–29. Source: the field layouts and code tables in
 * docs on CDF-Lite F03 (records 00, 10, 20, 21, 24–27, 29–32, 34–38, 40–42, 45, 50, 90).
 */
import {
	recordCodeField,
	recordsStartingWith,
	sequenceField,
	type FieldSpec,
	type RecordLayout,
} from './fixedWidth';

export const ORDER_RECORD_LENGTH = 80;

const code = recordCodeField;
const sequence = sequenceField('Sequence Number', true);
const poNumber: FieldSpec = {
	name: 'poNumber',
	start: 8,
	length: 22,
	kind: 'alpha',
	required: true,
	label: 'PO Number',
};

/** A record of a PO: code, sequence number, PO number, then its own fields. */
const poRecord = recordsStartingWith(ORDER_RECORD_LENGTH, [sequence, poNumber]);

/** A free-text line (name, phone, address, message): positions 30 onwards. */
const textRecord = (recordCode: string, name: string, length: number, label: string) =>
	poRecord(recordCode, name, [{ name: 'text', start: 30, length, kind: 'alpha', label }]);

/** City, state, postal code and country (bill-to 29, recipient 34). */
const cityRecord = (recordCode: string, name: string) =>
	poRecord(recordCode, name, [
		{ name: 'city', start: 30, length: 25, kind: 'alpha', required: true, label: 'City' },
		{ name: 'state', start: 55, length: 3, kind: 'alpha', label: 'State/Province' },
		{ name: 'postalCode', start: 58, length: 11, kind: 'alpha', label: 'Postal Code' },
		{
			name: 'country',
			start: 69,
			length: 3,
			kind: 'alpha',
			required: true,
			label: 'Country (ISO alpha-3)',
		},
	]);

export const ORDER_RECORDS = {
	fileHeader: {
		code: '00',
		name: 'File header',
		length: ORDER_RECORD_LENGTH,
		fields: [
			code('00'),
			sequence,
			{ name: 'fileSourceSan', start: 8, length: 7, kind: 'numeric', default: '0000000' },
			{
				name: 'fileSourceName',
				start: 20,
				length: 13,
				kind: 'alpha',
				required: true,
				label: 'File Source Name',
			},
			{
				name: 'creationDate',
				start: 33,
				length: 6,
				kind: 'date',
				required: true,
				label: 'Creation Date',
			},
			{
				name: 'fileName',
				start: 39,
				length: 22,
				kind: 'alpha',
				required: true,
				label: 'File Name',
			},
			{ name: 'formatVersion', start: 61, length: 3, kind: 'fixed', value: 'F03' },
			{ name: 'ingramSan', start: 64, length: 7, kind: 'fixed', value: '1697978' },
			{ name: 'vendorNameFlag', start: 76, length: 1, kind: 'fixed', value: 'I' },
			{ name: 'productDescription', start: 77, length: 4, kind: 'fixed', value: 'CDFL' },
		],
	},
	clientHeader: poRecord('10', 'Client header', [
		{
			name: 'billToAccount',
			start: 30,
			length: 7,
			kind: 'alpha',
			required: true,
			label: 'Bill-To Account',
		},
		{ name: 'vendorSan', start: 37, length: 7, kind: 'fixed', value: '1697978' },
		{ name: 'orderDate', start: 44, length: 6, kind: 'date', required: true, label: 'Order Date' },
		{
			name: 'backorderCancelDate',
			start: 50,
			length: 6,
			kind: 'date',
			required: true,
			label: 'Back-Order Cancel Date',
		},
		{ name: 'backorderCode', start: 56, length: 1, kind: 'alpha', label: 'Back-Order Code' },
		{ name: 'splitLineOrdering', start: 57, length: 1, kind: 'fixed', value: 'N' },
		{ name: 'shipToIndicator', start: 67, length: 1, kind: 'fixed', value: 'Y' },
		{ name: 'billToIndicator', start: 68, length: 1, kind: 'fixed', value: 'Y' },
		{ name: 'Reserved75', start: 75, length: 1, kind: 'fixed', value: 'N' },
	]),
	specialHandling: poRecord('20', 'Special handling', [
		{ name: 'codes', start: 30, length: 30, kind: 'alpha', label: 'Special Handling Codes' },
	]),
	options: poRecord('21', 'Purchase-order options', [
		{
			name: 'shipToAccount',
			start: 30,
			length: 7,
			kind: 'alpha',
			required: true,
			label: 'Ship-To Account',
		},
		{ name: 'poType', start: 37, length: 1, kind: 'alpha', required: true, label: 'PO Type' },
		{ name: 'orderType', start: 38, length: 2, kind: 'alpha', required: true, label: 'Order Type' },
		{ name: 'dcCode', start: 40, length: 1, kind: 'alpha', label: 'Distribution Center' },
		{ name: 'greenlight', start: 42, length: 1, kind: 'alpha', default: 'N', label: 'Greenlight' },
		{
			name: 'poaType',
			start: 44,
			length: 1,
			kind: 'alpha',
			default: '1',
			label: 'Acknowledgement Type',
		},
		{
			name: 'shipToPassword',
			start: 45,
			length: 8,
			kind: 'alpha',
			required: true,
			label: 'Ship-To Password',
		},
		{
			name: 'shippingMethod',
			start: 53,
			length: 25,
			kind: 'alpha',
			required: true,
			label: 'Shipping Method',
		},
		{ name: 'splitAcrossDcs', start: 79, length: 1, kind: 'alpha', label: 'Split Across DCs' },
	]),
	customerCost: poRecord('24', 'Customer cost', [
		{
			name: 'salesTaxPercent',
			start: 30,
			length: 8,
			kind: 'decimal',
			decimals: 4,
			default: 0,
			label: 'Sales Tax %',
		},
		{
			name: 'freightTaxPercent',
			start: 38,
			length: 7,
			kind: 'decimal',
			decimals: 3,
			default: 0,
			label: 'Freight Tax %',
		},
		{
			name: 'freightAmount',
			start: 45,
			length: 8,
			kind: 'decimal',
			decimals: 2,
			default: 0,
			label: 'Freight Amount',
		},
	]),
	billToName: textRecord('25', 'Bill-to name', 35, 'Bill-To Name'),
	billToPhone: textRecord('26', 'Bill-to phone', 25, 'Bill-To Phone'),
	billToAddress: textRecord('27', 'Bill-to address line', 35, 'Bill-To Address Line'),
	billToCity: cityRecord('29', 'Bill-to city, state, postal code'),
	recipientName: poRecord('30', 'Recipient name', [
		{ name: 'text', start: 30, length: 35, kind: 'alpha', required: true, label: 'Recipient Name' },
		{ name: 'addressValidation', start: 80, length: 1, kind: 'alpha', label: 'Address Validation' },
	]),
	recipientPhone: textRecord('31', 'Recipient phone', 25, 'Recipient Phone'),
	recipientAddress: textRecord('32', 'Recipient address line', 35, 'Recipient Address Line'),
	recipientCity: cityRecord('34', 'Recipient city, state, postal code'),
	dropShip: poRecord('35', 'Drop-ship detail', [
		{
			name: 'giftWrapFee',
			start: 38,
			length: 7,
			kind: 'decimal',
			decimals: 2,
			default: 0,
			label: 'Gift-Wrap Fee',
		},
		{
			name: 'sendConsumerEmail',
			start: 45,
			length: 1,
			kind: 'alpha',
			default: 'N',
			label: 'Send Consumer Email',
		},
		{ name: 'gift', start: 46, length: 1, kind: 'alpha', default: 'N', label: 'Gift Order' },
		{
			name: 'suppressPrices',
			start: 47,
			length: 1,
			kind: 'alpha',
			default: 'N',
			label: 'Suppress Prices',
		},
		{ name: 'giftWrapCode', start: 48, length: 3, kind: 'alpha', label: 'Gift-Wrap Code' },
	]),
	deliveryInstructions: textRecord(
		'36',
		'Special delivery instructions',
		51,
		'Delivery Instructions',
	),
	marketingMessage: textRecord('37', 'Marketing message', 51, 'Marketing Message'),
	giftMessage: textRecord('38', 'Gift message', 51, 'Gift Message'),
	lineItem: poRecord('40', 'Line item', [
		{
			name: 'lineReference',
			start: 30,
			length: 10,
			kind: 'alpha',
			required: true,
			label: 'Line Reference',
		},
		{
			name: 'itemNumber',
			start: 52,
			length: 20,
			kind: 'alpha',
			required: true,
			label: 'Item Number (ISBN/EAN/UPC)',
		},
		{ name: 'Reserved72', start: 72, length: 3, kind: 'fixed', value: '000' },
		{ name: 'backorderCode', start: 75, length: 1, kind: 'alpha', label: 'Line Back-Order Code' },
		{ name: 'specialAction', start: 76, length: 2, kind: 'alpha', label: 'Special Action' },
		{ name: 'Reserved78', start: 78, length: 1, kind: 'fixed', value: 'N' },
		{
			name: 'itemNumberType',
			start: 79,
			length: 2,
			kind: 'alpha',
			required: true,
			label: 'Item Number Type',
		},
	]),
	lineDetail: poRecord('41', 'Additional line item', [
		{ name: 'listPrice', start: 30, length: 8, kind: 'decimal', decimals: 2, label: 'Price' },
		{
			name: 'backorderCancelDate',
			start: 38,
			length: 6,
			kind: 'date',
			label: 'Line Back-Order Cancel Date',
		},
		{ name: 'giftWrapCode', start: 44, length: 3, kind: 'alpha', label: 'Line Gift-Wrap Code' },
		{ name: 'quantity', start: 47, length: 7, kind: 'numeric', required: true, label: 'Quantity' },
		{ name: 'clientItemNumber', start: 54, length: 20, kind: 'alpha', label: 'Your Item Number' },
	]),
	lineGiftMessage: textRecord('42', 'Line-level gift message', 51, 'Line Gift Message'),
	imprint: poRecord('45', 'Imprint', [
		{
			name: 'imprintCode',
			start: 30,
			length: 1,
			kind: 'alpha',
			required: true,
			label: 'Imprint Code',
		},
		{
			name: 'imprintText',
			start: 31,
			length: 30,
			kind: 'alpha',
			required: true,
			label: 'Imprint Text',
		},
		{ name: 'font', start: 61, length: 1, kind: 'alpha', label: 'Font' },
		{ name: 'colour', start: 62, length: 1, kind: 'alpha', label: 'Colour' },
		{ name: 'position', start: 63, length: 1, kind: 'alpha', label: 'Position' },
		{ name: 'append', start: 64, length: 1, kind: 'alpha', label: 'Another Imprint Follows' },
	]),
	poTrailer: poRecord('50', 'PO control', [
		{
			name: 'recordCount',
			start: 30,
			length: 5,
			kind: 'numeric',
			required: true,
			label: 'Records in PO',
		},
		{
			name: 'lineCount',
			start: 35,
			length: 10,
			kind: 'numeric',
			required: true,
			label: 'Line Items',
		},
		{ name: 'unitCount', start: 45, length: 10, kind: 'numeric', required: true, label: 'Units' },
	]),
	fileTrailer: {
		code: '90',
		name: 'File trailer',
		length: ORDER_RECORD_LENGTH,
		fields: [
			code('90'),
			sequence,
			{ name: 'lineCount', start: 8, length: 13, kind: 'numeric', required: true },
			{ name: 'poCount', start: 21, length: 5, kind: 'numeric', required: true },
			{ name: 'unitCount', start: 26, length: 10, kind: 'numeric', required: true },
			// how many records begin with 0, 1, … 7, and with 8 or 9 (the trailer itself counts)
			...[0, 1, 2, 3, 4, 5, 6, 7].map<FieldSpec>((digit) => ({
				name: `records${digit}x`,
				start: 36 + digit * 5,
				length: 5,
				kind: 'numeric',
				required: true,
			})),
			{ name: 'records89x', start: 76, length: 5, kind: 'numeric', required: true },
		],
	},
} satisfies Record<string, RecordLayout>;

export type OrderRecordName = keyof typeof ORDER_RECORDS;

/** The layout of an order-file record by its two-character code. */
export const ORDER_RECORDS_BY_CODE: ReadonlyMap<string, RecordLayout> = new Map(
	Object.values(ORDER_RECORDS).map((layout) => [layout.code, layout as RecordLayout]),
);
