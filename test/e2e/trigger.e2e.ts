/**
 * The Ingram Micro Trigger in a running `n8n start` (127.0.0.1), its workflow published (active):
 * events are POSTed to the production webhook URL and signed by the simulator's signer, and every
 * outcome is counted from n8n's own execution records (REST API), not from the node.
 */
import {
	buildEvent,
	newEventId,
	sendEvent,
	signEventId,
	stockUpdateEvent,
	type XiEvent,
} from '../simulator';
import {
	EXAMPLE_WEBHOOK_SECRET,
	exampleWorkflows,
	prepareN8n,
	productionWebhookUrl,
	type PreparedN8n,
} from './environment';

const WORKFLOW_ID = 'ingramMicroTrigr';
/** The vendor example: Ingram's purchase orders to a vendor, mapped for an ERP. */
const VENDOR_WORKFLOW_ID = 'ingramMicroVndPO';
const TRIGGER = 'Ingram Micro Trigger';

let env: PreparedN8n;
let url: string;
let vendorUrl: string;
/** Executions n8n has recorded for the trigger workflow so far (kept in step with each test). */
let expectedExecutions = 0;

beforeAll(async () => {
	env = await prepareN8n();
	await env.n8n.publishWorkflow(WORKFLOW_ID);
	await env.n8n.publishWorkflow(VENDOR_WORKFLOW_ID);
	await env.n8n.start();
	await env.n8n.setupOwner();
	const workflow = exampleWorkflows().find((w) => w.id === WORKFLOW_ID)!;
	url = productionWebhookUrl(env.n8n, workflow, TRIGGER);
	// n8n answers its readiness check before it has activated the published workflows
	await env.n8n.waitForWebhook(webhookPath());
	const vendorWorkflow = exampleWorkflows().find((w) => w.id === VENDOR_WORKFLOW_ID)!;
	vendorUrl = productionWebhookUrl(env.n8n, vendorWorkflow, TRIGGER);
	await env.n8n.waitForWebhook(new URL(vendorUrl).pathname.replace(/^\/webhook\//, ''));
});

const webhookPath = () => new URL(url).pathname.replace(/^\/webhook\//, '');

afterAll(async () => {
	await env?.dispose();
});

const send = (
	event: XiEvent,
	options: Parameters<typeof sendEvent>[2] = { secret: EXAMPLE_WEBHOOK_SECRET },
) => sendEvent(url, event, options);

/** Waits for n8n to record exactly `added` more finished executions, then checks none more follow. */
async function expectNewExecutions(added: number) {
	expectedExecutions += added;
	const executions = await env.n8n.waitForExecutions(WORKFLOW_ID, expectedExecutions);
	// give a late execution time to show up before claiming there is none
	await new Promise((r) => setTimeout(r, 1500));
	const settled = await env.n8n.waitForExecutions(WORKFLOW_ID, expectedExecutions);
	expect(settled).toHaveLength(expectedExecutions);
	expect(executions.every((e) => e.mode === 'webhook')).toBe(true);
	return settled.slice(0, added);
}

describe('signatures', () => {
	test('a Base64-signed order-shipped event starts exactly one execution, routed to the shipping branch', async () => {
		const event = buildEvent('orderShipped');
		const answer = await send(event);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ message: 'Event accepted', eventId: event.eventId });
		const [execution] = await expectNewExecutions(1);
		expect(execution.status).toBe('success');
		const run = await env.n8n.executionData(execution.id);
		const items = run.items(TRIGGER);
		expect(items).toHaveLength((event.resource as unknown[]).length);
		expect(items[0]).toMatchObject({
			eventId: event.eventId,
			eventType: 'im::order_shipped',
			topic: event.topic,
		});
		expect(run.items('Send tracking to the shop')).toHaveLength(items.length);
		expect(run.nodesRun).not.toContain('Update stock levels');
	});

	test('a hex signature (which the portal also mentions) is accepted too', async () => {
		const event = buildEvent('orderInvoiced');
		const answer = await send(event, {
			signature: signEventId(String(event.eventId), EXAMPLE_WEBHOOK_SECRET, 'hex'),
		});
		expect(answer.status).toBe(200);
		const [execution] = await expectNewExecutions(1);
		const run = await env.n8n.executionData(execution.id);
		expect(run.items('Book the invoice')[0]).toMatchObject({ eventId: event.eventId });
	});

	test.each([
		['signed with another secret', () => ({ secret: 'not-the-secret' })],
		['no x-hub-signature header', () => ({ signature: null })],
		['an empty x-hub-signature header', () => ({ signature: '' })],
		[
			'the signature of another eventId',
			() => ({ signature: signEventId(newEventId(), EXAMPLE_WEBHOOK_SECRET) }),
		],
		[
			'HMAC-SHA256 instead of SHA-512',
			(e: XiEvent) => ({
				signature: signEventId(String(e.eventId), EXAMPLE_WEBHOOK_SECRET, 'base64', 'sha256'),
			}),
		],
	])('%s: 401 and no execution', async (_case, options) => {
		const event = buildEvent('orderShipped');
		const answer = await send(event, options(event));
		expect(answer.status).toBe(401);
		expect(answer.body).toContain('x-hub-signature');
		await expectNewExecutions(0);
	});

	test('an event the workflow did not select (quote created) is acknowledged with 200 and starts nothing', async () => {
		const answer = await send(buildEvent('quoteCreated'));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ message: 'Event not selected; ignored' });
		await expectNewExecutions(0);
	});
});

