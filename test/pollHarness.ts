/**
 * A polling trigger as n8n 2.41.1 runs it (classic scheduling, durable poll cursors off): one
 * Workflow object per activation whose node static data lives on between polls in the process,
 * and a *saved* copy in "the database" that n8n writes after the activation poll and whenever a
 * poll emits items (`__emit` → saveStaticData) — not when a poll returns null or throws. restart()
 * starts again from the saved copy, as a new process does.
 */
import * as n8nCore from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

import {
	additionalDataFor,
	TestCredentialsHelper,
	type CredentialStore,
	type LoadedPackage,
} from './harness';

const { Workflow } = n8nWorkflow;
const { PollContext } = n8nCore;

export class PollHarness {
	/** What n8n saved in the database. */
	saved: IDataObject = {};
	private workflow!: InstanceType<typeof Workflow>;
	private readonly node: INode;

	constructor(
		private readonly pkg: LoadedPackage,
		type: string,
		parameters: INodeParameters,
		private readonly credentials: CredentialStore,
		private readonly workflowId = 'poll-workflow',
	) {
		this.node = {
			id: 'poll-node',
			name: 'Trigger',
			type: `${pkg.packageName}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(
				Object.keys(credentials).map((name) => [name, { id: `cred-${name}`, name }]),
			),
		};
		this.restart();
	}

	/** A new process: the workflow comes from the database with the saved static data. */
	restart(): void {
		this.workflow = new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			nodeTypes: this.pkg.nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(this.saved)) as IDataObject,
		});
	}

	private async run(mode: WorkflowExecuteMode, activation: WorkflowActivateMode) {
		const nodeType = this.pkg.nodeTypes.getByNameAndVersion(this.node.type, 1) as INodeType;
		const additionalData = additionalDataFor(
			new TestCredentialsHelper(this.pkg.credentialTypes, this.credentials),
		);
		const context = new PollContext(this.workflow, this.node, additionalData, mode, activation);
		return await nodeType.poll!.call(context);
	}

	private save() {
		this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/** The poll n8n runs when the workflow is activated; its static data is saved. */
	async activate(): Promise<INodeExecutionData[] | null> {
		const result = await this.run('trigger', 'activate');
		this.save();
		return result?.[0] ?? null;
	}

	/** A scheduled poll: static data saved only when it emits items. */
	async poll(): Promise<INodeExecutionData[] | null> {
		const result = await this.run('trigger', 'update');
		if (result !== null) this.save();
		return result?.[0] ?? null;
	}

	/** "Fetch Test Event" in the editor. */
	async fetchTestEvent(): Promise<INodeExecutionData[] | null> {
		const result = await this.run('manual', 'manual');
		return result?.[0] ?? null;
	}
}
