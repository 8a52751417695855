/**
 * The package in n8n 2.41.1's queue mode: Postgres, Redis, a main instance, a webhook process and
 * two workers, each with the package installed in its own user folder (see cluster.ts). Every count
 * below comes from n8n's own records: its executions in Postgres, and the workers' logs, where each
 * worker writes "Worker started execution <id>" for the executions it runs.
 */
import { buildEvent, sendEvent } from '../../simulator';
import { EXAMPLE_WEBHOOK_SECRET, exampleWorkflows, productionWebhookUrl } from '../environment';
import { QueueCluster } from './cluster';

const MANUAL = 'When clicking ‘Execute workflow’';
const TRIGGER = 'ingramMicroTrigr';
let cluster: QueueCluster;

beforeAll(async () => {
	cluster = await QueueCluster.start({
		publish: [TRIGGER],
		log: (line) => process.stdout.write(`${line}\n`),
	});
}, 600_000);

afterAll(async () => {
	await cluster?.dispose();
});

const operations = () => cluster.sim.requests.map((request) => request.operationId);
const tokenCalls = () => operations().filter((operation) => operation === 'get-accesstoken').length;

/** Runs an example from the editor's button and waits for it; returns its run data and worker. */
async function runExample(id: string) {
	const executionId = await cluster.main.runManually(id, MANUAL);
	const summary = await cluster.main.waitForExecution(executionId);
	const run = await cluster.main.executionData(executionId);
	return { executionId, summary, run, worker: await cluster.workerOf(executionId) };
}

describe('examples run on the workers', () => {
	test('price and availability: on a worker, one item per SKU; the token is fetched once', async () => {
		const { summary, run, worker } = await runExample('ingramMicroPandA');
		expect(summary.status).toBe('success');
		expect(worker).toBeDefined();
		expect(run.items('Get price and availability').map((item) => item.ingramPartNumber)).toEqual([
			'123512',
			'DF4128',
			'4A0036',
			'ZZ9999',
		]);
		expect(tokenCalls()).toBe(1);
	});

	test('the token the first worker fetched is reused by both workers (stored in Postgres)', async () => {
		// enough runs at once that both workers take some
		const runs = await Promise.all(Array.from({ length: 8 }, () => runExample('ingramMicroPandA')));
		expect(runs.map(({ summary, run }) => `${summary.status} ${run.error ?? ''}`.trim())).toEqual(
			runs.map(() => 'success'),
		);
		const workers = new Set(runs.map((r) => r.worker));
		expect(workers).toEqual(new Set([0, 1]));
		expect(tokenCalls()).toBe(1);
	});

	test('create an order, then get it; order search with Return All', async () => {
		const order = await runExample('ingramMicroOrder');
		expect(order.summary.status).toBe('success');
		expect(order.worker).toBeDefined();
		const [created] = order.run.items('Create order');
		expect(created).toMatchObject({ status: 'accepted' });
		expect(order.run.items('Get order')[0]).toMatchObject({
			ingramOrderNumber: created.ingramOrderNumber,
		});

		const search = await runExample('ingramMicroSrch1');
		expect(search.summary.status).toBe('success');
		expect(search.worker).toBeDefined();
		expect(search.run.items('Search all orders')).toHaveLength(cluster.sim.data.orders.length);
	});

	test('Ingram Content send: on a worker, one valid test-order file', async () => {
		const before = cluster.cdf.received().length;
		const { summary, run, worker } = await runExample('ingramContentSendOrder');
		expect(summary.status).toBe('success');
		expect(worker).toBeDefined();
		const received = cluster.cdf.received().slice(before);
		expect(received).toHaveLength(1);
		expect(received[0].problems).toEqual([]);
		expect(run.items('Send to Ingram')[0]).toMatchObject({ status: 'sent' });
	});

	test('the webhook trigger example: an event through the webhook process runs on a worker', async () => {
		const trigger = exampleWorkflows().find((workflow) => workflow.id === TRIGGER)!;
		const url = productionWebhookUrl(cluster.webhook, trigger, 'Ingram Micro Trigger');
		const eventId = 'QUEUE0000000000001';
		const response = await postEvent(url, eventId);
		expect(response.status).toBe(200);
		const [execution] = await cluster.main.waitForExecutions(TRIGGER, 1);
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		expect(await cluster.workerOf(execution.id)).toBeDefined();
	});
});

/** A signed "order shipped" event (the simulator's signer) with this eventId. */
async function postEvent(url: string, eventId: string): Promise<{ status: number; body: string }> {
	return await sendEvent(
		url,
		{ ...buildEvent('orderShipped'), eventId },
		{
			secret: EXAMPLE_WEBHOOK_SECRET,
		},
	);
}
