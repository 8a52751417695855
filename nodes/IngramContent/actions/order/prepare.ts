import { DateTime } from 'luxon';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rethrowForItem } from '../../../shared/itemErrors';
import { CodecError } from '../../codec/fixedWidth';
import { buildOrderFile, type CdfOrder } from '../../codec/orderFileBuilder';
import { accountSettings, type CdfAccount } from '../../transport/settings';
import { orderProblemsError, readOrder, type ReadOrder } from './readOrder';

/** Ingram's own tools put at most 25 orders in one file. */
export const MAX_ORDERS_PER_FILE = 25;

export interface PreparedOrder {
	itemIndex: number;
	order?: CdfOrder;
	read: ReadOrder;
	error?: NodeOperationError;
}

export async function readAccount(this: IExecuteFunctions): Promise<CdfAccount> {
	const account = accountSettings(await this.getCredentials('ingramContentCdfApi'));
	const problems = [
		account.billToAccount.length !== 7 &&
			`Bill-To Account must be 7 characters (it has ${account.billToAccount.length})`,
		account.shipToAccount.length !== 7 &&
			`Ship-To Account must be 7 characters (it has ${account.shipToAccount.length})`,
		(account.shipToPassword.length === 0 || account.shipToPassword.length > 8) &&
			'Ship-To Password must be 1 to 8 characters',
		(account.fileSourceName.length === 0 || account.fileSourceName.length > 13) &&
			`File Source Name must be 1 to 13 characters (it has ${account.fileSourceName.length})`,
	].filter((problem): problem is string => typeof problem === 'string');
	if (problems.length) {
		throw new NodeOperationError(
			this.getNode(),
			`The Ingram Content CDF credential is incomplete: ${problems[0]}`,
			{
				description: problems.join('\n'),
			},
		);
	}
	return account;
}

/**
 * Every item read and checked before anything is sent: an order with problems gets its error, and
 * a PO number that appears twice in the input is refused the second time.
 */
export function prepareOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	account: CdfAccount,
): PreparedOrder[] {
	const firstItemOfPo = new Map<string, number>();
	return items.map((_, itemIndex) => {
		const read = readOrder.call(this, itemIndex, account);
		const poNumber =
			read.order?.poNumber ?? String(this.getNodeParameter('poNumber', itemIndex, ''));
		if (!read.order) {
			return {
				itemIndex,
				read,
				error: orderProblemsError.call(this, itemIndex, poNumber, read.problems),
			};
		}
		try {
			// the file writer is the last word on every field (lengths, digits, dates)
			buildOrderFile({
				fileSourceName: account.fileSourceName,
				creationDate: read.order.orderDate,
				fileName: 'CHECK.fbo',
				orders: [read.order],
			});
		} catch (error) {
			if (!(error instanceof CodecError)) rethrowForItem.call(this, error, itemIndex);
			const problems = [{ field: error.field, problem: error.message }];
			return {
				itemIndex,
				read: { ...read, problems },
				error: orderProblemsError.call(this, itemIndex, poNumber, problems),
			};
		}
		const earlier = firstItemOfPo.get(poNumber);
		if (earlier !== undefined) {
			const problems = [
				{
					field: 'PO Number',
					problem: `“${poNumber}” is also the PO number of item ${earlier}; a PO is sent once`,
				},
			];
			return {
				itemIndex,
				read: { ...read, problems },
				error: orderProblemsError.call(this, itemIndex, poNumber, problems),
			};
		}
		firstItemOfPo.set(poNumber, itemIndex);
		return { itemIndex, order: read.order, read };
	});
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const randomCharacters = (count: number) =>
	Array.from({ length: count }, () => BASE36[Math.floor(Math.random() * 36)]).join('');

/**
 * `yyMMdd` + 7 random characters + `.fbo` = 17 characters: Ingram echoes the order file's name
 * in a 17-character field of its acknowledgement, so a longer name could not be matched back.
 * Runs on several workers name files at the same moment and only the randomness keeps them
 * apart: 36^7 names a day make a clash unlikely (for 1,000 files in one day, about one chance
 * in 150,000), and the upload picks another name if one happens anyway (see deliverFile).
 */
export function newOrderFileName(now: DateTime, taken: Set<string>): string {
	for (;;) {
		const name = `${now.toFormat('yyMMdd')}${randomCharacters(7)}.fbo`;
		if (!taken.has(name)) {
			taken.add(name);
			return name;
		}
	}
}

export function inFiles<T>(orders: T[], perFile: number): T[][] {
	const files: T[][] = [];
	for (let start = 0; start < orders.length; start += perFile)
		files.push(orders.slice(start, start + perFile));
	return files;
}

export function orderFileContent(
	account: CdfAccount,
	fileName: string,
	now: DateTime,
	orders: CdfOrder[],
): string {
	return buildOrderFile({
		fileSourceName: account.fileSourceName,
		creationDate: now.toFormat('yyyy-MM-dd'),
		fileName,
		orders,
	});
}

/** The output of a checked order: what was (or will be) sent, in the words of the node. */
export function orderSummary(prepared: PreparedOrder) {
	const order = prepared.order!;
	return {
		poNumber: order.poNumber,
		orderType: order.orderType,
		shippingMethod: order.shippingMethod,
		shippingMethodName: prepared.read.shipping?.method.name,
		lines: order.lines.length,
		units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
	};
}
