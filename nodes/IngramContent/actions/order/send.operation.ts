import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { errorJson, rethrowForItem } from '../../../shared/itemErrors';
import {
	CdfTransferError,
	connectionSettings,
	deliverFile,
	DeliveryFailed,
	openCdfSession,
	type CdfSession,
} from '../../transport';
import { fileGroupingField, ordersPerFile } from './fileOptions';
import { orderFields } from './fields';
import {
	inFiles,
	newOrderFileName,
	orderFileContent,
	orderSummary,
	prepareOrders,
	readAccount,
	type PreparedOrder,
} from './prepare';
import { claim, confirmDelivered, confirmedOf, release, sentKey } from './sentRegister';

const properties: INodeProperties[] = [
	...orderFields,
	fileGroupingField,
	{
		displayName: 'Allow Resend',
		name: 'allowResend',
		type: 'boolean',
		default: false,
		description:
			'Whether to send a PO that this workflow has already sent. Ingram cannot cancel or change an order once received: a resend ships and bills it again.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['send'] } },
	properties,
);

type Outcome = { json: IDataObject } | { error: NodeOperationError };

/**
 * Sends each input item as an order: all are checked first (nothing is sent if one is wrong and
 * the node does not continue on fail), then each PO is claimed in the sent register, written into
 * files and uploaded. A PO stays claimed unless its upload provably did not reach Ingram.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const account = await readAccount.call(this);
	const settings = connectionSettings(await this.getCredentials('ingramContentCdfApi'));
	const prepared = prepareOrders.call(this, items, account);
	const outcomes = new Map<number, Outcome>();
	const fail = (entry: PreparedOrder, message: string, description: string) =>
		outcomes.set(entry.itemIndex, {
			error: new NodeOperationError(this.getNode(), `${message} [item ${entry.itemIndex}]`, {
				itemIndex: entry.itemIndex,
				description,
			}),
		});

	const firstError = () =>
		[...outcomes.values()].find((o): o is { error: NodeOperationError } => 'error' in o)!.error;

	for (const entry of prepared)
		if (entry.error) outcomes.set(entry.itemIndex, { error: entry.error });
	if (outcomes.size > 0 && !this.continueOnFail()) throw firstError();

	// -- never twice ------------------------------------------------------------------------
	const ready = prepared.filter((entry) => entry.order);
	const keyOf = (entry: PreparedOrder) =>
		sentKey(account.environment, account.shipToAccount, entry.order!.poNumber);
	const allowResend = this.getNodeParameter('allowResend', 0, false) === true;
	let alreadySent: Set<string>;
	try {
		alreadySent = await claim.call(this, ready.map(keyOf));
	} catch (error) {
		throw notRecorded(this, error);
	}
	const toSend = allowResend ? ready : ready.filter((entry) => !alreadySent.has(keyOf(entry)));
	const sending = new Set(toSend);
	const refused = ready.filter((entry) => !sending.has(entry));
	const confirmed = await confirmedOf.call(this, refused.map(keyOf));
	for (const entry of refused) {
		const poNumber = entry.order!.poNumber;
		if (confirmed.has(keyOf(entry)))
			fail(
				entry,
				`Order ${poNumber} was already sent to Ingram (${account.environment}) by this workflow; it was not sent again`,
				'Ingram cannot cancel or change an order once received, and a second file ships and bills it twice. Check the acknowledgement of the first one. To send it anyway, turn on Allow Resend.',
			);
		else
			fail(
				entry,
				`Order ${poNumber} was not sent: an earlier run of this workflow claimed it and has not confirmed its upload — it is still running, or n8n stopped during it (a restart, a worker that died)`,
				`So it may or may not have reached Ingram (${account.environment}), and this run did not send it again. Look for its acknowledgement (Ingram Content Trigger, or Acknowledgement › Get Many); if none arrives within a day, ask Ingram, then send it with Allow Resend.`,
			);
	}
	if (outcomes.size > 0 && !this.continueOnFail()) {
		// nothing has been uploaded: give back the claims of this run
		await release.call(this, toSend.filter((entry) => !alreadySent.has(keyOf(entry))).map(keyOf));
		throw firstError();
	}

	// -- upload -----------------------------------------------------------------------------
	const now = DateTime.now().setZone(this.getTimezone());
	const folder = account.folders.incoming;
	const takenNames = new Set<string>();
	const files = inFiles(toSend, ordersPerFile(this));
	let session: CdfSession | undefined;
	let stopped: { error: CdfTransferError | DeliveryFailed } | undefined;
	try {
		for (const file of files) {
			let fileName: string;
			// a failed resend must not forget the earlier, successful send
			const keys = file.map(keyOf).filter((key) => !alreadySent.has(key));
			const notSent = async (why: string, what: string) => {
				await release.call(this, keys);
				for (const entry of file)
					fail(entry, `Order ${entry.order!.poNumber} was not sent: ${why}`, what);
			};
			if (stopped) {
				await notSent(
					'an earlier file of this run could not be delivered',
					'Nothing of this order reached Ingram. Run the workflow again once the host is reachable.',
				);
				continue;
			}
			try {
				session ??= await openCdfSession(settings);
				const orders = file.map((entry) => entry.order!);
				fileName = await deliverFile(
					settings,
					session,
					folder,
					() => newOrderFileName(now, takenNames),
					(name) => Buffer.from(orderFileContent(account, name, now, orders), 'ascii'),
				);
			} catch (error) {
				if (!(error instanceof CdfTransferError || error instanceof DeliveryFailed)) {
					rethrowForItem.call(this, error, file[0].itemIndex);
				}
				stopped = { error };
				const transfer = error instanceof DeliveryFailed ? error.cause : error;
				if (error instanceof DeliveryFailed && error.delivery === 'unknown') {
					for (const entry of file) {
						fail(
							entry,
							`Order ${entry.order!.poNumber} may have reached Ingram: ${transfer.message} (file ${error.fileName})`,
							`${transfer.description}\nThe order stays recorded as sent, so a re-run will not send it twice. If no acknowledgement for ${error.fileName} arrives within a day, ask Ingram, then resend with Allow Resend.`,
						);
					}
				} else {
					await notSent(
						transfer.message,
						`${transfer.description}\nNothing of this order reached Ingram; a later run may send it.`,
					);
				}
				continue;
			}
			// the file is on the host: sent, whatever happens next. Without this record a later run
			// that finds these POs claimed says "not confirmed" instead of "already sent"; both refuse.
			await confirmDelivered.call(this, file.map(keyOf)).catch(() => undefined);
			for (const entry of file) {
				outcomes.set(entry.itemIndex, {
					json: {
						...orderSummary(entry),
						status: 'sent',
						environment: account.environment,
						fileName,
						folder,
						ordersInFile: file.length,
						resent: alreadySent.has(keyOf(entry)),
					},
				});
			}
		}
	} finally {
		await session?.close();
	}

	// -- output ---------------------------------------------------------------------------
	const output: INodeExecutionData[] = [];
	for (const entry of prepared) {
		const outcome = outcomes.get(entry.itemIndex)!;
		if ('error' in outcome) {
			if (!this.continueOnFail()) {
				const sent = [...outcomes.values()].filter((o): o is { json: IDataObject } => 'json' in o);
				if (sent.length) {
					outcome.error.description = `${outcome.error.description ?? ''}\nSent in this run before the failure: ${sent.map((o) => `${String(o.json.poNumber)} (${String(o.json.fileName)})`).join(', ')}.`;
				}
				throw outcome.error;
			}
			output.push({ json: errorJson(outcome.error), pairedItem: { item: entry.itemIndex } });
		} else {
			output.push({ json: outcome.json, pairedItem: { item: entry.itemIndex } });
		}
	}
	return output;
}

/** The POs could not be recorded as sent: nothing may be uploaded without that record. */
function notRecorded(context: IExecuteFunctions, error: unknown): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Could not record the orders as sent in n8n's database: ${(error as Error).message}`,
		{
			description:
				'Nothing was sent: without that record a later run could send the same orders again. Check that n8n’s database is reachable and run the workflow again.',
		},
	);
}
