import { createHmac, timingSafeEqual } from 'crypto';

const SHA512_BYTES = 64;

/**
 * The bytes a signature header stands for. Ingram sends Base64; its portal also mentions hex, so
 * both are read. Anything that is not exactly a SHA-512 digest in either spelling yields nothing.
 */
function signatureCandidates(header: string): Buffer[] {
	const value = header.trim().replace(/^sha512=/i, '');
	const candidates: Buffer[] = [];
	if (/^[0-9a-f]{128}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
	if (/^[A-Za-z0-9+/]{86}(==)?$/.test(value) || /^[A-Za-z0-9_-]{86}$/.test(value)) {
		candidates.push(Buffer.from(value, 'base64'));
	}
	return candidates.filter((candidate) => candidate.length === SHA512_BYTES);
}

/**
 * Ingram signs the event ID only: `x-hub-signature` = HMAC-SHA512(key = webhook secret, message =
 * eventId). Compared in constant time; an empty secret or header never verifies (fail closed).
 */
export function isValidSignature(
	eventId: string,
	header: string | undefined,
	secret: string,
): boolean {
	if (!secret || !eventId || !header) return false;
	const expected = createHmac('sha512', secret).update(eventId, 'utf8').digest();
	return signatureCandidates(header).some((candidate) => timingSafeEqual(candidate, expected));
}
