/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * XiSimulator: a real HTTP server that behaves like Ingram Micro's XI Reseller API gateway.
 *
 * Every request goes through the same pipeline, in the order the real gateway applies it:
 *
 *   1. record the request (so even a dropped connection is counted)
 *   2. fault injection (one switchable fault: rate limit, 5xx, slow, dropped connection)
 *   3. token endpoint: /oauth/oauth20/token, GET with a query string (as the spec models it) or
 *      POST form-urlencoded (as the portal documents it)
 *   4. routing against the spec: unknown path -> 404, known path with another method -> 405
 *   5. authentication: missing, unknown or expired bearer token -> 401 with an EMPTY body
 *   6. customer number: an IM-CustomerNumber that is not the app's -> Apigee's 500 faultcode body
 *   7. spec validation (openapi-backend): headers, path, query and JSON body -> 400 listing every
 *      violation in Ingram's `errors[].fields[]` shape
 *   8. the operation's route (./routes), which applies Ingram's business rules
 *
 * API paths are served both at the root (`/resellers/...`, `/oauth/...`) and under `/sandbox`
 * (Ingram's sandbox is the same host with a `/sandbox` path prefix). Recorded paths never carry the
 * prefix; `RecordedRequest.sandbox` says whether it was there.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIBackend } from 'openapi-backend';
import { seedData, SEED, type XiData } from './data';
import {
	APIGEE,
	ERROR_TYPES,
	ingramError,
	isIgnorableValidationError,
	systemError,
	TOO_MANY_REQUESTS,
	toIngramFields,
	validationFailed,
	type AjvError,
} from './errors';
import { Rng } from './random';
import { ROUTES } from './routes';
import { PAGE_NUMBER_SIZE, PAGE_SIZE_CAPITALISED, PAGE_SIZE_LOWER } from './routes/common';
import type { RouteContext, RouteRequest, RouteResponse } from './routes/common';
import { xiBackend } from './spec';

export interface SimulatorOptions {
	/** Port to listen on; 0 (default) picks a free one. After start this holds the real port. */
	port?: number;
	/** Added before every response, default 0. */
	latencyMs?: number;
	/** Lifetime of issued tokens, default 86400 (Ingram: "expires every 24 hours"). */
	tokenTtlSeconds?: number;
	/** Validate requests against the spec, default true. */
	validate?: boolean;
	clientId?: string;
	clientSecret?: string;
	/** The customer number the app is registered to, default 20-222222 (Ingram's sandbox account). */
	customerNumber?: string;
	/**
	 * Generated orders (shipped and invoiced, a few cancelled) added as older history after the
	 * seeded ~120, for load tests of paging such as Return All; default 0. The seed is unchanged.
	 */
	extraOrders?: number;
}

interface FaultFilter {
	/** Only requests to this operation consume the fault (`get-accesstoken` targets the token call). */
	operationId?: string;
	/** Only requests with this HTTP method consume the fault. */
	method?: string;
}

export type Fault = FaultFilter &
	(
		| { mode: 'rateLimit'; times: number; resetSeconds: number; header?: 'reset' | 'retry-after' }
		| { mode: 'status'; status: 500 | 502 | 503 | 504; times: number }
		| { mode: 'slow'; delayMs: number; times: number }
		| { mode: 'drop'; times: number }
		/** Answers exactly this instead, e.g. a token endpoint's 200 without an access_token, or a proxy's HTML page. */
		| {
				mode: 'answer';
				status: number;
				body?: unknown;
				text?: { contentType: string; content: string };
				times: number;
		  }
	);

export interface RecordedRequest {
	method: string;
	/** Without the `/sandbox` prefix and without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case header names. */
	headers: Record<string, string>;
	/** Parsed JSON, the fields of a form body, the raw text otherwise, undefined when empty. */
	body: unknown;
	/** The spec operation the request was routed to (`get-accesstoken` for the token endpoint). */
	operationId: string | undefined;
	/** The status answered; 0 while pending and for dropped connections. */
	status: number;
	/** The fault mode applied to this request, if any. */
	faulted?: string;
	/** openapi-backend (Ajv) errors when spec validation failed. */
	validationErrors?: unknown[];
	/** True when the request came in under the `/sandbox` prefix. */
	sandbox: boolean;
}

