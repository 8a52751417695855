import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { loadPackage, type LoadedPackage } from './harness';
import {
	buildEvent,
	newEventId,
	orderCreatedAsPublished,
	sendEvent,
	signEventId,
	stockUpdateEvent,
	type XiEvent,
	type XiEventName,
} from './simulator';
import { WebhookStandIn } from './webhookHarness';

/** The webhook key as a user pastes it from the portal (made up per run). */
const SECRET = `portal-key-${Date.now().toString(36)}`;

let pkg: LoadedPackage;
const standIns: WebhookStandIn[] = [];

beforeAll(async () => {
	pkg = await loadPackage();
});
afterEach(async () => {
	await Promise.all(standIns.splice(0).map(async (standIn) => await standIn.stop()));
});

async function trigger(
	parameters: INodeParameters = {},
	options: { secret?: string; mode?: 'webhook' | 'manual' } = {},
) {
	const standIn = await WebhookStandIn.start({
		pkg,
		type: 'ingramMicroTrigger',
		parameters: { events: ['*'], ...parameters },
		credentials: { ingramMicroWebhookApi: { secret: options.secret ?? SECRET } },
		mode: options.mode,
	});
	standIns.push(standIn);
	return standIn;
}

const send = async (standIn: WebhookStandIn, event: XiEvent | string, signature?: string | null) =>
	await sendEvent(standIn.url, event, signature === undefined ? { secret: SECRET } : { signature });

