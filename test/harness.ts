/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Runs this package's nodes inside n8n-core's real WorkflowExecute, loaded from dist/ by n8n-core's
 * own PackageDirectoryLoader (the way an n8n instance loads a community package), with a credentials
 * helper that behaves like n8n's: it resolves credential defaults, runs preAuthentication when the
 * expirable token is empty or was refused, and persists the token between executions.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';

// n8n-core and the compiled nodes use n8n-workflow's CommonJS build; jest with ts-jest compiles
// this file to CommonJS too, so there is exactly one copy of every class (instanceof works).
import * as n8nCore from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';

const { ICredentialsHelper, NodeHelpers, Workflow } = n8nWorkflow;
const { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } = n8nCore;

/** The package to load; N8N_INGRAM_PACKAGE_DIR lets a developer test a build made elsewhere. */
export const PACKAGE_DIR = process.env.N8N_INGRAM_PACKAGE_DIR ?? path.resolve(__dirname, '..');
export const CREDENTIAL_TYPE = 'ingramMicroOAuth2Api';

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/** A credentials helper with the behaviour of n8n's CLI CredentialsHelper that matters to nodes. */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** How often n8n asked for preAuthentication (a token fetch), per credential type. */
	preAuthenticationCalls = 0;

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly store: CredentialStore,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.types[name]?.extends ?? [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate) throw new Error('This harness only supports function-style authenticate');
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	) {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// Same rule as n8n: fetch when the stored token is empty or the server refused it.
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		this.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		this.store[typeName] = { ...this.store[typeName], ...output } as ICredentialDataDecryptedObject;
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	) {
		const type = this.type(typeName);
		return typeof type.preAuthentication === 'function'
			? ((await type.preAuthentication.call(
					helpers,
					credentials,
				)) as ICredentialDataDecryptedObject)
			: undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the engine paths under test');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	) {
		// As n8n's CredentialsHelper.applyDefaultsAndOverwrites: the stored values through
		// getNodeParameters, which fills in defaults and drops fields the form does not display
		// for these values (e.g. an SFTP-only field of an FTP credential); the token is kept.
		const stored = this.store[type] ?? {};
		const data = NodeHelpers.getNodeParameters(
			this.type(type).properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;
		return data;
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store[type] = { ...this.store[type], ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store[type] = { ...this.store[type], oauthTokenData: data.oauthTokenData };
	}
}

export type LoadedPackage = Awaited<ReturnType<typeof loadPackage>>;

/** Loads dist/ through n8n-core's PackageDirectoryLoader: a wrong path or class name fails here as in n8n. */
export async function loadPackage(packageDir = PACKAGE_DIR) {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	// one process and an in-memory store: no other writer can replace a claim, so the wait for one
	// (1.5 s in n8n) is shortened; test/claims.test.ts covers the protocol with competing writers
	const claims = path.join(packageDir, 'dist', 'nodes', 'shared', 'claims.js');
	if (existsSync(claims))
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require(claims) as { CLAIM_TIMING: { settleMs: number } }).CLAIM_TIMING.settleMs = 5;
	const packageName = loader.packageName;
	const nodeTypes: INodeTypes = {
		getByName(type: string): INodeType | IVersionedNodeType {
			const name = type.startsWith(`${packageName}.`) ? type.slice(packageName.length + 1) : type;
			const entry = loader.nodeTypes[name];
			if (!entry) throw new Error(`Unrecognized node type: ${type}`);
			return entry.type;
		},
		getByNameAndVersion(type: string, version?: number): INodeType {
			return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
		},
		getKnownTypes: () => ({}),
	} as INodeTypes;
	const credentialTypes = Object.fromEntries(
		Object.entries(loader.credentialTypes).map(([name, entry]) => [name, entry.type]),
	) as Record<string, ICredentialType>;
	return { loader, packageName, nodeTypes, credentialTypes };
}

