/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Tests of the CDF host simulator itself (not of the node): real clients (ssh2-sftp-client,
 * basic-ftp) log in, upload, rename and list the way an integration would, and each fault is seen
 * to do what it promises, so that the node's tests can rely on the simulator.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Client as FtpClient } from 'basic-ftp';
import { utils } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { startCdfSimulator, sshKeyFingerprint, type CdfSimulator } from './index';
import { workedExampleFile } from './workedExample';

let sim: CdfSimulator;
const openClients: Array<{ close(): unknown }> = [];
let uploadCounter = 0;

/** A file name of at most 17 characters, different for every upload of the run. */
function orderName(extension = 'fbo'): string {
	uploadCounter += 1;
	return `T${String(uploadCounter).padStart(4, '0')}.${extension}`;
}

/**
 * A TCP connection with Nagle's algorithm off. ssh2 without its optional native crypto writes
 * each SSH packet in several pieces; with Nagle on, every request then waits ~40 ms for a delayed
 * ACK, which would make these tests needlessly slow.
 */
async function fastSocket(port: number): Promise<Socket> {
	const socket = connect({ host: '127.0.0.1', port, noDelay: true });
	await once(socket, 'connect');
	return socket;
}

/** ssh2-sftp-client logs every connection end it did not ask for; here many are on purpose. */
const quietSftpClient = () =>
	new SftpClient('cdf-test', { end: () => {}, close: () => {}, error: () => {} });

async function sftpClient(options: Partial<SftpClient.ConnectOptions> = {}): Promise<SftpClient> {
	const client = quietSftpClient();
	openClients.push({ close: () => client.end().catch(() => {}) });
	await client.connect({
		host: sim.host,
		port: sim.sftp.port,
		username: sim.username,
		password: sim.password,
		readyTimeout: 2000,
		sock: await fastSocket(sim.sftp.port),
		...options,
	});
	return client;
}

async function ftpClient(
	options: { secure?: boolean; trustCertificate?: boolean; password?: string } = {},
): Promise<FtpClient> {
	const client = new FtpClient(2000);
	openClients.push(client);
	await client.access({
		host: sim.host,
		port: sim.ftp.port,
		user: sim.username,
		password: options.password ?? sim.password,
		secure: options.secure ?? false,
		secureOptions:
			options.trustCertificate === false
				? { rejectUnauthorized: false }
				: { ca: sim.ftp.certificatePem },
	});
	return client;
}

const ftpUpload = (client: FtpClient, content: string, path: string) =>
	client.uploadFrom(Readable.from([Buffer.from(content)]), path);

async function ftpDownload(client: FtpClient, path: string): Promise<string> {
	const chunks: Buffer[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(chunk);
			callback();
		},
	});
	await client.downloadTo(sink, path);
	return Buffer.concat(chunks).toString();
}

const newestReceived = () => sim.received()[sim.received().length - 1];

beforeAll(async () => {
	sim = await startCdfSimulator({ ftps: true });
});

afterEach(async () => {
	sim.setFault({ kind: 'none' });
	await Promise.all(openClients.splice(0).map((client) => client.close()));
});

afterAll(async () => {
	await sim.stop();
});

