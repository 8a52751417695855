import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type CdfProtocol = 'sftp' | 'ftp' | 'ftps';
export type CdfEnvironment = 'production' | 'test';

/** How to reach and log in to the CDF host (from the Ingram Content CDF credential). */
export interface CdfConnectionSettings {
	protocol: CdfProtocol;
	host: string;
	port: number;
	username: string;
	password?: string;
	privateKey?: string;
	passphrase?: string;
	/** Normalised to `SHA256:<base64 without padding>`; empty = any host key. */
	hostKeyFingerprint?: string;
	allowUnauthorizedCerts: boolean;
	timeoutMs: number;
}

/** The account as it goes into order files, and where files live on the host. */
export interface CdfAccount {
	billToAccount: string;
	shipToAccount: string;
	shipToPassword: string;
	fileSourceName: string;
	environment: CdfEnvironment;
	folders: { incoming: string; outgoing: string; test: string; inventory: string };
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Accepts what people paste: with or without the `SHA256:` prefix and base64 padding. Returns
 * undefined for an empty value.
 */
export function normaliseFingerprint(value: string): string | undefined {
	const bare = value
		.trim()
		.replace(/^SHA256:/i, '')
		.replace(/=+$/, '');
	return bare ? `SHA256:${bare}` : undefined;
}

export function connectionSettings(
	credentials: ICredentialDataDecryptedObject,
): CdfConnectionSettings {
	const protocol =
		(['sftp', 'ftp', 'ftps'] as const).find((p) => p === credentials.protocol) ?? 'sftp';
	// a private key, when given, replaces the password (SFTP only)
	const usesKey = protocol === 'sftp' && text(credentials.privateKey) !== '';
	const port = Number(credentials.port);
	return {
		protocol,
		host: text(credentials.host) || 'ftp.ingramcontent.com',
		port: Number.isInteger(port) && port > 0 ? port : protocol === 'sftp' ? 22 : 21,
		username: text(credentials.username),
		password: usesKey ? undefined : String(credentials.password ?? ''),
		privateKey: usesKey ? String(credentials.privateKey ?? '') : undefined,
		passphrase: usesKey && credentials.passphrase ? String(credentials.passphrase) : undefined,
		hostKeyFingerprint:
			protocol === 'sftp' ? normaliseFingerprint(text(credentials.expectedFingerprint)) : undefined,
		allowUnauthorizedCerts: credentials.ignoreSslIssues === true,
		timeoutMs: Math.max(1, Number(credentials.timeoutSeconds) || 30) * 1000,
	};
}

/**
 * The login for the StockV2 inventory files: the CDF login itself, or Ingram's separate data
 * services login (same protocol and host-key rules, its own host, user and password).
 */
export function inventoryConnectionSettings(
	credentials: ICredentialDataDecryptedObject,
): CdfConnectionSettings {
	const main = connectionSettings(credentials);
	if (credentials.inventoryLogin !== 'separate') return main;
	const port = Number(credentials.inventoryPort);
	return {
		...main,
		host: text(credentials.inventoryHost) || main.host,
		port: Number.isInteger(port) && port > 0 ? port : main.port,
		username: text(credentials.inventoryUsername),
		password: String(credentials.inventoryPassword ?? ''),
		privateKey: undefined,
		passphrase: undefined,
		// the fingerprint belongs to the main host; another host is not checked against it
		hostKeyFingerprint:
			text(credentials.inventoryHost) && text(credentials.inventoryHost) !== main.host
				? undefined
				: main.hostKeyFingerprint,
	};
}

export function accountSettings(credentials: ICredentialDataDecryptedObject): CdfAccount {
	return {
		billToAccount: text(credentials.billToAccount),
		shipToAccount: text(credentials.shipToAccount),
		shipToPassword: String(credentials.shipToPassword ?? ''),
		fileSourceName: text(credentials.fileSourceName),
		environment: credentials.environment === 'production' ? 'production' : 'test',
		folders: {
			incoming: text(credentials.incomingFolder) || 'incoming',
			outgoing: text(credentials.outgoingFolder) || 'outgoing',
			test: text(credentials.testFolder) || 'test',
			inventory: text(credentials.inventoryFolder) || 'Inventory',
		},
	};
}

/** The secrets of a connection, to scrub from any message a library hands back. */
export const secretsOf = (settings: CdfConnectionSettings): string[] =>
	[settings.password, settings.passphrase, settings.privateKey].filter(
		(secret): secret is string => !!secret && secret.length >= 3,
	);
