/**
 * The purchase-order acknowledgement (.fbc, 80-character records) the simulated Ingram writes for
 * an order file it accepted: 02 file header; per PO 11, 21 messages, per line 40 41 42 43 44 [45],
 * 59; 91 file trailer. What each PO and line gets is decided by scenarios.ts.
 *
 * The simulator's own position table (1-based, inclusive), from the CDF notes §4:
 *
 * | rec | positions used |
 * |---|---|
 * | all | 1-2 record code, 3-7 sequence number |
 * | 02 | 8-14 Ingram SAN, 20-32 file source name INGRAM, 33-38 creation date YYMMDD, 39-43 ECU, 44-60 order file name upper-cased, 61-63 F03, 64-70 destination SAN 0000000, 76 POA type |
 * | 11 | 8-20 TOC, 21-42 PO number, 43-49 ship-to account, 50-56 Ingram SAN, 57 PO status, 58-63 acknowledgement date, 64-69 PO date, 70-75 PO cancel date |
 * | 21 | 8-29 PO number, 30-79 message text (50 characters a record, cut mid-word as Ingram does) |
 * | 40 | 8-29 PO number, 30-39 line reference, 52-71 item number, 78-79 line status, 80 DC letter |
 * | 41 | 8-29 PO number, 34-39 availability date YYMMDD (000000 = now / none), 41-80 DC inventory groups (DC letter + 4-digit on hand) |
 * | 42 | 8-29 PO number, 30-59 title, 60-79 author, 80 binding |
 * | 43 | 8-29 PO number, 30-49 publisher, 50-53 publication date MMYY, 54-58 sequence number of the order's record 40, 59-62 discount percent × 100, 63-69 quantity predicted to ship from the DC |
 * | 44 | 8-29 PO number, 50-57 Ingram list price (explicit point), 58-59 item number type, 60-67 discounted price (explicit point), 68-74 quantity ordered |
 * | 45 | 8-29 PO number, 30-49 the client's own item number (only when the order gave one) |
 * | 59 | 8-29 PO number, 30-34 records from its 11 to its 59, 35-44 line items (40s), 45-54 units predicted to ship |
 * | 91 | 8-20 line items, 21-25 POs, 26-35 units predicted to ship, then 5-digit counts of records whose code is 01-09, 10-19, 20-29, 30-39, 40-49, 50-59, 60-99 (at 36, 41, 46, 51, 56, 61, 66; this 91 included) |
 */
import type { OrderFileContent, OrderLine, OrderPo } from './orderReader';
import {
	addDays,
	decimalAmount,
	fixedRecord,
	hashText,
	mmyy,
	seededRandom,
	yymmdd,
	type Put,
} from './records';
import {
	CDF_LINE_SCENARIOS,
	CDF_PO_SCENARIOS,
	catalogueEntry,
	isCdfDc,
	lineScenarioFor,
	publicationDate,
	shippingMethodFor,
	type CatalogueEntry,
	type CdfDc,
	type CdfLineScenarioName,
	type CdfLineStatus,
	type CdfPoScenarioName,
	type CdfPoStatus,
} from './scenarios';

export const ACK_RECORD_LENGTH = 80;
const INGRAM_SAN = '1697978';

/** Ingram's standard text, in the simulator's own words. */
export const THANK_YOU_MESSAGE =
	'THANK YOU FOR ORDERING FROM INGRAM (CDF SIMULATOR). ORDERS CANNOT BE CHANGED ONCE THEY ARRIVE; TO CANCEL ONE, CALL INGRAM ELECTRONIC ORDERING AT 1-800-234-6737.';

export interface AckedLine {
	order: OrderLine;
	scenario: CdfLineScenarioName;
	status: CdfLineStatus;
	dc: CdfDc;
	catalogue: CatalogueEntry;
	/** Ingram's list price for one unit (the made-up catalogue's). */
	ingramListCents: number;
	/** What Ingram charges for one unit: the list price less the discount. */
	unitCostCents: number;
	/** The consumer price the client sent (record 41), else Ingram's list price. */
	clientPriceCents: number;
	/** Units predicted to ship (the quantity for status 00, else 0). */
	predictedUnits: number;
}