/** What n8n passes to every node context of an execution (`webhookBaseUrl` decides webhook URLs). */
export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks?: InstanceType<typeof ExecutionLifecycleHooks>,
	webhookBaseUrl = 'http://localhost:5678/webhook',
) {
	return {
		credentialsHelper,
		hooks,
		executionId: 'test-exec',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl,
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: '',
		formWaitingBaseUrl: '',
		formTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		currentNodeExecutionIndex: 0,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRunResult {
	run: IRun;
	/** Items of the node's first output. */
	items: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error: (Error & IDataObject) | undefined;
	credentialsHelper: TestCredentialsHelper;
}

export interface RunNodeOptions {
	pkg: LoadedPackage;
	/** Node type name without the package prefix, e.g. `ingramMicro`. */
	type?: string;
	parameters: INodeParameters;
	/** Stored credential data; shared across runs to model n8n's persisted token. */
	credentials: CredentialStore;
	input?: INodeExecutionData[];
	/** n8n's "On Error" node setting. */
	onError?: INode['onError'];
	nodeName?: string;
	/** The node version a workflow saved it with (default 1). */
	typeVersion?: number;
	/** The id of the workflow the node is in (n8n keys deduplication data by it). */
	workflowId?: string;
}

/** The node refers to every credential type in the store (the store decides which API the test uses). */
const nodeCredentials = (store: CredentialStore): INode['credentials'] =>
	Object.fromEntries(Object.keys(store).map((type) => [type, { id: `cred-${type}`, name: type }]));

/** Runs one node as the start of a real workflow execution and returns its output. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const nodeName = options.nodeName ?? 'Ingram Micro';
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: `${options.pkg.packageName}.${options.type ?? 'ingramMicro'}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: nodeCredentials(options.credentials),
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow: WorkflowType = new Workflow({
		id: options.workflowId ?? 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: options.pkg.nodeTypes,
		active: false,
	});
	const credentialsHelper = new TestCredentialsHelper(
		options.pkg.credentialTypes,
		options.credentials,
	);
	const run = await executeWorkflow(
		workflow,
		node,
		[options.input ?? [{ json: {} }]],
		credentialsHelper,
		'manual',
	);
	const items = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return {
		run,
		items,
		error: run.data.resultData.error as NodeRunResult['error'],
		credentialsHelper,
	};
}

/**
 * One execution of `workflow` in n8n-core's WorkflowExecute, starting at `startNode` with `main` as
 * its input — for a trigger, the items its webhook() returned, which n8n passes through unchanged.
 */
export async function executeWorkflow(
	workflow: WorkflowType,
	startNode: INode,
	main: INodeExecutionData[][],
	credentialsHelper: TestCredentialsHelper,
	mode: 'manual' | 'webhook',
	/** Called when the run ends with the static data n8n would save (only when it changed). */
	onStaticDataChanged?: (staticData: IDataObject) => void,
): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks(mode, 'test-exec', { id: workflow.id } as never);
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
		if (newStaticData && onStaticDataChanged) onStaticDataChanged(newStaticData);
		finished(run);
	});
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks),
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return await done;
}

/**
 * The context n8n gives `methods.listSearch` / `loadOptions` while the user edits a node (n8n-core's
 * LoadOptionsContext), for a node with these parameters and credentials.
 */
