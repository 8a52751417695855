/**
 * `npm start`: the playground. A real n8n with this package installed the community way, the XI
 * simulator standing in for Ingram Micro and the CDF host simulator for Ingram Content,
 * credentials pointing at them, the example workflows imported and a local owner account — on
 * http://127.0.0.1:5678 until Ctrl-C.
 *
 * `npm run event -- <kind>` sends one signed Ingram event (orderShipped, orderInvoiced,
 * orderOnHold, orderVoided, orderBackordered, orderCreated, quoteCreated, stockUpdate) to the
 * playground's active trigger workflow.
 *
 * The user folder lives in the cache (~/.cache/n8n-ingram/playground), so workflows you build
 * there survive restarts. The package and the examples are installed again at every start.
 * Ports: N8N_PLAYGROUND_PORT (default 5678; n8n also takes the next one for its task runners),
 * SIMULATOR_PORT (default 4010), CDF_SFTP_PORT (2222) and CDF_FTP_PORT (2121).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildEvent, sendEvent, type XiEventName } from '../simulator';
import {
	EXAMPLE_WEBHOOK_SECRET,
	exampleWorkflows,
	prepareN8n,
	productionWebhookUrl,
	type PreparedN8n,
} from './environment';
import { cacheRoot, LOCAL_OWNER, N8N_VERSION } from './n8n';

const TRIGGER_EXAMPLE = 'ingramMicroTrigr';
/** The vendor example's trigger takes `npm run event -- vendorPurchaseOrder`. */
const VENDOR_TRIGGER_EXAMPLE = 'ingramMicroVndPO';
/**
 * Polling every minute: acknowledgements routed by outcome, shipments turned into tracking,
 * inventory deltas turned into stock levels.
 */
const CONTENT_TRIGGER_EXAMPLES = ['ingramContentAcks', 'ingramContentShip', 'ingramContentStock'];
// N8N_PLAYGROUND_FOLDER: another user folder (the E2E test of the playground uses a temporary one)
const userFolder = process.env.N8N_PLAYGROUND_FOLDER ?? join(cacheRoot(), 'playground');
const stateFile = join(userFolder, 'playground.json');
const log = (line: string) => console.log(line);

