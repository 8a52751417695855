/**
 * Ingram Content in a real n8n 2.41.1 with the package installed the community way, against the
 * CDF host simulator (a real SFTP server on 127.0.0.1):
 * - the example "shop order → Order › Send (Test)" uploads one valid test order;
 * - "never send twice" holds across executions: separate `n8n execute` processes (manual runs),
 *   production webhook runs of an active workflow, and a restart of the server — n8n keeps the
 *   sent POs in its database (the deduplication store behind checkProcessedAndRecord).
 */
import { readOrderFile } from '../../nodes/IngramContent/codec/orderFileBuilder';
import { prepareN8n, shopOrderWebhookWorkflow, type PreparedN8n } from './environment';

const EXAMPLE = 'ingramContentSendOrder';
const WEBHOOK_WORKFLOW = 'ingramContentHook';
const WEBHOOK_PATH = 'shop-order-paid';

let env: PreparedN8n;

let exampleOrder: Record<string, unknown>;

beforeAll(async () => {
	env = await prepareN8n();
	const shop = shopOrderWebhookWorkflow(WEBHOOK_WORKFLOW, WEBHOOK_PATH);
	exampleOrder = shop.exampleOrder;
	await env.n8n.importWorkflows([shop.workflow]);
	await env.n8n.publishWorkflow(WEBHOOK_WORKFLOW);
});

afterAll(async () => {
	await env?.dispose();
});

const received = () => env.cdf.received();

describe('the example: shop order → Ingram Content › Order › Send (Test)', () => {
	test('uploads one valid test order (PO type 8) and reports it sent', async () => {
		const run = await env.n8n.execute(EXAMPLE);
		expect(run.error).toBeUndefined();
		const [sent] = run.items('Send to Ingram');
		expect(sent).toMatchObject({
			poNumber: 'SHOP-1001',
			status: 'sent',
			environment: 'test',
			shippingMethod: '### USA ECONOMY',
			lines: 2,
			units: 2,
		});
		expect(received()).toHaveLength(1);
		const [file] = received();
		expect(file.name).toBe(sent.fileName);
		expect(file.problems).toEqual([]);
		const [order] = readOrderFile(file.content).orders;
		expect(order).toMatchObject({ poNumber: 'SHOP-1001', poType: '8', orderType: 'LS' });
		// the ISBN-10 of the second line went out as its EAN
		expect(order.lines.map((line) => line.itemNumber)).toEqual(['9780306406157', '9780306406157']);
		expect(order.giftMessages).toEqual(['Happy birthday, Sam! Love from Jane']);
	});

	test('a second manual run (another process) refuses the same PO and uploads nothing', async () => {
		const run = await env.n8n.execute(EXAMPLE);
		expect(run.error ?? run.nodeError('Send to Ingram')).toMatch(
			/Order SHOP-1001 was already sent to Ingram \(test\) by this workflow; it was not sent again/,
		);
		expect(received()).toHaveLength(1);
	});
});

describe('an active workflow called by the shop (production webhook)', () => {
	const post = async (order: Record<string, unknown>) =>
		await fetch(`${env.n8n.baseUrl}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(order),
		});

	beforeAll(async () => {
		await env.n8n.start();
		await env.n8n.setupOwner();
		await env.n8n.waitForWebhook(WEBHOOK_PATH);
	});

	test('sends a new order once; the same order again is refused, also after n8n restarts', async () => {
		const before = received().length;
		const order = { ...exampleOrder, order_number: 'SHOP-2001' };
		const first = await post(order);
		expect(first.status).toBe(200);
		expect(await first.json()).toMatchObject({ poNumber: 'SHOP-2001', status: 'sent' });
		expect(received().length).toBe(before + 1);

		const again = await post(order);
		expect(again.status).toBe(500);
		expect(received().length).toBe(before + 1);

		await env.n8n.stop();
		await env.n8n.start();
		await env.n8n.waitForWebhook(WEBHOOK_PATH);
		const afterRestart = await post(order);
		expect(afterRestart.status).toBe(500);
		expect(received().length).toBe(before + 1);

		const another = await post({ ...order, order_number: 'SHOP-2002' });
		expect(another.status).toBe(200);
		expect(received().length).toBe(before + 2);

		const executions = await env.n8n.waitForExecutions(WEBHOOK_WORKFLOW, 4);
		expect(executions.map((e) => e.status).sort()).toEqual([
			'error',
			'error',
			'success',
			'success',
		]);
		for (const execution of executions.filter((e) => e.status === 'error')) {
			const run = await env.n8n.executionData(execution.id);
			expect(run.error ?? run.nodeError('Send to Ingram')).toMatch(/SHOP-2001 was already sent/);
		}
		// the example's manual runs and these webhook runs are different workflows: each keeps its own list
		expect(received().filter((f) => f.content.includes('SHOP-2001'))).toHaveLength(1);
	});

	test('the same new order posted 5 times at once is sent exactly once', async () => {
		const before = received().length;
		const order = { ...exampleOrder, order_number: 'SHOP-2100' };
		const answers = await Promise.all(Array.from({ length: 5 }, async () => await post(order)));
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 500, 500, 500, 500]);
		expect(received().length).toBe(before + 1);
		expect(received().filter((file) => file.content.includes('SHOP-2100'))).toHaveLength(1);
	});
});
