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
 * The token endpoint answered, but not with a token (an HTML page from a proxy, `{}`, a number…).
 * Thrown by preAuthentication so that the request fails here, naming the problem, instead of going
 * out with an empty bearer token and coming back as a misleading 401.
 */
export class NoAccessTokenError extends Error {
	constructor(readonly answer: string) {
		super(`Ingram Micro's token endpoint answered without an access token (${answer})`);
		this.name = 'NoAccessTokenError';
	}
}

/** What came back instead of a token, in a few words, without echoing its content. */
function describeTokenAnswer(answer: unknown): string {
	if (typeof answer === 'string') {
		return /^\s*</.test(answer) ? 'an HTML page' : answer.trim() === '' ? 'an empty body' : 'text that is not JSON';
	}
	if (Array.isArray(answer)) return 'a JSON list';
	if (answer && typeof answer === 'object') {
		const keys = Object.keys(answer);
		return keys.length ? `a JSON object with ${keys.slice(0, 5).join(', ')} but no access_token` : 'an empty JSON object';
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

	icon: Icon = { light: 'file:../icons/ingramMicro.svg', dark: 'file:../icons/ingramMicro.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ingram/n8n-nodes-ingram#ingram-micro-credentials';

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
			description: 'Your Ingram Micro reseller account number (sent as IM-CustomerNumber, at most 10 characters)',
		},
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: 'US',
			required: true,
			placeholder: 'e.g. US',
			description: 'Two-letter ISO country code of your Ingram Micro account (sent as IM-CountryCode)',
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
				'Sent as IM-CustomerContact on quote search, freight estimate and return create, which require it (at most 64 characters)',
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
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${ingramMicroHost(credentials)}/oauth/oauth20/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
			},
			json: true,
		})) as unknown;
		const token = (response as { access_token?: unknown } | undefined)?.access_token;
		if (typeof token !== 'string' || token.trim() === '') throw new NoAccessTokenError(describeTokenAnswer(response));
		return { accessToken: token };
	}

	// A function (not generic headers) so that optional headers are left out when empty.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string>),
			Authorization: `Bearer ${credentials.accessToken as string}`,
			'IM-CustomerNumber': String(credentials.customerNumber ?? '').trim(),
			'IM-CountryCode': String(credentials.countryCode ?? '').trim().toUpperCase(),
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
	};
}
