/**
 * The step of a CDF transfer that failed. It decides both the message and whether an upload can
 * have reached Ingram: everything before `rename` provably did not (the order file only gets its
 * `.fbo` name by the rename), a failure *during* the rename may have.
 */
export type CdfStep =
	| 'connect'
	| 'hostKey'
	| 'certificate'
	| 'login'
	| 'folder'
	| 'upload'
	| 'rename'
	| 'download'
	| 'move'
	| 'remove';

const WHAT_TO_DO: Record<CdfStep, string> = {
	connect:
		'Check the Host, the Port and the Protocol in the credential, and that this n8n server can reach the host (firewall, VPN).',
	hostKey:
		'The server presented a different SSH host key than the credential expects. If Ingram announced a new key, put its fingerprint in the credential; otherwise do not connect: someone may be impersonating the host.',
	certificate:
		'The FTPS host’s TLS certificate is not trusted by this n8n server. Use the host name the certificate was issued for; only for a test host, turn on “Ignore Certificate Errors” in the credential.',
	login:
		'Check the Username and the Password (or the private key and its passphrase). CDF logins usually start with “c” followed by your account number; only Ingram can reset them.',
	folder:
		'Logged in, but the folder is missing or not readable. Check the folder names in the credential (Ingram’s defaults are incoming, outgoing and test).',
	upload:
		'The file was not completely uploaded, so Ingram cannot see it. It is safe to send again.',
	rename:
		'The host did not confirm that the order file was put in place. It may have reached Ingram: wait for the acknowledgement before sending again.',
	download: 'Try again later; nothing was changed on the host.',
	move: 'The file was read but could not be moved; it stays where it was.',
	remove: 'The file was read but could not be removed from the host.',
};

export class CdfTransferError extends Error {
	readonly description: string;

	constructor(
		readonly step: CdfStep,
		message: string,
		/** What the library or the server said, secrets scrubbed. */
		readonly detail?: string,
		/** The server answered the request with a refusal (as opposed to no answer at all). */
		readonly answered = false,
	) {
		super(message);
		this.name = 'CdfTransferError';
		this.description = [WHAT_TO_DO[step], detail ? `The server or library said: ${detail}` : '']
			.filter(Boolean)
			.join('\n');
	}
}

/** A library message with every secret replaced, so it can be shown and logged. */
export function scrub(message: string, secrets: string[]): string {
	return secrets.reduce((text, secret) => text.split(secret).join('***'), message);
}

/** A network error code in words (n8n replaces messages that contain codes like ECONNREFUSED). */
export function networkProblem(code: string | undefined, message = ''): string {
	if (code === 'ECONNREFUSED') return 'the connection was refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name was not found';
	if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'no answer in time';
	if (code === 'ECONNRESET' || code === 'EPIPE' || /reset|closed|end/i.test(message))
		return 'the connection was dropped';
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the host is unreachable';
	return 'no connection could be made';
}
