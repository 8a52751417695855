/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code, not a node */
/**
 * A stand-in for Ingram Content's Consumer Direct Fulfillment (CDF) host, for tests and for trying
 * the node by hand: one account reachable over SFTP and over FTP (optionally with explicit TLS),
 * whose home on disk has Ingram's folders incoming, outgoing, test and archive.
 *
 * Every *.fbo that lands in incoming (an upload finishing, or a temporary file renamed to *.fbo)
 * is read back, checked by validateOrderFile and listed by received(). Faults make the host
 * misbehave the way real hosts and networks do (see CdfFault).
 *
 *   const cdf = await startCdfSimulator();
 *   // … point the credential at 127.0.0.1:cdf.sftp.port with cdf.username / cdf.password …
 *   cdf.received(); // [{ name: 'A.fbo', problems: [], … }]
 *   await cdf.stop();
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFtpServer, type RunningFtpServer } from './ftpServer';
import {
	CDF_FOLDERS,
	CdfHost,
	type CdfFault,
	type CdfFolder,
	type LoginAttempt,
	type ReceivedOrderFile,
} from './host';
import { createTlsIdentity, generateSshKeyPair, sshKeyFingerprint } from './keys';
import { startSftpServer } from './sftpServer';

export type { CdfFault, CdfFolder, LoginAttempt, ReceivedOrderFile } from './host';
export { validateOrderFile } from './validateOrderFile';
export { sshKeyFingerprint };

export const CDF_SIMULATOR_DEFAULTS = {
	username: 'c2000001',
	password: 'cdf-secret-1',
	keyPassphrase: 'cdf-key-passphrase',
} as const;

export interface CdfSimulatorOptions {
	username?: string;
	password?: string;
	/** The account home on disk; default test/.artifacts/cdf/<timestamp>-<random> (kept after the run). */
	artifactsDir?: string;
	/** 0 (the default) = a free port; both servers listen on 127.0.0.1 only. */
	sftpPort?: number;
	ftpPort?: number;
	/** Also offer explicit TLS (AUTH TLS) on the FTP port, with a self-signed certificate. */
	ftps?: boolean;
}

export interface CdfSimulator {
	readonly host: '127.0.0.1';
	readonly username: string;
	readonly password: string;
	/** Unencrypted OpenSSH ed25519 key the SFTP server accepts for `username`. */
	readonly clientPrivateKey: string;
	/** Another accepted key, encrypted with `passphrase`. */
	readonly encryptedClientPrivateKey: { key: string; passphrase: string };
	/** hostKeyFingerprint is 'SHA256:<base64 without padding>', as OpenSSH prints it. */
	readonly sftp: { port: number; hostKeyFingerprint: string };
	/** The fingerprint clients see under the 'wrongHostKey' fault. */
	readonly otherHostKeyFingerprint: string;
	readonly ftp: { port: number; ftps: boolean; certificatePem?: string };
	/** Absolute path of the account home (holds incoming/, outgoing/, test/, archive/). */
	readonly home: string;
	/** Every *.fbo that landed in incoming, in arrival order, with the validator's problems. */
	received(): ReceivedOrderFile[];
	/** Names currently in a folder, sorted. */
	files(folder: CdfFolder): string[];
	loginAttempts(): LoginAttempt[];
	/**
	 * Makes the host misbehave until the next setFault. With `times`, the fault acts that many
	 * times (uploads cut, logins refused, connections given the impostor key, requests delayed,
	 * listings refused) and then turns itself off, e.g. to let a client's retry succeed.
	 */
	setFault(fault: CdfFault, options?: { times?: number }): void;
	/** Leaves a reply file (acknowledgement, ship notice, invoice) as Ingram would. */
	writeReply(folder: 'outgoing' | 'test', name: string, content: string): void;
	/** Closes both servers and cuts every open connection. */
	stop(): Promise<void>;
}

function defaultArtifactsDir(): string {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	return resolve(
		__dirname,
		'..',
		'.artifacts',
		'cdf',
		`${stamp}-${randomBytes(3).toString('hex')}`,
	);
}

export async function startCdfSimulator(options: CdfSimulatorOptions = {}): Promise<CdfSimulator> {
	const username = options.username ?? CDF_SIMULATOR_DEFAULTS.username;
	const password = options.password ?? CDF_SIMULATOR_DEFAULTS.password;
	const home = resolve(options.artifactsDir ?? defaultArtifactsDir());
	for (const folder of CDF_FOLDERS) mkdirSync(join(home, folder), { recursive: true });

	const hostKey = generateSshKeyPair();
	const impostorHostKey = generateSshKeyPair();
	const clientKey = generateSshKeyPair();
	const encryptedClientKey = generateSshKeyPair(CDF_SIMULATOR_DEFAULTS.keyPassphrase);
	const tls = options.ftps ? createTlsIdentity() : undefined;

	const host = new CdfHost({
		home,
		username,
		password,
		authorizedKeys: [clientKey.publicKey, encryptedClientKey.publicKey],
	});
	const sftpServer = await startSftpServer({
		host,
		hostKey: hostKey.privateKey,
		impostorHostKey: impostorHostKey.privateKey,
		port: options.sftpPort ?? 0,
	});
	let ftpServer: RunningFtpServer;
	try {
		ftpServer = await startFtpServer({ host, port: options.ftpPort ?? 0, tls });
	} catch (error) {
		await sftpServer.close();
		throw error;
	}

	let stopping: Promise<void> | undefined;
	return {
		host: '127.0.0.1',
		username,
		password,
		clientPrivateKey: clientKey.privateKey,
		encryptedClientPrivateKey: {
			key: encryptedClientKey.privateKey,
			passphrase: CDF_SIMULATOR_DEFAULTS.keyPassphrase,
		},
		sftp: { port: sftpServer.port, hostKeyFingerprint: hostKey.fingerprint },
		otherHostKeyFingerprint: impostorHostKey.fingerprint,
		ftp: { port: ftpServer.port, ftps: tls !== undefined, certificatePem: tls?.cert },
		home,
		received: () => [...host.received],
		files: (folder) => readdirSync(join(home, folder)).sort(),
		loginAttempts: () => [...host.loginAttempts],
		setFault: (fault, faultOptions) => host.setFault(fault, faultOptions?.times),
		writeReply: (folder, name, content) => {
			if (!/^[^/\\]+$/.test(name) || name === '.' || name === '..') {
				throw new Error(`Not a plain file name: ${JSON.stringify(name)}`);
			}
			// Written beside the folder and moved in, so a client listing meanwhile never sees half a file.
			const staging = join(home, `.reply-${randomBytes(4).toString('hex')}`);
			writeFileSync(staging, content);
			renameSync(staging, join(home, folder, name));
		},
		stop: () => {
			stopping ??= (async () => {
				host.stop();
				await Promise.all([sftpServer.close(), ftpServer.close()]);
			})();
			return stopping;
		},
	};
}