describe('CDF simulator: the account', () => {
	it('has a home in the artifacts folder with incoming, outgoing, test, archive and Inventory', async () => {
		expect(sim.home).toContain(join('test', '.artifacts', 'cdf'));
		for (const folder of ['incoming', 'outgoing', 'test', 'archive', 'Inventory']) {
			expect(existsSync(join(sim.home, folder))).toBe(true);
		}
		const client = await sftpClient();
		expect(await client.cwd()).toBe('/');
		const root = await client.list('/');
		expect(root.map((entry) => [entry.name, entry.type])).toEqual([
			['Inventory', 'd'],
			['archive', 'd'],
			['incoming', 'd'],
			['outgoing', 'd'],
			['test', 'd'],
		]);
	});

	it('gives the host key fingerprint the way OpenSSH prints it', () => {
		expect(sim.sftp.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
		expect(sim.otherHostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
		expect(sim.otherHostKeyFingerprint).not.toBe(sim.sftp.hostKeyFingerprint);
	});

	it('listens on 127.0.0.1 only', async () => {
		const elsewhere = Object.values(networkInterfaces())
			.flatMap((addresses) => addresses ?? [])
			.filter((address) => address.family === 'IPv4' && !address.internal)
			.map((address) => address.address);
		if (process.platform === 'linux') elsewhere.push('127.0.0.2'); // loopback, but not 127.0.0.1
		const reaches = (address: string, port: number) =>
			new Promise<boolean>((resolve) => {
				const socket = connect({ host: address, port, timeout: 500 });
				const settle = (reached: boolean) => {
					socket.destroy();
					resolve(reached);
				};
				socket.once('connect', () => settle(true));
				socket.once('error', () => settle(false));
				socket.once('timeout', () => settle(false));
			});
		for (const address of elsewhere) {
			for (const port of [sim.sftp.port, sim.ftp.port]) {
				expect(`${address}:${port} ${await reaches(address, port)}`).toBe(
					`${address}:${port} false`,
				);
			}
		}
		expect(await reaches('127.0.0.1', sim.sftp.port)).toBe(true);
	});

	it('leaves replies in outgoing and test with writeReply', async () => {
		sim.writeReply('outgoing', 'T0001.fbc', 'ACK');
		sim.writeReply('test', 'T0002.fbc', 'TEST ACK');
		expect(sim.files('outgoing')).toContain('T0001.fbc');
		const client = await sftpClient();
		expect(((await client.get('/test/T0002.fbc')) as Buffer).toString()).toBe('TEST ACK');
		expect(() => sim.writeReply('outgoing', '../escape.fbc', 'x')).toThrow(/plain file name/);
		expect(sim.files('outgoing')).not.toContainEqual(expect.stringMatching(/^\.reply/));
	});
});

describe('CDF simulator: SFTP', () => {
	it('takes an order uploaded with a password, validates it and keeps it on disk', async () => {
		const name = orderName();
		const client = await sftpClient();
		await client.put(Buffer.from(workedExampleFile(name)), `/incoming/${name}`);
		const order = newestReceived();
		expect(order).toEqual({
			name,
			protocol: 'sftp',
			content: workedExampleFile(name),
			problems: [],
			receivedAt: expect.any(Date),
		});
		expect(sim.files('incoming')).toContain(name);
		expect(readFileSync(join(sim.home, 'incoming', name), 'utf8')).toBe(workedExampleFile(name));
		expect(sim.loginAttempts()).toContainEqual({
			protocol: 'sftp',
			method: 'password',
			username: sim.username,
			ok: true,
			hostKey: 'real',
		});
	});

	it('reports what is wrong with an order file', async () => {
		const name = orderName();
		const client = await sftpClient();
		await client.put(
			Buffer.from(workedExampleFile(name).replace(/\r\n/g, '\n')),
			`incoming/${name}`,
		);
		expect(newestReceived().problems).toEqual([expect.stringMatching(/LF alone/)]);
	});

	it('accepts the unencrypted and the passphrase-protected client key', async () => {
		const plain = await sftpClient({ password: undefined, privateKey: sim.clientPrivateKey });
		await plain.put(Buffer.from(workedExampleFile('K1.fbo')), '/incoming/K1.fbo');
		const encrypted = await sftpClient({
			password: undefined,
			privateKey: sim.encryptedClientPrivateKey.key,
			passphrase: sim.encryptedClientPrivateKey.passphrase,
		});
		expect(await encrypted.exists('/incoming/K1.fbo')).toBe('-');
		const keyLogins = sim.loginAttempts().filter((attempt) => attempt.method === 'publickey');
		expect(keyLogins.map((attempt) => attempt.ok)).toEqual([true, true]);
	});

	it('refuses a wrong password, a wrong user and a key it does not know', async () => {
		await expect(sftpClient({ password: 'not-it' })).rejects.toThrow(/authentication/i);
		await expect(sftpClient({ username: 'c9999999' })).rejects.toThrow(/authentication/i);
		const stranger = utils.generateKeyPairSync('ed25519').private;
		await expect(sftpClient({ password: undefined, privateKey: stranger })).rejects.toThrow(
			/authentication/i,
		);
		const failed = sim
			.loginAttempts()
			.filter((attempt) => !attempt.ok && attempt.method !== 'none');
		expect(failed.slice(-3).map(({ method, username }) => [method, username])).toEqual([
			['password', sim.username],
			['password', 'c9999999'],
			['publickey', sim.username],
		]);
	});

	it('records an order uploaded under a temporary name once, when renamed to .fbo', async () => {
		const name = orderName();
		const before = sim.received().length;
		const client = await sftpClient();
		await client.put(Buffer.from(workedExampleFile(name)), `/incoming/${name}.part`);
		await client.put(Buffer.from('scratch'), `/incoming/${orderName('tmp')}`);
		expect(sim.received()).toHaveLength(before);
		expect(sim.files('incoming')).toContain(`${name}.part`);
		await client.rename(`/incoming/${name}.part`, `/incoming/${name}`);
		expect(sim.received()).toHaveLength(before + 1);
		expect(newestReceived()).toMatchObject({ name, problems: [] });
		expect(sim.files('incoming')).not.toContain(`${name}.part`);
	});

	it('takes a large upload sent as many pipelined writes, and serves it back', async () => {
		const client = await sftpClient();
		const name = orderName('txt');
		const content = Buffer.alloc(300_000, 'ABCDEFGHIJ');
		await client.put(content, `/archive/${name}`);
		expect(readFileSync(join(sim.home, 'archive', name)).equals(content)).toBe(true);
		expect(((await client.get(`/archive/${name}`)) as Buffer).equals(content)).toBe(true);
	});

	it('refuses a rename onto an existing file, as SFTP version 3 does', async () => {
		const client = await sftpClient();
		const [first, second] = [orderName(), orderName()];
		await client.put(Buffer.from('1'), `/archive/${first}`);
		await client.put(Buffer.from('2'), `/archive/${second}`);
		await expect(client.rename(`/archive/${first}`, `/archive/${second}`)).rejects.toThrow();
		expect(readFileSync(join(sim.home, 'archive', second), 'utf8')).toBe('2');
	});

	it('serves paths relative to the home, with or without a leading slash, never outside it', async () => {
		const client = await sftpClient();
		const name = orderName('txt');
		await client.put(Buffer.from('hello'), `archive/${name}`);
		expect((await client.list('archive')).map((entry) => entry.name)).toContain(name);
		expect((await client.list('/archive')).map((entry) => entry.name)).toContain(name);
		expect(((await client.get(`/archive/../archive/${name}`)) as Buffer).toString()).toBe('hello');
		await expect(client.list('/..')).rejects.toThrow(/outside the account home/);
		await expect(client.put(Buffer.from('x'), '../escape.txt')).rejects.toThrow(/denied/i);
		await client.mkdir('/archive/sub');
		await client.rmdir('/archive/sub');
		await client.delete(`/archive/${name}`);
		expect(sim.files('archive')).not.toContain(name);
		await expect(client.rmdir('/incoming')).rejects.toThrow(/denied/i);
	});
});

describe('CDF simulator: FTP and FTPS', () => {
	it('takes an order over plain FTP', async () => {
		const name = orderName();
		const client = await ftpClient();
		await ftpUpload(client, workedExampleFile(name), `incoming/${name}`);
		expect(newestReceived()).toMatchObject({ name, protocol: 'ftp', problems: [] });
		expect(await ftpDownload(client, `/incoming/${name}`)).toBe(workedExampleFile(name));
		expect(sim.loginAttempts()).toContainEqual({
			protocol: 'ftp',
			method: 'password',
			username: sim.username,
			ok: true,
			hostKey: 'real',
		});
	});

	it('records a temporary-name upload once, when renamed', async () => {
		const name = orderName();
		const before = sim.received().length;
		const client = await ftpClient();
		await client.cd('incoming');
		await ftpUpload(client, workedExampleFile(name), `${name}.part`);
		expect(sim.received()).toHaveLength(before);
		await client.rename(`${name}.part`, name);
		expect(sim.received()).toHaveLength(before + 1);
		expect((await client.list()).map((entry) => entry.name)).toContain(name);
	});

	it('offers explicit TLS with a certificate clients can trust', async () => {
		expect(sim.ftp.ftps).toBe(true);
		expect(sim.ftp.certificatePem).toMatch(/BEGIN CERTIFICATE/);
		const name = orderName();
		const trusting = await ftpClient({ secure: true });
		await ftpUpload(trusting, workedExampleFile(name), `/incoming/${name}`);
		expect(newestReceived()).toMatchObject({ name, protocol: 'ftp', problems: [] });
		const ignoringErrors = await ftpClient({ secure: true, trustCertificate: false });
		expect((await ignoringErrors.list('/incoming')).map((entry) => entry.name)).toContain(name);
	});

	it('is refused by a TLS client that does not trust the certificate', async () => {
		const client = new FtpClient(2000);
		openClients.push(client);
		await expect(
			client.access({
				host: sim.host,
				port: sim.ftp.port,
				user: sim.username,
				password: sim.password,
				secure: true,
			}),
		).rejects.toThrow(/self[- ]signed/i);
	});

	it('refuses a wrong password', async () => {
		await expect(ftpClient({ password: 'not-it' })).rejects.toThrow(/530/);
	});
});

describe('CDF simulator: faults', () => {
	it('dropMidUpload (SFTP): the connection dies mid-upload, the partial temp file stays', async () => {
		const name = orderName();
		const before = sim.received().length;
		sim.setFault({ kind: 'dropMidUpload' });
		const client = await sftpClient();
		const content = workedExampleFile(name);
		await expect(client.put(Buffer.from(content), `/incoming/${name}.part`)).rejects.toThrow();
		expect(sim.received()).toHaveLength(before);
		expect(sim.files('incoming')).toContain(`${name}.part`);
		const partial = readFileSync(join(sim.home, 'incoming', `${name}.part`), 'utf8');
		expect(partial.length).toBeGreaterThan(0);
		expect(content.startsWith(partial) && partial.length < content.length).toBe(true);
	});

	it('dropMidUpload (FTP), and with times: 1 the retry goes through', async () => {
		const name = orderName();
		sim.setFault({ kind: 'dropMidUpload' }, { times: 1 });
		const first = await ftpClient();
		await expect(
			ftpUpload(first, workedExampleFile(name), `incoming/${name}.part`),
		).rejects.toThrow();
		expect(first.closed).toBe(true);
		const partial = readFileSync(join(sim.home, 'incoming', `${name}.part`), 'utf8');
		expect(partial.length).toBeLessThan(workedExampleFile(name).length);
		const retry = await ftpClient();
		await ftpUpload(retry, workedExampleFile(name), `incoming/${name}`);
		expect(newestReceived()).toMatchObject({ name, problems: [] });
	});

	it('dropMidUpload straight to .fbo leaves a broken order behind, as a real host would', async () => {
		const name = orderName();
		sim.setFault({ kind: 'dropMidUpload' });
		const client = await sftpClient();
		await expect(
			client.put(Buffer.from(workedExampleFile(name)), `/incoming/${name}`),
		).rejects.toThrow();
		await waitFor(() => newestReceived()?.name === name);
		expect(newestReceived().problems.length).toBeGreaterThan(0);
	});

	it('dropAfterRename (SFTP): the client sees a failure, yet the order was delivered', async () => {
		const name = orderName();
		const client = await sftpClient();
		await client.put(Buffer.from(workedExampleFile(name)), `/incoming/${name}.part`);
		sim.setFault({ kind: 'dropAfterRename' });
		await expect(client.rename(`/incoming/${name}.part`, `/incoming/${name}`)).rejects.toThrow();
		expect(newestReceived()).toMatchObject({ name, protocol: 'sftp', problems: [] });
		expect(sim.files('incoming')).toContain(name);
		expect(sim.files('incoming')).not.toContain(`${name}.part`);
	});

	it('dropAfterRename (FTP)', async () => {
		const name = orderName();
		const client = await ftpClient();
		await ftpUpload(client, workedExampleFile(name), `/incoming/${name}.part`);
		sim.setFault({ kind: 'dropAfterRename' });
		await expect(client.rename(`/incoming/${name}.part`, `/incoming/${name}`)).rejects.toThrow();
		expect(client.closed).toBe(true);
		expect(newestReceived()).toMatchObject({ name, protocol: 'ftp', problems: [] });
		expect(sim.files('incoming')).toContain(name);
	});

	it('wrongPassword: the right password and key are refused on both protocols', async () => {
		sim.setFault({ kind: 'wrongPassword' });
		await expect(sftpClient()).rejects.toThrow(/authentication/i);
		await expect(
			sftpClient({ password: undefined, privateKey: sim.clientPrivateKey }),
		).rejects.toThrow(/authentication/i);
		await expect(ftpClient()).rejects.toThrow(/530/);
		const attempts = sim
			.loginAttempts()
			.filter((attempt) => attempt.method !== 'none')
			.slice(-3);
		expect(attempts.map(({ protocol, method, ok }) => [protocol, method, ok])).toEqual([
			['sftp', 'password', false],
			['sftp', 'publickey', false],
			['ftp', 'password', false],
		]);
	});

	it('wrongHostKey: a client checking the fingerprint stops before sending its password', async () => {
		sim.setFault({ kind: 'wrongHostKey' });
		const attemptsBefore = sim.loginAttempts().length;
		let seen = '';
		await expect(
			sftpClient({
				hostVerifier: (key: Buffer) => {
					seen = sshKeyFingerprint(key);
					return seen === sim.sftp.hostKeyFingerprint;
				},
			}),
		).rejects.toThrow(/host/i);
		expect(seen).toBe(sim.otherHostKeyFingerprint);
		expect(sim.loginAttempts().slice(attemptsBefore)).toEqual([]);

		// A client that checks nothing logs in to the impostor: the attempt shows which key it saw.
		const careless = await sftpClient();
		await careless.end();
		expect(sim.loginAttempts().slice(attemptsBefore)).toContainEqual(
			expect.objectContaining({ method: 'password', ok: true, hostKey: 'impostor' }),
		);

		sim.setFault({ kind: 'none' });
		await sftpClient({
			hostVerifier: (key: Buffer) => sshKeyFingerprint(key) === sim.sftp.hostKeyFingerprint,
		});
	});

	it('slow: every SFTP request and FTP command waits', async () => {
		const sftp = await sftpClient();
		const ftp = await ftpClient();
		sim.setFault({ kind: 'slow', delayMs: 150 });
		let started = Date.now();
		await sftp.stat('/incoming');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		started = Date.now();
		await ftp.pwd();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		sim.setFault({ kind: 'none' });
		started = Date.now();
		await sftp.stat('/incoming');
		await ftp.pwd();
		expect(Date.now() - started).toBeLessThan(140);
	});

	it('refuseFolderListing: listing incoming is denied, uploading there still works', async () => {
		sim.setFault({ kind: 'refuseFolderListing' });
		const sftp = await sftpClient();
		await expect(sftp.list('/incoming')).rejects.toThrow(/denied/i);
		expect(await sftp.list('/outgoing')).toEqual(expect.any(Array));
		const name = orderName();
		await sftp.put(Buffer.from(workedExampleFile(name)), `/incoming/${name}`);
		expect(newestReceived()).toMatchObject({ name });
		const ftp = await ftpClient();
		await expect(ftp.list('/incoming')).rejects.toThrow(/denied/i);
		expect(await ftp.list('/outgoing')).toEqual(expect.any(Array));
	});
});

describe('CDF simulator: stop', () => {
	it('resolves fast with clients still connected and a slow answer pending', async () => {
		const own = await startCdfSimulator({ ftps: false, username: 'c2000002', password: 'other' });
		expect(own.ftp).toEqual({ port: expect.any(Number), ftps: false, certificatePem: undefined });
		const sftp = quietSftpClient();
		await sftp.connect({
			host: own.host,
			port: own.sftp.port,
			username: 'c2000002',
			password: 'other',
			sock: await fastSocket(own.sftp.port),
		});
		const ftp = new FtpClient(2000);
		await ftp.access({ host: own.host, port: own.ftp.port, user: 'c2000002', password: 'other' });
		own.setFault({ kind: 'slow', delayMs: 10_000 });
		const pending = sftp.stat('/incoming').catch((error: Error) => error);

		const started = Date.now();
		await own.stop();
		expect(Date.now() - started).toBeLessThan(500);
		expect(await pending).toBeInstanceOf(Error);
		await expect(ftp.pwd()).rejects.toThrow();
		ftp.close();
		await sftp.end().catch(() => {});
		await own.stop(); // a second stop is harmless
	});
});

/** Polls briefly for something the server does after the client has already given up. */
async function waitFor(condition: () => boolean, timeoutMs = 1000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
