import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { foldersFor } from '../IngramContent/actions/replies/getMany';
import { acknowledgements, invoices, shipNotices } from '../IngramContent/actions/replies/kinds';
import { patternToRegExp, type ReplyKind } from '../IngramContent/actions/replies/replyKinds';
import { cdfConnectionTest } from '../IngramContent/methods/credentialTest';
import {
	accountSettings,
	CdfTransferError,
	connectionSettings,
	withCdfSession,
} from '../IngramContent/transport';
import { pollInventoryDeltas } from './inventoryDeltas';
import { newestFileItems, pollFiles, type PollMemory } from './pollFiles';

const KINDS: Record<string, ReplyKind> = {
	acknowledgement: acknowledgements,
	shipment: shipNotices,
	invoice: invoices,
};

export class IngramContentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ingram Content Trigger',
		name: 'ingramContentTrigger',
		icon: {
			light: 'file:../../icons/ingramContent.svg',
			dark: 'file:../../icons/ingramContent.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "New " + $parameter["event"] + "s" }}',
		description:
			'Starts a workflow when Ingram Content leaves a new acknowledgement, ship notice or invoice on the CDF host',
		defaults: { name: 'Ingram Content Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ingramContentCdfApi', required: true, testedBy: 'cdfConnectionTest' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Acknowledgement',
						value: 'acknowledgement',
						description:
							'Ingram accepted, partly accepted or rejected an order (.fbc): one item per PO',
					},
					{
						name: 'New Invoice',
						value: 'invoice',
						description: 'An invoice (.BIN): one item per invoice',
					},
					{
						name: 'New Inventory Delta',
						value: 'inventoryDelta',
						description:
							'A new StockV2 delta file (stockv2delta…@ingram.zip): one item per title that changed',
					},
					{
						name: 'New Shipment',
						value: 'shipment',
						description: 'An advance ship notice (.PBS): one item per shipped order, with tracking',
					},
				],
				default: 'acknowledgement',
			},
			{
				displayName: 'Only Partial or Rejected',
				name: 'onlyProblems',
				type: 'boolean',
				default: false,
				description: 'Whether to start only for POs Ingram did not accept in full',
				displayOptions: { show: { event: ['acknowledgement'] } },
			},
			{
				displayName: 'EANs / ISBNs',
				name: 'eans',
				type: 'string',
				default: '',
				description:
					'Only these titles (comma-separated, e.g. the titles your shop sells); empty: every title in the delta',
				displayOptions: { show: { event: ['inventoryDelta'] } },
			},
			{
				displayName: 'Location Name',
				name: 'locationName',
				type: 'string',
				default: 'Ingram Content',
				description: 'Put into every title as `location` (Order Desk’s “Inventory Location Name”)',
				displayOptions: { show: { event: ['inventoryDelta'] } },
			},
			{
				displayName: 'Folder',
				name: 'folder',
				type: 'options',
				options: [
					{
						name: 'From Credential Environment',
						value: 'environment',
						description: 'Test folder for the Test environment, outgoing folder for Production',
					},
					{ name: 'Outgoing', value: 'outgoing' },
					{ name: 'Test', value: 'test' },
					{ name: 'Both', value: 'both' },
				],
				default: 'environment',
				displayOptions: { hide: { event: ['inventoryDelta'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'File Name Pattern',
						name: 'pattern',
						type: 'string',
						default: '',
						placeholder: '*.fbc',
						description:
							'Which files to watch (* any characters, ? one); empty: the usual extension of the event',
					},
					{
						displayName: 'Include Existing Files',
						name: 'includeExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation also starts for files that were already there',
					},
				],
			},
		],
	};

	methods = { credentialTest: { cdfConnectionTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (event === 'inventoryDelta') return await pollInventoryDeltas.call(this);
		const kind = KINDS[event];
		if (!kind) throw new NodeOperationError(this.getNode(), `Unknown event "${event}"`);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials('ingramContentCdfApi');
		const account = accountSettings(credentials);
		const folders = foldersFor(account, this.getNodeParameter('folder', 'environment') as string);
		const pattern = patternToRegExp(String(options.pattern || kind.pattern));
		const onlyProblems =
			event === 'acknowledgement' && this.getNodeParameter('onlyProblems', false) === true;
		const keep = (item: IDataObject) =>
			!onlyProblems || item.outcome === 'partial' || item.outcome === 'rejected';

		let result: IDataObject[] | undefined;
		let failure: unknown;
		try {
			result = await withCdfSession(connectionSettings(credentials), async (session) => {
				if (this.getMode() === 'manual') {
					return (await newestFileItems(session, kind, folders, pattern)).filter(keep);
				}
				const memory = this.getWorkflowStaticData('node') as PollMemory;
				const outcome = await pollFiles(session, kind, folders, pattern, memory, {
					includeExisting: options.includeExisting === true,
					keep,
				});
				memory.initialised = outcome.memory.initialised;
				memory.seen = outcome.memory.seen;
				for (const { fileName, reason } of outcome.deferred) {
					this.logger.info(`Ingram Content Trigger: ${fileName} left for the next poll: ${reason}`);
				}
				return outcome.items;
			});
		} catch (error) {
			failure = error;
		}
		if (failure instanceof CdfTransferError) {
			throw new NodeOperationError(
				this.getNode(),
				`Polling Ingram's ${kind.label} files failed: ${failure.message}`,
				{
					description: `${failure.description}\nNothing was marked as read: the next poll looks again.`,
				},
			);
		}
		if (failure) throw new NodeOperationError(this.getNode(), failure as Error);
		if (!result?.length) {
			if (this.getMode() === 'manual') {
				throw new NodeOperationError(
					this.getNode(),
					`No ${kind.label} files in ${folders.join(' or ')} yet`,
					{
						description:
							'Send a test order first; Ingram answers within minutes (the simulator at once).',
					},
				);
			}
			return null;
		}
		return [this.helpers.returnJsonArray(result)];
	}
}
