import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, formatDate, inputError, optionalText, textList } from '../../../shared/input';
import { credentialCustomerContact, xiRequest } from '../../transport';
import { addressCollection, END_USER, readAddress, type AddressBlock } from '../common/addresses';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';

/** quote_create_request.endUserInfo: the usual address block without an ID or a third line. */
const QUOTE_END_USER: AddressBlock = {
	...END_USER,
	description: 'The end customer the quote is for',
	idField: undefined,
	omit: ['addressLine3'],
};

const PRODUCTS: LinesSpec = {
	noun: 'Product',
	required: false,
	jsonExample: '[{"ingramPartNumber": "03WK88", "quantity": 2}]',
	fields: [
		{
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			kind: 'string',
			placeholder: 'e.g. 03WK88',
		},
		{
			name: 'vendorPartNumber',
			displayName: 'Vendor Part Number',
			kind: 'string',
			description: 'Used when the Ingram Part Number is empty',
		},
		// the spec types the quantity as a string
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
			description: 'Your own line reference',
		},
		{
			name: 'specialBid',
			displayName: 'Special Bid',
			kind: 'string',
			description: 'A special pricing bid for this product',
		},
		{ name: 'lineLevelNotes', displayName: 'Notes', kind: 'string' },
		{ name: 'pricingType', displayName: 'Pricing Type', kind: 'string' },
	],
};

const MAX_QUOTE_COPIES = 10;
const CONTACT_LABEL = 'Customer Contact Email';

const properties: INodeProperties[] = [
	{
		displayName:
			"Ingram Micro confirms the request with a quote number at once and builds the quote afterwards; the Ingram Micro Trigger's Quote Created event reports the result",
		name: 'quoteCreateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Quote Name',
		name: 'quoteName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Office refresh 2026',
		description: 'Your name for the quote, to find it again in a quote search',
	},
	{
		displayName: CONTACT_LABEL,
		name: 'customerContact',
		type: 'string',
		default: '',
		placeholder: 'e.g. name@email.com',
		description:
			"Email of the user at your company who requests the quote (at most 64 characters). Leave it empty to use the credential's Customer Contact Email.",
	},
	...linesProperties(PRODUCTS),
	addressCollection(QUOTE_END_USER),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Customer Need',
				name: 'customerNeed',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
				description: 'Special requirements of the customer',
			},
			{
				displayName: 'Deal ID',
				name: 'dealId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 7499800',
				description:
					'Special bid number to price the quote with. With a deal, a configure-to-order quote (Cisco only) can be created without products.',
			},
			{
				displayName: 'First Name',
				name: 'firstname',
				type: 'string',
				default: '',
				description: 'First name of the requesting user',
			},
			{
				displayName: 'Last Name',
				name: 'lastname',
				type: 'string',
				default: '',
				description: 'Last name of the requesting user',
			},
			{ displayName: 'Pricing Type', name: 'pricingType', type: 'string', default: '' },
			{ displayName: 'Quote Expiry Date', name: 'quoteExpiryDate', type: 'dateTime', default: '' },
			{
				displayName: 'Send Quote Copy To',
				name: 'sendQuoteCopy',
				type: 'string',
				default: '',
				placeholder: 'e.g. buyer@example.com, sales@example.com',
				description: `Email addresses that receive a copy of the quote, separated by commas (at most ${MAX_QUOTE_COPIES})`,
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['quote'], operation: ['create'] } },
	properties,
);

/** The field, or else the credential's Customer Contact Email (which the searches send as a header). */
async function readCustomerContact(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const node = this.getNode();
	const own = optionalText(
		node,
		itemIndex,
		this.getNodeParameter('customerContact', itemIndex, ''),
		{
			label: CONTACT_LABEL,
			maxLength: 64,
		},
	);
	const contact =
		own ??
		optionalText(node, itemIndex, await credentialCustomerContact.call(this), {
			label: `${CONTACT_LABEL} (from the credential)`,
			maxLength: 64,
		});
	if (!contact) {
		throw inputError(
			node,
			itemIndex,
			`"${CONTACT_LABEL}" is required`,
			'Enter the email of the person requesting the quote, or fill in Customer Contact Email in the Ingram Micro credential.',
		);
	}
	return contact;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const customerContact = await readCustomerContact.call(this, itemIndex);
	const dealId = optionalText(node, itemIndex, fields.dealId, { label: 'Deal ID' });

	const products = readLines.call(this, itemIndex, PRODUCTS);
	// Ingram quotes either products or a configure-to-order deal; an empty quote is refused later, by webhook.
	if (products.length === 0 && !dealId) {
		throw inputError(
			node,
			itemIndex,
			'Add at least one product, or a Deal ID for a configure-to-order quote',
		);
	}
	products.forEach((product, index) => {
		if (!product.ingramPartNumber && !product.vendorPartNumber) {
			throw inputError(
				node,
				itemIndex,
				`Product ${index + 1}: "Ingram Part Number" or "Vendor Part Number" is required`,
			);
		}
	});

	const copies = textList(node, itemIndex, fields.sendQuoteCopy, 'Send Quote Copy To');
	if (copies.length > MAX_QUOTE_COPIES) {
		throw inputError(
			node,
			itemIndex,
			`"Send Quote Copy To" has ${copies.length} email addresses; Ingram Micro accepts at most ${MAX_QUOTE_COPIES}`,
		);
	}

	// Field names as in the schema (firstname, CustomerContact), not as in the spec's examples (firstName, customercontact).
	const body = compact({
		quoteName: optionalText(node, itemIndex, this.getNodeParameter('quoteName', itemIndex, ''), {
			label: 'Quote Name',
		}),
		firstname: optionalText(node, itemIndex, fields.firstname, { label: 'First Name' }),
		lastname: optionalText(node, itemIndex, fields.lastname, { label: 'Last Name' }),
		CustomerContact: customerContact,
		// both examples of the spec write the expiry date as MM/dd/yyyy
		quoteExpiryDate: formatDate(
			node,
			itemIndex,
			fields.quoteExpiryDate,
			'Quote Expiry Date',
			'MM/dd/yyyy',
		),
		customerNeed: optionalText(node, itemIndex, fields.customerNeed, { label: 'Customer Need' }),
		endUserInfo: readAddress(
			node,
			itemIndex,
			this.getNodeParameter(QUOTE_END_USER.name, itemIndex, {}),
			QUOTE_END_USER,
		),
		dealId,
		pricingType: optionalText(node, itemIndex, fields.pricingType, { label: 'Pricing Type' }),
		sendQuoteCopy: copies.length ? copies.join(',') : undefined,
		products,
	});

	const { body: response } = await xiRequest.call(
		this,
		{ method: 'POST', path: '/resellers/v6/quotes/create', body, retry: 'sendOnce' },
		itemIndex,
	);
	return (response ?? {}) as IDataObject;
}
