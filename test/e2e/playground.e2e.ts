/**
 * `npm start` as a newcomer uses it: the playground script brings up n8n with the examples and a
 * login it prints, `npm run event` reaches its active trigger, and Ctrl-C (SIGINT) stops n8n and
 * the simulator, freeing their ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { exampleWorkflows } from './environment';
import { freePort, LOCAL_OWNER, N8n, REPO_ROOT } from './n8n';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let folder: string;
let playground: ChildProcess | undefined;
let output = '';

const ports = { n8n: 0, simulator: 0, cdfSftp: 0, cdfFtp: 0 };
const env = () => ({
	...process.env,
	NODE_ENV: 'production',
	N8N_PLAYGROUND_FOLDER: folder,
	N8N_PLAYGROUND_PORT: String(ports.n8n),
	SIMULATOR_PORT: String(ports.simulator),
	CDF_SFTP_PORT: String(ports.cdfSftp),
	CDF_FTP_PORT: String(ports.cdfFtp),
});

async function portIsFree(port: number): Promise<boolean> {
	const { createServer } = await import('node:net');
	return await new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'n8n-ingram-playground-'));
});

afterAll(async () => {
	// a failed test leaves the playground and its n8n running: stop the whole process group
	if (playground?.pid && playground.exitCode === null) {
		try {
			process.kill(-playground.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	await rm(folder, { recursive: true, force: true });
});

/** What `npm run event -- <kind>` prints (run as the npm script runs it). */
const npmRunEvent = (kind: string) =>
	new Promise<string>((done) => {
		let text = '';
		const sender = spawn(TSX, ['test/e2e/playground.ts', 'event', kind], {
			cwd: REPO_ROOT,
			env: env(),
		});
		sender.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		sender.on('exit', () => done(text));
	});

test('npm start serves n8n with the examples and a printed login; npm run event reaches the trigger; Ctrl-C stops everything', async () => {
	const port = (ports.n8n = await freePort());
	const simulatorPort = (ports.simulator = await freePort());
	ports.cdfSftp = await freePort();
	ports.cdfFtp = await freePort();
	playground = spawn(TSX, ['test/e2e/playground.ts'], {
		cwd: REPO_ROOT,
		env: env(),
		// its own process group, so that cleaning up after a failure reaches n8n too
		detached: true,
	});
	playground.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	playground.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 240_000;
	while (!output.includes('Press Ctrl-C to stop.') && Date.now() < deadline) {
		if (playground.exitCode !== null) throw new Error(`the playground exited:\n${output}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	expect(output).toContain(`n8n is ready on http://127.0.0.1:${port}`);
	expect(output).toContain(`log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password}`);

	// the printed login works, and every example is there; the trigger example is active
	const n8n = new N8n({ userFolder: folder, port });
	await n8n.login();
	const workflows = await n8n.rest<Array<{ id: string; activeVersionId: string | null }>>(
		'GET',
		'/workflows',
	);
	expect(workflows.map((w) => w.id).sort()).toEqual(
		exampleWorkflows()
			.map((w) => w.id)
			.sort(),
	);
	expect(workflows.map((w) => w.id)).toContain('ingramContentSendOrder');
	expect(output).toContain(
		`CDF simulator (Ingram Content stand-in): SFTP 127.0.0.1:${ports.cdfSftp}, FTP 127.0.0.1:${ports.cdfFtp}`,
	);
	expect(workflows.find((w) => w.id === 'ingramMicroTrigr')?.activeVersionId).toBeTruthy();

	const event = await npmRunEvent('orderShipped');
	expect(event).toMatch(/^orderShipped [A-Z0-9]{18} → HTTP 200 \{"message":"Event accepted"/);
	const [execution] = await n8n.waitForExecutions('ingramMicroTrigr', 1);
	expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });

	// and a vendor purchase order reaches the vendor example
	const vendorEvent = await npmRunEvent('vendorPurchaseOrder');
	expect(vendorEvent).toMatch(
		/^vendorPurchaseOrder [A-Z0-9]{18} → HTTP 200 \{"message":"Event accepted"/,
	);
	const [vendorExecution] = await n8n.waitForExecutions('ingramMicroVndPO', 1);
	expect(vendorExecution).toMatchObject({ mode: 'webhook', status: 'success' });

	// the playground leaves a fresh inventory delta after the first poll: the stock example
	// starts once, with one item per title of the delta
	const [stock] = await n8n.waitForExecutions('ingramContentStock', 1, 240_000);
	expect(stock).toMatchObject({ mode: 'trigger', status: 'success' });
	expect((await n8n.executionData(stock.id)).items('Stock level for the shop')).toHaveLength(25);
	expect(output).toMatch(/wrote stockv2delta\d{6}a@ingram\.zip \(25 titles\)/);

	// Ctrl-C: the playground stops n8n and the simulator and exits
	const exited = new Promise<number | null>((done) =>
		playground!.once('exit', (code) => done(code)),
	);
	playground.kill('SIGINT');
	expect(await exited).toBe(0);
	expect(await portIsFree(port)).toBe(true);
	expect(await portIsFree(simulatorPort)).toBe(true);
	expect(await portIsFree(ports.cdfSftp)).toBe(true);
	expect(await portIsFree(ports.cdfFtp)).toBe(true);
}, 600_000);
