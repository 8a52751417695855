/**
 * A real n8n server for the end-to-end tests and the playground (`npm start`).
 *
 * - `ensureN8n()` installs the pinned n8n once into a cache outside the repository
 *   (`~/.cache/n8n-ingram/n8n-<version>`): `npm install --ignore-scripts` (some of n8n's optional
 *   native modules download prebuilt binaries from the internet, which may be closed), then only
 *   sqlite3 is rebuilt from source, the one native module n8n needs for its default database.
 * - `installPackageLikeN8n()` puts this package into `<user folder>/.n8n/nodes` the way n8n's own
 *   community-package installer does (n8n 2.41.1 `CommunityPackagesService.downloadPackage`): a
 *   tarball from `npm pack`, extracted into `nodes/node_modules/<name>`, dev/peer/optional
 *   dependencies removed from its package.json, `npm install` inside it with n8n's flags, and the
 *   package listed in `nodes/package.json`. Node types are therefore `n8n-nodes-ingram.*`.
 * - `N8n` drives one server: the CLI (`import:credentials`, `import:workflow`, `publish:workflow`,
 *   `execute`), `n8n start` as a child process, the owner account and n8n's REST API.
 *
 * Everything binds to 127.0.0.1. The module runs on Node 24 (n8n 2.x's runtime); the npm scripts
 * make sure of that through scripts/node24.mjs.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseFlatted } from 'flatted';

const run = promisify(execFile);

/** The n8n version the E2E tests and the playground run; it installs from the npm registry. */
export const N8N_VERSION = '2.41.1';
export const PACKAGE_NAME = 'n8n-nodes-ingram';
export const REPO_ROOT = resolve(__dirname, '..', '..');

export type Log = (line: string) => void;

export function cacheRoot(): string {
	if (process.env.N8N_INGRAM_CACHE) return process.env.N8N_INGRAM_CACHE;
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-ingram');
}

export const n8nInstallDir = (version = N8N_VERSION) => join(cacheRoot(), `n8n-${version}`);
export const n8nBin = (version = N8N_VERSION) =>
	join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');

