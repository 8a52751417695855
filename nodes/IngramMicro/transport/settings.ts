import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ingramMicroApiBaseUrl,
	tokenFingerprint,
} from '../../../credentials/IngramMicroOAuth2Api.credentials';
import { inputError } from '../../shared/input';

/**
 * The account a request goes out for: the credential's settings, read once per execution, and the
 * headers Ingram wants on some endpoints only.
 */

export const CREDENTIAL_TYPE = 'ingramMicroOAuth2Api';

/** Headers only some endpoints require (names and casing as the spec has them). */
export type ExtraHeader =
	'customerContact' | 'applicationId' | 'applicationIdMixedCase' | 'senderId';

/** The contexts that call Ingram: operations, and the editor's list searches. */
export type XiContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface AccountSettings {
	baseUrl: string;
	/** The credential's Customer Number and Country Code (v5 sends them in the body or query). */
	customerNumber: string;
	countryCode: string;
	senderId: string;
	customerContact: string;
	/** How long a read may wait for an answer before it counts as failed. */
	readTimeoutMs: number;
}

/** Default of the credential's "Timeout for Reads": Ingram's own SDKs wait 60 s. */
export const DEFAULT_READ_TIMEOUT_SECONDS = 60;

/** IM-CorrelationID is limited to 32 characters by the spec: a UUID with dashes is too long. */
export const newCorrelationId = () => randomBytes(16).toString('hex');

// Credentials are read once per execution context, not once per item or per page.
const settingsCache = new WeakMap<object, Promise<AccountSettings>>();

/** Ingram's header limits, checked before the first call so a typo is not a cryptic 400. */
function checkCredentialFields(node: INode, credentials: IDataObject) {
	const customerNumber = String(credentials.customerNumber ?? '').trim();
	const countryCode = String(credentials.countryCode ?? '').trim();
	const senderId = String(credentials.senderId ?? '').trim();
	const problem = !customerNumber
		? 'The credential field "Customer Number" is empty'
		: customerNumber.length > 10
			? `The credential field "Customer Number" is ${customerNumber.length} characters long; Ingram Micro accepts at most 10`
			: !/^[A-Za-z]{2}$/.test(countryCode)
				? `The credential field "Country Code" must be two letters, such as US (got "${countryCode}")`
				: senderId.length > 32
					? `The credential field "Sender ID" is ${senderId.length} characters long; Ingram Micro accepts at most 32`
					: undefined;
	if (problem) {
		throw new NodeOperationError(node, problem, {
			description: 'Correct it in the Ingram Micro OAuth2 API credential.',
		});
	}
}

async function loadSettings(this: XiContext): Promise<AccountSettings> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	checkCredentialFields(this.getNode(), credentials);
	return {
		baseUrl: ingramMicroApiBaseUrl(credentials),
		customerNumber: String(credentials.customerNumber ?? '').trim(),
		countryCode: String(credentials.countryCode ?? '')
			.trim()
			.toUpperCase(),
		senderId: String(credentials.senderId ?? '').trim(),
		customerContact: String(credentials.customerContact ?? '').trim(),
		readTimeoutMs:
			1000 *
			(Number(credentials.readTimeoutSeconds) > 0
				? Number(credentials.readTimeoutSeconds)
				: DEFAULT_READ_TIMEOUT_SECONDS),
	};
}

export function accountSettings(this: XiContext): Promise<AccountSettings> {
	let settings = settingsCache.get(this);
	if (!settings) {
		settings = loadSettings.call(this);
		settingsCache.set(this, settings);
	}
	return settings;
}

/** The credential's Customer Contact Email ('' when empty), e.g. the default contact of a quote. */
export async function credentialCustomerContact(this: XiContext): Promise<string> {
	return (await accountSettings.call(this)).customerContact;
}

/**
 * Whether the credential holds a token issued for its current values, so that requests started
 * together will share it rather than each fetch one. (It may still have expired: then the first
 * 401s each renew it, which costs a few token calls, not correctness.)
 */
export async function hasUsableToken(this: XiContext): Promise<boolean> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return (
		Boolean(credentials.accessToken) && credentials.accessTokenFor === tokenFingerprint(credentials)
	);
}

export function extraHeaderValues(
	node: INode,
	settings: AccountSettings,
	wanted: ExtraHeader[],
	itemIndex: number,
): Record<string, string> {
	const headers: Record<string, string> = {};
	// Ingram does not document what an "application ID" is; its own SDK users send the sender ID.
	const applicationId = settings.senderId || 'n8n';
	for (const header of wanted) {
		if (header === 'customerContact') {
			if (!settings.customerContact) {
				throw inputError(
					node,
					itemIndex,
					'The credential field "Customer Contact Email" is empty, but this operation needs it',
					'Ingram Micro requires the IM-CustomerContact header (an email address) for quote search, freight estimate and return create. Add it to the Ingram Micro credential.',
				);
			}
			headers['IM-CustomerContact'] = settings.customerContact;
		}
		if (header === 'applicationId') headers['IM-ApplicationID'] = applicationId;
		if (header === 'applicationIdMixedCase') headers['IM-ApplicationId'] = applicationId;
		if (header === 'senderId') headers['IM-SenderID'] = settings.senderId || 'n8n';
	}
	return headers;
}
