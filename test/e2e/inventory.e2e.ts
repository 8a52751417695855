/**
 * Inventory in a real n8n 2.41.1, against the CDF host simulator, with the credential's separate
 * data-services login (Ingram's `w…` user): Inventory › Get looks titles up in the full StockV2
 * file over SFTP; Inventory › Parse reads a StockV2 zip that another node loaded, streamed from
 * n8n's filesystem binary data store; and the example "inventory delta → stock levels for the shop"
 * (Ingram Content Trigger, New Inventory Delta) starts once per new delta file — not for the delta
 * that was there before activation, not twice on later polls.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { eanWithPrefix, generatedTitles } from '../cdfSimulator';
import { EXAMPLE_CREDENTIALS, prepareN8n, type PreparedN8n } from './environment';

const STOCK = 'ingramContentStock';
const GET = 'e2eInventoryGet';
const PARSE = 'e2eInventoryParse';
const TITLES = 20_000;
const SEED = 7;
/** Three titles of the full file (first, middle, last) and one Ingram does not list. */
const LISTED = [1, 9_999, TITLES].map((n) => eanWithPrefix('979888', n));
const UNLISTED = eanWithPrefix('979888', TITLES + 1);

const filesFolder = mkdtempSync(join(tmpdir(), 'n8n-ingram-files-'));
let env: PreparedN8n;

const contentCredential = { ingramContentCdfApi: EXAMPLE_CREDENTIALS.cdf };
const manualTrigger = {
	id: 'a0000000-0000-4000-8000-000000000001',
	name: 'Run',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const chain = (...names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);

/** Manual → the shop's ISBNs as items → Inventory › Get in the full file. */
const getWorkflow = {
	id: GET,
	name: 'E2E: look up shop titles in the full inventory file',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		manualTrigger,
		{
			id: 'a0000000-0000-4000-8000-000000000002',
			name: 'Shop titles',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify({ isbn: [...LISTED, UNLISTED] }),
				options: {},
			},
		},
		{
			id: 'a0000000-0000-4000-8000-000000000003',
			name: 'One item per title',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'isbn', options: {} },
		},
		{
			id: 'a0000000-0000-4000-8000-000000000004',
			name: 'Ingram Content',
			type: 'n8n-nodes-ingram.ingramContent',
			typeVersion: 1,
			position: [660, 0],
			parameters: {
				resource: 'inventory',
				operation: 'get',
				file: 'full',
				eans: '={{ $json.isbn }}',
				locationName: 'Warehouse B',
			},
			credentials: contentCredential,
		},
	],
	connections: chain('Run', 'Shop titles', 'One item per title', 'Ingram Content'),
};

/** Manual → Read/Write Files from Disk (the zip) → Inventory › Parse. */
const parseWorkflow = {
	id: PARSE,
	name: 'E2E: parse a StockV2 zip read from disk',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		manualTrigger,
		{
			id: 'a0000000-0000-4000-8000-000000000005',
			name: 'Read the zip',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fileSelector: join(filesFolder, 'stockv2@ingram.zip'), options: {} },
		},
		{
			id: 'a0000000-0000-4000-8000-000000000006',
			name: 'Ingram Content',
			type: 'n8n-nodes-ingram.ingramContent',
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'inventory',
				operation: 'parse',
				eans: [...LISTED, UNLISTED].join(', '),
			},
		},
	],
	connections: chain('Run', 'Read the zip', 'Ingram Content'),
};

beforeAll(async () => {
	env = await prepareN8n({ env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder } });
	const full = await env.cdf.writeInventory({
		kind: 'full',
		titles: { count: TITLES, seed: SEED },
	});
	copyFileSync(full.diskPath, join(filesFolder, 'stockv2@ingram.zip'));
	await env.n8n.importWorkflows([getWorkflow, parseWorkflow]);
}, 600_000);

