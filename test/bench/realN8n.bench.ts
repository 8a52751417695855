/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * The Ingram Micro node's throughput measured inside a real n8n (the pinned 2.41.1), against the
 * stock HTTP Request node in the same run, both talking to the XI simulator with added latency.
 *
 *   npm run build && node scripts/node24.mjs npx tsx test/bench/realN8n.bench.ts
 *
 * What is measured
 * 1. Price & availability of 1,000 SKUs arriving as 1,000 items (Manual Trigger → Set with a `skus`
 *    array → Split Out → the node under test), at 50 ms and at 300 ms latency:
 *    A. Ingram Micro node, Product › Get Price and Availability, SKU from `{{ $json.sku }}`;
 *    B. HTTP Request node (latest typeVersion, 4.5), one POST per item with the headers Ingram
 *       requires and a token fetched once beforehand, batching left at its default (all items at
 *       once): the workflow people build without this package.
 *    Both get the same SKUs, built like `npm run bench` builds them: the simulator's whole catalog
 *    plus SKUs Ingram does not know (each still costs a request in B and a place in a batch in A).
 * 2. Order › Search with Return All over 5,000 orders at 300 ms (the simulator's ~120 seeded orders
 *    plus generated ones, `extraOrders`): the node with default settings and one page at a time
 *    (Parallel Requests = 1, see ONE_PAGE_AT_A_TIME).
 * For every run: the requests the simulator received, by operation, and the most it was answering
 * at once ("in flight"), which shows the parallelism actually reached, whatever the settings say.
 *
 * How, and why this way
 * - One `n8n start` server runs every execution (REST `POST /rest/workflows/:id/run`, then the
 *   saved execution is read back). `n8n execute --id` would start a new process per run: each run
 *   would be a first, cold run (module loading, JIT) and 4–5 s of start-up would dwarf what is
 *   measured. A warm server is also how n8n runs in production.
 * - Times come from n8n itself, not from this process: each node's `executionTime` in the run
 *   data (what the node costs, what a user sees in the editor) and the execution's
 *   `stoppedAt − startedAt` (the whole workflow, Set and Split Out included). This process only
 *   polls for the end (a small REST read every 250 ms), so its own timing does not enter.
 * - The package is installed from `npm pack` the way n8n's community-package installer does it
 *   (test/e2e/n8n.ts), so n8n runs the same files a user gets.
 * - A and B run in the same server against the same simulator, alternating (AB, BA, AB, …) so
 *   that drift (disk, caches, a busy machine) hits both alike. Every workflow runs once first as
 *   a warm-up that is discarded: n8n's first execution of a workflow is slower.
 * - The baseline gets its best case: the token is a fixed header (no credential to decrypt per
 *   item), and nothing throttles it. The Ingram node runs with its stock settings and its
 *   credential, whose token n8n stores and reuses across executions (hence 0 token calls after
 *   the warm-up).
 * - Every run must put out exactly the expected items (1,000; all orders), every request must
 *   have succeeded; otherwise the bench stops with an error rather than print a figure.
 *
 * Env: BENCH_REPEATS (default 5) measured runs per case; N8N_INGRAM_TARBALL to use a packed
 * tarball instead of packing the repository (build first). The whole bench has a hard deadline.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseFlatted } from 'flatted';

import { credentialsFor, EXAMPLE_CREDENTIALS } from '../e2e/environment';
import {
	ensureN8n,
	ExecuteResult,
	freePort,
	installPackageLikeN8n,
	N8N_VERSION,
	N8n,
	packPackage,
	PACKAGE_NAME,
} from '../e2e/n8n';
import {
	ACCESS_GRANT_PATH,
	SIM_DEFAULTS,
	SIM_FIXTURES,
	TOKEN_OPERATION_ID,
	XiSimulator,
} from '../simulator';

const SKU_COUNT = 1000;
const PA_LATENCIES_MS = [50, 300];
const ORDER_COUNT = 5000;
const ORDER_LATENCY_MS = 300;
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
/** Stop no matter what after this long (the usual run takes a few minutes). */
const DEADLINE_MS = 15 * 60_000;
/** One execution longer than this is a hang, not a measurement. */
const EXECUTION_TIMEOUT_MS = 5 * 60_000;

