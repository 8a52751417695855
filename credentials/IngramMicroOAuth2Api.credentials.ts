import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

const PRODUCTION_HOST = 'https://api.ingrammicro.com:443';

/** Where the XI token endpoint lives: always host-level, even for the sandbox (per Ingram's docs). */
export function ingramMicroHost(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') {
		return String(credentials.customBaseUrl ?? '').replace(/\/+$/, '');
	}
	return PRODUCTION_HOST;
}

/** Base URL of API calls: the sandbox is the production host with a `/sandbox` path prefix. */
export function ingramMicroApiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const host = ingramMicroHost(credentials);
	return credentials.environment === 'sandbox' ? `${host}/sandbox` : host;
}

/**
 * Getting the access token failed. Thrown by preAuthentication with a message that says what to do,
 * because it is what the user reads: under the credential's Test button as well as in a failed
 * run. (An empty token sent on would come back as a misleading 401 from the API.)
 * - `refused`: the token endpoint refused the client ID / secret (400, 401, 403);
 * - `unavailable`: 5xx, 429 or no answer — the credentials were not judged, a retry may help;
 * - `unexpected`: an answer that is not a token (an HTML page, `{}`, a 404): a wrong URL, usually.
 */
export class TokenRequestError extends Error {
	constructor(
		message: string,
		readonly failure: 'refused' | 'unavailable' | 'unexpected',
		// not `status` / `code`: n8n would replace the message with its generic one for that status
		readonly tokenStatus?: number,
		readonly networkCode?: string,
	) {
		super(message);
		this.name = 'TokenRequestError';
	}
}

/**
 * A network error code in words. (The code itself must not appear in the message: n8n replaces a
 * message that mentions ECONNREFUSED and the like with its own generic sentence.)
 */
function networkProblem(code: string): string {
	if (code === 'ECONNREFUSED') return 'the connection was refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name was not found';
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return 'no answer in time';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was dropped';
	if (/CERT|SSL|TLS/i.test(code)) return 'its TLS certificate was not accepted';
	return 'no connection could be made';
}

function tokenRequestFailed(host: string, error: unknown): TokenRequestError {
	const e = error as { response?: { status?: number }; code?: string; cause?: { code?: string } };
	const status = e?.response?.status;
	if (status === undefined) {
		const code = e?.code ?? e?.cause?.code ?? 'no answer';
		return new TokenRequestError(
			`Cannot reach Ingram Micro's token endpoint at ${host}: ${networkProblem(code)}. Check the Environment (or the Base URL) and this server's network access.`,
			'unavailable',
			undefined,
			code,
		);
	}
	if (status === 400 || status === 401 || status === 403) {
		return new TokenRequestError(
			`Ingram Micro refused the Client ID or Client Secret (HTTP ${status} from the token endpoint). Copy both again from your app in the developer portal, and check that the Environment matches the app (Sandbox or Production).`,
			'refused',
			status,
		);
	}
	if (status === 429 || status >= 500) {
		return new TokenRequestError(
			`Ingram Micro's token service is unavailable (HTTP ${status}); the Client ID and Secret were not refused. Try again later.`,
			'unavailable',
			status,
		);
	}
	return new TokenRequestError(
		`Ingram Micro's token endpoint at ${host} answered HTTP ${status}. Check the Environment (or the Base URL).`,
		'unexpected',
		status,
	);
}

/**
 * Thrown by `authenticate` when the stored token was issued for other credentials (see
 * tokenFingerprint). It looks like a 401 to n8n-core, which then fetches a new token with the current
 * values and tries again — before anything is sent with a token that does not belong to them.
 */
class StaleTokenError extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('The stored access token was issued for other credentials');
		this.name = 'StaleTokenError';
	}
}

/**
 * Which credentials a stored token was issued for (a hash, never the secret itself). When the
 * Client ID, Secret or host change, the stored token no longer counts: without this check a token
 * issued for the old values would be reused, and a wrong new secret would pass the credential test.
 */
export function tokenFingerprint(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			[ingramMicroHost(credentials), credentials.clientId, credentials.clientSecret]
				.map(String)
				.join('\n'),
		)
		.digest('hex')
		.slice(0, 32);
}

/** What came back instead of a token, in a few words, without echoing its content. */
function describeTokenAnswer(answer: unknown): string {
	if (typeof answer === 'string') {
		return /^\s*</.test(answer)
			? 'an HTML page'
			: answer.trim() === ''
				? 'an empty body'
				: 'text that is not JSON';
	}
	if (Array.isArray(answer)) return 'a JSON list';
	if (answer && typeof answer === 'object') {
		const keys = Object.keys(answer);
		return keys.length
			? `a JSON object with ${keys.slice(0, 5).join(', ')} but no access_token`
			: 'an empty JSON object';
	}
	return `the JSON value ${String(answer)}`;
}

