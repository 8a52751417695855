import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The events a reseller's webhook receives, keyed by the option value the user selects.
 * `types` are Ingram's `eventType` values, compared case-insensitively: Ingram writes both
 * `im::order_shipped` and `IM::STOCK_UPDATE`.
 */
/** The resource eventType of Ingram's purchase orders to vendors ("Purchase Order Create Webhook v1"). */
export const VENDOR_PURCHASE_ORDER = 'im::new_purchaseorder';

export const INGRAM_EVENTS = [
	{ value: 'orderBackordered', name: 'Order Backordered', types: ['im::order_backordered'] },
	{
		value: 'orderCreated',
		name: 'Order Created (Async Result)',
		types: ['im::async_order_create'],
		description: 'The result of an Order › Create Async, including errors',
	},
	{ value: 'orderInvoiced', name: 'Order Invoiced', types: ['im::order_invoiced'] },
	{ value: 'orderOnHold', name: 'Order On Hold', types: ['im::order_hold'] },
	{ value: 'orderShipped', name: 'Order Shipped', types: ['im::order_shipped'] },
	{ value: 'orderVoided', name: 'Order Voided', types: ['im::order_voided'] },
	{ value: 'quoteCreated', name: 'Quote Created', types: ['im::quote_create'] },
	{
		value: 'stockUpdate',
		name: 'Stock Update',
		types: ['im::stock_update'],
		description: 'Availability changes, every 15 minutes, up to 4,000 SKUs per event',
	},
	{
		value: 'vendorPurchaseOrder',
		name: 'Vendor Purchase Order Created',
		types: [VENDOR_PURCHASE_ORDER],
		description:
			'For vendor accounts: a purchase order from Ingram (topic vendors/purchaseorders), passed on as Ingram sends it',
	},
] as const;

export const ANY_EVENT = '*';

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Any Event',
		value: ANY_EVENT,
		description: 'Every event ticked for this webhook in the developer portal',
	},
	...INGRAM_EVENTS.map(({ value, name, ...rest }) => ({
		value,
		name,
		description: 'description' in rest ? rest.description : undefined,
	})),
];

/** Reads a key whatever its casing: Ingram's samples use `eventId`, `eventid` and `EventId`. */
export function field(record: IDataObject | undefined, name: string): unknown {
	if (!record) return undefined;
	if (record[name] !== undefined) return record[name];
	const lower = name.toLowerCase();
	const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : record[key];
}

/** Keys of the event envelope (lower-cased), which every output item gets anyway. */
const ENVELOPE_KEYS = new Set([
	'topic',
	'event',
	'eventid',
	'eventtimestamp',
	'eventtype',
	'resource',
]);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

export interface ParsedEvent {
	eventId: string;
	topic: string;
	event: string;
	/** Ingram's portal sample misspells it `evenTtimeStamp`; the case-insensitive read covers it. */
	eventTimeStamp: string;
	/** Each entry of `resource` with its own event type (v7 and quote events send one object). */
	resources: Array<{ eventType: string; entry: IDataObject }>;
}

/** Normalises one webhook body; `undefined` eventId means the body is not an Ingram event. */
export function parseEvent(body: IDataObject): ParsedEvent {
	const topLevelType = text(field(body, 'eventType'));
	const resource = field(body, 'resource');
	const entries = (Array.isArray(resource) ? resource : [resource]).filter(
		(entry): entry is IDataObject =>
			typeof entry === 'object' && entry !== null && !Array.isArray(entry),
	);
	const resources = entries.map((entry) => ({
		eventType: text(field(entry, 'eventType')) || topLevelType,
		entry,
	}));
	// An event without resources (e.g. an async order result that failed) is still one event:
	// it is matched on its top-level eventType and carries its other fields.
	if (resources.length === 0) {
		const rest = Object.fromEntries(
			Object.entries(body).filter(([key]) => !ENVELOPE_KEYS.has(key.toLowerCase())),
		) as IDataObject;
		resources.push({ eventType: topLevelType, entry: rest });
	}
	return {
		eventId: text(field(body, 'eventId')),
		topic: text(field(body, 'topic')),
		event: text(field(body, 'event')),
		eventTimeStamp: text(field(body, 'eventTimeStamp')),
		resources,
	};
}

/** Whether an event type is one of the selected events. */
export function isSelected(eventType: string, selected: string[]): boolean {
	if (selected.includes(ANY_EVENT)) return true;
	const type = eventType.toLowerCase();
	return INGRAM_EVENTS.some(
		(event) => selected.includes(event.value) && (event.types as readonly string[]).includes(type),
	);
}

/**
 * The item for one resource of a vendor purchase-order event: the envelope and the purchase order
 * under the names Ingram used (`eventid` in lower case, as the vendor field table has it), nothing
 * renamed or added — vendor events are passed on as sent.
 */
export function asSent(body: IDataObject, entry: IDataObject): IDataObject {
	const envelope = Object.fromEntries(
		Object.entries(body).filter(([key]) => key.toLowerCase() !== 'resource'),
	) as IDataObject;
	return { ...envelope, ...entry };
}
