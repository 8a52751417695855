/**
 * `npm start` as a newcomer uses it: the playground script brings up n8n with the examples and a
 * login it prints, `npm run event` reaches its active trigger, and Ctrl-C (SIGINT) stops n8n and
 * the simulator, freeing their ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, LOCAL_OWNER, N8n, REPO_ROOT } from './n8n';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let folder: string;
let playground: ChildProcess | undefined;
let output = '';

const env = (port: number, simulatorPort: number) => ({
	...process.env,
	NODE_ENV: 'production',
	N8N_PLAYGROUND_FOLDER: folder,
	N8N_PLAYGROUND_PORT: String(port),
	SIMULATOR_PORT: String(simulatorPort),
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
	if (playground && playground.exitCode === null) playground.kill('SIGKILL');
	await rm(folder, { recursive: true, force: true });
});

test('npm start serves n8n with the examples and a printed login; npm run event reaches the trigger; Ctrl-C stops everything', async () => {
	const port = await freePort();
	const simulatorPort = await freePort();
	playground = spawn(TSX, ['test/e2e/playground.ts'], {
		cwd: REPO_ROOT,
		env: env(port, simulatorPort),
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

	// the printed login works, and the four examples are there; the trigger example is active
	const n8n = new N8n({ userFolder: folder, port });
	await n8n.login();
	const workflows = await n8n.rest<Array<{ id: string; activeVersionId: string | null }>>(
		'GET',
		'/workflows',
	);
	expect(workflows.map((w) => w.id).sort()).toEqual([
		'ingramMicroOrder',
		'ingramMicroPandA',
		'ingramMicroSrch1',
		'ingramMicroTrigr',
	]);
	expect(workflows.find((w) => w.id === 'ingramMicroTrigr')?.activeVersionId).toBeTruthy();

	const event = await new Promise<string>((done) => {
		let text = '';
		const sender = spawn(TSX, ['test/e2e/playground.ts', 'event', 'orderShipped'], {
			cwd: REPO_ROOT,
			env: env(port, simulatorPort),
		});
		sender.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		sender.on('exit', () => done(text));
	});
	expect(event).toMatch(/^orderShipped [A-Z0-9]{18} → HTTP 200 \{"message":"Event accepted"/);
	const [execution] = await n8n.waitForExecutions('ingramMicroTrigr', 1);
	expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });

	// Ctrl-C: the playground stops n8n and the simulator and exits
	const exited = new Promise<number | null>((done) =>
		playground!.once('exit', (code) => done(code)),
	);
	playground.kill('SIGINT');
	expect(await exited).toBe(0);
	expect(await portIsFree(port)).toBe(true);
	expect(await portIsFree(simulatorPort)).toBe(true);
});
