/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A stand-in for n8n's webhook endpoint, on 127.0.0.1, for trigger nodes of this package.
 *
 * Static data is kept the way n8n 2.41.1 keeps it (checked against a real server by
 * test/e2e/trigger.e2e.ts): every request loads the workflow's static data afresh from the
 * "database"; changes `webhook()` makes are saved only when it starts no execution (n8n discards them
 * otherwise, see `WorkflowRunner.establishContextForPersistence`); an execution reloads static data
 * and saves what it changed when it ends. One stand-in is one workflow; the jest process is one n8n
 * process (a restart cannot be modelled here: that case is tested in the real server).
 *
 * It does what n8n's webhook service does with a POST to a production webhook URL, using n8n-core's
 * own pieces: the body is read raw (kept as `rawBody`) and parsed as JSON (422 when it does not
 * parse, as n8n answers), the node's `webhook()` runs
 * in a real WebhookContext, and when it returns workflow data a real WorkflowExecute run starts with
 * those items as the trigger's output. The HTTP answer follows n8n's rules (`noWebhookResponse`,
 * `webhookResponse`, "Webhook call received", "Workflow was started"). Unlike n8n it answers after
 * the execution finished, so tests can assert on executions as soon as the POST returns.
 * Activation and deactivation run the node's webhookMethods in a real HookContext.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import * as n8nCore from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';

import {
	additionalDataFor,
	executeWorkflow,
	TestCredentialsHelper,
	type CredentialStore,
	type LoadedPackage,
	deduplicationStore,
} from './harness';

const { HookContext, WebhookContext } = n8nCore;
const { Workflow } = n8nWorkflow;

export interface WebhookStandInOptions {
	pkg: LoadedPackage;
	/** Node type name without the package prefix. */
	type: string;
	parameters: INodeParameters;
	credentials: CredentialStore;
	/** 'webhook' = a production URL of an active workflow; 'manual' = "Listen for test event". */
	mode?: Extract<WorkflowExecuteMode, 'webhook' | 'manual'>;
}

/** One execution the webhook started: the trigger's output items. */
export interface StartedExecution {
	items: INodeExecutionData[];
	run: IRun;
}

/** An Express-like response over node's ServerResponse: what nodes call on getResponseObject(). */
function expressLikeResponse(res: http.ServerResponse) {
	const response = {
		get headersSent() {
			return res.headersSent;
		},
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return response;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return response;
		},
		send(body: unknown) {
			if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body))
				return response.json(body);
			res.end(body as string | Buffer | undefined);
			return response;
		},
		end(body?: string | Buffer) {
			res.end(body);
			return response;
		},
	};
	return response;
}

export class WebhookStandIn {
	readonly executions: StartedExecution[] = [];
	/** Every HTTP answer given, in order. */
	readonly answers: Array<{ status: number; body: string }> = [];
	readonly node: INode;
	private readonly workflowId: string;
	/** The workflow's static data as n8n's database holds it (JSON, saved copies only). */
	private persisted: IDataObject = {};
	private readonly credentialsHelper: TestCredentialsHelper;
	private static created = 0;

