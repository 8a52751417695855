import type { IDataObject } from 'n8n-workflow';

import { readAcknowledgementFile } from '../../codec/acknowledgementFile';
import { readInvoiceFile } from '../../codec/invoiceFile';
import { readShipNoticeFile } from '../../codec/shipNoticeFile';
import type { ReplyKind } from './replyKinds';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as IDataObject;

/** Acknowledgements (.fbc): one item per PO, with its outcome. */
export const acknowledgements: ReplyKind = {
	label: 'acknowledgement',
	pattern: '*.fbc',
	read(text, fileName) {
		const file = readAcknowledgementFile(text, fileName);
		if ('pending' in file) return { pending: file.reason };
		return {
			items: file.pos.map((po) => ({
				...plain(po),
				orderFileName: file.orderFileName,
				acknowledgedOn: file.creationDate,
			})),
		};
	},
};

/** Advance ship notices (.PBS): one item per shipped order, with packages and tracking. */
export const shipNotices: ReplyKind = {
	label: 'ship notice',
	pattern: '*.PBS',
	read(text, fileName) {
		const file = readShipNoticeFile(text, fileName);
		if ('pending' in file) return { pending: file.reason };
		return { items: file.shipments.map((shipment) => plain(shipment)) };
	},
};

/** Invoices (.BIN): one item per invoice, fees marked. */
export const invoices: ReplyKind = {
	label: 'invoice',
	pattern: '*.BIN',
	read(text, fileName) {
		const file = readInvoiceFile(text, fileName);
		if ('pending' in file) return { pending: file.reason };
		return {
			items: file.invoices.map((invoice) => ({
				...plain(invoice),
				poNumbers: [...new Set(invoice.lines.map((line) => line.poNumber).filter(Boolean))],
			})),
		};
	},
};
