/**
 * Ingram's webhook events, as the XI platform sends them to a reseller's destination URL.
 *
 * Payloads start from the official spec's own examples (order status, stock update, v7 async order
 * create) and the portal's quote-create example; each call gets a fresh eventId. `sendEvent` signs
 * like Ingram: header `x-hub-signature` = Base64(HMAC-SHA512(key = secret, message = eventId)) —
 * only the eventId is signed, not the body.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { publishedSpec } from './spec';

export type XiEventName =
	| 'orderShipped'
	| 'orderInvoiced'
	| 'orderOnHold'
	| 'orderVoided'
	| 'orderBackordered'
	| 'orderCreated'
	| 'quoteCreated'
	| 'stockUpdate'
	| 'vendorPurchaseOrder';

export type XiEvent = Record<string, unknown>;

type Json = Record<string, unknown>;

function specExample(path: string, pick: (operation: Json) => unknown): Json {
	const operation = (publishedSpec().paths as Json)[path] as Json;
	return structuredClone(pick(operation)) as Json;
}

const requestExample = (path: string) =>
	specExample(path, (item) => {
		const examples = (
			(((item.post as Json).requestBody as Json).content as Json)['application/json'] as Json
		).examples as Record<string, { value: unknown }>;
		return Object.values(examples)[0].value;
	});

/** Ingram's event ids are 18 upper-case letters and digits, e.g. N01CIB9VVFYKR9J6ZW. */
export const newEventId = () =>
	randomBytes(18)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.toUpperCase()
		.padEnd(18, 'X')
		.slice(0, 18);

const ORDER_STATUS_TYPES: Partial<Record<XiEventName, string>> = {
	orderShipped: 'im::order_shipped',
	orderInvoiced: 'im::order_invoiced',
	orderOnHold: 'im::order_hold',
	orderVoided: 'im::order_voided',
	orderBackordered: 'im::order_backordered',
};

function quoteCreatedEvent(): XiEvent {
	// The portal's quote-create example (not in the YAML): resource is an object, not an array.
	return {
		topic: 'resellers/quotes',
		event: 'im::created',
		eventTimeStamp: new Date().toISOString(),
		eventId: newEventId(),
		resource: {
			eventType: 'im::quote_create',
			quoteName: 'Branch office refresh',
			quoteNumber: 'QUO-14551943-D2Y9L9',
			revision: '1',
			status: 'Ready To Order',
			products: [
				{
					ingramPartNumber: '123512',
					vendorPartNumber: 'LS1016A-CISCO',
					quantity: 4,
					price: {
						quotePrice: 89.5,
						msrp: 120,
						extendedMsrp: 480,
						extendedQuotePrice: 358,
						discountOffList: 25.4,
					},
				},
			],
		},
	};
}

/**
 * A vendor's "Purchase Order Create Webhook v1" event. Ingram publishes no sample: the envelope and
 * the first fields of `resource` follow its field table (lower-case `eventid`, as the table names
 * it); the table stops at `currencyCode`, so nothing after it is made up here.
 */
export function vendorPurchaseOrderEvent(): XiEvent {
	const id = newEventId();
	return {
		topic: 'vendors/purchaseorders',
		event: 'im::vendorpocreate',
		eventTimeStamp: new Date().toISOString(),
		eventid: id,
		resource: [
			{
				eventType: 'im::new_purchaseorder',
				ingramPurchaseOrderNumber: `PO-${id.slice(0, 8)}`,
				ingramPurchaseOrderDate: new Date().toISOString(),
				resellerOrderNumber: `RS-${id.slice(8, 14)}`,
				orderType: 'im::commercial',
				vendorQuoteNumber: 'VQ-20240501-7',
				paymentTerms: '30',
				currencyCode: 'USD',
			},
		],
	};
}

/** A fresh event of the given kind, built from Ingram's own example payloads. */
export function buildEvent(name: XiEventName): XiEvent {
	if (name === 'vendorPurchaseOrder') return vendorPurchaseOrderEvent();
	let event: XiEvent;
	if (ORDER_STATUS_TYPES[name]) {
		event = requestExample('/resellers/v1/webhooks/orderstatusevent');
		for (const resource of event.resource as Json[]) resource.eventType = ORDER_STATUS_TYPES[name];
	} else if (name === 'stockUpdate') {
		event = requestExample('/resellers/v1/webhooks/availabilityupdate');
	} else if (name === 'orderCreated') {
		event = orderCreatedAsPublished()[0];
	} else {
		event = quoteCreatedEvent();
	}
	return { ...event, eventId: newEventId(), eventTimeStamp: new Date().toISOString() };
}

/**
 * The spec's "Webhook Response" example of v7 order create exactly as published: an array holding
 * one event (fresh eventId).
 */
export function orderCreatedAsPublished(): XiEvent[] {
	const examples = specExample('/resellers/v7/orders', (item) => {
		const response = ((item.post as Json).responses as Json)['201'] as Json;
		return ((response.content as Json)['application/json'] as Json).examples;
	}) as Record<string, { value: unknown }>;
	const events = Object.values(examples)[0].value as XiEvent[];
	return events.map((event) => ({ ...event, eventId: newEventId() }));
}

/** A stock update as Ingram sends it every ~15 minutes: up to 4,000 SKUs in one event. */
export function stockUpdateEvent(skuCount: number): XiEvent {
	const event = buildEvent('stockUpdate');
	const template = (event.resource as Json[])[0];
	event.resource = Array.from({ length: skuCount }, (_, index) => ({
		...template,
		ingramPartNumber: `S${String(index).padStart(5, '0')}`,
		vendorPartNumber: `VPN-${index}`,
		totalAvailability: String(index % 250),
		backOrderFlag: index % 7 === 0 ? 'Y' : 'N',
	}));
	return event;
}

export type SignatureEncoding = 'base64' | 'hex';

/** Base64 (what Ingram sends) or hex (which the portal also mentions) of HMAC(secret, eventId). */
export function signEventId(
	eventId: string,
	secret: string,
	encoding: SignatureEncoding = 'base64',
	algorithm: 'sha512' | 'sha256' = 'sha512',
): string {
	return createHmac(algorithm, secret).update(eventId, 'utf8').digest(encoding);
}

export interface SendEventOptions {
	/** Signs the event's eventId with this secret (Base64 HMAC-SHA512) unless `signature` is given. */
	secret?: string;
	/** The exact `x-hub-signature` value; null leaves the header out. */
	signature?: string | null;
	headers?: Record<string, string>;
}

/** POSTs an event (or a raw body) to a webhook URL the way Ingram does, and returns the answer. */
export async function sendEvent(
	url: string,
	event: XiEvent | string,
	options: SendEventOptions = {},
): Promise<{ status: number; body: string }> {
	const body = typeof event === 'string' ? event : JSON.stringify(event);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		...options.headers,
	};
	let signature = options.signature;
	if (signature === undefined && options.secret !== undefined && typeof event !== 'string') {
		// vendor events name it `eventid`
		signature = signEventId(String(event.eventId ?? event.eventid), options.secret);
	}
	if (signature !== null && signature !== undefined) headers['x-hub-signature'] = signature;
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, body: await response.text() };
}
