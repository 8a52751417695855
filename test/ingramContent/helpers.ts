/**
 * Shared pieces of the Ingram Content node tests: a credential, a shop order as an input item,
 * and the node's parameters that map it (the way a user maps a shop's order with expressions).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { runNode, type LoadedPackage } from '../harness';

export const CDF_CREDENTIAL = 'ingramContentCdfApi';

/** Valid EANs (ISBN-13) for tests: 978 + 9 digits + the check digit. */
export function ean(n: number): string {
	const body = `978${String(n).padStart(9, '0')}`;
	const sum = [...body].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
	return `${body}${(10 - (sum % 10)) % 10}`;
}

export function cdfCredential(
	connection: Partial<ICredentialDataDecryptedObject> = {},
): ICredentialDataDecryptedObject {
	return {
		protocol: 'sftp',
		host: '127.0.0.1',
		port: 22,
		username: 'c2000001',
		password: 'cdf-secret-1',
		billToAccount: '2000001',
		shipToAccount: '2000002',
		shipToPassword: 'SHIPPW01',
		fileSourceName: 'MYSHOP',
		environment: 'test',
		incomingFolder: 'incoming',
		outgoingFolder: 'outgoing',
		testFolder: 'test',
		timeoutSeconds: 5,
		...connection,
	};
}

/** A shop order as it might arrive from a shop trigger. */
export function shopOrder(n: number, overrides: IDataObject = {}): INodeExecutionData {
	return {
		json: {
			number: `SHOP${1000 + n}`,
			created: '2026-11-20T10:00:00Z',
			shipping: {
				name: 'Jane Reader',
				address1: '22 Oak Ave',
				address2: 'Apt 4',
				city: 'La Vergne',
				state: 'TN',
				zip: '37086',
				country: 'US',
				phone: '615-555-0101',
			},
			method: 'Standard Shipping',
			items: [
				{ sku: ean(n * 2 + 1), qty: 1, price: 12.99 },
				{ sku: ean(n * 2 + 2), qty: 2, price: 8.5 },
			],
			...overrides,
		},
	};
}

/** The node's parameters mapping shopOrder()'s fields. */
export function orderParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'validate',
		poNumber: '={{ $json.number }}',
		orderDate: '={{ $json.created }}',
		recipientName: '={{ $json.shipping.name }}',
		recipientAddress1: '={{ $json.shipping.address1 }}',
		recipientAddress2: '={{ $json.shipping.address2 }}',
		recipientCity: '={{ $json.shipping.city }}',
		recipientState: '={{ $json.shipping.state }}',
		recipientPostalCode: '={{ $json.shipping.zip }}',
		recipientCountry: '={{ $json.shipping.country }}',
		recipientPhone: '={{ $json.shipping.phone }}',
		lines:
			'={{ $json.items.map(line => ({ itemNumber: line.sku, quantity: line.qty, price: line.price, discountPercent: line.discount, preorder: line.preorder })) }}',
		shippingMethod: '={{ $json.method }}',
		shippingClassMatch: {
			match: [
				{ shopMethod: 'Standard Shipping', ingramMethod: '### USA ECONOMY' },
				{ shopMethod: 'Express', ingramMethod: '### NEXT DAY AIR' },
				{ shopMethod: 'Worldwide', ingramMethod: '### INTL COURIER' },
			],
		},
		...overrides,
	};
}

export function runContent(
	pkg: LoadedPackage,
	parameters: IDataObject,
	input: INodeExecutionData[],
	extra: {
		credential?: ICredentialDataDecryptedObject;
		onError?: 'continueRegularOutput';
		workflowId?: string;
	} = {},
) {
	return runNode({
		pkg,
		type: 'ingramContent',
		nodeName: 'Ingram Content',
		credentials: { [CDF_CREDENTIAL]: extra.credential ?? cdfCredential() },
		parameters: parameters as INodeParameters,
		input,
		onError: extra.onError,
		workflowId: extra.workflowId,
	});
}