	private constructor(
		private readonly options: WebhookStandInOptions,
		private readonly server: http.Server,
		readonly baseUrl: string,
	) {
		this.node = {
			id: 'trigger-under-test',
			name: 'Trigger',
			type: `${options.pkg.packageName}.${options.type}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'c0ffee00-1234-4abc-9def-000000000001',
			parameters: options.parameters,
			credentials: Object.fromEntries(
				Object.keys(options.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
			),
		};
		this.workflowId = `webhook-workflow-${++WebhookStandIn.created}`;
		this.credentialsHelper = new TestCredentialsHelper(
			options.pkg.credentialTypes,
			options.credentials,
		);
	}

	static async start(options: WebhookStandInOptions): Promise<WebhookStandIn> {
		// n8n's deduplication table, which the trigger's first step writes to (in memory here)
		await deduplicationStore();
		const holder: { standIn?: WebhookStandIn } = {};
		const server = http.createServer((req, res) => {
			void holder.standIn!.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: error.message }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		holder.standIn = new WebhookStandIn(options, server, `http://127.0.0.1:${port}/webhook`);
		return holder.standIn;
	}

	/** A workflow object as n8n builds one for each request or execution: static data from the database. */
	private loadWorkflow(): InstanceType<typeof Workflow> {
		return new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			nodeTypes: this.options.pkg.nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(this.persisted)) as IDataObject,
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: writes only when something changed. */
	private saveIfChanged(workflow: InstanceType<typeof Workflow>): void {
		if (workflow.staticData.__dataChanged === true) this.save(workflow.staticData);
	}

	private save(staticData: IDataObject): void {
		this.persisted = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	}

	private get nodeType(): INodeType {
		return this.options.pkg.nodeTypes.getByNameAndVersion(this.node.type, 1) as INodeType;
	}

	private additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return { ...additionalDataFor(this.credentialsHelper, undefined, this.baseUrl), ...extra };
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const webhookDescription = this.nodeType.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: String(webhookDescription.path),
			webhookDescription,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		};
	}

	/** The production URL n8n shows for this node (and the one to paste into Ingram's portal). */
	get url(): string {
		return `${this.baseUrl}/${this.node.webhookId}/${String(this.nodeType.description.webhooks![0].path)}`;
	}

	/** Static data of the trigger node as saved in n8n's database (changes here are saved too). */
	get staticData(): IDataObject {
		const key = `node:${this.node.name}`;
		this.persisted[key] ??= {};
		return this.persisted[key] as IDataObject;
	}

	/** n8n activating the workflow: checkExists, then create when it said false. */
	async activate(): Promise<{ existed: boolean; created: boolean | undefined }> {
		const methods = this.nodeType.webhookMethods!.default!;
		const additionalData = this.additionalData();
		const workflow = this.loadWorkflow();
		const context = new HookContext(
			workflow,
			this.node,
			additionalData,
			'trigger',
			'activate',
			this.webhookData(additionalData),
		);
		const existed = await methods.checkExists.call(context);
		const created = existed ? undefined : await methods.create.call(context);
		this.saveIfChanged(workflow);
		return { existed, created };
	}

	/** n8n deactivating the workflow. */
	async deactivate(): Promise<boolean> {
		const methods = this.nodeType.webhookMethods!.default!;
		const additionalData = this.additionalData();
		const workflow = this.loadWorkflow();
		const context = new HookContext(
			workflow,
			this.node,
			additionalData,
			'trigger',
			'activate',
			this.webhookData(additionalData),
		);
		const deleted = await methods.delete.call(context);
		this.saveIfChanged(workflow);
		return deleted;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		if (req.method !== 'POST' || req.url?.split('?')[0] !== new URL(this.url).pathname) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		// Like n8n's body parser: JSON is parsed before the node runs; a body that does not parse is
		// answered 422 by n8n itself, and an empty body becomes {}.
		let body: unknown = {};
		const contentType = String(req.headers['content-type'] ?? '');
		if (rawBody.length && contentType.startsWith('text/plain')) body = rawBody.toString('utf8');
		if (rawBody.length && contentType.includes('json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				res.writeHead(422, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body' }));
				this.answers.push({ status: 422, body: 'Failed to parse request body' });
				return;
			}
		}
		const request = {
			method: 'POST',
			url: req.url,
			headers: req.headers,
			query: {},
			params: {},
			body,
			rawBody,
		};
		const response = expressLikeResponse(res);
		const finish = res.end.bind(res);
		res.end = ((...args: Parameters<typeof res.end>) => {
			this.answers.push({
				status: res.statusCode,
				body: args[0] === undefined ? '' : String(args[0]),
			});
			return finish(...args);
		}) as typeof res.end;

		const additionalData = this.additionalData({
			httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const mode = this.options.mode ?? 'webhook';
		const workflow = this.loadWorkflow();
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			mode,
			this.webhookData(additionalData),
			[],
			null,
		);
		const result = await this.nodeType.webhook!.call(context as unknown as IWebhookFunctions);

		if (result.workflowData === undefined) {
			this.saveIfChanged(workflow);
			if (result.noWebhookResponse) {
				if (!res.writableEnded) res.end();
				return;
			}
			response.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		// An execution starts: what webhook() changed is not saved, and the execution reloads static
		// data; n8n saves its changes when it ends (never in manual mode).
		const run = await executeWorkflow(
			this.loadWorkflow(),
			this.node,
			result.workflowData,
			this.credentialsHelper,
			mode,
			(changed) => {
				if (mode !== 'manual') this.save(changed);
			},
		);
		const items = run.data.resultData.runData[this.node.name]?.[0]?.data?.main?.[0] ?? [];
		this.executions.push({ items, run });
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.end();
			return;
		}
		response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
