/**
 * Shipping what was acknowledged: the simulator packs the accepted lines of a PO into boxes,
 * gives each box a tracking number fitting the shipping method, and writes the advance ship
 * notice (.PBS, 200-character records): CR once, then per PO an OR and one OD per line per box.
 *
 * The simulator's own position table (1-based, inclusive), from the CDF notes §5. Money has 2
 * implied decimals except the OR freight charge, which has 4 (HPB's reading of the spec):
 *
 * | rec | positions used |
 * |---|---|
 * | CR | 3-12 company account (the ship-to account), 13-20 OR count, 21-30 file version 4.0 |
 * | OR | 3-24 PO number, 33-34 order status (00 shipped, 28 partly: some lines did not ship), 35-42 subtotal (client price × units shipped), 43-66 zeros, 67-74 discount, 75-82 sales tax, 83-90 shipping & handling (the order's record 24 freight), 91-98 total, 99-106 freight charged (4 decimals), 110-113 OD count, 114-121 ship date YYYYMMDD |
 * | OD | 3-24 PO number, 25-26 warehouse (NV/CI/DD/EE, or letter + space), 27-36 Ingram order entry number, 37-41 units cancelled, 42-51 ISBN-10 ordered, 52-61 ISBN-10 shipped, 62-66 predicted, 67-71 slashed, 72-76 shipped, 77-78 status 00, 79-103 tracking number, 104-108 SCAC, 124-130 Ingram list price, 131-137 net discounted price, 138-147 line reference, 148-167 SSL (untracked methods), 168-176 weight (lb, 2 decimals), 177-178 shipping-method code, 179-193 EAN |
 */
import type { AckedLine, AckedPo } from './acknowledgement';
import { eanOfIsbn10, fixedRecord, isbn10Of, yyyymmdd, type Put } from './records';
import { CDF_DCS, shippingMethodFor, type CdfDc, type CdfShippingMethod } from './scenarios';

export const SHIP_NOTICE_RECORD_LENGTH = 200;

export interface ShipmentBox {
	/** 1, 2, … within the shipment. */
	number: number;
	/** '' for untracked methods. */
	tracking: string;
	/** The secondary number Ingram gives when there is no tracking number ('' otherwise). */
	ssl: string;
	weightHundredths: number;
}

export interface ShipmentDetail {
	line: AckedLine;
	box: ShipmentBox;
	quantity: number;
}

export interface Shipment {
	acked: AckedPo;
	dc: CdfDc;
	method: CdfShippingMethod;
	ingramOrderNumber: string;
	shipDate: Date;
	boxes: ShipmentBox[];
	details: ShipmentDetail[];
	/** What the carrier charged Ingram: a flat amount per box. */
	freightCents: number;
}

export interface ShippingSettings {
	now: Date;
	/** Units that fit one box; a longer line is split over boxes (one OD per box). */
	unitsPerBox: number;
	freightPerBoxCents: number;
	/** A running number, unique within the simulator, for order entry and tracking numbers. */
	nextNumber: () => number;
}

/** UPS's check digit over the 15 characters after '1Z' (letters count as (code - 63) mod 10). */
export function upsCheckDigit(body: string): string {
	let sum = 0;
	[...body].forEach((char, index) => {
		const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
		sum += index % 2 === 1 ? value * 2 : value;
	});
	return String((10 - (sum % 10)) % 10);
}

/** A mod-10 check digit (weights 3, 1 from the right), as USPS uses in its tracking numbers. */
function mod10CheckDigit(digits: string): string {
	let sum = 0;
	[...digits].reverse().forEach((digit, index) => {
		sum += Number(digit) * (index % 2 === 0 ? 3 : 1);
	});
	return String((10 - (sum % 10)) % 10);
}

function trackingFor(
	method: CdfShippingMethod,
	dc: CdfDc,
	serial: number,
): { tracking: string; ssl: string } {
	switch (method.tracking) {
		case 'ups': {
			const body = `SIM${dc}01${method.upsService ?? '03'}${String(serial % 10_000_000).padStart(7, '0')}`;
			return { tracking: `1Z${body}${upsCheckDigit(body)}`, ssl: '' };
		}
		case 'usps': {
			const body = `94001${String(serial).padStart(16, '0')}`;
			return { tracking: body + mod10CheckDigit(body), ssl: '' };
		}
		case 'dhl': {
			const body = String(serial % 1_000_000_000).padStart(9, '0');
			return { tracking: body + String(Number(body) % 7), ssl: '' };
		}
		case 'none':
			return { tracking: '', ssl: `SIM${dc}${String(serial).padStart(16, '0')}` };
	}
}

