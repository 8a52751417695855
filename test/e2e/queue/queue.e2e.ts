/**
 * The package in n8n 2.41.1's queue mode: Postgres, Redis, a main instance, a webhook process and
 * two workers, each with the package installed in its own user folder (see cluster.ts). Every count
 * below comes from n8n's own records: its executions in Postgres, and the workers' logs, where each
 * worker writes "Worker started execution <id>" for the executions it runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FOREIGN_ORDER_CONTENT } from '../../cdfSimulator';
import { buildEvent, sendEvent } from '../../simulator';
import {
	EXAMPLE_WEBHOOK_SECRET,
	exampleWorkflows,
	productionWebhookUrl,
	shopOrderWebhookWorkflow,
} from '../environment';
import type { ExecutionSummary } from '../n8n';
import { QueueCluster } from './cluster';

const MANUAL = 'When clicking ‘Execute workflow’';
const TRIGGER = 'ingramMicroTrigr';
const ACKS = 'ingramContentAcks';
const SHIPMENTS = 'ingramContentShip';
const STOCK = 'ingramContentStock';
const SHOP = 'queueShopOrders';
const SHOP_PATH = 'queue-shop-order-paid';
const shop = shopOrderWebhookWorkflow(SHOP, SHOP_PATH);
let cluster: QueueCluster;
/** Acknowledgement and ship-notice files that were in the folders when the triggers were activated. */
let acksBefore: Set<string>;
let shipmentsBefore: Set<string>;