describe('Ingram Micro Trigger › events', () => {
	const expectations: Array<[XiEventName, string, number]> = [
		['orderShipped', 'im::order_shipped', 1],
		['orderInvoiced', 'im::order_invoiced', 1],
		['orderOnHold', 'im::order_hold', 1],
		['orderVoided', 'im::order_voided', 1],
		['orderBackordered', 'im::order_backordered', 1],
		['orderCreated', 'IM::async_order_create', 1],
		['quoteCreated', 'im::quote_create', 1],
		['stockUpdate', 'IM::STOCK_UPDATE', 2],
	];

	test.each(expectations)(
		'%s: one execution, one item per resource with the event’s envelope',
		async (name, eventType, resources) => {
			const standIn = await trigger({ events: [name] });
			const event = buildEvent(name);
			const answer = await send(standIn, event);

			expect(answer.status).toBe(200);
			expect(standIn.executions).toHaveLength(1);
			const items = standIn.executions[0].items.map((item) => item.json);
			expect(items).toHaveLength(resources);
			for (const item of items) {
				expect(item).toMatchObject({
					topic: event.topic,
					event: event.event,
					eventId: event.eventId,
					eventTimeStamp: event.eventTimeStamp,
					eventType,
				});
			}
			if (name === 'orderShipped')
				expect(items[0]).toMatchObject({ orderNumber: '20-RD128', customerOrderNumber: 'ZENPO' });
			if (name === 'orderCreated')
				expect(items[0]).toMatchObject({ customerOrderNumber: 'TESTCASE41E111' });
			if (name === 'stockUpdate')
				expect(items.map((i) => i.ingramPartNumber)).toEqual(['5CX579', '5CT275']);
		},
	);

	test('a new trigger (Events left as they start: Any Event) starts on every event the portal sends', async () => {
		const standIn = await trigger({ events: undefined });
		for (const name of ['orderShipped', 'quoteCreated', 'stockUpdate'] as const) {
			expect((await send(standIn, buildEvent(name))).status).toBe(200);
		}
		expect(standIn.executions).toHaveLength(3);
	});

	test('events not selected are acknowledged with 200 and start nothing', async () => {
		const standIn = await trigger({ events: ['orderShipped', 'orderInvoiced'] });
		const answer = await send(standIn, buildEvent('stockUpdate'));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ message: 'Event not selected; ignored' });
		expect(standIn.executions).toHaveLength(0);

		await send(standIn, buildEvent('orderInvoiced'));
		expect(standIn.executions).toHaveLength(1);
	});

	test('matching ignores casing and reads the field-name variants Ingram’s samples use', async () => {
		const standIn = await trigger({ events: ['orderShipped'] });
		const original = buildEvent('orderShipped');
		const resource = (original.resource as Array<Record<string, unknown>>)[0];
		const rest = Object.fromEntries(
			Object.entries(resource).filter(([key]) => key !== 'eventType'),
		);
		const event = {
			topic: original.topic,
			event: 'IM::UPDATED',
			eventid: newEventId(), // all-lowercase keys, as in an older portal sample
			evenTtimeStamp: '2026-11-22T10:00:00Z', // the portal sample's typo
			resource: [{ ...rest, eventtype: 'IM::ORDER_SHIPPED' }],
		};
		const answer = await sendEvent(standIn.url, event, {
			signature: signEventId(event.eventid, SECRET),
		});

		expect(answer.status).toBe(200);
		expect(standIn.executions).toHaveLength(1);
		expect(standIn.executions[0].items[0].json).toMatchObject({
			eventId: event.eventid,
			eventTimeStamp: '2026-11-22T10:00:00Z',
			eventType: 'IM::ORDER_SHIPPED',
			orderNumber: '20-RD128',
		});
	});

	test('a stock update with 4,000 SKUs comes through whole, in order', async () => {
		const standIn = await trigger({ events: ['stockUpdate'] });
		const event = stockUpdateEvent(4000);
		expect(JSON.stringify(event).length).toBeGreaterThan(1_000_000);
		const answer = await send(standIn, event);

		expect(answer.status).toBe(200);
		expect(standIn.executions).toHaveLength(1);
		const skus = standIn.executions[0].items.map((item) => item.json.ingramPartNumber);
		expect(skus).toHaveLength(4000);
		expect(skus).toEqual(
			(event.resource as Array<{ ingramPartNumber: string }>).map((r) => r.ingramPartNumber),
		);
		expect(standIn.executions[0].items[3999].json).toMatchObject({
			eventId: event.eventId,
			totalAvailability: String(3999 % 250),
		});
	});

	test('the Whole Event output gives the event as Ingram sent it, as one item', async () => {
		const standIn = await trigger({ events: ['stockUpdate'], options: { output: 'event' } });
		const event = stockUpdateEvent(25);
		await send(standIn, event);
		expect(standIn.executions[0].items.map((item) => item.json)).toEqual([event]);
	});
});

describe('Ingram Micro Trigger › signature', () => {
	const matrix: Array<[string, (event: XiEvent) => string | null, boolean]> = [
		[
			'valid Base64 (what Ingram sends)',
			(e) => signEventId(String(e.eventId), SECRET, 'base64'),
			true,
		],
		[
			'valid hex (the portal mentions it)',
			(e) => signEventId(String(e.eventId), SECRET, 'hex'),
			true,
		],
		['wrong secret', (e) => signEventId(String(e.eventId), 'someone-else', 'base64'), false],
		['missing header', () => null, false],
		['empty header', () => '', false],
		['signature of a different eventId', () => signEventId(newEventId(), SECRET, 'base64'), false],
		[
			'HMAC-SHA256 instead of SHA-512',
			(e) => signEventId(String(e.eventId), SECRET, 'base64', 'sha256'),
			false,
		],
		['HMAC-SHA256 in hex', (e) => signEventId(String(e.eventId), SECRET, 'hex', 'sha256'), false],
		['garbage', () => 'not-a-signature', false],
	];

	test.each(matrix)('%s', async (_case, sign, accepted) => {
		const standIn = await trigger();
		const event = buildEvent('orderShipped');
		const answer = await send(standIn, event, sign(event));
		expect(answer.status).toBe(accepted ? 200 : 401);
		expect(standIn.executions).toHaveLength(accepted ? 1 : 0);
		if (!accepted)
			expect(JSON.parse(answer.body)).toEqual({ message: 'Invalid or missing x-hub-signature' });
	});

	test('fails closed when the credential has no secret', async () => {
		const standIn = await trigger({}, { secret: '' });
		const event = buildEvent('orderShipped');
		const answer = await sendEvent(standIn.url, event, {
			signature: signEventId(String(event.eventId), ''),
		});
		expect(answer.status).toBe(401);
		expect(standIn.executions).toHaveLength(0);
	});

	test('with verification turned off, unsigned events start executions', async () => {
		const standIn = await trigger({ verifySignature: false });
		const answer = await send(standIn, buildEvent('orderVoided'), null);
		expect(answer.status).toBe(200);
		expect(standIn.executions).toHaveLength(1);
	});

	test('the node shows a warning while verification is off, and only then', () => {
		const nodeType = pkg.nodeTypes.getByNameAndVersion(
			`${pkg.packageName}.ingramMicroTrigger`,
			1,
		) as INodeType;
		const warning = nodeType.description.properties.find((p) => p.name === 'unverifiedWarning');
		expect(warning?.type).toBe('notice');
		expect(warning?.displayName).toMatch(/anyone who knows this URL/i);
		expect(warning?.displayOptions).toEqual({ show: { verifySignature: [false] } });
	});
});

