/**
 * One ready-to-use n8n for an E2E test file or the playground: a user folder with this package
 * installed the community way, credentials pointing at a running XI simulator, and the example
 * workflows imported. The same steps a user follows to try the package from a tarball.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Client from 'ssh2-sftp-client';

import { buildOrderFile, readOrderFile } from '../../nodes/IngramContent/codec/orderFileBuilder';
import { startCdfSimulator, type CdfSimulator } from '../cdfSimulator';
import { SIM_DEFAULTS, XiSimulator } from '../simulator';
import {
	ensureN8n,
	freePort,
	installPackageLikeN8n,
	N8n,
	packPackage,
	REPO_ROOT,
	type Log,
	type NodeInstall,
} from './n8n';

/** IDs the example workflows use for their credentials (so imports line up). */
export const EXAMPLE_CREDENTIALS = {
	api: { id: 'ingramMicroSim01', name: 'Ingram Micro account' },
	webhook: { id: 'ingramWebhook001', name: 'Ingram Micro webhook secret' },
	cdf: { id: 'ingramContentSim1', name: 'Ingram Content CDF (test)' },
} as const;

/** The webhook secret the examples' credential holds; the simulator signs events with it. */
export const EXAMPLE_WEBHOOK_SECRET = 'playground-webhook-secret';

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		webhookId?: string;
		parameters: Record<string, unknown>;
	}>;
	[key: string]: unknown;
}

export function exampleWorkflows(): Array<ExampleWorkflow & { file: string }> {
	const folder = join(REPO_ROOT, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			...(JSON.parse(readFileSync(join(folder, file), 'utf8')) as ExampleWorkflow),
			file,
		}));
}