beforeAll(async () => {
	cluster = await QueueCluster.start({
		workflows: [shop.workflow],
		publish: [TRIGGER, SHOP, ACKS, SHIPMENTS, STOCK],
		log: (line) => process.stdout.write(`${line}\n`),
	});
	acksBefore = new Set(ackFiles());
	shipmentsBefore = new Set(replyFiles('shipNotice'));
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
		const eventId = 'QUEUEEXAMPLE000001';
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shuffled<T>(values: T[]): T[] {
	const copy = [...values];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

/** Runs `work` over the values, `width` at a time. */
async function inWaves<T, R>(values: T[], width: number, work: (value: T) => Promise<R>) {
	const results: R[] = [];
	for (let start = 0; start < values.length; start += width)
		results.push(...(await Promise.all(values.slice(start, start + width).map(work))));
	return results;
}

/** Every execution of a workflow (n8n's list has pages of 100: read them all, by cursor). */
async function allExecutions(workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	for (let cursor: string | null | undefined; ;) {
		const page = await cluster.main.rest<{
			results: ExecutionSummary[];
			nextCursor?: string | null;
		}>('GET', `/executions?filter=${filter}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
		all.push(...page.results);
		cursor = page.nextCursor;
		if (!cursor || page.results.length === 0) return all;
	}
}

/** Waits until a workflow has `count` finished executions and none running. */
async function settled(workflowId: string, count: number, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	let last: ExecutionSummary[] = [];
	while (Date.now() < deadline) {
		last = await allExecutions(workflowId);
		const running = last.filter((e) => ['running', 'new', 'waiting'].includes(e.status));
		if (last.length >= count && running.length === 0) return last;
		await sleep(500);
	}
	throw new Error(`${workflowId}: ${last.length} executions, expected ${count}`);
}

/** The error messages of the executions that did not succeed (n8n answers a webhook only "Error in workflow"). */
async function errorsOf(executions: ExecutionSummary[]): Promise<string[]> {
	const messages: string[] = [];
	for (const execution of executions.filter((e) => e.status !== 'success')) {
		const run = await cluster.main.executionData(execution.id);
		messages.push(`${execution.status}: ${run.error ?? run.nodeError('Send to Ingram') ?? ''}`);
	}
	return messages;
}

function replyFiles(kind: string): string[] {
	return cluster.cdf
		.replies()
		.filter((reply) => reply.kind === kind)
		.map((reply) => reply.name);
}
const ackFiles = () => replyFiles('acknowledgement');

/**
 * Waits until the trigger's executions hold the items of every file expected (none running);
 * returns the file names per execution, with the execution's status and worker.
 */
async function filesReached(workflowId: string, expected: string[], timeoutMs = 240_000) {
	const deadline = Date.now() + timeoutMs;
	let seen: Array<{ files: string[]; status: string; worker?: number }> = [];
	while (Date.now() < deadline) {
		const executions = await allExecutions(workflowId);
		if (!executions.some((e) => ['running', 'new', 'waiting'].includes(e.status))) {
			seen = [];
			for (const execution of executions) {
				const items = (await cluster.main.executionData(execution.id)).items(
					'Ingram Content Trigger',
				);
				seen.push({
					files: [...new Set(items.map((item) => String(item.fileName)))],
					status: execution.status,
					worker: await cluster.workerOf(execution.id),
				});
			}
			const all = seen.flatMap((s) => s.files);
			if (expected.every((name) => all.includes(name))) break;
		}
		await sleep(10_000);
	}
	return seen;
}

describe('Ingram Micro Trigger through the webhook process', () => {
	test('200 deliveries of 50 events (each 4 times, shuffled, 20 at once): 50 executions run the workflow', async () => {
		const trigger = exampleWorkflows().find((workflow) => workflow.id === TRIGGER)!;
		const url = productionWebhookUrl(cluster.webhook, trigger, 'Ingram Micro Trigger');
		const before = (await allExecutions(TRIGGER)).length;
		const ids = Array.from({ length: 50 }, (_, n) => `QUEUE${String(n).padStart(13, '0')}`);
		const answers = await inWaves(shuffled(ids.flatMap((id) => [id, id, id, id])), 20, (id) =>
			postEvent(url, id),
		);
		expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
		expect(answers.filter((answer) => answer.body.includes('Event accepted'))).toHaveLength(50);
		expect(answers.filter((answer) => answer.body.includes('Duplicate event'))).toHaveLength(150);

		const executions = (await settled(TRIGGER, before + 50)).slice(0, 50);
		expect(await allExecutions(TRIGGER)).toHaveLength(before + 50);
		const ran = await Promise.all(
			executions.map(async (execution) => ({
				worker: await cluster.workerOf(execution.id),
				eventIds: (await cluster.main.executionData(execution.id))
					.items('Ingram Micro Trigger')
					.map((item) => item.eventId),
			})),
		);
		expect(ran.flatMap((r) => r.eventIds).sort()).toEqual([...ids].sort());
		expect(new Set(ran.map((r) => r.worker))).toEqual(new Set([0, 1]));

		// the webhook process restarts (its memory is gone) and Ingram delivers every event again:
		// none runs the workflow again
		await cluster.webhook.stop();
		await cluster.webhook.start();
		await cluster.webhook.waitForWebhook(new URL(url).pathname.replace(/^\/webhook\//, ''));
		const again = await inWaves(ids, 10, (id) => postEvent(url, id));
		expect(again.map((answer) => answer.status)).toEqual(again.map(() => 200));
		const accepted = again.filter((answer) => answer.body.includes('Event accepted')).length;
		const afterRestart = await settled(TRIGGER, before + 50 + accepted);
		for (const execution of afterRestart.slice(0, accepted)) {
			const run = await cluster.main.executionData(execution.id);
			expect(run.items('Ingram Micro Trigger')).toEqual([]);
		}
		process.stdout.write(
			`after the restart, ${accepted} of 50 copies passed the webhook process's memory and stopped at the trigger\n`,
		);
	});
});

describe('Ingram Content Send on two workers', () => {
	const post = async (order: Record<string, unknown>) => {
		const response = await fetch(`${cluster.webhook.baseUrl}/webhook/${SHOP_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(order),
			signal: AbortSignal.timeout(240_000),
		});
		return { status: response.status, body: await response.text() };
	};
	const order = (poNumber: string) => ({ ...shop.exampleOrder, order_number: poNumber });
	/** Files in incoming that the nameTaken fault wrote there as another client's, unchanged. */
	const foreignOrderFiles = () =>
		cluster.cdf
			.files('incoming')
			.filter(
				(name) =>
					readFileSync(join(cluster.cdf.home, 'incoming', name), 'utf8') === FOREIGN_ORDER_CONTENT,
			);
	const filesWith = (poNumber: string) =>
		cluster.cdf.received().filter((file) => file.content.includes(`${poNumber} `));

	beforeAll(async () => {
		await cluster.webhook.waitForWebhook(SHOP_PATH);
	});

	test('100 orders at once, 25 at a time: each uploaded exactly once, past names taken by another client; all refused the second time', async () => {
		const before = cluster.cdf.received().length;
		const executionsBefore = (await allExecutions(SHOP)).length;
		const poNumbers = Array.from({ length: 100 }, (_, n) => `Q-${1000 + n}`);
		// 5 runs find their file's name taken just before they rename (as when two runs pick the same
		// name): each must go again under another name, and the other file stay as it is
		const foreignBefore = foreignOrderFiles();
		cluster.cdf.setFault({ kind: 'nameTaken', oncePerConnection: true }, { times: 5 });
		const answers = await inWaves(poNumbers, 25, (po) => post(order(po)));
		const executions = (await settled(SHOP, executionsBefore + 100)).slice(0, 100);
		cluster.cdf.setFault({ kind: 'none' });
		expect(await errorsOf(executions)).toEqual([]);
		expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
		expect(foreignOrderFiles().length - foreignBefore.length).toBe(5);
		expect(cluster.cdf.received().length - before).toBe(100);
		for (const po of poNumbers) expect([po, filesWith(po).length]).toEqual([po, 1]);
		const workers = await Promise.all(executions.map((e) => cluster.workerOf(e.id)));
		expect(new Set(workers)).toEqual(new Set([0, 1]));

		const again = await inWaves(poNumbers, 25, (po) => post(order(po)));
		expect(again.filter((answer) => answer.status === 200)).toEqual([]);
		expect(cluster.cdf.received().length - before).toBe(100);
	});

	test('10 new orders, each posted 4 times at once (copies run on both workers): each uploaded once', async () => {
		const before = cluster.cdf.received().length;
		const poNumbers = Array.from({ length: 10 }, (_, n) => `Q-${2000 + n}`);
		const answers = await Promise.all(
			shuffled(poNumbers.flatMap((po) => [po, po, po, po])).map((po) => post(order(po))),
		);
		expect(answers.filter((answer) => answer.status === 200)).toHaveLength(10);
		for (const po of poNumbers) expect([po, filesWith(po).length]).toEqual([po, 1]);
		expect(cluster.cdf.received().length - before).toBe(10);
	});

	test('a worker killed mid-run loses no order: each is uploaded once, or reported not sent', async () => {
		const poNumbers = Array.from({ length: 30 }, (_, n) => `Q-${3000 + n}`);
		const answers = Promise.all(
			poNumbers.map((po) =>
				post(order(po)).then(
					(answer) => `HTTP ${answer.status} ${answer.body.slice(0, 160)}`,
					(error: Error) => `no answer: ${error.message}`,
				),
			),
		);
		await sleep(1500);
		await cluster.workers[0].kill();
		await cluster.workers[0].start();
		const answered = await answers;
		// n8n hands the dead worker's executions to a worker again; wait until all have ended
		const executions = await settled(SHOP, 0, 240_000);
		const outcome = new Map<string, string[]>();
		/** Statuses of executions whose data holds no PO (the dead worker's, for instance). */
		const unmatched: string[] = [];
		for (const execution of executions) {
			const run = await cluster.main.executionData(execution.id);
			// an execution the dead worker had started may hold no run data yet: find the PO anywhere
			const text = JSON.stringify(run.raw);
			const po = poNumbers.find((candidate) => text.includes(`"${candidate}"`));
			if (!po) {
				unmatched.push(execution.status);
				continue;
			}
			outcome.set(po, [
				...(outcome.get(po) ?? []),
				run.items('Send to Ingram')[0]?.status === 'sent'
					? 'sent'
					: `${execution.status}: ${run.error ?? run.nodeError('Send to Ingram') ?? ''}`,
			]);
		}
		const report = poNumbers.map((po, index) => ({
			po,
			files: filesWith(po).length,
			said: [...(outcome.get(po) ?? []), answered[index]],
		}));
		process.stdout.write(
			`worker killed mid-run (executions without run data: ${unmatched.join(', ') || 'none'}):\n${report.map((r) => `  ${r.po}: ${r.files} file(s); ${r.said.join(' | ')}`).join('\n')}\n`,
		);
		const unsent: string[] = [];
		for (const { po, files, said } of report) {
			expect([po, files <= 1]).toEqual([po, true]);
			if (files === 0) {
				// not on the host: the shop was told it failed (n8n answers the webhook with an error
				// when the worker running it dies), or its execution says it was not sent
				expect([po, said.some((text) => /was not sent|^HTTP 500|^no answer/.test(text))]).toEqual([
					po,
					true,
				]);
				unsent.push(po);
			}
		}
		// posted again, an order the dead worker had not claimed yet is sent now (once); one it had
		// claimed is refused as unconfirmed, never as "already sent"
		const resent: string[] = [];
		const unconfirmed: string[] = [];
		for (const po of unsent) {
			if ((await post(order(po))).status === 200) {
				expect([po, filesWith(po).length]).toEqual([po, 1]);
				resent.push(po);
				continue;
			}
			unconfirmed.push(po);
			// the newest executions (n8n lists them newest first): the one for this PO says why
			const filter = encodeURIComponent(JSON.stringify({ workflowId: SHOP }));
			const { results } = await cluster.main.rest<{ results: ExecutionSummary[] }>(
				'GET',
				`/executions?filter=${filter}&limit=10`,
			);
			const messages: string[] = [];
			for (const execution of results) {
				const run = await cluster.main.executionData(execution.id);
				if (JSON.stringify(run.raw).includes(`"${po}"`))
					messages.push(run.error ?? run.nodeError('Send to Ingram') ?? execution.status);
			}
			expect([po, messages[0]]).toEqual([
				po,
				expect.stringMatching(/was not sent: an earlier run .* has not confirmed its upload/),
			]);
		}
		process.stdout.write(
			`killed worker: ${poNumbers.length - unsent.length} of ${poNumbers.length} uploaded once; posted again, ${resent.length} sent now (their run died before claiming them), ${unconfirmed.length} refused as unconfirmed\n`,
		);
	});
});

describe('Ingram Content Trigger on the main instance', () => {
	test('every acknowledgement file written after activation reaches exactly one execution, run by a worker', async () => {
		const expected = ackFiles().filter((name) => !acksBefore.has(name));
		expect(expected.length).toBeGreaterThan(100);
		const seen = await filesReached(ACKS, expected);
		const files = seen.flatMap((s) => s.files);
		expect([...files].sort()).toEqual([...expected].sort());
		expect(new Set(files).size).toBe(files.length);
		for (const execution of seen) expect(execution.worker).toBeDefined();
		const crashed = seen.filter((execution) => execution.status !== 'success');
		process.stdout.write(
			`acknowledgements: ${expected.length} files in ${seen.length} executions; not successful (a worker killed under them): ${crashed.map((c) => `${c.status} with ${c.files.length} file(s)`).join(', ') || 'none'}\n`,
		);
	});

	test('the shipment and inventory examples: each new file in one execution, on a worker', async () => {
		const delta = await cluster.cdf.writeInventory({
			kind: 'delta',
			titles: { count: 12, seed: 5 },
		});
		const shipments = replyFiles('shipNotice').filter((name) => !shipmentsBefore.has(name));
		expect(shipments.length).toBeGreaterThan(0);
		const shipped = await filesReached(SHIPMENTS, shipments);
		const shippedFiles = shipped.flatMap((s) => s.files);
		expect([...shippedFiles].sort()).toEqual([...shipments].sort());
		for (const execution of shipped) expect(execution.worker).toBeDefined();

		const [stock] = await cluster.main.waitForExecutions(STOCK, 1, 150_000);
		expect(stock.status).toBe('success');
		expect(await cluster.workerOf(stock.id)).toBeDefined();
		const run = await cluster.main.executionData(stock.id);
		expect(run.items('Stock level for the shop')).toHaveLength(delta.records);
	});
});