describe("Ingram's re-deliveries start no second execution", () => {
	const first = buildEvent('orderOnHold');
	const others: XiEvent[] = Array.from({ length: 20 }, () => buildEvent('orderShipped'));

	test('the same eventId right after the first delivery: 200 "duplicate", no execution', async () => {
		expect((await send(first)).status).toBe(200);
		const again = await send(first);
		expect(again.status).toBe(200);
		expect(JSON.parse(again.body)).toEqual({ message: 'Duplicate event; ignored' });
		await expectNewExecutions(1);
	});

	test('the same eventId after 20 other events (sent together): still none', async () => {
		const answers = await Promise.all(others.map((event) => send(event)));
		expect(answers.map((a) => a.status)).toEqual(others.map(() => 200));
		await expectNewExecutions(20);
		const again = await send(first);
		expect(JSON.parse(again.body)).toEqual({ message: 'Duplicate event; ignored' });
		await expectNewExecutions(0);
	});

	test('10 simultaneous copies of a new event start exactly one execution', async () => {
		const event = buildEvent('orderShipped');
		const answers = await Promise.all(Array.from({ length: 10 }, () => send(event)));
		expect(answers.every((a) => a.status === 200)).toBe(true);
		expect(answers.filter((a) => a.body.includes('Duplicate'))).toHaveLength(9);
		const [execution] = await expectNewExecutions(1);
		const run = await env.n8n.executionData(execution.id);
		expect(run.items(TRIGGER)[0]).toMatchObject({ eventId: event.eventId });
		others.push(event);
	});

	test('after n8n restarts, every event accepted before (also the ones accepted together) is still refused', async () => {
		await env.n8n.stop();
		await env.n8n.start();
		await env.n8n.waitForWebhook(webhookPath());
		const answers = await Promise.all([first, ...others].map((event) => send(event)));
		expect(answers.map((a) => a.status)).toEqual([first, ...others].map(() => 200));
		expect(answers.filter((a) => a.body.includes('Duplicate'))).toHaveLength(others.length + 1);
		await expectNewExecutions(0);
		// and a new event still gets through after the restart
		expect((await send(buildEvent('orderShipped'))).status).toBe(200);
		await expectNewExecutions(1);
	});
});