const PA_OPERATION_ID = 'post-priceandavailability';
const ORDER_SEARCH_OPERATION_ID = 'get-resellers-v6-ordersearch';

const TRIGGER = 'Manual Trigger';
const NODE_UNDER_TEST = 'Node under test';
const INGRAM_CREDENTIAL = { ingramMicroOAuth2Api: EXAMPLE_CREDENTIALS.api };

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Workflow {
	id: string;
	name: string;
	nodes: Array<WorkflowNode & { id: string; position: [number, number] }>;
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	[key: string]: unknown;
}

/** A linear workflow: Manual Trigger → nodes in the order given. */
function linearWorkflow(id: string, name: string, nodes: WorkflowNode[]): Workflow {
	const all: WorkflowNode[] = [
		{ name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		...nodes,
	];
	const connections: Workflow['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		nodes: all.map((node, i) => ({
			...node,
			id: randomUUID(),
			position: [i * 220, 0],
		})),
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Manual Trigger → Set (raw JSON `{ skus: [...] }`) → Split Out (`skus` → `sku`) → `node`. */
function priceWorkflow(
	id: string,
	name: string,
	skus: string[],
	node: Omit<WorkflowNode, 'name'>,
): Workflow {
	return linearWorkflow(id, name, [
		{
			name: 'SKUs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ skus }), options: {} },
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'skus', options: { destinationFieldName: 'sku' } },
		},
		{ name: NODE_UNDER_TEST, ...node },
	]);
}

function ingramPriceNode(): Omit<WorkflowNode, 'name'> {
	return {
		type: `${PACKAGE_NAME}.ingramMicro`,
		typeVersion: 1,
		parameters: {
			resource: 'product',
			operation: 'getPriceAndAvailability',
			identifyBy: 'ingramPartNumber',
			skus: '={{ $json.sku }}',
		},
		credentials: INGRAM_CREDENTIAL,
	};
}

/** 32 hex characters, new for every request: the md5 of something unique (n8n's `hash()`). */
const CORRELATION_ID = `={{ ($itemIndex + '-' + Math.random() + '-' + $now.toMillis()).hash('md5') }}`;

/** What a user builds with the HTTP Request node: one request per item, Ingram's headers by hand. */
function httpPriceNode(sim: XiSimulator, accessToken: string): Omit<WorkflowNode, 'name'> {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'POST',
			url: `${sim.baseUrl}/resellers/v6/catalog/priceandavailability?includeAvailability=true&includePricing=true`,
			authentication: 'none',
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Authorization', value: `Bearer ${accessToken}` },
					{ name: 'IM-CustomerNumber', value: SIM_DEFAULTS.customerNumber },
					{ name: 'IM-CountryCode', value: SIM_DEFAULTS.countryCode },
					{ name: 'IM-CorrelationID', value: CORRELATION_ID },
					{ name: 'Content-Type', value: 'application/json' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={"products":[{"ingramPartNumber":"{{ $json.sku }}"}]}',
			// batching left at its default: every item's request is sent at once
			options: {},
		},
	};
}

/** "One page at a time": the search's Parallel Requests set to 1 (the "in flight" column shows it took effect). */
const ONE_PAGE_AT_A_TIME = { parallelRequests: 1 };

function orderSearchWorkflow(
	id: string,
	name: string,
	extra: Record<string, unknown> = {},
): Workflow {
	return linearWorkflow(id, name, [
		{
			name: NODE_UNDER_TEST,
			type: `${PACKAGE_NAME}.ingramMicro`,
			typeVersion: 1,
			parameters: { resource: 'order', operation: 'search', returnAll: true, ...extra },
			credentials: INGRAM_CREDENTIAL,
		},
	]);
}

