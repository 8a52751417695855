import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { acceptedEventIds, acceptOnce, claimEventIds, STATIC_DATA_KEY } from './acceptedEvents';
import {
	ANY_EVENT,
	asSent,
	eventOptions,
	field,
	isSelected,
	parseEvent,
	VENDOR_PURCHASE_ORDER,
} from './events';
import { isValidSignature } from './signature';

const CREDENTIAL_TYPE = 'ingramMicroWebhookApi';

/** Answers the HTTP request itself (no execution starts) with a status and a short JSON message. */
function reply(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * The event in the body, read from the raw bytes when n8n kept them (nothing re-serialised). n8n
 * itself answers 422 to JSON that does not parse; this also guards other entry paths. Ingram's own
 * example of the v7 order result wraps the event in a one-element array, which is unwrapped.
 */
function readEvent(context: IWebhookFunctions): IDataObject | undefined {
	const { rawBody } = context.getRequestObject() as { rawBody?: Buffer };
	let body: unknown = context.getBodyData();
	if (Buffer.isBuffer(rawBody) && rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return undefined;
		}
	}
	if (Array.isArray(body) && body.length === 1) body = body[0];
	return body && typeof body === 'object' && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;
}

export class IngramMicroTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ingram Micro Trigger',
		name: 'ingramMicroTrigger',
		icon: {
			light: 'file:../../icons/ingramMicro.svg',
			dark: 'file:../../icons/ingramMicro.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["events"].includes("*") ? "Any event" : $parameter["events"].length + " event(s)" }}',
		description:
			'Starts the workflow when Ingram Micro sends an order status, async order result, quote or stock update event',
		defaults: { name: 'Ingram Micro Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'ingramMicroWebhookApi',
				required: true,
				testedBy: 'ingramMicroWebhookSecret',
				displayOptions: { show: { verifySignature: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				// Empty, so that n8n answers with the `webhookResponse` returned below. Left out, n8n 2.41.1
				// falls back to 'firstEntryJson' and answers with that literal text.
				responseData: '',
			},
		],
		activationMessage:
			"Ingram Micro now delivers to this workflow once its Production URL is saved as the webhook's Destination URL in the developer portal.",
		properties: [
			{
				displayName:
					'Ingram Micro has no API to register webhooks. In the developer portal open My Apps → your app → Webhooks → Add Webhook, paste this node\'s Production URL (under Webhook URLs at the top of this panel) as the Destination URL (it must be HTTPS), use the Secret Key saved in the "Ingram Micro Webhook API" credential, and tick the events the workflow should receive. Then activate this workflow.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions,
				// Ingram delivers only the events ticked in the portal, so the portal is where events are
				// chosen; this list can narrow them. Starting empty left a new node in error for no reason.
				default: [ANY_EVENT],
				required: true,
				description:
					'The events that start the workflow: Any Event takes every event ticked for this webhook in the portal. Others are acknowledged and ignored.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to accept only events signed with the credential's Secret Key, as Ingram Micro signs every event. Unsigned or wrongly signed requests are refused.",
			},
			{
				// Where n8n draws the credential selector: under the switch that asks for it.
				displayName: 'Credential',
				name: 'signingCredential',
				type: 'credentials',
				default: '',
				displayOptions: { show: { verifySignature: [true] } },
			},
			{
				displayName:
					'Signature verification is off: anyone who knows this URL can start the workflow with made-up orders or stock levels. Turn it off only to try things out.',
				name: 'unverifiedWarning',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [false] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'perResource',
						options: [
							{
								name: 'One Item per Resource',
								value: 'perResource',
								description:
									'Each order, quote or SKU of the event becomes an item, with topic, event, eventId, eventTimeStamp and its eventType',
							},
							{
								name: 'Whole Event',
								value: 'event',
								description: 'The event as Ingram sent it, as one item',
							},
						],
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			/**
			 * Ingram offers no endpoint to check a webhook secret; this catches what can be caught
			 * locally. Use "Send Test Event" in the portal to check the whole chain.
			 */
			async ingramMicroWebhookSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret.trim() === '') return { status: 'Error', message: 'The Secret Key is empty' };
				if (secret !== secret.trim()) {
					return {
						status: 'Error',
						message: 'The Secret Key starts or ends with spaces; copy it again from the portal',
					};
				}
				return {
					status: 'OK',
					message:
						'Secret Key saved. Ingram cannot be asked to confirm it: send a test event from the portal.',
				};
			},
		},
	};

	webhookMethods = {
		default: {
			// Ingram has no webhook registration API: the webhook is set up by hand in its portal. These
			// methods only remember which URL this node published, so n8n's lifecycle stays truthful.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				return state.webhookUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				state.webhookUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				delete state.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = readEvent(this);
		if (!body) return reply(this, 400, 'The body is not one JSON event');
		const event = parseEvent(body);
		if (!event.eventId) return reply(this, 400, 'The event has no eventId');

		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const { secret } = await this.getCredentials<{ secret: string }>(CREDENTIAL_TYPE);
			const header = this.getHeaderData()['x-hub-signature'];
			if (
				!isValidSignature(
					event.eventId,
					typeof header === 'string' ? header : undefined,
					String(secret ?? ''),
				)
			) {
				return reply(this, 401, 'Invalid or missing x-hub-signature');
			}
		}

		const selectedEvents = this.getNodeParameter('events', []) as string[];
		const resources = event.resources.filter((resource) =>
			isSelected(resource.eventType, selectedEvents),
		);
		if (resources.length === 0)
			return { webhookResponse: { message: 'Event not selected; ignored' } };

		// Ingram may deliver an event again; a production webhook starts one execution per eventId
		// (see acceptedEvents.ts for how that is kept across executions and restarts). Test deliveries
		// ("Listen for test event") are not deduplicated, so a portal test event can be resent.
		if (this.getMode() !== 'manual') {
			const accepted = acceptedEventIds(this.getWorkflow().id, this.getNode().name);
			if (!acceptOnce(accepted, this.getWorkflowStaticData('node'), event.eventId)) {
				return { webhookResponse: { message: 'Duplicate event; ignored' } };
			}
		}

		const output = (this.getNodeParameter('options', {}) as IDataObject).output ?? 'perResource';
		const items: IDataObject[] =
			output === 'event'
				? [body]
				: resources.map(({ eventType, entry }) =>
						eventType.toLowerCase() === VENDOR_PURCHASE_ORDER
							? asSent(body, entry)
							: {
									topic: event.topic,
									event: event.event,
									eventId: event.eventId,
									eventTimeStamp: event.eventTimeStamp,
									...entry,
									eventType,
								},
					);
		return {
			workflowData: [this.helpers.returnJsonArray(items)],
			webhookResponse: { message: 'Event accepted', eventId: event.eventId },
		};
	}

	/**
	 * n8n runs this as the first step of every execution the webhook started, with the items
	 * `webhook()` returned. It passes them on unchanged and, in production, records their eventIds in
	 * static data, which n8n saves when the execution ends (see acceptedEvents.ts).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let items = this.getInputData();
		if (this.getMode() !== 'manual') {
			const state = this.getWorkflowStaticData('node');
			const accepted = acceptedEventIds(this.getWorkflow().id, this.getNode().name);
			accepted.merge(state[STATIC_DATA_KEY]);
			// `eventId`, or `eventid` as vendor events name it
			const idOf = (item: INodeExecutionData) => {
				const id = field(item.json, 'eventId');
				return typeof id === 'string' ? id : undefined;
			};
			const eventIds = new Set<string>();
			for (const item of items) {
				const id = idOf(item);
				if (id) eventIds.add(id);
			}
			for (const eventId of eventIds) accepted.add(eventId);
			state[STATIC_DATA_KEY] = accepted.ids;
			// a copy another execution already ran stops here: the nodes after the trigger get nothing
			let earlier: Set<string>;
			try {
				earlier = await claimEventIds.call(this, [...eventIds]);
			} catch (error) {
				throw claimFailed(this, error);
			}
			items = items.filter((item) => !earlier.has(idOf(item) ?? ''));
		}
		return [
			items.map((item, index) => ({ ...item, pairedItem: item.pairedItem ?? { item: index } })),
		];
	}
}

/** The event's ID could not be recorded in n8n's database: the workflow must not run on. */
function claimFailed(context: IExecuteFunctions, error: unknown): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Could not record the event in n8n's database: ${(error as Error).message}`,
		{
			description:
				'Without that record a copy of this event could run the workflow a second time, so this execution stops here. Check that n8n’s database is reachable, then ask Ingram to resend the event (its eventId is in the input).',
		},
	);
}
