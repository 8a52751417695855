/**
 * The invoice (.BIN, 80-character records) for a batch of shipments: 01 file header; one invoice
 * per shipping DC for the books, then one invoice for Ingram's fees (its order charge and
 * per-piece charge, billed as pseudo-lines titled ORDER CHARGE and PER PIECE CHARG, with made-up
 * ISBNs and no line reference, as in a real file); each invoice is 15, per line 45 46 48, per PO
 * 49, then 55 and 57; 95 file trailer. Amounts have 2 implied decimals.
 *
 * The simulator's own position table (1-based, inclusive), from the CDF notes §6:
 *
 * | rec | positions used |
 * |---|---|
 * | all | 1-2 record code, 3-7 sequence number; 8-15 invoice number in 15 to 57 |
 * | 01 | 8-19 Ingram SAN 169797800000, 20-32 INGRAM BK CO, 33-38 creation date YYMMDD, 39-60 INVOICE COMMUNICATIONS |
 * | 15 | 35-41 company account (the bill-to account), 47-53 warehouse SAN (blank on the fee invoice), 54-56 000, 57-64 invoice date YYYYMMDD |
 * | 45 | 35-44 ISBN-10, 46-50 units, 51-57 Ingram list price (one unit), 59-62 discount percent × 100, 64-71 net cost of the line (units × unit cost), 72-79 metered (ship) date YYYYMMDD |
 * | 46 | 62-75 EAN |
 * | 48 | 16-23 ship date YYYYMMDD, 24-39 title, 45-66 PO number, 67-76 line reference (blank for fees) |
 * | 49 | 16-40 tracking number of the PO's first box (N.A when untracked), 41-48 net (book lines), 49-54 shipping, 55-61 handling (fee lines), 62-67 gift wrap, 68-73 zeros, 74-80 amount due |
 * | 55 | 21-25 records of the invoice from its 15 to its last 49, 26-30 titles (45s, fee lines included), 31-36 units (fee lines included), 37-46 bill of lading, 54-60 weight (lb, 2 decimals) |
 * | 57 | 21-29 total net, 36-42 total shipping, 43-49 total handling, 50-55 total gift wrap, 72-80 invoice total |
 * | 95 | 8-20 titles, 21-25 invoices, 26-35 units |
 */
import { fixedRecord, yymmdd, yyyymmdd, type Put } from './records';
import { CDF_DCS, type CdfDc } from './scenarios';
import { itemIdentifiers, type Shipment } from './shipNotice';

export const INVOICE_RECORD_LENGTH = 80;

export interface InvoiceFees {
	/** Billed once per PO shipped, as the pseudo-line ORDER CHARGE. */
	orderChargeCents: number;
	/** Billed per unit shipped, as the pseudo-line PER PIECE CHARG. */
	perPieceChargeCents: number;
}

export const DEFAULT_INVOICE_FEES: InvoiceFees = { orderChargeCents: 100, perPieceChargeCents: 65 };

/** The fee pseudo-items: made-up ISBN-10s and their EANs, as Ingram's files carry them. */
export const FEE_ITEMS = {
	order: { title: 'ORDER CHARGE', isbn10: '555887564X', ean: '9785558875645' },
	perPiece: { title: 'PER PIECE CHARG', isbn10: '5558875666', ean: '9785558875669' },
} as const;

export interface InvoiceSettings {
	now: Date;
	discountPercent: number;
	fees: InvoiceFees;
	nextInvoiceNumber: () => number;
}

interface InvoiceLine {
	isbn10: string;
	ean: string;
	title: string;
	lineReference: string;
	units: number;
	listCents: number;
	discount: number;
	netCents: number;
}

interface InvoicePo {
	shipment: Shipment;
	lines: InvoiceLine[];
	netCents: number;
	shippingCents: number;
	handlingCents: number;
}

interface InvoiceDraft {
	dc: CdfDc | undefined;
	pos: InvoicePo[];
}

const unitsOf = (shipment: Shipment) =>
	shipment.details.reduce((sum, detail) => sum + detail.quantity, 0);

function bookInvoice(dc: CdfDc, shipments: Shipment[], settings: InvoiceSettings): InvoiceDraft {
	return {
		dc,
		pos: shipments.map((shipment) => {
			const lines = shipment.acked.lines
				.filter((line) => line.predictedUnits > 0)
				.map((line): InvoiceLine => {
					const { isbn10, ean } = itemIdentifiers(line);
					return {
						isbn10,
						ean,
						title: line.catalogue.title,
						lineReference: line.order.lineReference,
						units: line.predictedUnits,
						listCents: line.ingramListCents,
						discount: Math.round(settings.discountPercent * 100),
						netCents: line.predictedUnits * line.unitCostCents,
					};
				});
			return {
				shipment,
				lines,
				netCents: lines.reduce((sum, line) => sum + line.netCents, 0),
				shippingCents: shipment.freightCents,
				handlingCents: 0,
			};
		}),
	};
}