afterAll(async () => {
	await env?.dispose();
	rmSync(filesFolder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const expected = () => {
	const byEan = new Map<string, { listPrice?: number; publisherStatus?: string }>();
	for (const title of generatedTitles(TITLES, SEED)) byEan.set(title.ean, title);
	return LISTED.map((ean) => ({
		ean,
		found: true,
		listPrice: byEan.get(ean)?.listPrice,
		publisherStatus: byEan.get(ean)?.publisherStatus,
	}));
};

test('Inventory › Get finds the shop titles in the full file over the data-services login', async () => {
	const before = env.cdf.loginAttempts().length;
	const run = await env.n8n.execute(GET);
	expect(run.error).toBeUndefined();
	const titles = run.items('Ingram Content');
	expect(titles.filter((title) => title.found)).toEqual(
		expected().map((title) => expect.objectContaining({ ...title, location: 'Warehouse B' })),
	);
	expect(titles.filter((title) => !title.found)).toEqual([
		expect.objectContaining({ ean: UNLISTED, found: false }),
	]);
	// the lookup logged in as the inventory user, once, and as no one else (an SSH client asks
	// which methods the server takes with a "none" attempt first)
	const logins = env.cdf
		.loginAttempts()
		.slice(before)
		.filter((attempt) => attempt.method !== 'none');
	expect(logins).toEqual([
		expect.objectContaining({ username: env.cdf.inventoryAccount.username, ok: true }),
	]);
}, 300_000);

test('Inventory › Parse streams a zip from n8n’s filesystem binary data', async () => {
	const run = await env.n8n.execute(PARSE);
	expect(run.error).toBeUndefined();
	// the zip reached the node as a reference into n8n's binary data folder, not inline bytes
	expect(run.binaries('Read the zip')[0].data?.id).toMatch(/^filesystem/);
	const titles = run.items('Ingram Content');
	expect(titles.filter((title) => title.found)).toEqual(
		expected().map((title) => expect.objectContaining({ ...title, location: 'Ingram Content' })),
	);
	expect(titles.filter((title) => !title.found).map((title) => title.ean)).toEqual([UNLISTED]);
}, 300_000);

test('the inventory delta example starts once per new delta file, with its titles', async () => {
	// a delta from before activation must not start anything
	await env.cdf.writeInventory({
		kind: 'delta',
		date: new Date('2026-11-20T00:00:00Z'),
		letter: 'a',
		titles: [{ ean: eanWithPrefix('979887', 1) }],
	});
	await env.n8n.publishWorkflow(STOCK);
	const logins = () =>
		env.cdf
			.loginAttempts()
			.filter((attempt) => attempt.username === env.cdf.inventoryAccount.username).length;
	const before = logins();
	await env.n8n.start();
	await env.n8n.setupOwner();
	// activation polls once (remembering the files there); a file written before that would count
	// as existing, so wait for that poll's login and give it time to list
	for (let waited = 0; logins() === before; waited += 250) {
		if (waited > 120_000) throw new Error('the trigger never logged in');
		await sleep(250);
	}
	await sleep(5_000);
	const changed = [
		{
			ean: eanWithPrefix('979887', 2),
			onHand: [3, 0, 4, 0],
			listPrice: 12.5,
			publisherStatus: 'IP',
		},
		{ ean: eanWithPrefix('979887', 3), onHand: [0, 0, 0, 0], listPrice: 20, publisherStatus: 'OP' },
	];
	await env.cdf.writeInventory({
		kind: 'delta',
		date: new Date('2026-11-21T00:00:00Z'),
		letter: 'b',
		titles: changed,
	});

	const [execution] = await env.n8n.waitForExecutions(STOCK, 1, 150_000);
	expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
	const run = await env.n8n.executionData(execution.id);
	expect(run.items('Stock level for the shop')).toEqual([
		{
			sku: changed[0].ean,
			quantity: 7,
			location: 'Ingram Content',
			list_price: 12.5,
			orderable: true,
		},
		{
			sku: changed[1].ean,
			quantity: 0,
			location: 'Ingram Content',
			list_price: 20,
			orderable: false,
		},
	]);

	// one more poll cycle: nothing starts twice
	await sleep(75_000);
	expect(await env.n8n.executions(STOCK)).toHaveLength(1);
}, 900_000);