/** An Ingram Content CDF credential for the CDF simulator's SFTP server, in test mode. */
export function cdfCredentialData(cdf: CdfSimulator): Record<string, unknown> {
	return {
		protocol: 'sftp',
		host: cdf.host,
		port: cdf.sftp.port,
		username: cdf.username,
		password: cdf.password,
		expectedFingerprint: cdf.sftp.hostKeyFingerprint,
		billToAccount: '2000001',
		shipToAccount: '2000002',
		shipToPassword: 'SHIPPW01',
		fileSourceName: 'PLAYGROUND',
		environment: 'test',
		incomingFolder: 'incoming',
		outgoingFolder: 'outgoing',
		testFolder: 'test',
		// inventory through Ingram's separate data-services login, as most accounts have it
		inventoryLogin: 'separate',
		inventoryHost: cdf.host,
		inventoryPort: cdf.sftp.port,
		inventoryUsername: cdf.inventoryAccount.username,
		inventoryPassword: cdf.inventoryAccount.password,
		inventoryFolder: cdf.inventoryFolder.replace(/^\//, ''),
		timeoutSeconds: 10,
	};
}

export function credentialsFor(
	sim: XiSimulator,
	webhookSecret = EXAMPLE_WEBHOOK_SECRET,
	cdf?: CdfSimulator,
): unknown[] {
	return [
		...(cdf
			? [{ ...EXAMPLE_CREDENTIALS.cdf, type: 'ingramContentCdfApi', data: cdfCredentialData(cdf) }]
			: []),
		{
			...EXAMPLE_CREDENTIALS.api,
			type: 'ingramMicroOAuth2Api',
			data: {
				environment: 'custom',
				customBaseUrl: sim.baseUrl,
				clientId: SIM_DEFAULTS.clientId,
				clientSecret: SIM_DEFAULTS.clientSecret,
				customerNumber: SIM_DEFAULTS.customerNumber,
				countryCode: SIM_DEFAULTS.countryCode,
				senderId: 'n8n',
				customerContact: SIM_DEFAULTS.customerContact,
			},
		},
		{
			...EXAMPLE_CREDENTIALS.webhook,
			type: 'ingramMicroWebhookApi',
			data: { secret: webhookSecret },
		},
	];
}

/** The production webhook URL of a trigger node of an imported workflow. */
export function productionWebhookUrl(
	n8n: N8n,
	workflow: ExampleWorkflow,
	nodeName: string,
): string {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	if (!node?.webhookId) throw new Error(`${workflow.name} has no webhook node "${nodeName}"`);
	return `${n8n.baseUrl}/webhook/${node.webhookId}/webhook`;
}

export interface PreparedN8n {
	n8n: N8n;
	sim: XiSimulator;
	/** The CDF host simulator (SFTP and FTP) the Ingram Content credential points at. */
	cdf: CdfSimulator;
	userFolder: string;
	/** Stops the server and the simulator and deletes a temporary user folder. */
	dispose(): Promise<void>;
}

export interface PrepareOptions {
	/** A fixed user folder (the playground keeps one); default: a new temporary folder. */
	userFolder?: string;
	port?: number;
	simulatorPort?: number;
	cdfSftpPort?: number;
	cdfFtpPort?: number;
	/** A tarball from `npm pack`; default: packs the repository (build it first). */
	tarball?: string;
	log?: Log;
	/** Extra environment for every n8n process of this user folder. */
	env?: Record<string, string>;
	/** Another n8n version (default: the pinned 2.x) and the Node that runs it (n8n 1.x: Node 20). */
	version?: string;
	node?: NodeInstall;
}

/**
 * Installs n8n (cached), installs this package into a user folder, starts the simulator and
 * imports the credentials and examples. The server is not started: call `n8n.start()`.
 */
export async function prepareN8n(options: PrepareOptions = {}): Promise<PreparedN8n> {
	const log = options.log ?? (() => {});
	await ensureN8n(options.log ?? console.log, options.version, options.node);
	const temporary = !options.userFolder;
	const userFolder = options.userFolder ?? (await mkdtemp(join(tmpdir(), 'n8n-ingram-e2e-')));
	const tarball =
		options.tarball ??
		process.env.N8N_INGRAM_TARBALL ??
		(await packPackage(join(userFolder, 'pack')));
	if (!existsSync(tarball)) throw new Error(`no package tarball at ${tarball}`);
	await installPackageLikeN8n(userFolder, tarball);
	log(`package installed into ${join(userFolder, '.n8n', 'nodes', 'node_modules')}`);

	const sim = await XiSimulator.start({ port: options.simulatorPort ?? 0 });
	const cdf = await startCdfSimulator({
		sftpPort: options.cdfSftpPort ?? 0,
		ftpPort: options.cdfFtpPort ?? 0,
	});
	const n8n = new N8n({
		userFolder,
		port: options.port ?? (await freePort()),
		env: options.env,
		version: options.version,
		nodeBinary: options.node ? join(options.node.binDir, 'node') : undefined,
	});
	try {
		await n8n.importCredentials(credentialsFor(sim, EXAMPLE_WEBHOOK_SECRET, cdf));
		await n8n.importWorkflows(
			exampleWorkflows().map(({ file, ...workflow }) => (void file, workflow)),
		);
	} catch (error) {
		await sim.stop();
		await cdf.stop();
		throw error;
	}
	return {
		n8n,
		sim,
		cdf,
		userFolder,
		async dispose() {
			await n8n.stop();
			await sim.stop();
			await cdf.stop();
			if (temporary) await rm(userFolder, { recursive: true, force: true });
		},
	};
}

/**
 * A shop calls this workflow when an order is paid (Webhook, POST `path`, answering with the last
 * node's output); it sends the order to Ingram with the Send example's node, which reads the
 * request body. Returns it with the example's shop order, a body to post.
 */
export function shopOrderWebhookWorkflow(
	id: string,
	path: string,
): { workflow: Record<string, unknown>; exampleOrder: Record<string, unknown> } {
	const example = exampleWorkflows().find((w) => w.id === 'ingramContentSendOrder')!;
	const send = example.nodes.find((n) => n.name === 'Send to Ingram')!;
	const shopOrder = example.nodes.find((n) => n.name === 'Shop order')!;
	const workflow = {
		id,
		name: 'E2E: paid shop order (webhook) → Ingram Content › Order › Send',
		active: false,
		nodes: [
			{
				id: 'a8f0f2f4-3b0e-4c55-9f73-6b1c52f3c001',
				name: 'Order paid',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'c1d7a0d2-8f52-4b8e-9a40-0e6a0c3c0b11',
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'a8f0f2f4-3b0e-4c55-9f73-6b1c52f3c002',
				name: 'Send to Ingram',
				type: 'n8n-nodes-ingram.ingramContent',
				typeVersion: 1,
				position: [220, 0],
				// the shop's order is the request body
				parameters: JSON.parse(
					JSON.stringify(send.parameters).replaceAll('$json.', '$json.body.'),
				) as Record<string, unknown>,
				credentials: { ingramContentCdfApi: EXAMPLE_CREDENTIALS.cdf },
			},
		],
		connections: { 'Order paid': { main: [[{ node: 'Send to Ingram', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
	return {
		workflow,
		exampleOrder: JSON.parse(String(shopOrder.parameters.jsonOutput)) as Record<string, unknown>,
	};
}

/**
 * Puts a new order straight into the CDF simulator's incoming folder over SFTP, as another system
 * would send it: the first order file it received, with another PO number and file name. The
 * simulator answers it (acknowledgement, then ship notice) like any order.
 */
export async function dropOrderFile(
	cdf: CdfSimulator,
	poNumber: string,
	fileName: string,
): Promise<void> {
	const [earlier] = cdf.received();
	const file = readOrderFile(earlier.content);
	const order = { ...file.orders[0], poNumber };
	const client = new Client();
	await client.connect({
		host: '127.0.0.1',
		port: cdf.sftp.port,
		username: cdf.username,
		password: cdf.password,
	});
	try {
		await client.put(
			Buffer.from(buildOrderFile({ ...file, fileName, orders: [order] })),
			`/incoming/${fileName}`,
		);
	} finally {
		await client.end();
	}
}