/** Packs the PO's accepted lines into boxes of `unitsPerBox` units, in line order. */
export function planShipment(acked: AckedPo, settings: ShippingSettings): Shipment {
	const method = shippingMethodFor(acked.po.shippingMethod);
	if (!method) throw new Error(`PO ${acked.po.poNumber} has no known shipping method`);
	const dc = acked.lines[0]?.dc ?? 'N';
	const boxes: ShipmentBox[] = [];
	const details: ShipmentDetail[] = [];
	let room = 0;
	const openBox = () => {
		const box: ShipmentBox = {
			number: boxes.length + 1,
			...trackingFor(method, dc, settings.nextNumber()),
			weightHundredths: 0,
		};
		boxes.push(box);
		room = settings.unitsPerBox;
		return box;
	};
	for (const line of acked.lines) {
		let left = line.predictedUnits;
		while (left > 0) {
			const box = room > 0 ? boxes[boxes.length - 1] : openBox();
			const quantity = Math.min(left, room);
			details.push({ line, box, quantity });
			box.weightHundredths += quantity * line.catalogue.weightHundredths;
			room -= quantity;
			left -= quantity;
		}
	}
	return {
		acked,
		dc,
		method,
		ingramOrderNumber: String(settings.nextNumber()).padStart(10, '0'),
		shipDate: settings.now,
		boxes,
		details,
		freightCents: boxes.length * settings.freightPerBoxCents,
	};
}

/** The ISBN-10 and EAN of an order line's item number (blank where it has none). */
export function itemIdentifiers(line: AckedLine): { isbn10: string; ean: string } {
	const { itemNumber, itemNumberType } = line.order;
	if (itemNumberType === 'BN') return { isbn10: itemNumber, ean: eanOfIsbn10(itemNumber) };
	return { isbn10: isbn10Of(itemNumber), ean: itemNumber };
}

/** Whether every line of the PO shipped in full. */
const shippedInFull = (shipment: Shipment) =>
	shipment.acked.lines.every((line) => line.predictedUnits === line.order.quantity);

export interface ShipmentTotals {
	subtotalCents: number;
	salesTaxCents: number;
	shippingAndHandlingCents: number;
	totalCents: number;
}

export function shipmentTotals(shipment: Shipment): ShipmentTotals {
	const { po } = shipment.acked;
	const subtotalCents = shipment.details.reduce(
		(sum, detail) => sum + detail.quantity * detail.line.clientPriceCents,
		0,
	);
	const salesTaxCents = Math.round((subtotalCents * po.salesTaxPercent) / 100);
	const shippingAndHandlingCents = po.freightCents;
	return {
		subtotalCents,
		salesTaxCents,
		shippingAndHandlingCents,
		totalCents: subtotalCents + salesTaxCents + shippingAndHandlingCents,
	};
}

export interface ShipNoticeSettings {
	/** 'pair' writes NV/CI/DD/EE as the spec lists them; 'letter' writes N␠ as real files do. */
	warehouseCode: 'pair' | 'letter';
}

export function shipNoticeRecords(
	shipments: readonly Shipment[],
	settings: ShipNoticeSettings,
): string[] {
	const record = (code: string, puts: Put[]) =>
		fixedRecord(SHIP_NOTICE_RECORD_LENGTH, [[1, 2, code], ...puts]);
	const records = [
		record('CR', [
			[3, 10, shipments[0]?.acked.po.shipToAccount ?? ''],
			[13, 8, shipments.length],
			[21, 10, '4.0'],
		]),
	];
	for (const shipment of shipments) {
		const { po } = shipment.acked;
		const totals = shipmentTotals(shipment);
		records.push(
			record('OR', [
				[3, 22, po.poNumber],
				[33, 2, shippedInFull(shipment) ? '00' : '28'],
				[35, 8, totals.subtotalCents],
				[43, 24, '0'.repeat(24)],
				[67, 8, 0],
				[75, 8, totals.salesTaxCents],
				[83, 8, totals.shippingAndHandlingCents],
				[91, 8, totals.totalCents],
				[99, 8, shipment.freightCents * 100],
				[110, 4, shipment.details.length],
				[114, 8, yyyymmdd(shipment.shipDate)],
			]),
		);
		const warehouse =
			settings.warehouseCode === 'pair' ? CDF_DCS[shipment.dc].asnCode : `${shipment.dc} `;
		for (const { line, box, quantity } of shipment.details) {
			const { isbn10, ean } = itemIdentifiers(line);
			records.push(
				record('OD', [
					[3, 22, po.poNumber],
					[25, 2, warehouse],
					[27, 10, shipment.ingramOrderNumber],
					[37, 5, 0],
					[42, 10, isbn10],
					[52, 10, isbn10],
					[62, 5, quantity],
					[67, 5, 0],
					[72, 5, quantity],
					[77, 2, '00'],
					[79, 25, box.tracking],
					[104, 5, shipment.method.scac],
					[124, 7, line.ingramListCents],
					[131, 7, line.unitCostCents],
					[138, 10, line.order.lineReference],
					[148, 20, box.ssl],
					[168, 9, quantity * line.catalogue.weightHundredths],
					[177, 2, shipment.method.asnCode],
					[179, 15, ean],
				]),
			);
		}
	}
	return records;
}
