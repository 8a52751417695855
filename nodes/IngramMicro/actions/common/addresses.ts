import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { compact, optionalText } from '../../../shared/input';

interface AddressField {
	name: string;
	displayName: string;
	maxLength?: number;
	placeholder?: string;
}

/** The address block Ingram repeats for ship-to, end user, reseller and ship-from (lengths from the spec). */
const ADDRESS_FIELDS: AddressField[] = [
	{ name: 'contact', displayName: 'Contact Name', maxLength: 70 },
	{ name: 'companyName', displayName: 'Company Name', maxLength: 40 },
	{ name: 'addressLine1', displayName: 'Address Line 1', maxLength: 70 },
	{ name: 'addressLine2', displayName: 'Address Line 2', maxLength: 70 },
	{ name: 'addressLine3', displayName: 'Address Line 3', maxLength: 70 },
	{ name: 'city', displayName: 'City', maxLength: 25 },
	{ name: 'state', displayName: 'State', maxLength: 3, placeholder: 'e.g. CA' },
	{ name: 'postalCode', displayName: 'Postal Code', maxLength: 10 },
	{ name: 'countryCode', displayName: 'Country Code', maxLength: 10, placeholder: 'e.g. US' },
	{ name: 'phoneNumber', displayName: 'Phone Number', maxLength: 30 },
	{ name: 'email', displayName: 'Email', placeholder: 'e.g. name@email.com' },
];

export interface AddressBlock {
	/** Parameter name, e.g. `shipToInfo` (also the body key). */
	name: string;
	displayName: string;
	description: string;
	/** An ID field Ingram accepts instead of a full address, e.g. `addressId` for ship-to. */
	idField?: { name: string; displayName: string; maxLength?: number; description: string };
	/** Fields of the block Ingram does not take for this use. */
	omit?: string[];
}

/** A collection parameter for one address block. */
export function addressCollection(block: AddressBlock): INodeProperties {
	const fields: INodeProperties[] = ADDRESS_FIELDS.filter((f) => !block.omit?.includes(f.name)).map(
		(f) => ({
			displayName: f.displayName,
			name: f.name,
			type: 'string',
			default: '',
			placeholder: f.placeholder,
		}),
	);
	if (block.idField) {
		fields.unshift({
			displayName: block.idField.displayName,
			name: block.idField.name,
			type: 'string',
			default: '',
			description: block.idField.description,
		});
	}
	return {
		displayName: block.displayName,
		name: block.name,
		type: 'collection',
		// Named per block: several address blocks in a row would otherwise show the same "Add Field" button.
		placeholder: `Add ${block.displayName} Field`,
		default: {},
		description: block.description,
		options: fields.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Reads an address collection, enforcing Ingram's field lengths; undefined when nothing was set. */
export function readAddress(
	node: INode,
	itemIndex: number,
	value: unknown,
	block: AddressBlock,
): IDataObject | undefined {
	const input = (value ?? {}) as IDataObject;
	const limits = new Map<string, AddressField>(ADDRESS_FIELDS.map((f) => [f.name, f]));
	if (block.idField) limits.set(block.idField.name, block.idField);
	const address: IDataObject = {};
	for (const [key, raw] of Object.entries(input)) {
		const field = limits.get(key);
		address[key] = optionalText(node, itemIndex, raw, {
			label: `${block.displayName} › ${field?.displayName ?? key}`,
			maxLength: field?.maxLength,
		});
	}
	const result = compact(address);
	return Object.keys(result).length ? result : undefined;
}

export const SHIP_TO: AddressBlock = {
	name: 'shipToInfo',
	displayName: 'Ship-To',
	description:
		'Where Ingram ships the order. Use an Address ID from your account, or a full address.',
	idField: {
		name: 'addressId',
		displayName: 'Address ID',
		maxLength: 10,
		description: 'A ship-to address already on your Ingram Micro account',
	},
};

export const END_USER: AddressBlock = {
	name: 'endUserInfo',
	displayName: 'End User',
	description: 'The end customer, needed for licensing and some vendors',
	idField: {
		name: 'endUserId',
		displayName: 'End User ID',
		description: 'The end user ID at Ingram Micro',
	},
};

export const RESELLER: AddressBlock = {
	name: 'resellerInfo',
	displayName: 'Reseller',
	description: 'Your company as the vendor should see it',
	idField: { name: 'resellerId', displayName: 'Reseller ID', description: 'Your reseller ID' },
};