/**
 * Ingram Micro XI Reseller API, OAuth2 client credentials.
 *
 * Why preAuthentication + an expirable hidden token instead of `extends: ['oAuth2Api']`:
 * Ingram's token endpoint is not a plain RFC 6749 endpoint — the spec models it as a GET with the
 * secret in the query string, the portal as a form POST, `expires_in` is a string, and its URL must
 * follow the Environment / Custom Base URL chosen here, which the generic OAuth2 credential cannot
 * derive. With preAuthentication we send the documented form POST (secret in the body, never in a
 * URL), n8n stores the token encrypted and reuses it across items and executions, and n8n-core fetches
 * a new one exactly once when a call answers 401. The credential test runs the same code.
 */
export class IngramMicroOAuth2Api implements ICredentialType {
	name = 'ingramMicroOAuth2Api';

	displayName = 'Ingram Micro OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/ingramMicro.svg',
		dark: 'file:../icons/ingramMicro.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ingram/n8n-nodes-ingram#ingram-micro-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.ingrammicro.com' },
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'Same host, API calls under /sandbox; use your sandbox app keys',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A proxy or a simulator that serves the XI paths',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010',
			description: 'Serves /oauth/oauth20/token and /resellers/… directly under this URL',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Client ID of your app in the Ingram Micro developer portal (My Apps)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Customer Number',
			name: 'customerNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 20-222222',
			description:
				'Your Ingram Micro reseller account number (sent as IM-CustomerNumber, at most 10 characters)',
		},
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: 'US',
			required: true,
			placeholder: 'e.g. US',
			description:
				'Two-letter ISO country code of your Ingram Micro account (sent as IM-CountryCode)',
		},
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: 'n8n',
			description:
				'Identifies the sender of each transaction (IM-SenderID, at most 32 characters). Also sent as the application ID where Ingram asks for one.',
		},
		{
			displayName: 'Customer Contact Email',
			name: 'customerContact',
			type: 'string',
			default: '',
			placeholder: 'e.g. buyer@example.com',
			description:
				'Sent as IM-CustomerContact on quote search, freight estimate and return create, which require it, and used as the contact of Quote › Create when the node leaves it empty (at most 64 characters)',
		},
		{
			displayName: 'Timeout for Reads (Seconds)',
			name: 'readTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long a search, lookup or price request waits for Ingram Micro before it fails (a read is asked once more after a timeout). Creates and changes wait as long as n8n allows, so that their outcome is known.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Issued For',
			name: 'accessTokenFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const host = ingramMicroHost(credentials);
		const response = (await this.helpers
			.httpRequest({
				method: 'POST',
				url: `${host}/oauth/oauth20/token`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: {
					grant_type: 'client_credentials',
					client_id: credentials.clientId,
					client_secret: credentials.clientSecret,
				},
				json: true,
			})
			.catch((error: unknown) => {
				throw tokenRequestFailed(host, error);
			})) as unknown;
		const token = (response as { access_token?: unknown } | undefined)?.access_token;
		if (typeof token !== 'string' || token.trim() === '') {
			throw new TokenRequestError(
				`Ingram Micro's token endpoint answered without an access token (${describeTokenAnswer(response)}). Check the Environment (or the Base URL): it must point at Ingram Micro's API.`,
				'unexpected',
			);
		}
		return { accessToken: token, accessTokenFor: tokenFingerprint(credentials) };
	}

	// A function (not generic headers) so that optional headers are left out when empty.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.accessTokenFor !== tokenFingerprint(credentials)) throw new StaleTokenError();
		// The legacy v5 API takes the customer number and country in the body or query, not as headers.
		if (/^\/resellers\/v5\//i.test(String(requestOptions.url ?? ''))) {
			return {
				...requestOptions,
				headers: {
					...(requestOptions.headers as Record<string, string>),
					Authorization: `Bearer ${credentials.accessToken as string}`,
				},
			};
		}
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string>),
			Authorization: `Bearer ${credentials.accessToken as string}`,
			'IM-CustomerNumber': String(credentials.customerNumber ?? '').trim(),
			'IM-CountryCode': String(credentials.countryCode ?? '')
				.trim()
				.toUpperCase(),
		};
		const senderId = String(credentials.senderId ?? '').trim();
		if (senderId && !headers['IM-SenderID']) headers['IM-SenderID'] = senderId;
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : ("https://api.ingrammicro.com:443" + ($credentials.environment === "sandbox" ? "/sandbox" : "")) }}',
			url: '/resellers/v6/catalog',
			qs: { pageSize: 1 },
			headers: { 'IM-CorrelationID': 'n8ncredentialtest000000000000000' },
		},
		// The token was issued by then (a token failure is reported by preAuthentication itself).
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						'The Client ID and Secret work, but Ingram Micro refused the request: usually the Customer Number is not the one the app is registered to. Check the Customer Number and the Country Code.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Ingram Micro issued a token but refused it for the catalog: check that the app has access to the Reseller API and that the Environment matches the app.',
				},
			},
		],
	};
}
