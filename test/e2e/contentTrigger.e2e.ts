/**
 * The Ingram Content Trigger in a real n8n 2.41.1 (polling every minute, the shortest interval n8n
 * allows), against the CDF host simulator: the example workflows "acknowledgements → route by
 * outcome" and "shipments → tracking for the shop" are published, orders are sent with the
 * Send example, and n8n's own execution records show that each reply file started exactly one
 * execution, routed as expected — none for the files that were there before activation.
 */
import { dropOrderFile, prepareN8n, type PreparedN8n } from './environment';

const ACKS = 'ingramContentAcks';
const SHIPMENTS = 'ingramContentShip';
const SEND = 'ingramContentSendOrder';

let env: PreparedN8n;

beforeAll(async () => {
	env = await prepareN8n();
	// a reply that exists before activation must not start anything
	const before = await env.n8n.execute(SEND);
	expect(before.error).toBeUndefined();
	expect(env.cdf.replies().filter((reply) => reply.kind === 'acknowledgement')).toHaveLength(1);
	await env.n8n.publishWorkflow(ACKS);
	await env.n8n.publishWorkflow(SHIPMENTS);
	await env.n8n.start();
	await env.n8n.setupOwner();
}, 600_000);

afterAll(async () => {
	await env?.dispose();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('each new acknowledgement starts one execution, routed by outcome; each ship notice one with tracking', async () => {
	// a new order straight into the simulator's incoming folder, as another system would send it
	await dropOrderFile(env.cdf, 'SHOP-3001', 'E2E3001.fbo');

	const [ack] = await env.n8n.waitForExecutions(ACKS, 1, 150_000);
	expect(ack).toMatchObject({ mode: 'trigger', status: 'success' });
	const run = await env.n8n.executionData(ack.id);
	expect(run.items('Ingram Content Trigger').map((item) => [item.poNumber, item.outcome])).toEqual([
		['SHOP-3001', 'accepted'],
	]);
	expect(run.items('Accepted: mark the shop order as sent to Ingram')).toHaveLength(1);
	expect(run.nodesRun).not.toContain('Rejected: fulfil another way');

	// the simulator ships at once: SHOP-3001's ship notice is new; SHOP-1001's predates activation
	const shipments = await env.n8n.waitForExecutions(SHIPMENTS, 1, 150_000);
	const shipped = await env.n8n.executionData(shipments[0].id);
	const tracking = shipped.items('Tracking for the shop');
	expect([...new Set(tracking.map((item) => item.order_number))]).toEqual(['SHOP-3001']);
	expect(tracking[0]).toMatchObject({
		carrier: 'USPS',
		service: 'USA Economy Mail',
		tracking_number: expect.any(String),
	});

	// one more poll cycle: nothing starts twice
	await sleep(75_000);
	expect(await env.n8n.executions(ACKS)).toHaveLength(1);
	expect(await env.n8n.executions(SHIPMENTS)).toHaveLength(1);

	// a restart (activation again, memory from the database) starts nothing again
	await env.n8n.stop();
	await env.n8n.start();
	await sleep(75_000);
	expect(await env.n8n.executions(ACKS)).toHaveLength(1);
	expect(await env.n8n.executions(SHIPMENTS)).toHaveLength(1);
}, 900_000);