async function portIsFree(port: number): Promise<boolean> {
	const { createServer } = await import('node:net');
	return await new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

async function start(): Promise<void> {
	const started = Date.now();
	const port = Number(process.env.N8N_PLAYGROUND_PORT ?? 5678);
	const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 4010);
	const cdfSftpPort = Number(process.env.CDF_SFTP_PORT ?? 2222);
	const cdfFtpPort = Number(process.env.CDF_FTP_PORT ?? 2121);
	for (const [what, p] of [
		['n8n', port],
		["n8n's task runners", port + 1],
		['the XI simulator', simulatorPort],
		['the CDF simulator (SFTP)', cdfSftpPort],
		['the CDF simulator (FTP)', cdfFtpPort],
	] as const) {
		if (!(await portIsFree(p))) {
			console.error(
				`Port ${p} (for ${what}) is in use. Stop what uses it, or set N8N_PLAYGROUND_PORT / SIMULATOR_PORT / CDF_SFTP_PORT / CDF_FTP_PORT.`,
			);
			process.exit(1);
		}
	}

	log(`Setting up the playground in ${userFolder}`);
	// set once n8n is prepared; Ctrl-C during set-up must still be able to stop what started
	const running: { env?: PreparedN8n } = {};
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the simulator …');
		await running.env?.dispose();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	running.env = await prepareN8n({ userFolder, port, simulatorPort, cdfSftpPort, cdfFtpPort, log });
	const { n8n, sim, cdf } = running.env;
	await n8n.publishWorkflow(TRIGGER_EXAMPLE);
	await n8n.publishWorkflow(VENDOR_TRIGGER_EXAMPLE);
	for (const id of CONTENT_TRIGGER_EXAMPLES) await n8n.publishWorkflow(id);
	log(`Starting n8n ${N8N_VERSION} (log: ${n8n.logFile}) …`);
	await n8n.start();
	await n8n.setupOwner().catch((error: Error) => {
		log(
			`   (could not log in as ${LOCAL_OWNER.email}: ${error.message}; the password was probably changed in n8n)`,
		);
	});

	const trigger = exampleWorkflows().find((w) => w.id === TRIGGER_EXAMPLE)!;
	const webhookUrl = productionWebhookUrl(n8n, trigger, 'Ingram Micro Trigger');
	const vendor = exampleWorkflows().find((w) => w.id === VENDOR_TRIGGER_EXAMPLE)!;
	const vendorWebhookUrl = productionWebhookUrl(n8n, vendor, 'Ingram Micro Trigger');
	writeFileSync(
		stateFile,
		JSON.stringify({ webhookUrl, vendorWebhookUrl, secret: EXAMPLE_WEBHOOK_SECRET }, null, 2),
	);

	log('');
	log(
		`n8n is ready on ${n8n.baseUrl}   (set up in ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	log(`   log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password}`);
	log('   example workflows (open them from the Overview page):');
	for (const workflow of exampleWorkflows())
		log(`     - ${workflow.name}: ${n8n.baseUrl}/workflow/${workflow.id}`);
	log(
		`   credentials "Ingram Micro account" and "Ingram Micro webhook secret" point at the simulator`,
	);
	log(`   credential "Ingram Content CDF (test)" points at the CDF simulator's SFTP server`);
	log(
		`XI simulator on ${sim.baseUrl} (Ingram Micro stand-in; every request is checked against Ingram's spec)`,
	);
	log(
		`CDF simulator (Ingram Content stand-in): SFTP 127.0.0.1:${cdf.sftp.port}, FTP 127.0.0.1:${cdf.ftp.port}, user ${cdf.username} / ${cdf.password}`,
	);
	log(`   host key ${cdf.sftp.hostKeyFingerprint}; files it receives are kept in ${cdf.home}`);
	log(`The trigger example is active; its production URL is ${webhookUrl}`);
	log(`   the vendor purchase order example is active too, on ${vendorWebhookUrl}`);
	log(
		'The Ingram Content trigger examples are active and poll every minute: run the Send example, and within a minute its acknowledgement starts one; a new inventory delta starts the stock example',
	);
	log(`   send it a signed event from another terminal: npm run event -- orderShipped`);
	log('Press Ctrl-C to stop.\n');

	// a fresh inventory delta once the stock example has had its first poll (a delta there at
	// activation counts as old): its titles start one execution of the example
	void (async () => {
		const inventoryLogins = () =>
			cdf.loginAttempts().filter((a) => a.username === cdf.inventoryAccount.username).length;
		for (let waited = 0; inventoryLogins() === 0 && waited < 180_000; waited += 1000)
			await new Promise((resolve) => setTimeout(resolve, 1000));
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const delta = await cdf.writeInventory({ kind: 'delta', titles: { count: 25, seed: 11 } });
		log(
			`CDF simulator: wrote ${delta.name} (${delta.records} titles) to ${cdf.inventoryFolder}; the inventory example picks it up within a minute`,
		);
	})();

	let seen = 0;
	let filesSeen = 0;
	setInterval(() => {
		for (const r of sim.requests.slice(seen)) {
			log(
				`simulator: ${r.status || '---'} ${r.method} ${r.path}${r.operationId ? `  (${r.operationId})` : ''}`,
			);
		}
		seen = sim.requests.length;
		for (const file of cdf.received().slice(filesSeen)) {
			log(
				`CDF simulator: received ${file.name} over ${file.protocol.toUpperCase()}, ${file.problems.length ? `${file.problems.length} problem(s): ${file.problems[0]}` : 'valid'}`,
			);
		}
		filesSeen = cdf.received().length;
	}, 500);
}

async function sendOneEvent(kind: string | undefined): Promise<void> {
	const kinds: XiEventName[] = [
		'orderShipped',
		'orderInvoiced',
		'orderOnHold',
		'orderVoided',
		'orderBackordered',
		'orderCreated',
		'quoteCreated',
		'stockUpdate',
		'vendorPurchaseOrder',
	];
	if (!kind || !kinds.includes(kind as XiEventName)) {
		console.error(`usage: npm run event -- <${kinds.join('|')}>`);
		process.exit(2);
	}
	if (!existsSync(stateFile)) {
		console.error('The playground is not running (start it with npm start).');
		process.exit(1);
	}
	const { webhookUrl, vendorWebhookUrl, secret } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
		webhookUrl: string;
		vendorWebhookUrl: string;
		secret: string;
	};
	const event = buildEvent(kind as XiEventName);
	// vendor events go to the vendor example, the others to the reseller example
	const vendorEvent = kind === 'vendorPurchaseOrder';
	const answer = await sendEvent(vendorEvent ? vendorWebhookUrl : webhookUrl, event, { secret });
	log(`${kind} ${String(event.eventId ?? event.eventid)} → HTTP ${answer.status} ${answer.body}`);
}

const [command, argument] = process.argv.slice(2);
if (command === 'event') void sendOneEvent(argument);
else
	void start().catch((error: Error) => {
		console.error(`The playground could not start: ${error.message}`);
		process.exit(1);
	});