export function loadOptionsContext(
	pkg: LoadedPackage,
	parameters: INodeParameters,
	credentials: CredentialStore,
	type = 'ingramMicro',
) {
	const node: INode = {
		id: 'node-being-edited',
		name: 'Ingram Micro',
		type: `${pkg.packageName}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: nodeCredentials(credentials),
	};
	const workflow = new Workflow({
		id: 'edited-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: false,
	});
	const credentialsHelper = new TestCredentialsHelper(pkg.credentialTypes, credentials);
	const context = new n8nCore.LoadOptionsContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper),
		'',
	);
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	return { context, nodeType, credentialsHelper };
}

/**
 * What n8n 2.41.1's "Test" button does for a credential with a test request and preAuthentication
 * (`CredentialsTester.runRequestTest` through n8n-core's `httpRequestWithAuthentication`): the
 * token is fetched only when none is stored; the test request goes out authenticated; a 401 makes
 * n8n fetch a token once more and resend. The verdict is n8n's: a thrown error's message, a
 * `responseCode` rule's message, the status text, or "Connection successful!". (Checked against a
 * real server in test/e2e/credential.e2e.ts.)
 */
export async function testCredential(
	pkg: LoadedPackage,
	data: ICredentialDataDecryptedObject,
	credentialType = CREDENTIAL_TYPE,
): Promise<{ status: 'OK' | 'Error'; message: string; tokenFetches: number }> {
	const type = pkg.credentialTypes[credentialType];
	const defaults = Object.fromEntries(type.properties.map((p) => [p.name, p.default]));
	const credentials = { ...defaults, ...data } as ICredentialDataDecryptedObject;
	const test = type.test!;
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: false,
	});
	const node = {
		name: 'Credential Test',
		type: 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as unknown as INode;
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				)
			: value;
	const { httpRequest } = await import('./httpRequest');
	const helpers = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
	let tokenFetches = 0;
	const fetchToken = async () => {
		tokenFetches++;
		Object.assign(credentials, await type.preAuthentication!.call(helpers, credentials));
	};
	const send = async () => {
		const options = await (
			type.authenticate as (
				c: ICredentialDataDecryptedObject,
				o: IHttpRequestOptions,
			) => Promise<IHttpRequestOptions>
		)(credentials, {
			baseURL: resolve(test.request.baseURL) as string,
			url: test.request.url ?? '',
			method: test.request.method ?? 'GET',
			qs: test.request.qs,
			headers: test.request.headers,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		return (await httpRequest(options)) as { statusCode: number; statusMessage?: string };
	};
	// n8n-core's rule: a 401 (an answer, or an error shaped like one) fetches a token once more
	const sendOr401 = async () => {
		try {
			return await send();
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status === 401)
				return { statusCode: 401 };
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- mirrors n8n-core, which rethrows what is not a 401
			throw error;
		}
	};
	try {
		if (!credentials.accessToken) await fetchToken();
		let response: { statusCode: number; statusMessage?: string } = await sendOr401();
		if (response.statusCode === 401) {
			await fetchToken();
			response = await send();
		}
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return { status: 'OK', message: 'Connection successful!', tokenFetches };
		}
		const rule = (test.rules ?? []).find(
			(r) =>
				r.type === 'responseCode' &&
				(r.properties as { value: number }).value === response.statusCode,
		);
		const message = rule
			? (rule.properties as { message: string }).message
			: response.statusMessage || `Received HTTP status code: ${response.statusCode}`;
		return { status: 'Error', message, tokenFetches };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message, tokenFetches };
	}
}

export const outputJson = (result: NodeRunResult) => result.items.map((item) => item.json);

/**
 * n8n's deduplication store (what `this.helpers.checkProcessedAndRecord` and friends use), kept in
 * memory with the semantics of n8n 2.41's DB-backed DeduplicationHelper: per workflow id and
 * context (`n:<node id>` for scope node, '' for scope workflow), entries hashed, a read-modify-write
 * of the whole list (`processed` is decided against the list as it was before the call, so two
 * equal keys in one call both count as new), and maxEntries keeping the newest.
 */
export class InMemoryDeduplicator {
	readonly rows = new Map<string, string[]>();

	private key(scope: string, contextData: { workflow: { id?: string }; node?: { id: string } }) {
		const context = scope === 'node' ? `n:${contextData.node?.id}` : '';
		return `${contextData.workflow.id}|${context}`;
	}

	private hash(value: string | number) {
		return createHash('md5').update(value.toString()).digest('base64');
	}

	async checkProcessedAndRecord(
		items: Array<string | number>,
		scope: string,
		contextData: { workflow: { id?: string }; node?: { id: string } },
		options: { mode: string; maxEntries?: number },
	) {
		if (!contextData.workflow.id) throw new Error('deduplication needs a saved workflow');
		const key = this.key(scope, contextData);
		const stored = this.rows.get(key);
		const before = new Set(stored ?? []);
		const data = [...(stored ?? [])];
		const result = { new: [] as Array<string | number>, processed: [] as Array<string | number> };
		for (const item of items) {
			const hashed = this.hash(item);
			if (before.has(hashed)) result.processed.push(item);
			else {
				result.new.push(item);
				data.push(hashed);
			}
		}
		if (options.maxEntries) data.splice(0, Math.max(0, data.length - options.maxEntries));
		this.rows.set(key, data);
		return result;
	}

	async removeProcessed(
		items: Array<string | number>,
		scope: string,
		contextData: { workflow: { id?: string }; node?: { id: string } },
	) {
		const data = this.rows.get(this.key(scope, contextData));
		if (!data) return;
		for (const item of items) {
			const index = data.indexOf(this.hash(item));
			if (index !== -1) data.splice(index, 1);
		}
	}

	async clearAllProcessedItems(
		scope: string,
		contextData: { workflow: { id?: string }; node?: { id: string } },
	) {
		this.rows.delete(this.key(scope, contextData));
	}

	async getProcessedDataCount(
		scope: string,
		contextData: { workflow: { id?: string }; node?: { id: string } },
	) {
		return this.rows.get(this.key(scope, contextData))?.length ?? 0;
	}
}

let deduplicator: InMemoryDeduplicator | undefined;

/** The process-wide deduplication store (n8n's service is a singleton initialised once). */
export async function deduplicationStore(): Promise<InMemoryDeduplicator> {
	if (!deduplicator) {
		deduplicator = new InMemoryDeduplicator();
		await n8nCore.DataDeduplicationService.init(deduplicator as never);
	}
	return deduplicator;
}
