import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ReplyFileError } from '../../codec/replyFiles';
import type { ReplyKind } from './replyKinds';

/** Reads one reply file; a malformed one becomes an error naming the file, record and field. */
export function readReplyText(
	this: IExecuteFunctions,
	kind: ReplyKind,
	text: string,
	fileName: string,
	itemIndex: number,
): { pending: string } | { items: IDataObject[] } {
	let problem: string;
	try {
		return kind.read(text, fileName);
	} catch (error) {
		problem =
			error instanceof ReplyFileError
				? error.message
				: `${kind.label} ${fileName}: ${(error as Error).message}`;
	}
	throw new NodeOperationError(this.getNode(), `${problem} [item ${itemIndex}]`, {
		itemIndex,
		description:
			'The file does not follow Ingram’s layout. If it was just written, it may be incomplete: read it again later. Otherwise, send it to Ingram Electronic Ordering.',
	});
}

/** Parse: the reply file in an input item's binary field, one output item per PO / shipment / invoice. */
export async function parseReplies(
	this: IExecuteFunctions,
	kind: ReplyKind,
	itemIndex: number,
): Promise<IDataObject[]> {
	const field = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const text = (await this.helpers.getBinaryDataBuffer(itemIndex, field)).toString('latin1');
	const fileName = binary.fileName ?? field;
	const read = readReplyText.call(this, kind, text, fileName, itemIndex);
	if ('pending' in read)
		return [{ fileName, pending: true, outcome: 'pending', reason: read.pending }];
	return read.items.map((item) => ({ ...item, fileName }));
}