test('a stock update for 4,000 SKUs arrives as 4,000 items and all of them reach the stock branch', async () => {
	const event = stockUpdateEvent(4000);
	const answer = await send(event);
	expect(answer.status).toBe(200);
	// n8n's Switch node needs seconds for 4,000 items: wait longer than for the other events
	expectedExecutions += 1;
	const [execution] = await env.n8n.waitForExecutions(WORKFLOW_ID, expectedExecutions, 180_000);
	expect(execution.status).toBe('success');
	const run = await env.n8n.executionData(execution.id);
	const items = run.items(TRIGGER);
	expect(items).toHaveLength(4000);
	expect(new Set(items.map((i) => i.ingramPartNumber)).size).toBe(4000);
	// Ingram writes this event type in capitals; the example's Switch compares case-insensitively
	expect(items[3999]).toMatchObject({
		ingramPartNumber: 'S03999',
		eventType: 'IM::STOCK_UPDATE',
		eventId: event.eventId,
	});
	expect(run.items('Update stock levels')).toHaveLength(4000);
});

describe("the vendor purchase order example (a vendor account receiving Ingram's POs)", () => {
	let vendorExecutions = 0;
	/** Like expectNewExecutions, for the vendor workflow. */
	async function expectNewVendorExecutions(added: number) {
		vendorExecutions += added;
		await env.n8n.waitForExecutions(VENDOR_WORKFLOW_ID, vendorExecutions);
		await new Promise((r) => setTimeout(r, 1500));
		const settled = await env.n8n.waitForExecutions(VENDOR_WORKFLOW_ID, vendorExecutions);
		expect(settled).toHaveLength(vendorExecutions);
		return settled.slice(0, added);
	}
	const sendVendor = (event: XiEvent, options: Parameters<typeof sendEvent>[2] = {}) =>
		sendEvent(vendorUrl, event, { secret: EXAMPLE_WEBHOOK_SECRET, ...options });
	const purchaseOrder = buildEvent('vendorPurchaseOrder');

	test('a signed im::vendorpocreate event (eventid in lower case) is one execution; the PO reaches the ERP mapping as Ingram sent it', async () => {
		const answer = await sendVendor(purchaseOrder);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({
			message: 'Event accepted',
			eventId: purchaseOrder.eventid,
		});
		const [execution] = await expectNewVendorExecutions(1);
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		const run = await env.n8n.executionData(execution.id);
		const [sent] = purchaseOrder.resource as Array<Record<string, unknown>>;
		// passed on as sent: the envelope's own names, nothing renamed or added
		const [item] = run.items(TRIGGER);
		expect(item).toEqual({
			topic: 'vendors/purchaseorders',
			event: 'im::vendorpocreate',
			eventTimeStamp: purchaseOrder.eventTimeStamp,
			eventid: purchaseOrder.eventid,
			...sent,
		});
		expect(run.items('Purchase order for the ERP')).toEqual([
			{
				purchaseOrderNumber: sent.ingramPurchaseOrderNumber,
				orderedAt: sent.ingramPurchaseOrderDate,
				resellerOrderNumber: sent.resellerOrderNumber,
				quoteNumber: sent.vendorQuoteNumber,
				paymentTermsDays: Number(sent.paymentTerms),
				currency: sent.currencyCode,
				ingramEventId: purchaseOrder.eventid,
			},
		]);
	});

	test('the same purchase order delivered again: 200 "duplicate", no execution', async () => {
		const again = await sendVendor(purchaseOrder);
		expect(again.status).toBe(200);
		expect(JSON.parse(again.body)).toEqual({ message: 'Duplicate event; ignored' });
		await expectNewVendorExecutions(0);
	});

	test('a forged purchase order (another secret, or no signature): 401, no execution', async () => {
		const forged = buildEvent('vendorPurchaseOrder');
		expect((await sendVendor(forged, { secret: 'not-the-secret' })).status).toBe(401);
		expect((await sendVendor(forged, { signature: null })).status).toBe(401);
		await expectNewVendorExecutions(0);
		// the forged copies did not use up its eventid: the genuine delivery still gets through
		expect((await sendVendor(forged)).status).toBe(200);
		await expectNewVendorExecutions(1);
	});

	test('a reseller event sent to the vendor workflow is acknowledged and starts nothing', async () => {
		const answer = await sendVendor(buildEvent('orderShipped'));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ message: 'Event not selected; ignored' });
		await expectNewVendorExecutions(0);
	});
});
