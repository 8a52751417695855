/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The Ingram Content Trigger polling the CDF host simulator, as n8n 2.41.1 runs polls (see
 * test/pollHarness.ts): each reply file starts exactly one execution; files that were there at
 * activation are not replayed unless asked; a failed poll, a pending reply, a half-written file or
 * a dropped download loses and skips nothing; a restart does not replay.
 */
import type { IDataObject } from 'n8n-workflow';

import { startCdfSimulator, type CdfSimulator } from '../cdfSimulator';
import { deduplicationStore, loadPackage, type LoadedPackage } from '../harness';
import { PollHarness } from '../pollHarness';
import { cdfCredential, ean, orderParameters, runContent, shopOrder } from './helpers';

let pkg: LoadedPackage;
let counter = 0;
beforeAll(async () => {
	pkg = await loadPackage();
	await deduplicationStore();
});

describe.each(['sftp', 'ftp'] as const)('over %s', (protocol) => {
	let sim: CdfSimulator;
	beforeAll(async () => {
		sim = await startCdfSimulator({ replyDelayMs: Infinity });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.setFault({ kind: 'none' }));

	const credential = () =>
		cdfCredential({
			protocol,
			port: protocol === 'sftp' ? sim.sftp.port : sim.ftp.port,
			username: sim.username,
			password: sim.password,
			timeoutSeconds: 3,
		});

	/** Sends one order (its acknowledgement appears at once); returns the PO number. */
	async function sendOrder(extra: IDataObject = {}): Promise<string> {
		const number = `T-${++counter}`;
		const result = await runContent(
			pkg,
			orderParameters({
				operation: 'send',
				options: { shipToPassword: '={{ $json.shipToPassword ?? "" }}' },
			}),
			[shopOrder(counter, { number, ...extra })],
			{ credential: credential(), workflowId: `wf-trigger-send-${counter}` },
		);
		expect(result.error).toBeUndefined();
		return number;
	}

	const trigger = (parameters: IDataObject = {}) =>
		new PollHarness(
			pkg,
			'ingramContentTrigger',
			{ event: 'acknowledgement', folder: 'test', ...parameters },
			{ ingramContentCdfApi: credential() },
			`wf-trigger-${++counter}`,
		);
	/** The POs of the items, sorted: files written in the same second have no order between them. */
	const pos = (items: Array<{ json: IDataObject }> | null) =>
		(items ?? []).map((item) => String(item.json.poNumber)).sort();

	it('does not replay files that were there at activation; each new file starts exactly one execution', async () => {
		await sendOrder();
		const poller = trigger();
		expect(await poller.activate()).toBeNull();
		expect(await poller.poll()).toBeNull();
		const first = await sendOrder();
		const second = await sendOrder();
		expect(pos(await poller.poll())).toEqual([first, second].sort());
		expect(await poller.poll()).toBeNull();
		const third = await sendOrder();
		expect(pos(await poller.poll())).toEqual([third]);
		expect(await poller.poll()).toBeNull();
	});

	it('"Include Existing Files" starts for what is already there on the first poll', async () => {
		const po = await sendOrder();
		const poller = trigger({ options: { includeExisting: true } });
		expect(pos(await poller.activate())).toContain(po);
		expect(await poller.poll()).toBeNull();
	});

	it('"Only Partial or Rejected" leaves accepted POs out', async () => {
		const poller = trigger({ onlyProblems: true });
		await poller.activate();
		await sendOrder();
		const rejected = await sendOrder({ shipToPassword: 'WRONGPW1' });
		const partial = await sendOrder({
			items: [
				{ sku: ean(3), qty: 1 },
				{ sku: '9780028609249', qty: 1 },
			],
		});
		const items = await poller.poll();
		expect(pos(items)).toEqual([rejected, partial].sort());
		expect(
			Object.fromEntries((items ?? []).map((item) => [item.json.poNumber, item.json.outcome])),
		).toEqual({
			[rejected]: 'rejected',
			[partial]: 'partial',
		});
	});

	it('a failed poll loses nothing: the file starts its execution on the next poll, once', async () => {
		const poller = trigger();
		await poller.activate();
		const po = await sendOrder();
		sim.setFault({ kind: 'wrongPassword' });
		await expect(poller.poll()).rejects.toThrow(
			/Polling Ingram's acknowledgement files failed: .*refused the login/,
		);
		sim.setFault({ kind: 'none' });
		expect(pos(await poller.poll())).toEqual([po]);
		expect(await poller.poll()).toBeNull();
	});

	it('a pending reply (NO MAINFRAME) starts nothing; the real acknowledgement then starts exactly once', async () => {
		const poller = trigger();
		await poller.activate();
		sim.setFault({ kind: 'noMainframe' });
		const po = await sendOrder();
		sim.setFault({ kind: 'none' });
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();
		sim.releasePending();
		expect(pos(await poller.poll())).toEqual([po]);
		expect(await poller.poll()).toBeNull();
	});

	it('a file still being written is left for the next poll, then read once when complete', async () => {
		const poller = trigger();
		await poller.activate();
		sim.setFault({ kind: 'halfWrittenReply', holdMs: 60_000 });
		const po = await sendOrder();
		sim.setFault({ kind: 'none' });
		expect(await poller.poll()).toBeNull();
		sim.finishWrites();
		expect(pos(await poller.poll())).toEqual([po]);
		expect(await poller.poll()).toBeNull();
	});

	it('a download cut off mid-file loses nothing', async () => {
		const poller = trigger();
		await poller.activate();
		const po = await sendOrder();
		sim.setFault({ kind: 'dropDuringDownload' }, { times: 1 });
		expect(await poller.poll()).toBeNull();
		expect(pos(await poller.poll())).toEqual([po]);
		expect(await poller.poll()).toBeNull();
	});

	it('after a restart (a new process), files already started are not started again', async () => {
		const poller = trigger();
		await poller.activate();
		const po = await sendOrder();
		expect(pos(await poller.poll())).toEqual([po]);
		poller.restart();
		expect(await poller.poll()).toBeNull();
		const next = await sendOrder();
		poller.restart();
		expect(pos(await poller.poll())).toEqual([next]);
	});

	it('shipments and invoices trigger too, after Ingram ships', async () => {
		const shipments = trigger({ event: 'shipment' });
		const invoices = trigger({ event: 'invoice' });
		await shipments.activate();
		await invoices.activate();
		const po = await sendOrder({ method: 'Express' });
		expect(await shipments.poll()).toBeNull();
		sim.shipAll();
		const shipped = await shipments.poll();
		expect(pos(shipped)).toContain(po);
		const ours = (shipped ?? []).find((item) => item.json.poNumber === po)!;
		expect((ours.json.packages as IDataObject[])[0].trackingNumber).toMatch(/^1Z/);
		const invoiced = await invoices.poll();
		expect((invoiced ?? []).flatMap((item) => item.json.poNumbers as string[])).toContain(po);
		expect(await shipments.poll()).toBeNull();
		expect(await invoices.poll()).toBeNull();
	});

	it('"Fetch Test Event" returns the newest file and remembers nothing', async () => {
		// file times have one-second resolution: make this one the newest for sure
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const po = await sendOrder();
		const poller = trigger();
		expect(pos(await poller.fetchTestEvent())).toEqual([po]);
		expect(poller.saved).toEqual({});
	});

	it('"New Inventory Delta" starts once per new delta file, with its titles (or only the listed EANs)', async () => {
		const all = trigger({ event: 'inventoryDelta' });
		const some = trigger({ event: 'inventoryDelta', eans: ean(501), locationName: 'Warehouse B' });
		await sim.writeInventory({
			kind: 'delta',
			date: new Date('2026-11-20T00:00:00Z'),
			letter: 'a',
			titles: [{ ean: ean(500) }],
		});
		await all.activate();
		await some.activate();
		expect(await all.poll()).toBeNull();
		await sim.writeInventory({
			kind: 'delta',
			date: new Date('2026-11-21T00:00:00Z'),
			letter: 'c',
			titles: [{ ean: ean(501), onHand: [4, 1] }, { ean: ean(502) }],
		});
		const titles = await all.poll();
		expect((titles ?? []).map((item) => [item.json.ean, item.json.fileName])).toEqual([
			[ean(501), 'stockv2delta261121c@ingram.zip'],
			[ean(502), 'stockv2delta261121c@ingram.zip'],
		]);
		expect(await all.poll()).toBeNull();
		const filtered = await some.poll();
		expect(
			(filtered ?? []).map((item) => [item.json.ean, item.json.onHand, item.json.location]),
		).toEqual([[ean(501), 5, 'Warehouse B']]);
	});
});