/** The simulator's catalog, then SKUs Ingram does not know, up to `count` (as `npm run bench`). */
function skusFor(sim: XiSimulator, count: number): string[] {
	const skus = sim.data.products.map((p) => p.ingramPartNumber).slice(0, count);
	for (let n = 0; skus.length < count; n++) skus.push(`ZB${String(n).padStart(4, '0')}`);
	return skus;
}

// ---------------------------------------------------------------------------------------------
// Running and measuring
// ---------------------------------------------------------------------------------------------

interface Measurement {
	/** The node under test's executionTime (n8n's run data), seconds. */
	node: number;
	/** The execution's stoppedAt − startedAt, seconds. */
	execution: number;
	items: number;
	/** Requests the simulator received during the execution, by operationId. */
	calls: Record<string, number>;
	/** The most requests the simulator was answering at the same moment. */
	inFlight: number;
}

/**
 * Counts the requests the simulator is answering at once: the node's real parallelism, whatever
 * its settings say. Listens on the simulator's HTTP server next to the simulator's own handler.
 */
class InFlightMeter {
	private current = 0;
	max = 0;

	constructor(sim: XiSimulator) {
		const server = (sim as unknown as { server: Server }).server;
		server.on('request', (_request, response) => {
			this.current += 1;
			this.max = Math.max(this.max, this.current);
			response.once('close', () => (this.current -= 1));
		});
	}

	reset(): void {
		this.max = this.current;
	}
}

interface SavedExecution {
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
	data: string;
}

interface NodeRun {
	executionTime?: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs a workflow in the server (as the editor's "Execute workflow" does) and reads the result. */
async function execute(
	n8n: N8n,
	sim: XiSimulator,
	meter: InFlightMeter,
	workflow: Workflow,
): Promise<Measurement> {
	sim.clearRequests();
	meter.reset();
	const started = await n8n.rest<{ executionId?: string }>(
		'POST',
		`/workflows/${workflow.id}/run`,
		{
			triggerToStartFrom: { name: TRIGGER },
		},
	);
	if (!started.executionId)
		throw new Error(`${workflow.name}: n8n started no execution: ${JSON.stringify(started)}`);
	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	let saved: SavedExecution;
	for (;;) {
		// A coarse poll: it only has to notice the end; the times are n8n's own timestamps.
		await sleep(250);
		saved = await n8n.rest<SavedExecution>('GET', `/executions/${started.executionId}`);
		if (!['new', 'running', 'waiting'].includes(saved.status) && saved.stoppedAt) break;
		if (Date.now() > deadline) {
			throw new Error(
				`${workflow.name}: still ${saved.status} after ${EXECUTION_TIMEOUT_MS / 1000} s`,
			);
		}
	}
	const result = new ExecuteResult(parseFlatted(saved.data) as ExecuteResult['raw']);
	const problem = result.error ?? result.nodeError(NODE_UNDER_TEST);
	if (saved.status !== 'success' || problem) {
		const why = problem ?? 'no error message';
		throw new Error(
			`${workflow.name}: execution ${started.executionId} ended ${saved.status}: ${why}`,
		);
	}
	const resultData = result.raw.data?.resultData ?? result.raw.resultData;
	const nodeRun = (resultData?.runData as unknown as Record<string, NodeRun[]> | undefined)?.[
		NODE_UNDER_TEST
	]?.at(-1);
	if (nodeRun?.executionTime === undefined)
		throw new Error(`${workflow.name}: no run data for "${NODE_UNDER_TEST}"`);

	// Every request the simulator saw must have succeeded (207 = some SKUs unknown, still a success).
	const failed = sim.requests.filter((r) => r.status < 200 || r.status > 299);
	if (failed.length) {
		const sample = failed
			.slice(0, 3)
			.map((r) => `${r.method} ${r.path} → ${r.status || 'dropped'}`);
		throw new Error(
			`${workflow.name}: ${failed.length} requests failed at the simulator, e.g. ${sample.join('; ')}`,
		);
	}
	const calls: Record<string, number> = {};
	for (const request of sim.requests)
		calls[request.operationId ?? '?'] = (calls[request.operationId ?? '?'] ?? 0) + 1;
	return {
		node: nodeRun.executionTime / 1000,
		execution: (Date.parse(saved.stoppedAt!) - Date.parse(saved.startedAt!)) / 1000,
		items: result.items(NODE_UNDER_TEST).length,
		calls,
		inFlight: meter.max,
	};
}

function expectItems(label: string, measurement: Measurement, expected: number): void {
	if (measurement.items !== expected) {
		throw new Error(`${label}: ${measurement.items} output items, expected ${expected}`);
	}
}

/** The baseline must send what Ingram asks for: a distinct 32-hex IM-CorrelationID per request. */
function expectCorrelationIds(label: string, sim: XiSimulator): void {
	const ids = sim.requests.map((r) => r.headers['im-correlationid'] ?? '');
	const malformed = ids.filter((id) => !/^[0-9a-f]{32}$/.test(id));
	if (malformed.length || new Set(ids).size !== ids.length) {
		throw new Error(
			`${label}: IM-CorrelationID not a distinct 32-hex id per request (e.g. "${malformed[0] ?? ids[0]}")`,
		);
	}
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (value: number) => `${value.toFixed(2)} s`;
const spread = (values: number[]) =>
	`${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
/** "20" when every run agrees, else the values ("20/21/20"). */
const counts = (values: number[]) =>
	new Set(values).size === 1 ? String(values[0]) : values.join('/');

function logRun(label: string, m: Measurement): void {
	const calls = Object.entries(m.calls)
		.map(([operation, count]) => `${operation} ${count}`)
		.join(', ');
	const times = `node ${seconds(m.node).padStart(8)}  execution ${seconds(m.execution).padStart(8)}`;
	console.log(
		`   ${label.padEnd(40)} ${times}  ${m.items} items  ${m.inFlight} in flight  (${calls || 'no requests'})`,
	);
}

/** Runs A and B `REPEATS` times, alternating which goes first (AB, BA, AB, …). */
async function alternate(
	a: () => Promise<Measurement>,
	b: () => Promise<Measurement>,
): Promise<{ a: Measurement[]; b: Measurement[] }> {
	const results = { a: [] as Measurement[], b: [] as Measurement[] };
	for (let round = 0; round < REPEATS; round++) {
		if (round % 2 === 0) {
			results.a.push(await a());
			results.b.push(await b());
		} else {
			results.b.push(await b());
			results.a.push(await a());
		}
	}
	return results;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function fetchToken(sim: XiSimulator): Promise<string> {
	const response = await fetch(`${sim.baseUrl}${ACCESS_GRANT_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: SIM_DEFAULTS.clientId,
			client_secret: SIM_DEFAULTS.clientSecret,
		}),
	});
	if (!response.ok)
		throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
	return ((await response.json()) as { access_token: string }).access_token;
}

