/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-dangerous-functions -- runs openssl to make a test certificate */
/**
 * Keys the CDF simulator makes at start: SSH host keys (the real one and an impostor's), the
 * client keys it accepts for publickey logins, and the TLS certificate for explicit FTPS.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';

export interface SshKeyPair {
	/** OpenSSH format ("BEGIN OPENSSH PRIVATE KEY"). */
	privateKey: string;
	/** One line, as in authorized_keys. */
	publicKey: string;
	fingerprint: string;
}

/**
 * OpenSSH's fingerprint of a public key blob (the bytes ssh2 hands to a `hostVerifier`):
 * 'SHA256:' and the base64 of its SHA-256 without '=' padding.
 */
export function sshKeyFingerprint(publicKeyBlob: Buffer): string {
	const digest = createHash('sha256').update(publicKeyBlob).digest('base64');
	return `SHA256:${digest.replace(/=+$/, '')}`;
}

function fingerprintOfPublicKey(publicKey: string): string {
	const parsed = utils.parseKey(publicKey);
	if (parsed instanceof Error) throw parsed;
	return sshKeyFingerprint(parsed.getPublicSSH());
}

/**
 * A fresh ed25519 key pair. With a passphrase the private key is encrypted the way ssh-keygen
 * does it, but with 1 bcrypt round instead of 16: each round costs tens of milliseconds on every
 * parse, and clients parse the key on every connection.
 */
export function generateSshKeyPair(passphrase?: string): SshKeyPair {
	// ssh2 1.17's generator drops a leading zero byte of the ed25519 public key, which makes about
	// one key in 256 unreadable (to ssh2 itself too): such keys are thrown away.
	for (let attempt = 1; ; attempt++) {
		const pair = passphrase
			? utils.generateKeyPairSync('ed25519', { passphrase, cipher: 'aes256-ctr', rounds: 1 })
			: utils.generateKeyPairSync('ed25519');
		const readable =
			!(utils.parseKey(pair.public) instanceof Error) &&
			!(utils.parseKey(pair.private, passphrase) instanceof Error);
		if (readable) {
			return {
				privateKey: pair.private,
				publicKey: pair.public,
				fingerprint: fingerprintOfPublicKey(pair.public),
			};
		}
		if (attempt >= 20) throw new Error('ssh2 kept generating unreadable ed25519 keys');
	}
}

export interface TlsIdentity {
	key: string;
	cert: string;
}

/**
 * A self-signed certificate for 127.0.0.1, made with the `openssl` command when there is one.
 * Without it (e.g. a bare Windows machine) the test-only pair in fixtures/ is used: Node can make
 * keys but not certificates.
 */
export function createTlsIdentity(): TlsIdentity {
	const folder = mkdtempSync(join(tmpdir(), 'cdf-simulator-tls-'));
	const keyPath = join(folder, 'key.pem');
	const certPath = join(folder, 'cert.pem');
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-keyout',
				keyPath,
				'-out',
				certPath,
				'-days',
				'30',
				'-subj',
				'/CN=CDF simulator',
				'-addext',
				'subjectAltName=IP:127.0.0.1,DNS:localhost',
			],
			{ stdio: 'ignore', timeout: 10_000 },
		);
		return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
	} catch {
		const fixtures = join(__dirname, 'fixtures');
		return {
			key: readFileSync(join(fixtures, 'ftps-test-only.key.pem'), 'utf8'),
			cert: readFileSync(join(fixtures, 'ftps-test-only.cert.pem'), 'utf8'),
		};
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