export interface AckedPo {
	po: OrderPo;
	/** The order file the PO came in. */
	orderFile: string;
	scenario: CdfPoScenarioName;
	poStatus: CdfPoStatus;
	lines: AckedLine[];
	/** PO type 8: replies go to the test folder. */
	test: boolean;
	/** Whether any line ships (the PO is accepted, not a stock check, and has a 00 line). */
	shippable: boolean;
}

export interface AcknowledgeSettings {
	now: Date;
	/** The ship-to password every PO must carry; null accepts any. */
	shipToPassword: string | null;
	defaultDc: CdfDc;
	discountPercent: number;
	/** The 5-character electronic control unit of this acknowledgement. */
	ecu: string;
	/** Terminal order control numbers ('C' + 12 digits), one per PO. */
	nextToc: () => string;
}

function poScenarioFor(po: OrderPo, settings: AcknowledgeSettings): CdfPoScenarioName {
	if (settings.shipToPassword !== null && po.shipToPassword !== settings.shipToPassword) {
		return 'wrongShipToPassword';
	}
	if (!shippingMethodFor(po.shippingMethod)) return 'unknownShippingMethod';
	if (po.poType === '3') return 'stockCheck';
	return 'ok';
}

/** Decides every PO and line of an order file, without writing anything. */
export function decideOrder(
	order: OrderFileContent,
	orderFile: string,
	settings: AcknowledgeSettings,
): AckedPo[] {
	return order.pos.map((po) => {
		const scenario = poScenarioFor(po, settings);
		const forcedStatus = (CDF_PO_SCENARIOS[scenario] as { lineStatus?: CdfLineStatus }).lineStatus;
		const dc = isCdfDc(po.dcCode) ? po.dcCode : settings.defaultDc;
		const lines = po.lines.map((line): AckedLine => {
			const lineScenario = forcedStatus
				? 'invalidItem'
				: lineScenarioFor(line.itemNumber, line.itemNumberType);
			const status = forcedStatus ?? CDF_LINE_SCENARIOS[lineScenario].status;
			const catalogue = catalogueEntry(line.itemNumber);
			const ingramListCents = catalogue.listPriceCents;
			return {
				order: line,
				scenario: lineScenario,
				status,
				dc,
				catalogue,
				ingramListCents,
				unitCostCents: Math.round((ingramListCents * (100 - settings.discountPercent)) / 100),
				clientPriceCents: line.priceCents > 0 ? line.priceCents : ingramListCents,
				predictedUnits: status === '00' && scenario === 'ok' ? line.quantity : 0,
			};
		});
		return {
			po,
			orderFile,
			scenario,
			poStatus: CDF_PO_SCENARIOS[scenario].poStatus,
			lines,
			test: po.poType === '8',
			shippable: scenario === 'ok' && lines.some((line) => line.predictedUnits > 0),
		};
	});
}

/** DC inventory groups for record 41: letter + on hand, for the four DCs. */
function inventoryGroups(line: AckedLine, stockCheck: boolean): string {
	if (line.status === '05') return '';
	if (line.status === '00' && !stockCheck) return '';
	const random = seededRandom(hashText(`${line.order.itemNumber}/on-hand`));
	return (['N', 'C', 'D', 'E'] as const)
		.map((dc) => {
			const onHand = line.status === '00' ? Math.floor(random() * 120) : 0;
			return dc + String(onHand).padStart(4, '0');
		})
		.join('');
}

function availabilityDate(line: AckedLine, now: Date): string {
	if (line.status === '03') return yymmdd(addDays(now, 21));
	if (line.status === '12') return yymmdd(publicationDate(line.catalogue, now));
	return '000000';
}

/** Ingram cuts vendor messages every 50 characters, mid-word if need be. */
export function messageRecordsText(message: string): string[] {
	const pieces: string[] = [];
	for (let start = 0; start < message.length; start += 50)
		pieces.push(message.slice(start, start + 50));
	return pieces;
}

/** Which records of a line the POA type asks for (record 21 position 44). */
function wantsLine(poaType: string, line: AckedLine): boolean {
	return poaType !== '5' || line.status !== '00';
}
const wantsTitleRecords = (poaType: string) => poaType !== '2' && poaType !== '4';
const wantsPriceRecord = (poaType: string) => poaType !== '3' && poaType !== '4';