function feeInvoice(shipments: Shipment[], fees: InvoiceFees): InvoiceDraft {
	return {
		dc: undefined,
		pos: shipments.map((shipment) => {
			const units = unitsOf(shipment);
			const fee = (
				item: (typeof FEE_ITEMS)[keyof typeof FEE_ITEMS],
				count: number,
				cents: number,
			) => ({
				...item,
				lineReference: '',
				units: count,
				listCents: cents,
				discount: 0,
				netCents: count * cents,
			});
			const lines = [
				fee(FEE_ITEMS.order, 1, fees.orderChargeCents),
				fee(FEE_ITEMS.perPiece, units, fees.perPieceChargeCents),
			];
			return {
				shipment,
				lines,
				netCents: 0,
				shippingCents: 0,
				handlingCents: lines.reduce((sum, line) => sum + line.netCents, 0),
			};
		}),
	};
}

export function invoiceRecords(
	shipments: readonly Shipment[],
	settings: InvoiceSettings,
): string[] {
	const records: string[] = [];
	const add = (code: string, puts: Put[]) =>
		records.push(
			fixedRecord(INVOICE_RECORD_LENGTH, [[1, 2, code], [3, 5, records.length + 1], ...puts]),
		);
	add('01', [
		[8, 12, '169797800000'],
		[20, 13, 'INGRAM BK CO'],
		[33, 6, yymmdd(settings.now)],
		[39, 22, 'INVOICE COMMUNICATIONS'],
	]);

	const byDc = new Map<CdfDc, Shipment[]>();
	for (const shipment of shipments) {
		byDc.set(shipment.dc, [...(byDc.get(shipment.dc) ?? []), shipment]);
	}
	const drafts = [
		...[...byDc].map(([dc, group]) => bookInvoice(dc, group, settings)),
		feeInvoice([...shipments], settings.fees),
	];

	const date = yyyymmdd(settings.now);
	let fileTitles = 0;
	let fileUnits = 0;
	for (const draft of drafts) {
		const invoiceNumber = String(settings.nextInvoiceNumber()).padStart(8, '0');
		const number: Put = [8, 8, invoiceNumber];
		const first = records.length;
		add('15', [
			number,
			[35, 7, draft.pos[0]?.shipment.acked.po.billToAccount ?? ''],
			[47, 7, draft.dc ? CDF_DCS[draft.dc].san : ''],
			[54, 3, '000'],
			[57, 8, date],
		]);
		let titles = 0;
		let units = 0;
		let weight = 0;
		const totals = { net: 0, shipping: 0, handling: 0, due: 0 };
		for (const po of draft.pos) {
			const { shipment } = po;
			for (const line of po.lines) {
				titles += 1;
				units += line.units;
				add('45', [
					number,
					[35, 10, line.isbn10],
					[46, 5, line.units],
					[51, 7, line.listCents],
					[59, 4, line.discount],
					[64, 8, line.netCents],
					[72, 8, yyyymmdd(shipment.shipDate)],
				]);
				add('46', [number, [62, 14, line.ean]]);
				add('48', [
					number,
					[16, 8, yyyymmdd(shipment.shipDate)],
					[24, 16, line.title],
					[45, 22, shipment.acked.po.poNumber],
					[67, 10, line.lineReference],
				]);
			}
			if (draft.dc) weight += shipment.boxes.reduce((sum, box) => sum + box.weightHundredths, 0);
			const due = po.netCents + po.shippingCents + po.handlingCents;
			add('49', [
				number,
				[16, 25, shipment.boxes[0]?.tracking || 'N.A'],
				[41, 8, po.netCents],
				[49, 6, po.shippingCents],
				[55, 7, po.handlingCents],
				[62, 6, 0],
				[68, 6, 0],
				[74, 7, due],
			]);
			totals.net += po.netCents;
			totals.shipping += po.shippingCents;
			totals.handling += po.handlingCents;
			totals.due += due;
		}
		add('55', [
			number,
			[21, 5, records.length - first],
			[26, 5, titles],
			[31, 6, units],
			[37, 10, `SIM${draft.dc ?? 'F'}${invoiceNumber.slice(-6)}`],
			[54, 7, weight],
		]);
		add('57', [
			number,
			[21, 9, totals.net],
			[36, 7, totals.shipping],
			[43, 7, totals.handling],
			[50, 6, 0],
			[72, 9, totals.due],
		]);
		fileTitles += titles;
		fileUnits += units;
	}
	add('95', [
		[8, 13, fileTitles],
		[21, 5, drafts.length],
		[26, 10, fileUnits],
	]);
	return records;
}