export const SIM_DEFAULTS = {
	clientId: 'sim-client-id',
	clientSecret: 'sim-client-secret',
	customerNumber: '20-222222',
	countryCode: 'US',
	/** For IM-CustomerContact (quote search, freight estimate) and quote create's CustomerContact. */
	customerContact: 'john.doe@reseller.example.com',
	/** For IM-SenderID / IM-ApplicationID (any value up to 32 characters is accepted). */
	senderId: 'n8n-xi-simulator',
	tokenTtlSeconds: 86400,
	defaultPort: 4010,
} as const;

/** The OAuth token endpoint (client-credentials grant). */
export const ACCESS_GRANT_PATH = '/oauth/oauth20/token';
export const TOKEN_OPERATION_ID = 'get-accesstoken';

type Routing =
	| { kind: 'token' }
	| {
			kind: 'operation';
			operation: ReturnType<OpenAPIBackend['router']['matchOperation']> & object;
	  }
	| { kind: 'notFound' }
	| { kind: 'methodNotAllowed' };

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined)
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of params) {
		const existing = out[key];
		out[key] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return out;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(raw));
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Apigee-style opaque access token: 28 alphanumerics. */
function newAccessToken(): string {
	return Array.from(randomBytes(28), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

export class XiSimulator {
	readonly options: Required<SimulatorOptions>;
	/** Every request, token requests and faulted ones included, in arrival order. */
	readonly requests: RecordedRequest[] = [];
	/** Every access token issued, in order (expired ones included). */
	readonly issuedTokens: string[] = [];

	private readonly server: http.Server;
	private readonly tokenExpiry = new Map<string, number>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private fault: Fault | null = null;
	private latencyMs: number;
	private store: XiData;
	private rng: Rng;

	private constructor(
		options: SimulatorOptions,
		private readonly api: OpenAPIBackend,
	) {
		this.options = {
			port: options.port ?? 0,
			latencyMs: options.latencyMs ?? 0,
			tokenTtlSeconds: options.tokenTtlSeconds ?? SIM_DEFAULTS.tokenTtlSeconds,
			validate: options.validate ?? true,
			clientId: options.clientId ?? SIM_DEFAULTS.clientId,
			clientSecret: options.clientSecret ?? SIM_DEFAULTS.clientSecret,
			customerNumber: options.customerNumber ?? SIM_DEFAULTS.customerNumber,
			extraOrders: options.extraOrders ?? 0,
		};
		this.latencyMs = this.options.latencyMs;
		this.store = seedData(this.options.extraOrders);
		this.rng = new Rng(SEED + 1);
		this.server = http.createServer((req, res) => void this.handle(req, res));
	}

	static async start(options: SimulatorOptions = {}): Promise<XiSimulator> {
		const simulator = new XiSimulator(options, await xiBackend());
		await new Promise<void>((resolve, reject) => {
			simulator.server.once('error', reject);
			simulator.server.listen(simulator.options.port, '127.0.0.1', () => resolve());
		});
		simulator.options.port = (simulator.server.address() as AddressInfo).port;
		return simulator;
	}

	/** `http://127.0.0.1:<port>`; the sandbox flavour is `${baseUrl}/sandbox`. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	/** The account's current data (seed plus whatever requests created); tests may inspect it. */
	get data(): XiData {
		return this.store;
	}

	/** The fault still armed, with its remaining `times`, or null. */
	get activeFault(): Fault | null {
		return this.fault ? { ...this.fault } : null;
	}

	count(filter: { operationId?: string; method?: string; path?: string | RegExp } = {}): number {
		return this.requests.filter(
			(r) =>
				(filter.operationId === undefined || r.operationId === filter.operationId) &&
				(filter.method === undefined || r.method === filter.method.toUpperCase()) &&
				(filter.path === undefined ||
					(typeof filter.path === 'string' ? r.path === filter.path : filter.path.test(r.path))),
		).length;
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	/** Arms one fault (replacing any other); null disarms. A fault with `times <= 0` is no fault. */
	setFault(fault: Fault | null): void {
		this.fault = fault && fault.times > 0 ? { ...fault } : null;
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	/** Every token issued so far becomes invalid: the next call with one gets 401. */
	expireAllTokens(): void {
		for (const token of this.tokenExpiry.keys()) this.tokenExpiry.set(token, 0);
	}

	/** Faults off, latency back to the start option, requests cleared, data back to the seed. Tokens stay valid. */
	/**
	 * Caps every search's page size below Ingram's 100 (null = back to 100), to model a service
	 * that pages smaller than asked; `recordsFound` still counts all matches.
	 */
	setMaxPageSize(size: number | null): void {
		for (const style of [PAGE_NUMBER_SIZE, PAGE_SIZE_LOWER, PAGE_SIZE_CAPITALISED])
			style.maxSize = size ?? 100;
	}

	reset(): void {
		this.setMaxPageSize(null);
		this.fault = null;
		this.latencyMs = this.options.latencyMs;
		this.clearRequests();
		this.store = seedData(this.options.extraOrders);
		this.rng = new Rng(SEED + 1);
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	// -------------------------------------------------------------------------------------------
	// Pipeline
	// -------------------------------------------------------------------------------------------

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		let record: RecordedRequest | undefined;
		try {
			const raw = await readBody(req);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const sandbox = url.pathname === '/sandbox' || url.pathname.startsWith('/sandbox/');
			const path = sandbox ? url.pathname.slice('/sandbox'.length) || '/' : url.pathname;
			const method = (req.method ?? 'GET').toUpperCase();
			const headers = flattenHeaders(req.headers);
			const query = parseQuery(url.searchParams);
			const routing = this.route(method, path, headers);

			record = {
				method,
				path,
				query,
				headers,
				body: parseBody(raw, headers['content-type']),
				operationId:
					routing.kind === 'token'
						? TOKEN_OPERATION_ID
						: routing.kind === 'operation'
							? routing.operation.operationId
							: undefined,
				status: 0,
				sandbox,
			};
			this.requests.push(record);

			const fault = this.takeFault(record);
			if (fault) {
				record.faulted = fault.mode;
				if (fault.mode === 'drop') {
					// No answer at all: the client sees a reset connection ("socket hang up").
					res.destroy();
					req.socket.destroy();
					return;
				}
				if (fault.mode === 'slow') await this.delay(fault.delayMs);
				else return await this.send(res, record, this.faultResponse(fault, record));
			}
			await this.send(res, record, this.respond(routing, record, raw));
		} catch {
			// A bug in a route: answer like Ingram's services do when they fail.
			const body = systemError(record?.operationId, record?.headers['im-correlationid']);
			if (record) await this.send(res, record, { status: 500, body });
			else if (!res.headersSent) res.writeHead(500).end();
		}
	}

	private route(method: string, path: string, headers: Record<string, string>): Routing {
		if (path.replace(/\/+$/, '') === ACCESS_GRANT_PATH) return { kind: 'token' };
		try {
			const operation = this.api.router.matchOperation(
				{ method: method.toLowerCase(), path, headers },
				true,
			);
			return operation ? { kind: 'operation', operation } : { kind: 'notFound' };
		} catch (error) {
			return String((error as Error).message).startsWith('405')
				? { kind: 'methodNotAllowed' }
				: { kind: 'notFound' };
		}
	}

	/** Token requests are never faulted unless the fault names `get-accesstoken`. */
	private takeFault(record: RecordedRequest): Fault | undefined {
		const fault = this.fault;
		if (!fault) return undefined;
		const isToken = record.operationId === TOKEN_OPERATION_ID;
		if (fault.operationId ? fault.operationId !== record.operationId : isToken) return undefined;
		if (fault.method && fault.method.toUpperCase() !== record.method) return undefined;
		fault.times -= 1;
		if (fault.times <= 0) this.fault = null;
		return fault;
	}

	private faultResponse(fault: Fault, record: RecordedRequest): RouteResponse {
		if (fault.mode === 'rateLimit') {
			const headers: Record<string, string> =
				fault.header === 'retry-after'
					? { 'Retry-After': String(fault.resetSeconds) }
					: {
							'X-RateLimit-Limit': '60',
							'X-RateLimit-Remaining': '0',
							'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + fault.resetSeconds),
						};
			return { status: 429, headers, body: TOO_MANY_REQUESTS };
		}
		if (fault.mode === 'status') {
			// 5xx from the services come in Ingram's errors shape; from the gateway in Apigee's.
			if (fault.status === 500) {
				return {
					status: 500,
					body:
						record.operationId === TOKEN_OPERATION_ID
							? APIGEE.tokenServerError
							: systemError(record.operationId, record.headers['im-correlationid']),
				};
			}
			return { status: fault.status, body: APIGEE[fault.status] };
		}
		if (fault.mode === 'answer')
			return { status: fault.status, body: fault.body, text: fault.text };
		throw new Error(`fault ${fault.mode} has no response`);
	}

	private respond(routing: Routing, record: RecordedRequest, raw: string): RouteResponse {
		const correlationId = record.headers['im-correlationid'];
		if (routing.kind === 'token') return this.token(record);
		if (routing.kind === 'notFound') {
			return {
				status: 404,
				body: ingramError(undefined, correlationId, {
					type: ERROR_TYPES.notFound,
					message: `No resource found for ${record.method} ${record.path}`,
					fields: [],
				}),
			};
		}
		if (routing.kind === 'methodNotAllowed') {
			return {
				status: 405,
				body: ingramError(undefined, correlationId, {
					type: ERROR_TYPES.methodNotAllowed,
					message: `Method ${record.method} is not allowed for ${record.path}`,
					fields: [],
				}),
			};
		}

		const operation = routing.operation;
		const operationId = operation.operationId as string;

		// 5. Authentication: the gateway answers 401 with an empty body.
		const bearer = /^Bearer\s+(\S+)$/i.exec(record.headers.authorization ?? '')?.[1];
		const expiresAt = bearer ? this.tokenExpiry.get(bearer) : undefined;
		if (expiresAt === undefined || expiresAt <= Date.now()) return { status: 401 };

		// 6. The customer number must be the one the app is registered to.
		const customerNumber = record.headers['im-customernumber'];
		if (customerNumber !== undefined && customerNumber !== this.options.customerNumber) {
			return { status: 500, body: APIGEE.invalidCustomerNumber };
		}

		// 7. Spec validation.
		const backendRequest = {
			method: record.method.toLowerCase(),
			path: record.path,
			query: record.query,
			headers: record.headers,
			body: raw || undefined,
		};
		const rawParams = this.api.router.parseRequest(backendRequest, operation).params as Record<
			string,
			string
		>;
		const params = Object.fromEntries(
			Object.entries(rawParams).map(([k, v]) => [k, decodeURIComponent(String(v))]),
		);
		if (this.options.validate) {
			const result = this.api.validator.validateRequest(backendRequest, operation);
			const errors = ((result.errors ?? []) as AjvError[]).filter(
				(e) => !isIgnorableValidationError(e),
			);
			const parameters = (operation.parameters ?? []).flatMap((p) =>
				'name' in p ? [{ name: p.name, in: p.in }] : [],
			);
			const fields = toIngramFields(
				errors,
				{ headers: record.headers, query: record.query, params, body: record.body },
				parameters.filter((p) => p.in === 'header').map((p) => p.name),
			);
			// Unknown query parameters are ignored, like the gateway does. One exception, a
			// simulator strictness: `keyword[]=a` / `keyword[0]=a` for a declared parameter is a
			// client serialising arrays the PHP/qs way; Ingram expects `keyword=a&keyword=b`.
			for (const key of Object.keys(record.query)) {
				const base = /^(.+)\[\d*\]$/.exec(key)?.[1];
				if (base && parameters.some((p) => p.in === 'query' && p.name === base)) {
					fields.push({
						field: key,
						value: record.query[key],
						message: `Array parameters are sent by repeating the name (${base}=a&${base}=b), not as ${key}`,
					});
				}
			}
			if (fields.length) {
				record.validationErrors = errors.length ? errors : fields;
				return { status: 400, body: validationFailed(operationId, correlationId, fields) };
			}
		}

		// 8. The operation itself.
		const route = ROUTES[operationId];
		if (!route)
			return {
				status: 501,
				body: ingramError(operationId, correlationId, {
					type: ERROR_TYPES.systemErrors,
					message: `${operationId} is not simulated`,
				}),
			};
		const request: RouteRequest = {
			operationId,
			method: record.method,
			path: record.path,
			params,
			query: record.query,
			headers: record.headers,
			body: record.body,
			correlationId,
		};
		const context: RouteContext = { data: this.store, rng: this.rng, now: () => new Date() };
		return route(request, context);
	}

	/**
	 * The OAuth token endpoint (Apigee): client credentials from the query string (GET, as the spec
	 * models it), a form body (POST, as the portal documents it) or HTTP Basic auth.
	 */
	private token(record: RecordedRequest): RouteResponse {
		if (record.method !== 'GET' && record.method !== 'POST')
			return { status: 405, body: { message: `Method ${record.method} not allowed` } };
		const params: Record<string, string | undefined> = {};
		for (const [key, value] of Object.entries(record.query))
			params[key] = Array.isArray(value) ? value[0] : value;
		if (
			record.method === 'POST' &&
			record.body &&
			typeof record.body === 'object' &&
			(record.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
		) {
			Object.assign(params, record.body);
		}
		const basic = /^Basic\s+(\S+)$/i.exec(record.headers.authorization ?? '')?.[1];
		if (basic && !params.client_id) {
			const [id, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
			params.client_id = id;
			params.client_secret = secret.join(':');
		}
		if (!params.grant_type)
			return { status: 400, body: { message: 'Required param : grant_type' } };
		if (params.grant_type !== 'client_credentials')
			return { status: 400, body: { message: `Unsupported grant type : ${params.grant_type}` } };
		if (
			params.client_id !== this.options.clientId ||
			params.client_secret !== this.options.clientSecret
		) {
			return { status: 401, body: APIGEE.invalidClient };
		}
		const token = newAccessToken();
		this.tokenExpiry.set(token, Date.now() + this.options.tokenTtlSeconds * 1000);
		this.issuedTokens.push(token);
		// expires_in is a string: the spec types it so.
		return {
			status: 200,
			body: {
				access_token: token,
				token_type: 'Bearer',
				expires_in: String(this.options.tokenTtlSeconds),
			},
		};
	}

	private async send(
		res: http.ServerResponse,
		record: RecordedRequest,
		response: RouteResponse,
	): Promise<void> {
		record.status = response.status;
		if (this.latencyMs > 0) await this.delay(this.latencyMs);
		if (res.destroyed) return;
		const headers: Record<string, string> = { ...response.headers };
		let payload = '';
		if (response.text) {
			payload = response.text.content;
			headers['Content-Type'] = response.text.contentType;
		} else if (response.body !== undefined && response.status !== 204) {
			payload = JSON.stringify(response.body);
			headers['Content-Type'] = 'application/json';
		}
		headers['Content-Length'] = String(Buffer.byteLength(payload));
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}
