/**
 * The previous n8n major: n8n 1.x (the last release of the 1.x line the npm registry has) on
 * Node 20, with the packed package installed into its user folder the community way. One example
 * per node runs with the output it gives on n8n 2.x:
 * - Ingram Micro: price and availability (`n8n execute`);
 * - Ingram Content: send a test order (`n8n execute`), one valid file on the CDF simulator;
 * - Ingram Micro Trigger: a signed event starts one execution, a copy none;
 * - Ingram Content Trigger: the order's acknowledgement starts one execution.
 */
import { buildEvent, sendEvent } from '../../simulator';
import {
	dropOrderFile,
	EXAMPLE_WEBHOOK_SECRET,
	exampleWorkflows,
	prepareN8n,
	productionWebhookUrl,
	type PreparedN8n,
} from '../environment';
import { nodeFor } from '../n8n';

/** The newest 1.x on the npm registry when this was written; installs on Node 20 (engines ≤ 22). */
export const N8N_1X_VERSION = '1.123.81';
const TRIGGER = 'ingramMicroTrigr';
const ACKS = 'ingramContentAcks';
let env: PreparedN8n;

beforeAll(async () => {
	const node = await nodeFor(20);
	env = await prepareN8n({
		version: N8N_1X_VERSION,
		node,
		// 1.123's default expression engine runs in isolated-vm, which ships builds for Node 22 and
		// 24 only; on Node 20 n8n must use the engine every earlier 1.x used
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		log: (line) => process.stdout.write(`${line}\n`),
	});
}, 1_800_000);

afterAll(async () => {
	await env?.dispose();
});

test(`n8n ${N8N_1X_VERSION} on Node 20: Ingram Micro › price and availability, one item per SKU`, async () => {
	const run = await env.n8n.execute('ingramMicroPandA');
	expect(run.error).toBeUndefined();
	const priced = run.items('Get price and availability');
	expect(priced.map((item) => item.ingramPartNumber)).toEqual([
		'123512',
		'DF4128',
		'4A0036',
		'ZZ9999',
	]);
	expect(priced[0]).toMatchObject({ found: true, vendorName: 'Cisco', currencyCode: 'USD' });
	expect(priced[3]).toMatchObject({ found: false });
});

test('Ingram Content › Order › Send: one valid test-order file', async () => {
	const run = await env.n8n.execute('ingramContentSendOrder');
	expect(run.error).toBeUndefined();
	expect(run.items('Send to Ingram')[0]).toMatchObject({ status: 'sent', environment: 'test' });
	expect(env.cdf.received()).toHaveLength(1);
	expect(env.cdf.received()[0].problems).toEqual([]);
});

test('both triggers, active in the server: one execution per event and per acknowledgement', async () => {
	// n8n 1.x activates with update:workflow (2.x: publish:workflow)
	for (const id of [TRIGGER, ACKS])
		await env.n8n.cli(['update:workflow', `--id=${id}`, '--active=true']);
	await env.n8n.start();
	await env.n8n.setupOwner();
	const trigger = exampleWorkflows().find((workflow) => workflow.id === TRIGGER)!;
	const url = productionWebhookUrl(env.n8n, trigger, 'Ingram Micro Trigger');
	await env.n8n.waitForWebhook(new URL(url).pathname.replace(/^\/webhook\//, ''));
	const event = { ...buildEvent('orderShipped'), eventId: 'N8N1X0000000000001' };
	const first = await sendEvent(url, event, { secret: EXAMPLE_WEBHOOK_SECRET });
	const copy = await sendEvent(url, event, { secret: EXAMPLE_WEBHOOK_SECRET });
	expect([first.status, copy.status]).toEqual([200, 200]);
	expect(first.body).toContain('Event accepted');
	expect(copy.body).toContain('Duplicate event');
	const [execution] = await env.n8n.waitForExecutions(TRIGGER, 1);
	expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });

	// a new order straight into the incoming folder: its acknowledgement starts the trigger
	await dropOrderFile(env.cdf, 'N8N1X-2001', 'N8N1X2001.fbo');
	const [ack] = await env.n8n.waitForExecutions(ACKS, 1, 180_000);
	expect(ack).toMatchObject({ mode: 'trigger', status: 'success' });
	const acknowledged = (await env.n8n.executionData(ack.id)).items('Ingram Content Trigger');
	expect(acknowledged.map((item) => [item.poNumber, item.outcome])).toEqual([
		['N8N1X-2001', 'accepted'],
	]);
}, 600_000);