describe('Ingram Micro Trigger › delivery', () => {
	test('the same eventId delivered twice starts one execution', async () => {
		const standIn = await trigger();
		const event = buildEvent('orderShipped');
		const first = await send(standIn, event);
		const second = await send(standIn, event);
		expect([first.status, second.status]).toEqual([200, 200]);
		expect(JSON.parse(second.body)).toEqual({ message: 'Duplicate event; ignored' });
		expect(standIn.executions).toHaveLength(1);
	});

	test("the accepted eventId is saved by the execution's first step, the part of a run n8n persists", async () => {
		const standIn = await trigger();
		const event = buildEvent('orderShipped');
		await send(standIn, event);
		expect(standIn.executions).toHaveLength(1);
		expect(standIn.executions[0].run.data.resultData.runData.Trigger).toHaveLength(1);
		expect(standIn.staticData.recentEventIds).toEqual([event.eventId]);
	});

	test('an event already saved by an earlier execution (e.g. before a restart, or by another process) starts none', async () => {
		const standIn = await trigger();
		const event = buildEvent('orderShipped');
		standIn.staticData.recentEventIds = [event.eventId];
		const answer = await send(standIn, event);
		expect(JSON.parse(answer.body)).toEqual({ message: 'Duplicate event; ignored' });
		expect(standIn.executions).toHaveLength(0);
	});

	test('copies arriving at the same moment start one execution', async () => {
		const standIn = await trigger();
		const event = buildEvent('orderShipped');
		const answers = await Promise.all(Array.from({ length: 5 }, () => send(standIn, event)));
		expect(answers.filter((a) => a.body.includes('Duplicate'))).toHaveLength(4);
		expect(standIn.executions).toHaveLength(1);
	});

	test('remembered event IDs are bounded: the oldest are forgotten first', async () => {
		const standIn = await trigger();
		const remembered = Array.from({ length: 1000 }, (_, i) => `OLD${String(i).padStart(15, '0')}`);
		standIn.staticData.recentEventIds = remembered;
		const event = buildEvent('orderShipped');
		await send(standIn, event);

		const after = standIn.staticData.recentEventIds as string[];
		expect(after).toHaveLength(1000);
		expect(after[999]).toBe(event.eventId);
		expect(after).not.toContain(remembered[0]);
		expect(standIn.executions).toHaveLength(1);
	});

	test('test deliveries ("Listen for test event") are not deduplicated, so a portal test event can be resent', async () => {
		const standIn = await trigger({}, { mode: 'manual' });
		const event = buildEvent('orderShipped');
		await send(standIn, event);
		await send(standIn, event);
		expect(standIn.executions).toHaveLength(2);
	});

	test('JSON that does not parse is refused by n8n itself (422), before the trigger runs', async () => {
		const standIn = await trigger();
		const answer = await sendEvent(standIn.url, '{"eventId": "ABC", "resource": [', {
			signature: signEventId('ABC', SECRET),
		});
		expect(answer.status).toBe(422);
		expect(standIn.executions).toHaveLength(0);
	});

	test('JSON that does not parse, sent as text so n8n passes it through, is answered 400 by the trigger', async () => {
		const standIn = await trigger();
		const answer = await sendEvent(standIn.url, '{"eventId": "ABC", "resource": [', {
			signature: signEventId('ABC', SECRET),
			headers: { 'content-type': 'text/plain' },
		});
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({ message: 'The body is not one JSON event' });
		expect(standIn.executions).toHaveLength(0);
	});

	test.each([
		[
			'two events in one array',
			JSON.stringify([{ eventId: 'ABC' }, { eventId: 'DEF' }]),
			'The body is not one JSON event',
		],
		['a JSON string', JSON.stringify('ABC'), 'The body is not one JSON event'],
		[
			'no eventId',
			JSON.stringify({ topic: 'resellers/orders', event: 'im::updated', resource: [] }),
			'The event has no eventId',
		],
		['an empty body', '', 'The event has no eventId'],
	])('%s → 400, no execution', async (_case, body, message) => {
		const standIn = await trigger();
		const answer = await sendEvent(standIn.url, body, { signature: signEventId('ABC', SECRET) });
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({ message });
		expect(standIn.executions).toHaveLength(0);
	});

	test('the v7 order result exactly as the spec publishes it (an array of one event) starts an execution', async () => {
		const standIn = await trigger({ events: ['orderCreated'] });
		const published = orderCreatedAsPublished();
		expect(published).toHaveLength(1);
		const answer = await sendEvent(standIn.url, JSON.stringify(published), {
			signature: signEventId(String(published[0].eventId), SECRET),
		});
		expect(answer.status).toBe(200);
		expect(standIn.executions).toHaveLength(1);
		expect(standIn.executions[0].items[0].json).toMatchObject({
			eventId: published[0].eventId,
			eventType: 'IM::async_order_create',
			customerOrderNumber: 'TESTCASE41E111',
		});
	});

	test('an async order result that failed, without resources, still starts an execution with its details', async () => {
		const standIn = await trigger({ events: ['orderCreated'] });
		const event = {
			topic: 'resellers/orders',
			event: 'IM::created',
			eventId: newEventId(),
			eventTimeStamp: '2026-11-22T09:30:00Z',
			eventType: 'IM::async_order_create',
			customerOrderNumber: 'PO-N8N-V7',
			errors: [{ message: 'SKU-NOTFOUND ZZ9999' }],
		};
		const answer = await sendEvent(standIn.url, event, { secret: SECRET });
		expect(answer.status).toBe(200);
		expect(standIn.executions).toHaveLength(1);
		expect(standIn.executions[0].items.map((item) => item.json)).toEqual([
			{
				topic: 'resellers/orders',
				event: 'IM::created',
				eventId: event.eventId,
				eventTimeStamp: '2026-11-22T09:30:00Z',
				eventType: 'IM::async_order_create',
				customerOrderNumber: 'PO-N8N-V7',
				errors: [{ message: 'SKU-NOTFOUND ZZ9999' }],
			},
		]);
	});
});

