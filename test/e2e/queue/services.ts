/**
 * Postgres and Redis for n8n's queue mode, from the machine's Debian packages (`postgresql`,
 * `redis-server`; `.ci/run` installs them when missing): both bound to 127.0.0.1 on free ports,
 * their data in a temporary folder that is deleted when they stop.
 *
 * Postgres refuses to run as root; under root (CI containers) its commands run as the `postgres`
 * user the Debian package creates, and the data folder is handed to that user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';

import { freePort, type Log } from '../n8n';

const run = promisify(execFile);

export interface PostgresSettings {
	host: '127.0.0.1';
	port: number;
	database: string;
	user: string;
	password: string;
}

export interface QueueServices {
	postgres: PostgresSettings;
	redis: { host: '127.0.0.1'; port: number };
	/** Stops both and deletes their data. */
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest installed Postgres's bin folder (Debian keeps each major in its own). */
function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0)
		throw new Error(
			'Postgres is not installed: run `apt-get install -y postgresql` (as root), or let .ci/run do it',
		);
	return join(root, majors[0], 'bin');
}

function redisBinary(): string {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
		if (existsSync(candidate)) return candidate;
	throw new Error(
		'Redis is not installed: run `apt-get install -y redis-server` (as root), or let .ci/run do it',
	);
}

const isRoot = () => process.getuid?.() === 0;

/** A Postgres command, as the `postgres` user when this process is root. */
function asPostgres(binary: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
	const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
	const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
	return { uid, gid };
}

function startChild(command: string, args: string[], label: string, log: Log): ChildProcess {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let tail = '';
	const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	child.on('exit', (code, signal) => {
		if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT')
			log(`${label} exited (${code ?? signal}): ${tail}`);
	});
	return child;
}

export async function startQueueServices(log: Log = () => {}): Promise<QueueServices> {
	const folder = await mkdtemp(join(tmpdir(), 'n8n-ingram-queue-'));
	const data = join(folder, 'postgres');
	const bin = postgresBinDir();
	const postgres: PostgresSettings = {
		host: '127.0.0.1',
		port: await freePort(),
		database: 'n8n',
		user: 'n8n',
		password: 'n8n-queue-test',
	};
	if (isRoot()) {
		const { uid, gid } = await postgresUserIds();
		await chown(folder, uid, gid);
	}
	const started = Date.now();
	// loopback only, trust: the server exists for this test run and is gone afterwards
	await run(
		...asPostgres(join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			postgres.user,
			'--auth=trust',
			'--no-sync',
			'-E',
			'UTF8',
		]),
	);
	const pg = startChild(
		...asPostgres(join(bin, 'postgres'), [
			'-D',
			data,
			'-h',
			'127.0.0.1',
			'-p',
			String(postgres.port),
			'-k',
			folder,
			'-c',
			'fsync=off',
			'-c',
			'max_connections=200',
		]),
		'postgres',
		log,
	);
	const redisPort = await freePort();
	const redis = startChild(
		redisBinary(),
		[
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
		],
		'redis',
		log,
	);

	const stop = async () => {
		await run(...asPostgres(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast'])).catch(() =>
			pg.kill('SIGKILL'),
		);
		redis.kill('SIGTERM');
		await sleep(200);
		await rm(folder, { recursive: true, force: true });
	};

	try {
		for (let ready = false; !ready;) {
			if (Date.now() - started > 60_000) throw new Error('Postgres did not start within 60 s');
			if (pg.exitCode !== null) throw new Error('Postgres exited at start');
			ready = await run(join(bin, 'pg_isready'), [
				'-h',
				'127.0.0.1',
				'-p',
				String(postgres.port),
			]).then(
				() => true,
				() => false,
			);
			if (!ready) await sleep(200);
		}
		await run(join(bin, 'createdb'), [
			'-h',
			'127.0.0.1',
			'-p',
			String(postgres.port),
			'-U',
			postgres.user,
			postgres.database,
		]);
		for (let ready = false; !ready;) {
			if (Date.now() - started > 60_000) throw new Error('Redis did not start within 60 s');
			ready = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(redisPort), 'ping']).then(
				({ stdout }) => stdout.trim() === 'PONG',
				() => false,
			);
			if (!ready) await sleep(100);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	log(
		`Postgres ${bin.split('/').at(-2)} on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redisPort} (${Math.round((Date.now() - started) / 1000)} s)`,
	);
	return { postgres, redis: { host: '127.0.0.1', port: redisPort }, stop };
}
