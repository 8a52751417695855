import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { correlationIdOf, xiRequest } from '../../transport';
import { rethrowForItem } from '../../../shared/itemErrors';
import {
	orderNumberLocator,
	readOrderNumber,
	readSandboxTesting,
	sandboxTestingField,
} from './fields';

const properties: INodeProperties[] = [
	orderNumberLocator(
		'The order to cancel. Only orders placed with "Allow Order On Customer Hold" and not yet released to the warehouse can be cancelled.',
	),
	sandboxTestingField('regionOnly'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['cancel'] } },
	properties,
);

/** Ingram's 405 says only "Method Not Allowed" or a garbled "not no hold": say what it means. */
function notOnHold(
	this: IExecuteFunctions,
	error: NodeApiError,
	orderNumber: string,
	itemIndex: number,
) {
	const message = `Order ${orderNumber} cannot be cancelled because it is not on customer hold`;
	const correlationId = correlationIdOf(error);
	return new NodeApiError(
		this.getNode(),
		{ message, httpCode: '405' },
		{
			message,
			description: [
				'Ingram Micro cancels only orders placed with "Allow Order On Customer Hold" that have not been released to the warehouse yet (customer-hold orders are voided after 24 hours). Check the order with Get: once released, an order can no longer be cancelled through the API.',
				error.message ? `Ingram Micro said: ${error.message}` : undefined,
				correlationId ? `Ingram Micro correlation ID: ${correlationId}` : undefined,
			]
				.filter(Boolean)
				.join('\n'),
			httpCode: '405',
			itemIndex,
		},
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderNumber = readOrderNumber.call(this, itemIndex);
	const qs = readSandboxTesting.call(this, itemIndex);
	try {
		// Sent once: a cancel that timed out may still have happened.
		const { body } = await xiRequest.call(
			this,
			{
				method: 'DELETE',
				path: `/resellers/v6/orders/${encodeURIComponent(orderNumber)}`,
				qs,
				retry: 'sendOnce',
			},
			itemIndex,
		);
		return {
			orderNumber,
			cancelled: true,
			...(body && typeof body === 'object' ? (body as IDataObject) : {}),
		};
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '405') {
			throw notOnHold.call(this, error, orderNumber, itemIndex);
		}
		return rethrowForItem.call(this, error, itemIndex);
	}
}