describe('Ingram Micro Trigger › webhook lifecycle', () => {
	test('activation records the URL to paste into the portal; nothing is called; deactivation forgets it', async () => {
		const standIn = await trigger();
		expect(await standIn.activate()).toEqual({ existed: false, created: true });
		expect(standIn.staticData.webhookUrl).toBe(standIn.url);
		expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]+\/webhook$/);

		expect(await standIn.activate()).toEqual({ existed: true, created: undefined });
		expect(await standIn.deactivate()).toBe(true);
		expect(standIn.staticData.webhookUrl).toBeUndefined();
	});

	test('the credential test catches an empty or badly pasted secret, and says what it cannot check', async () => {
		const nodeType = pkg.nodeTypes.getByNameAndVersion(
			`${pkg.packageName}.ingramMicroTrigger`,
			1,
		) as INodeType;
		const check = nodeType.methods!.credentialTest!.ingramMicroWebhookSecret;
		const run = async (secret: string) =>
			await check.call(
				{} as ICredentialTestFunctions,
				{ data: { secret } } as unknown as ICredentialsDecrypted,
			);
		expect(await run('')).toMatchObject({ status: 'Error', message: 'The Secret Key is empty' });
		expect(await run(' key-with-space ')).toMatchObject({ status: 'Error' });
		expect(await run(SECRET)).toMatchObject({
			status: 'OK',
			message: expect.stringMatching(/test event/),
		});
	});
});