interface PriceRow {
	latency: number;
	ingram: Measurement[];
	http: Measurement[];
}

interface OrderRow {
	latency: number;
	orders: number;
	concurrent: Measurement[];
	sequential: Measurement[];
}

/** A plain-text table: first column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) =>
		Math.max(...rows.map((row) => (row[column] ?? '').length)),
	);
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
				)
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

/** Median (min–max) of one measure over the runs. */
const timing = (runs: Measurement[], what: 'node' | 'execution') => {
	const values = runs.map((m) => m[what]);
	return `${seconds(median(values))} (${spread(values)})`;
};
const ratio = (a: Measurement[], b: Measurement[], what: 'node' | 'execution') =>
	(median(a.map((m) => m[what])) / median(b.map((m) => m[what]))).toFixed(2);
const callCounts = (runs: Measurement[], operationId: string) =>
	counts(runs.map((m) => m.calls[operationId] ?? 0));
const itemCounts = (runs: Measurement[]) => counts(runs.map((m) => m.items));
const inFlight = (runs: Measurement[]) => {
	const values = runs.map((m) => m.inFlight);
	const [low, high] = [Math.min(...values), Math.max(...values)];
	return low === high ? String(low) : `${low}–${high}`;
};

const MEASURES = [
	['node', '  node executionTime'],
	['execution', '  whole execution'],
] as const;