function assertNode24(): void {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24, this is ${process.version}: run through the npm scripts (npm start, npm run test:e2e), which fetch Node 24 when needed`,
		);
	}
}

/** The headers native addons must build against: those of the Node running this code. */
function nodeHeadersDir(): string | undefined {
	const installRoot = dirname(dirname(process.execPath));
	return existsSync(join(installRoot, 'include', 'node', 'node.h')) ? installRoot : undefined;
}

async function folderSizeMb(folder: string): Promise<number> {
	try {
		const { stdout } = await run('du', ['-sm', folder]);
		return Number(stdout.split(/\s/)[0]);
	} catch {
		return 0;
	}
}

/** Runs a command, printing a progress line every 20 s while it runs (for installs of minutes). */
async function runWithProgress(
	label: string,
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; sizeOf?: string },
	log: Log,
): Promise<void> {
	const started = Date.now();
	const ticker = setInterval(() => {
		void (async () => {
			const size = options.sizeOf
				? `, ${((await folderSizeMb(options.sizeOf)) / 1024).toFixed(1)} GB so far`
				: '';
			log(`   … ${label}: ${Math.round((Date.now() - started) / 1000)} s${size}`);
		})();
	}, 20_000);
	try {
		await new Promise<void>((done, fail) => {
			const child = spawn(command, args, {
				cwd: options.cwd,
				env: options.env ?? process.env,
				stdio: ['ignore', 'ignore', 'pipe'],
			});
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => {
				stderr = (stderr + chunk.toString()).slice(-4000);
			});
			child.on('error', fail);
			child.on('exit', (code) =>
				code === 0
					? done()
					: fail(
							new Error(`${label} failed (${command} ${args.join(' ')}, exit ${code}):\n${stderr}`),
						),
			);
		});
	} finally {
		clearInterval(ticker);
	}
}

export interface InstallReport {
	bin: string;
	/** Seconds the install took, or 0 when the cached install was reused. */
	installSeconds: number;
	rebuildSeconds: number;
}

/**
 * Installs n8n into the cache unless a complete install is there (marked by `.ready`). A lock
 * folder keeps two processes (CI and a playground, say) from installing at the same time.
 */
export async function ensureN8n(
	log: Log = console.log,
	version = N8N_VERSION,
	/** Another Node to install and run this n8n with (n8n 1.x: Node ≤ 22); see nodeFor(). */
	node?: NodeInstall,
): Promise<InstallReport> {
	if (!node) assertNode24();
	const dir = n8nInstallDir(version);
	const bin = n8nBin(version);
	const marker = join(dir, '.ready');
	if (existsSync(marker)) return { bin, installSeconds: 0, rebuildSeconds: 0 };

	const lock = `${dir}.lock`;
	await mkdir(dirname(dir), { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			break;
		} catch {
			const age = Date.now() - (await stat(lock)).mtimeMs;
			if (age > 30 * 60_000) await rm(lock, { recursive: true, force: true });
			else {
				log(`   … another process is installing n8n into ${dir}; waiting`);
				await new Promise((r) => setTimeout(r, 10_000));
				if (existsSync(marker)) return { bin, installSeconds: 0, rebuildSeconds: 0 };
			}
		}
	}
	try {
		if (existsSync(marker)) return { bin, installSeconds: 0, rebuildSeconds: 0 };
		log(
			`Installing n8n ${version} into ${dir} — once per machine: about 3 GB, usually 3–8 minutes.`,
		);
		await mkdir(dir, { recursive: true });
		// n8n 1.x's spreadsheet nodes pull xlsx from cdn.sheetjs.com, which a machine limited to the
		// npm registry cannot reach: the registry's last xlsx stands in (our nodes do not touch it)
		const overrides = version.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
		await writeFile(
			join(dir, 'package.json'),
			JSON.stringify({ name: 'n8n-ingram-n8n-cache', private: true, overrides }, null, 2),
		);
		// npm passes the project's settings to scripts as npm_config_* variables (ignore-scripts=true
		// among them, which would silently turn the sqlite3 rebuild into a no-op): start clean.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)),
		);
		const headers = node?.nodeDir ?? nodeHeadersDir() ?? process.env.npm_config_nodedir;
		if (headers) env.npm_config_nodedir = headers;
		// npm and the sqlite3 build run on the Node that will run this n8n
		if (node) env.PATH = `${node.binDir}${delimiter}${env.PATH ?? ''}`;
		let started = Date.now();
		await runWithProgress(
			`installing n8n ${version}`,
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`n8n@${version}`,
			],
			{ cwd: dir, env, sizeOf: dir },
			log,
		);
		const installSeconds = Math.round((Date.now() - started) / 1000);
		log(
			`   n8n ${version} installed in ${installSeconds} s; building sqlite3 for ${node ? `Node from ${node.binDir}` : `Node ${process.version}`}`,
		);
		started = Date.now();
		await runWithProgress(
			'building sqlite3',
			'npm',
			['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'],
			{ cwd: dir, env },
			log,
		);
		const rebuildSeconds = Math.round((Date.now() - started) / 1000);
		await run(node ? join(node.binDir, 'node') : process.execPath, ['-e', "require('sqlite3')"], {
			cwd: dir,
		});
		await writeFile(
			marker,
			JSON.stringify({ version, node: process.version, installSeconds, rebuildSeconds }, null, 2),
		);
		log(`   sqlite3 built in ${rebuildSeconds} s; n8n ${version} is ready`);
		return { bin, installSeconds, rebuildSeconds };
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}

export interface NodeInstall {
	/** Folder of the `node` (and `npm`) binaries. */
	binDir: string;
	/** Folder whose include/node holds the headers native addons build against. */
	nodeDir: string;
}

/** A Node of this major version, fetched into the cache by scripts/node24.mjs when missing. */
export async function nodeFor(major: number): Promise<NodeInstall> {
	const { stdout } = await run(process.execPath, [
		join(REPO_ROOT, 'scripts', 'node24.mjs'),
		'--node-dir',
		String(major),
	]);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as NodeInstall;
}

/** `npm pack` of this repository (build it first); returns the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
	await mkdir(destination, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		maxBuffer: 20 * 1024 * 1024,
	});
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, filename);
}

/** Installs a packed tarball into `<userFolder>/.n8n/nodes` exactly as n8n's installer does. */
export async function installPackageLikeN8n(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(packageDir, { recursive: true, force: true });
	await mkdir(packageDir, { recursive: true });
	const localTarball = join(nodesDir, `${PACKAGE_NAME}.tgz`);
	await cp(tarball, localTarball);
	try {
		await run('tar', ['-xzf', localTarball, '-C', packageDir, '--strip-components=1']);
		const packageJsonPath = join(packageDir, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(
			await readFile(packageJsonPath, 'utf8'),
		) as Record<string, unknown>;
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
		await run(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: packageDir },
		);
		const listPath = join(nodesDir, 'package.json');
		const list = existsSync(listPath)
			? (JSON.parse(await readFile(listPath, 'utf8')) as { dependencies?: Record<string, string> })
			: { name: 'installed-nodes', private: true, dependencies: {} };
		list.dependencies = { ...list.dependencies, [PACKAGE_NAME]: String(packageJson.version) };
		await writeFile(listPath, JSON.stringify(list, null, 2));
	} finally {
		await rm(localTarball, { force: true });
	}
	return packageDir;
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const LOCAL_OWNER: Owner = {
	email: 'owner@n8n-ingram.local',
	password: 'Ingram-Playground-1',
	firstName: 'Local',
	lastName: 'Owner',
};

export interface N8nOptions {
	userFolder: string;
	port: number;
	/** Extra environment, e.g. a different log level. */
	env?: Record<string, string>;
	version?: string;
	/** Where the server's output goes; default: a log file in the user folder. */
	logFile?: string;
	/**
	 * Which n8n process `start()` runs: the main instance (default), a webhook process or a worker
	 * (queue mode). Each answers `/healthz/readiness` on `port` once it is up.
	 */
	command?: 'start' | 'webhook' | 'worker';
	/** Extra arguments for the command, e.g. `--concurrency=5` for a worker. */
	args?: string[];
	/** The Node binary that runs n8n (n8n 1.x needs Node ≤ 22); default: the one running this. */
	nodeBinary?: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
}

/** One n8n instance (user folder + port): CLI, server process, REST client. */
export class N8n {
	readonly baseUrl: string;
	private server?: ChildProcess;
	private cookie?: string;
	private readonly encryptionKey: string;

	constructor(readonly options: N8nOptions) {
		this.baseUrl = `http://127.0.0.1:${options.port}`;
		// stable per user folder, so credentials stay readable across restarts
		this.encryptionKey = `n8n-ingram-${Buffer.from(options.userFolder).toString('hex').slice(-32)}`;
	}

	get bin(): string {
		return n8nBin(this.options.version);
	}

	get logFile(): string {
		return this.options.logFile ?? join(this.options.userFolder, 'n8n.log');
	}

	env(): NodeJS.ProcessEnv {
		const { port } = this.options;
		// jest sets NODE_ENV=test, under which n8n's CLI prints nothing; n8n must run as in production
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([name]) => !name.startsWith('JEST') && name !== 'NODE_ENV',
			),
		);
		return {
			...inherited,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			// the task runner broker defaults to 5679; a second server on the machine needs its own
			N8N_RUNNERS_BROKER_PORT: String(port + 1),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			// a worker's health endpoint (queue mode), on the port the class waits on
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			DB_TYPE: 'sqlite',
			...this.options.env,
		};
	}

	/** Runs an n8n CLI command to completion (the server need not run). */
	async cli(args: string[], timeoutMs = 120_000): Promise<{ stdout: string; stderr: string }> {
		try {
			return await run(this.nodeBinary, [this.bin, ...args], {
				env: this.env(),
				cwd: this.options.userFolder,
				timeout: timeoutMs,
				maxBuffer: 64 * 1024 * 1024,
			});
		} catch (error) {
			const { stdout, stderr } = error as { stdout?: string; stderr?: string };
			throw new Error(
				`n8n ${args.join(' ')} failed: ${(error as Error).message}\n${stdout ?? ''}\n${stderr ?? ''}`,
			);
		}
	}

	private async importFile(
		command: 'import:credentials' | 'import:workflow',
		entries: unknown[],
	): Promise<void> {
		const file = join(
			this.options.userFolder,
			`${command.replace(':', '-')}-${randomBytes(4).toString('hex')}.json`,
		);
		await writeFile(file, JSON.stringify(entries, null, 2));
		try {
			await this.cli([command, `--input=${file}`]);
		} finally {
			await rm(file, { force: true });
		}
	}

	/** Credentials with plain `data` objects; n8n encrypts them on import. */
	importCredentials(credentials: unknown[]): Promise<void> {
		return this.importFile('import:credentials', credentials);
	}

	importWorkflows(workflows: unknown[]): Promise<void> {
		return this.importFile('import:workflow', workflows);
	}

	/** Makes a workflow's current version the active one (its triggers listen after the next start). */
	async publishWorkflow(id: string): Promise<void> {
		await this.cli(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id`: runs a workflow that starts with a Manual Trigger in a separate process
	 * and returns its run data. For very fast failures the CLI sometimes prints "No active execution
	 * found"; the outcome is then read from the saved execution.
	 */
	async execute(workflowId: string): Promise<ExecuteResult> {
		let output: string;
		try {
			({ stdout: output } = await this.cli(
				['execute', `--id=${workflowId}`, '--rawOutput'],
				300_000,
			));
		} catch (error) {
			output = (error as Error).message;
		}
		// a failed run is printed after "Execution error:" and may be followed by more lines
		const marker = output.indexOf('Execution error:');
		const start = output.indexOf('{', marker >= 0 ? marker : 0);
		if (start >= 0) {
			let end = output.length;
			while (end > start) {
				try {
					return new ExecuteResult(JSON.parse(output.slice(start, end)) as RawRun);
				} catch {
					// not the run JSON yet: try ending at the previous closing brace of a line
					end = output.lastIndexOf('\n}', end - 1) + 2;
					if (end < start + 2) break;
				}
			}
		}
		throw new Error(
			`n8n execute --id=${workflowId} printed no run data:\n${output.slice(0, 4000)}`,
		);
	}

	/** Starts `n8n start` and waits until it answers its health check. */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		const { createWriteStream } = await import('node:fs');
		const logStream = createWriteStream(this.logFile, { flags: 'a' });
		const command = this.options.command ?? 'start';
		const server = spawn(this.nodeBinary, [this.bin, command, ...(this.options.args ?? [])], {
			env: this.env(),
			cwd: this.options.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		server.stdout!.pipe(logStream);
		server.stderr!.pipe(logStream);
		this.server = server;
		let exited = false;
		server.on('exit', () => {
			exited = true;
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) throw new Error(`n8n ${command} exited early; see ${this.logFile}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(
			`n8n ${command} did not become ready within ${timeoutMs / 1000} s; see ${this.logFile}`,
		);
	}

	/** Stops the server (SIGTERM, n8n's graceful shutdown; SIGKILL after 30 s). */
	/**
	 * Waits until n8n has registered a production webhook for POST: readiness comes before the
	 * published workflows are activated. Asks with GET, which n8n answers "not registered for GET
	 * … Did you mean to make a POST request?" once the POST webhook exists, without running it.
	 */
	async waitForWebhook(path: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = '';
		while (Date.now() < deadline) {
			const response = await fetch(`${this.baseUrl}/webhook/${path}`).catch(() => undefined);
			last = (await response?.text().catch(() => '')) ?? '';
			if (/POST request/i.test(last)) return;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(
			`n8n did not register the webhook ${path} within ${timeoutMs / 1000} s: ${last}`,
		);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.cookie = undefined;
		if (server.exitCode !== null || server.signalCode !== null) return;
		await new Promise<void>((done) => {
			const killer = setTimeout(() => server.kill('SIGKILL'), 30_000);
			server.once('exit', () => {
				clearTimeout(killer);
				done();
			});
			server.kill('SIGTERM');
		});
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	/** Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would. */
	async kill(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.cookie = undefined;
		if (server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((done) => server.once('exit', done));
		server.kill('SIGKILL');
		await exited;
	}

	/** The process's output so far (its log file). */
	async log(): Promise<string> {
		return await readFile(this.logFile, 'utf8').catch(() => '');
	}

	private get nodeBinary(): string {
		return this.options.nodeBinary ?? process.execPath;
	}

	/** Creates the owner account on a fresh instance (no-op when one exists), then logs in. */
	async setupOwner(owner: Owner = LOCAL_OWNER): Promise<void> {
		const setup = () =>
			fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(owner),
			});
		let response = await setup();
		// n8n 1.x answers its readiness check before the REST routes are mounted
		for (let waited = 0; response.status === 404 && waited < 60_000; waited += 500) {
			await new Promise((r) => setTimeout(r, 500));
			response = await setup();
		}
		if (!response.ok && response.status !== 400) {
			throw new Error(`owner setup answered ${response.status}: ${await response.text()}`);
		}
		await this.login(owner);
	}

	async login(owner: Owner = LOCAL_OWNER): Promise<void> {
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!response.ok)
			throw new Error(`login answered ${response.status}: ${await response.text()}`);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('login set no n8n-auth cookie');
		this.cookie = cookie.split(';')[0];
	}

	/** Calls n8n's REST API as the logged-in owner; returns the `data` of the answer. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.cookie) await this.login();
		const send = () =>
			fetch(`${this.baseUrl}/rest${path}`, {
				method,
				headers: {
					cookie: this.cookie!,
					'content-type': 'application/json',
					'browser-id': 'n8n-ingram-e2e',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let response: Response;
		for (let attempt = 1; ; attempt++) {
			try {
				response = await send();
				break;
			} catch (error) {
				// While an execution keeps n8n's event loop busy, a kept-alive connection can be closed
				// by the server just as it is reused (ECONNRESET); a read is simply asked again.
				if (method !== 'GET' || attempt === 3) throw error;
			}
		}
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Executions of a workflow as n8n recorded them, newest first (at most 100, n8n's page size). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results, count } = await this.rest<{ results: ExecutionSummary[]; count: number }>(
			'GET',
			`/executions?filter=${filter}&limit=100`,
		);
		if (count > results.length)
			throw new Error(
				`${workflowId} has ${count} executions, more than one page; count them another way`,
			);
		return results;
	}

	/**
	 * Runs a workflow as the editor's "Execute workflow" button does, from its Manual Trigger;
	 * returns the execution's ID (in queue mode with OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS, a worker
	 * runs it).
	 */
	async runManually(workflowId: string, triggerName: string): Promise<string> {
		const result = await this.rest<{ executionId?: string }>(
			'POST',
			`/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerName } },
		);
		if (!result.executionId)
			throw new Error(`running ${workflowId} started no execution: ${JSON.stringify(result)}`);
		return result.executionId;
	}

	/** Waits until an execution has finished (any outcome); returns its summary. */
	async waitForExecution(id: string, timeoutMs = 120_000): Promise<ExecutionSummary> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.rest<ExecutionSummary>('GET', `/executions/${id}`);
			if (!['running', 'new', 'waiting'].includes(execution.status)) return execution;
			if (Date.now() > deadline)
				throw new Error(`execution ${id} still ${execution.status} after ${timeoutMs / 1000} s`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** One execution's run data (n8n stores it "flatted"; parsed here). */
	async executionData(id: string): Promise<ExecuteResult> {
		const execution = await this.rest<{ data: string }>('GET', `/executions/${id}`);
		return new ExecuteResult(parseFlatted(execution.data) as RawRun);
	}

	/** Waits until n8n has recorded `count` finished executions of a workflow (and no running ones). */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 60_000,
	): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let last: ExecutionSummary[] = [];
		while (Date.now() < deadline) {
			last = await this.executions(workflowId);
			const done = last.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
			if (done.length >= count && done.length === last.length) return last;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(
			`expected ${count} finished executions of ${workflowId}, n8n has ${last.length}: ${JSON.stringify(last.map((e) => e.status))}`,
		);
	}
}

interface RawRun {
	data?: { resultData: { runData: Record<string, RawNodeRun[]>; error?: { message: string } } };
	resultData?: { runData: Record<string, RawNodeRun[]>; error?: { message: string } };
	status?: string;
	finished?: boolean;
}
interface RawNodeRun {
	data?: {
		main?: Array<Array<{
			json: Record<string, unknown>;
			binary?: Record<string, { id?: string; fileName?: string }>;
			pairedItem?: unknown;
		}> | null>;
	};
	error?: { message: string; description?: string };
}

/** Run data of one execution, from `n8n execute --rawOutput` or the REST API. */
export class ExecuteResult {
	constructor(readonly raw: RawRun) {}

	private get resultData() {
		return this.raw.data?.resultData ?? this.raw.resultData ?? { runData: {} };
	}

	get error(): string | undefined {
		return this.resultData.error?.message;
	}

	get nodesRun(): string[] {
		return Object.keys(this.resultData.runData);
	}

	/** The items a node put out on one of its outputs (last run of that node). */
	items(nodeName: string, output = 0): Array<Record<string, unknown>> {
		const runs = this.resultData.runData[nodeName];
		if (!runs?.length) return [];
		return (runs[runs.length - 1].data?.main?.[output] ?? []).map((item) => item.json);
	}

	/** The binary fields of the items a node put out (n8n's references, not the bytes). */
	binaries(
		nodeName: string,
		output = 0,
	): Array<Record<string, { id?: string; fileName?: string }>> {
		const runs = this.resultData.runData[nodeName];
		if (!runs?.length) return [];
		return (runs[runs.length - 1].data?.main?.[output] ?? []).map((item) => item.binary ?? {});
	}

	nodeError(nodeName: string): string | undefined {
		return this.resultData.runData[nodeName]?.at(-1)?.error?.message;
	}
}

/** A free port pair (n8n uses port and port + 1) on 127.0.0.1. */
export async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	for (;;) {
		const port = await new Promise<number>((done, fail) => {
			const server = createServer();
			server.once('error', fail);
			server.listen(0, '127.0.0.1', () => {
				const { port: p } = server.address() as { port: number };
				server.close(() => done(p));
			});
		});
		if (port >= 65535) continue;
		const next = await new Promise<boolean>((done) => {
			const server = createServer();
			server.once('error', () => done(false));
			server.listen(port + 1, '127.0.0.1', () => server.close(() => done(true)));
		});
		if (next) return port;
	}
}
