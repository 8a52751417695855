import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { formatDate, inputError } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { addressCollection, readAddress, type AddressBlock } from '../common/addresses';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';

const SHIP_FROM: AddressBlock = {
	name: 'shipFromInfo',
	displayName: 'Ship-From',
	description: 'Where the returned products are picked up; used for every line of the return',
};

/** Required by the spec in every shipFromInfo entry (labels as the address collection shows them). */
const SHIP_FROM_REQUIRED: Record<string, string> = {
	companyName: 'Company Name',
	contact: 'Contact Name',
	addressLine1: 'Address Line 1',
	city: 'City',
	state: 'State',
	postalCode: 'Postal Code',
	countryCode: 'Country Code',
	email: 'Email',
};

const LINES: LinesSpec = {
	noun: 'Line',
	required: true,
	jsonExample:
		'[{"invoiceNumber": "40-NFERG-11", "invoiceDate": "2023-07-18", "ingramPartNumber": "164B2G", "quantity": 1, "primaryReason": "I have not received part or all of my order", "secondaryReason": "Received only partial shipment.", "numberOfBoxes": 1}]',
	fields: [
		{
			name: 'invoiceNumber',
			displayName: 'Invoice Number',
			kind: 'string',
			required: true,
			placeholder: 'e.g. 40-NFERG-11',
		},
		{
			name: 'invoiceDate',
			displayName: 'Invoice Date',
			kind: 'string',
			required: true,
			placeholder: 'e.g. 2023-07-18',
			description: 'Date of the invoice, as YYYY-MM-DD',
		},
		{
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			kind: 'string',
			placeholder: 'e.g. 164B2G',
		},
		{
			name: 'vendorPartNumber',
			displayName: 'Vendor Part Number',
			kind: 'string',
			description: 'Used when the Ingram Part Number is empty',
		},
		{ name: 'quantity', displayName: 'Quantity', kind: 'integer', required: true },
		// Ingram publishes no list of return reasons for create; its example uses plain sentences.
		{
			name: 'primaryReason',
			displayName: 'Primary Reason',
			kind: 'string',
			required: true,
			placeholder: 'e.g. I have not received part or all of my order',
		},
		{
			name: 'secondaryReason',
			displayName: 'Secondary Reason',
			kind: 'string',
			required: true,
			placeholder: 'e.g. Received only partial shipment.',
		},
		{ name: 'numberOfBoxes', displayName: 'Number of Boxes', kind: 'integer', required: true },
		{ name: 'customerOrderNumber', displayName: 'Customer Order Number', kind: 'string' },
		{ name: 'serialNumber', displayName: 'Serial Number', kind: 'string' },
		{
			name: 'referenceNumber',
			displayName: 'Reference Number',
			kind: 'string',
			description: 'Your own reference for the return',
		},
		{
			name: 'billToAddressId',
			displayName: 'Bill-To Address ID',
			kind: 'string',
			placeholder: 'e.g. 000',
		},
		{ name: 'notes', displayName: 'Notes', kind: 'string' },
	],
};

const properties: INodeProperties[] = [...linesProperties(LINES), addressCollection(SHIP_FROM)];

export const description = updateDisplayOptions(
	{ show: { resource: ['return'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const lines = readLines.call(this, itemIndex, LINES);
	lines.forEach((line, index) => {
		if (!line.ingramPartNumber && !line.vendorPartNumber) {
			throw inputError(
				node,
				itemIndex,
				`Line ${index + 1}: "Ingram Part Number" or "Vendor Part Number" is required`,
			);
		}
		line.invoiceDate = formatDate(
			node,
			itemIndex,
			line.invoiceDate,
			`Line ${index + 1}: Invoice Date`,
		);
	});

	const shipFrom =
		readAddress(node, itemIndex, this.getNodeParameter(SHIP_FROM.name, itemIndex, {}), SHIP_FROM) ??
		{};
	const missing = Object.keys(SHIP_FROM_REQUIRED).filter((key) => shipFrom[key] === undefined);
	if (missing.length) {
		throw inputError(
			node,
			itemIndex,
			`"${SHIP_FROM.displayName}" needs ${missing.map((key) => `"${SHIP_FROM_REQUIRED[key]}"`).join(', ')}`,
		);
	}

	// The schema wants shipFromInfo as an array of one address on every line (its example sends an object).
	const body = { list: lines.map((line) => ({ ...line, shipFromInfo: [shipFrom] })) };
	const { body: response } = await xiRequest.call(
		this,
		{
			method: 'POST',
			path: '/resellers/v6/returns/create',
			body,
			// Ingram's documentation of returns create lists IM-CustomerContact as required (the spec does not)
			extraHeaders: ['customerContact'],
			retry: 'sendOnce',
		},
		itemIndex,
	);
	const claims = (response as IDataObject | undefined)?.returnsClaims;
	return Array.isArray(claims) && claims.length
		? (claims as IDataObject[])
		: [(response ?? {}) as IDataObject];
}