/** The acknowledgement's records for an order file whose POs were decided by decideOrder. */
export function acknowledgementRecords(
	fileName: string,
	pos: readonly AckedPo[],
	settings: AcknowledgeSettings,
): string[] {
	const records: string[] = [];
	const add = (code: string, puts: Put[]) =>
		records.push(
			fixedRecord(ACK_RECORD_LENGTH, [[1, 2, code], [3, 5, records.length + 1], ...puts]),
		);
	const today = yymmdd(settings.now);
	const filePoaType = pos[0]?.po.poaType || '1';

	add('02', [
		[8, 7, INGRAM_SAN],
		[20, 13, 'INGRAM'],
		[33, 6, today],
		[39, 5, settings.ecu],
		[44, 17, fileName.toUpperCase()],
		[61, 3, 'F03'],
		[64, 7, '0000000'],
		[76, 1, filePoaType],
	]);

	let fileLines = 0;
	let fileUnits = 0;
	for (const acked of pos) {
		const { po } = acked;
		const first = records.length;
		const poNumber: Put = [8, 22, po.poNumber];
		add('11', [
			[8, 13, settings.nextToc()],
			[21, 22, po.poNumber],
			[43, 7, po.shipToAccount],
			[50, 7, INGRAM_SAN],
			[57, 1, acked.poStatus],
			[58, 6, today],
			[64, 6, po.orderDate],
			[70, 6, po.cancelDate],
		]);
		const extra = (CDF_PO_SCENARIOS[acked.scenario] as { message?: string }).message;
		for (const message of [THANK_YOU_MESSAGE, ...(extra ? [extra] : [])]) {
			for (const text of messageRecordsText(message)) add('21', [poNumber, [30, 50, text]]);
		}

		let poLines = 0;
		let poUnits = 0;
		const poaType = po.poaType || '1';
		for (const line of acked.lines) {
			if (!wantsLine(poaType, line)) continue;
			poLines += 1;
			poUnits += line.predictedUnits;
			const { order, catalogue } = line;
			add('40', [
				poNumber,
				[30, 10, order.lineReference],
				[52, 20, order.itemNumber],
				[78, 2, line.status],
				[80, 1, line.dc],
			]);
			add('41', [
				poNumber,
				[34, 6, availabilityDate(line, settings.now)],
				[41, 40, inventoryGroups(line, acked.scenario === 'stockCheck')],
			]);
			if (wantsTitleRecords(poaType)) {
				add('42', [
					poNumber,
					[30, 30, catalogue.title],
					[60, 20, catalogue.author],
					[80, 1, catalogue.binding],
				]);
				add('43', [
					poNumber,
					[30, 20, catalogue.publisher],
					[50, 4, mmyy(publicationDate(catalogue, settings.now))],
					[54, 5, order.sequence],
					[59, 4, Math.round(settings.discountPercent * 100)],
					[63, 7, line.predictedUnits],
				]);
			}
			if (wantsPriceRecord(poaType)) {
				add('44', [
					poNumber,
					[50, 8, decimalAmount(line.ingramListCents, 8)],
					[58, 2, order.itemNumberType],
					[60, 8, decimalAmount(line.unitCostCents, 8)],
					[68, 7, order.quantity],
				]);
			}
			if (order.clientItemNumber) add('45', [poNumber, [30, 20, order.clientItemNumber]]);
		}
		add('59', [
			poNumber,
			[30, 5, records.length + 1 - first],
			[35, 10, poLines],
			[45, 10, poUnits],
		]);
		fileLines += poLines;
		fileUnits += poUnits;
	}

	const groups = [0, 0, 0, 0, 0, 0, 0];
	for (const record of [...records, '91']) {
		const code = Number(record.slice(0, 2));
		groups[code >= 60 ? 6 : Math.floor(code / 10)] += 1;
	}
	add('91', [
		[8, 13, fileLines],
		[21, 5, pos.length],
		[26, 10, fileUnits],
		...groups.map((count, index): Put => [36 + index * 5, 5, count]),
	]);
	return records;
}