describe('Ingram Micro Trigger › vendor purchase orders', () => {
	test('a signed vendor PO event starts one execution with the PO as Ingram sent it (eventid in lower case)', async () => {
		const standIn = await trigger({ events: ['vendorPurchaseOrder'] });
		const event = buildEvent('vendorPurchaseOrder');
		const answer = await send(standIn, event);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({
			message: 'Event accepted',
			eventId: event.eventid,
		});
		expect(standIn.executions).toHaveLength(1);
		const [item] = standIn.executions[0].items.map((i) => i.json);
		const { resource, ...envelope } = event as { resource: XiEvent[] } & XiEvent;
		// nothing renamed, nothing added: the envelope's fields and the PO's, as sent
		expect(item).toEqual({ ...envelope, ...resource[0] });
		expect(item).toMatchObject({
			topic: 'vendors/purchaseorders',
			event: 'im::vendorpocreate',
			eventType: 'im::new_purchaseorder',
		});
		expect(item).not.toHaveProperty('eventId');
	});

	test('a forged or unsigned vendor event is refused with 401 and starts nothing', async () => {
		const standIn = await trigger({ events: ['vendorPurchaseOrder'] });
		const event = buildEvent('vendorPurchaseOrder');
		const forged = signEventId(String(event.eventid), 'not-the-portal-key');
		expect((await send(standIn, event, forged)).status).toBe(401);
		expect((await send(standIn, event, null)).status).toBe(401);
		// signed over another event's id
		expect((await send(standIn, event, signEventId(newEventId(), SECRET))).status).toBe(401);
		expect(standIn.executions).toHaveLength(0);
	});

	test('a re-delivered vendor PO starts nothing (same eventid), also when two copies arrive at once', async () => {
		const standIn = await trigger({ events: ['vendorPurchaseOrder'] });
		const event = buildEvent('vendorPurchaseOrder');
		const answers = await Promise.all([send(standIn, event), send(standIn, event)]);
		const later = await send(standIn, event);
		expect(
			[...answers, later].map((a) => (JSON.parse(a.body) as { message: string }).message).sort(),
		).toEqual(['Duplicate event; ignored', 'Duplicate event; ignored', 'Event accepted']);
		expect(standIn.executions).toHaveLength(1);
	});

	test('reseller-only triggers ignore vendor events; Any Event includes them', async () => {
		const resellerOnly = await trigger({ events: ['orderShipped'] });
		const answer = await send(resellerOnly, buildEvent('vendorPurchaseOrder'));
		expect(JSON.parse(answer.body)).toEqual({ message: 'Event not selected; ignored' });
		expect(resellerOnly.executions).toHaveLength(0);
		const any = await trigger({ events: ['*'] });
		await send(any, buildEvent('vendorPurchaseOrder'));
		expect(any.executions).toHaveLength(1);
	});
});