function printTables(price: PriceRow[], order: OrderRow): void {
	console.log(
		`\nn8n ${N8N_VERSION}, XI simulator on 127.0.0.1. Median of ${REPEATS} runs after a discarded warm-up ` +
			'(min–max in brackets); ratio of the medians.\n',
	);
	const priceRows = [
		[
			`P&A ${SKU_COUNT.toLocaleString('en-US')} SKUs as items`,
			'latency',
			'Ingram node',
			'HTTP Request',
			'Ingram/HTTP',
			'P&A calls',
			'token calls',
			'in flight',
			'items',
		],
	];
	for (const row of price) {
		for (const [what, label] of MEASURES) {
			const first = what === 'node';
			priceRows.push([
				label,
				`${row.latency} ms`,
				timing(row.ingram, what),
				timing(row.http, what),
				ratio(row.ingram, row.http, what),
				first
					? `${callCounts(row.ingram, PA_OPERATION_ID)}/${callCounts(row.http, PA_OPERATION_ID)}`
					: '',
				first ? callCounts(row.ingram, TOKEN_OPERATION_ID) : '',
				first ? `${inFlight(row.ingram)}/${inFlight(row.http)}` : '',
				first ? `${itemCounts(row.ingram)}/${itemCounts(row.http)}` : '',
			]);
		}
	}
	console.log(table(priceRows));
	console.log(
		[
			'Ingram/HTTP below 1: the Ingram node is faster. P&A calls, in flight (most requests at the simulator at once)',
			'and items: Ingram node / HTTP Request. Token calls: Ingram node (0 = stored token reused; the HTTP Request',
			"node's token is fetched once before the bench).",
		].join('\n'),
	);

	const orderRows = [
		[
			`Return All of ${order.orders.toLocaleString('en-US')} orders`,
			'latency',
			'default',
			'one at a time',
			'default/one',
			'page requests',
			'in flight',
			'items',
		],
	];
	for (const [what, label] of MEASURES) {
		const first = what === 'node';
		const pages = (runs: Measurement[]) => callCounts(runs, ORDER_SEARCH_OPERATION_ID);
		orderRows.push([
			label,
			`${order.latency} ms`,
			timing(order.concurrent, what),
			timing(order.sequential, what),
			ratio(order.concurrent, order.sequential, what),
			first ? `${pages(order.concurrent)}/${pages(order.sequential)}` : '',
			first ? `${inFlight(order.concurrent)}/${inFlight(order.sequential)}` : '',
			first ? `${itemCounts(order.concurrent)}/${itemCounts(order.sequential)}` : '',
		]);
	}
	console.log(`\n${table(orderRows)}`);
	console.log(
		[
			'Order › Search with Return All. "One at a time": Parallel Requests = 1.',
			'Page requests, in flight and items: default / one at a time.',
		].join('\n'),
	);
}

async function main(): Promise<void> {
	const began = Date.now();
	const log = (text: string) =>
		console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${text}`);
	await ensureN8n(log);

	const userFolder = await mkdtemp(join(tmpdir(), 'n8n-ingram-bench-'));
	let sim: XiSimulator | undefined;
	let n8n: N8n | undefined;
	let succeeded = false;
	// The hard stop: a hang anywhere (n8n, the simulator, a poll) must not keep the bench alive.
	const deadline = setTimeout(() => {
		const where = n8n?.logFile ?? '-';
		console.error(
			`\nThe bench did not finish within ${DEADLINE_MS / 60_000} minutes; stopping. n8n log: ${where}`,
		);
		void (n8n?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
	}, DEADLINE_MS);
	deadline.unref();

	try {
		const tarball = process.env.N8N_INGRAM_TARBALL ?? (await packPackage(join(userFolder, 'pack')));
		await installPackageLikeN8n(userFolder, tarball);
		log(`package installed from ${tarball}`);

		sim = await XiSimulator.start({
			latencyMs: PA_LATENCIES_MS[0],
			extraOrders: ORDER_COUNT - SIM_FIXTURES.counts.orders,
		});
		if (sim.data.orders.length !== ORDER_COUNT) {
			throw new Error(`the simulator holds ${sim.data.orders.length} orders, not ${ORDER_COUNT}`);
		}
		const skus = skusFor(sim, SKU_COUNT);
		const accessToken = await fetchToken(sim);

		const workflows = {
			ingram: priceWorkflow(
				'benchPandAIngram',
				'Bench: P&A, Ingram Micro node',
				skus,
				ingramPriceNode(),
			),
			http: priceWorkflow(
				'benchPandAHttp01',
				'Bench: P&A, HTTP Request node',
				skus,
				httpPriceNode(sim, accessToken),
			),
			ordersDefault: orderSearchWorkflow(
				'benchOrdersDeflt',
				'Bench: order search, Return All, default',
			),
			ordersOneByOne: orderSearchWorkflow(
				'benchOrdersSeq01',
				'Bench: order search, Return All, one page at a time',
				ONE_PAGE_AT_A_TIME,
			),
		};

		n8n = new N8n({
			userFolder,
			port: await freePort(),
			env: {
				// the bench reads every run back from n8n's database
				EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
				N8N_LOG_LEVEL: 'warn',
			},
		});
		await n8n.importCredentials(credentialsFor(sim));
		await n8n.importWorkflows(Object.values(workflows));
		await n8n.start();
		await n8n.setupOwner();
		log(
			`n8n ${N8N_VERSION} is up at ${n8n.baseUrl}; simulator at ${sim.baseUrl} with ${sim.data.orders.length} orders`,
		);

		const server = n8n;
		const simulator = sim;
		const meter = new InFlightMeter(sim);
		const run = async (label: string, workflow: Workflow, expectedItems: number) => {
			const measurement = await execute(server, simulator, meter, workflow);
			expectItems(label, measurement, expectedItems);
			if (workflow === workflows.http) expectCorrelationIds(label, simulator);
			logRun(label, measurement);
			return measurement;
		};

		log(`warm-up (discarded), ${PA_LATENCIES_MS[0]} ms latency`);
		await run('P&A, Ingram Micro node', workflows.ingram, SKU_COUNT);
		await run('P&A, HTTP Request node', workflows.http, SKU_COUNT);
		await run('Order search, default', workflows.ordersDefault, ORDER_COUNT);
		await run('Order search, one page at a time', workflows.ordersOneByOne, ORDER_COUNT);

		const price: PriceRow[] = [];
		for (const latency of PA_LATENCIES_MS) {
			sim.setLatency(latency);
			log(`P&A of ${SKU_COUNT} SKUs as items, ${latency} ms latency`);
			const { a, b } = await alternate(
				() => run(`P&A ${latency} ms, Ingram Micro node`, workflows.ingram, SKU_COUNT),
				() => run(`P&A ${latency} ms, HTTP Request node`, workflows.http, SKU_COUNT),
			);
			price.push({ latency, ingram: a, http: b });
		}

		sim.setLatency(ORDER_LATENCY_MS);
		log(`Order search, Return All of ${ORDER_COUNT} orders, ${ORDER_LATENCY_MS} ms latency`);
		const { a, b } = await alternate(
			() => run(`Orders ${ORDER_LATENCY_MS} ms, default`, workflows.ordersDefault, ORDER_COUNT),
			() =>
				run(
					`Orders ${ORDER_LATENCY_MS} ms, one page at a time`,
					workflows.ordersOneByOne,
					ORDER_COUNT,
				),
		);
		log('done');
		printTables(price, {
			latency: ORDER_LATENCY_MS,
			orders: ORDER_COUNT,
			concurrent: a,
			sequential: b,
		});
		succeeded = true;
	} finally {
		clearTimeout(deadline);
		await n8n?.stop();
		await sim?.stop();
		if (succeeded) await rm(userFolder, { recursive: true, force: true });
		else console.error(`\nKept ${userFolder} for a look (n8n log: ${n8n?.logFile ?? '-'})`);
		console.log(`\nTotal bench time ${Math.round((Date.now() - began) / 1000)} s`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
