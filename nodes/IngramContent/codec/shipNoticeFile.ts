/**
 * The advance ship notice (ASN, `.PBS`, 200-character records, "ASCII ASN version 4"): what
 * Ingram shipped. One CR (company) record; then per order an OR record and its OD (detail)
 * records — one OD per line item and box, so an item packed in two boxes has two ODs, each with its
 * own tracking number.
 */
import { recordCodeField, type FieldSpec, type RecordLayout } from './fixedWidth';
import {
	ASN_STATUS_BY_CODE,
	SLASH_REASON_BY_CODE,
	asnShippingMethodName,
	carrierName,
	dcByAsnCode,
} from './codes';
import { ReplyFileContext, pendingReply, type PendingReply, type ReplyRecord } from './replyFiles';

export const SHIP_NOTICE_RECORD_LENGTH = 200;

const code = recordCodeField;
const orderId: FieldSpec = {
	name: 'poNumber',
	start: 3,
	length: 22,
	kind: 'alpha',
	required: true,
	label: 'Client Order ID',
};

/**
 * Sales tax, shipping & handling and the freight charge of the OR record are read as plain digits:
 * where their implied decimal point sits depends on the source (see `orderAmounts`).
 */
export const SHIP_NOTICE_RECORDS = {
	company: {
		code: 'CR',
		name: 'Company record',
		length: SHIP_NOTICE_RECORD_LENGTH,
		fields: [
			code('CR'),
			{
				name: 'companyAccount',
				start: 3,
				length: 10,
				kind: 'alpha',
				label: 'Company Account ID Number',
			},
			{
				name: 'orderCount',
				start: 13,
				length: 8,
				kind: 'numeric',
				required: true,
				label: 'Total Order Count',
			},
			{ name: 'version', start: 21, length: 10, kind: 'alpha', label: 'File Version Number' },
		],
	},
	order: {
		code: 'OR',
		name: 'Order record',
		length: SHIP_NOTICE_RECORD_LENGTH,
		fields: [
			code('OR'),
			orderId,
			{
				name: 'status',
				start: 33,
				length: 2,
				kind: 'alpha',
				required: true,
				label: 'Order Status Code',
			},
			{
				name: 'subtotal',
				start: 35,
				length: 8,
				kind: 'implied',
				decimals: 2,
				label: 'Order Subtotal',
			},
			{
				name: 'discount',
				start: 67,
				length: 8,
				kind: 'implied',
				decimals: 2,
				label: 'Order Discount Amount',
			},
			{ name: 'salesTax', start: 75, length: 8, kind: 'numeric', label: 'Sales Tax' },
			{
				name: 'shippingAndHandling',
				start: 83,
				length: 8,
				kind: 'numeric',
				label: 'Shipping and Handling',
			},
			{ name: 'total', start: 91, length: 8, kind: 'implied', decimals: 2, label: 'Order Total' },
			{ name: 'freight', start: 99, length: 8, kind: 'numeric', label: 'Freight Charge' },
			{
				name: 'detailCount',
				start: 110,
				length: 4,
				kind: 'numeric',
				label: 'Total Item Detail Count',
			},
			{ name: 'shipDate', start: 114, length: 8, kind: 'date8', label: 'Shipment Date' },
			{
				name: 'consumerPoNumber',
				start: 122,
				length: 22,
				kind: 'alpha',
				label: 'Consumer PO Number',
			},
		],
	},
	detail: {
		code: 'OD',
		name: 'Order detail record',
		length: SHIP_NOTICE_RECORD_LENGTH,
		fields: [
			code('OD'),
			orderId,
			{ name: 'dc', start: 25, length: 2, kind: 'alpha', label: 'Shipping Warehouse Code' },
			{
				name: 'ingramOrderNumber',
				start: 27,
				length: 10,
				kind: 'alpha',
				label: 'Ingram Order Entry Number',
			},
			{
				name: 'cancelledQuantity',
				start: 37,
				length: 5,
				kind: 'numeric',
				label: 'Quantity Cancelled',
			},
			{ name: 'isbn10Ordered', start: 42, length: 10, kind: 'alpha', label: 'ISBN-10 Ordered' },
			{ name: 'isbn10Shipped', start: 52, length: 10, kind: 'alpha', label: 'ISBN-10 Shipped' },
			{
				name: 'predictedQuantity',
				start: 62,
				length: 5,
				kind: 'numeric',
				label: 'Quantity Predicted',
			},
			{
				name: 'slashedQuantity',
				start: 67,
				length: 5,
				kind: 'numeric',
				label: 'Quantity Slashed',
			},
			{
				name: 'shippedQuantity',
				start: 72,
				length: 5,
				kind: 'numeric',
				label: 'Quantity Shipped',
			},
			{
				name: 'status',
				start: 77,
				length: 2,
				kind: 'alpha',
				required: true,
				label: 'Item Detail Status Code',
			},
			{ name: 'trackingNumber', start: 79, length: 25, kind: 'alpha', label: 'Tracking Number' },
			{ name: 'scac', start: 104, length: 5, kind: 'alpha', label: 'SCAC' },
			{
				name: 'listPrice',
				start: 124,
				length: 7,
				kind: 'implied',
				decimals: 2,
				label: 'Ingram Item List Price',
			},
			{
				name: 'netPrice',
				start: 131,
				length: 7,
				kind: 'implied',
				decimals: 2,
				label: 'Net/Discounted Price',
			},
			{
				name: 'lineReference',
				start: 138,
				length: 10,
				kind: 'alpha',
				label: 'Line Item ID Number',
			},
			{ name: 'ssl', start: 148, length: 20, kind: 'alpha', label: 'SSL' },
			{ name: 'weight', start: 168, length: 9, kind: 'implied', decimals: 2, label: 'Weight' },
			{
				name: 'methodOrReason',
				start: 177,
				length: 2,
				kind: 'alpha',
				label: 'Shipping Method Code or Slash/Cancel Reason Code',
			},
			{ name: 'ean', start: 179, length: 15, kind: 'alpha', label: 'ISBN-13/EAN' },
		],
	},
} satisfies Record<string, RecordLayout>;

export const SHIP_NOTICE_RECORDS_BY_CODE: ReadonlyMap<string, RecordLayout> = new Map(
	Object.values(SHIP_NOTICE_RECORDS).map((layout): [string, RecordLayout] => [layout.code, layout]),
);

export interface ShipmentPackage {
	/** The tracking number, else the secondary one (SSL); null for untracked mail. */
	trackingNumber: string | null;
	scac: string | null;
	/** UPS, USPS, FedEx, DHL… for common SCACs; the SCAC itself otherwise. */
	carrier: string | null;
	shippingMethodCode: string | null;
	shippingMethodName: string | null;
	/** Pounds: the sum of the weights of the detail records in the package. */
	weight: number;
}

export interface ShipmentLine {
	lineReference: string;
	ean: string | null;
	/** ISBN-10 shipped, else the one ordered; null when neither is given. */
	isbn10: string | null;
	/** One-letter DC code (ship notices give `CI` or `C `; both become `C`); null when blank. */
	dc: string | null;
	dcName: string | null;
	ingramOrderNumber: string | null;
	predictedQuantity: number;
	slashedQuantity: number;
	shippedQuantity: number;
	cancelledQuantity: number;
	status: string;
	statusMeaning: string;
	trackingNumber: string | null;
	scac: string | null;
	weight: number;
	shippingMethodCode?: string;
	shippingMethodName?: string;
	slashReason?: string;
	slashReasonMeaning?: string;
	listPrice: number;
	netPrice: number;
}

export interface Shipment {
	poNumber: string;
	consumerPoNumber: string | null;
	status: string;
	statusMeaning: string;
	/** YYYY-MM-DD; null when blank (a cancelled order ships nothing). */
	shipDate: string | null;
	subtotal: number;
	discount: number;
	salesTax: number;
	shippingAndHandling: number;
	total: number;
	freight: number;
	packages: ShipmentPackage[];
	lines: ShipmentLine[];
}

export interface ShipNoticeFile {
	fileName: string;
	companyAccount: string;
	orderCount: number;
	version: string;
	shipments: Shipment[];
}

const cents = (amount: number) => Math.round(amount * 100);

/**
 * Tax, S&H and freight of an OR record. The sources disagree on their implied decimals: the field
 * tables copied from Ingram's specification give tax and S&H 2 places and freight 4 (`00058000` =
 * $5.80); another long-running client divides tax and S&H by 10,000 and reads freight with 2. The
 * variant for which subtotal − discount + tax + S&H equals the order total (to the cent) wins; when
 * both or neither do, the specification's (2/2/4) is taken.
 */
function orderAmounts(record: ReplyRecord, subtotal: number, discount: number, total: number) {
	const tax = record.integer('salesTax') ?? 0;
	const handling = record.integer('shippingAndHandling') ?? 0;
	const freight = record.integer('freight') ?? 0;
	// What tax + S&H must come to, in cents, for the order total to add up.
	const needed = cents(total) - cents(subtotal) + cents(discount);
	const specificationAddsUp = tax + handling === needed;
	const otherAddsUp = Math.abs((tax + handling) / 100 - needed) <= 1;
	const specification = specificationAddsUp || !otherAddsUp;
	const round = (value: number, places: number) => Number((value / 10 ** places).toFixed(places));
	return specification
		? {
				salesTax: round(tax, 2),
				shippingAndHandling: round(handling, 2),
				freight: round(freight, 4),
			}
		: {
				salesTax: round(tax, 4),
				shippingAndHandling: round(handling, 4),
				freight: round(freight, 2),
			};
}

function readDetail(record: ReplyRecord): ShipmentLine {
	const status = record.text('status') as string;
	const known = ASN_STATUS_BY_CODE.get(status);
	if (!known) throw record.error('Item Detail Status Code', `"${status}" is not a known status`);
	const dcCode = record.text('dc');
	const dc = dcCode ? dcByAsnCode(dcCode) : undefined;
	const line: ShipmentLine = {
		lineReference: record.text('lineReference') ?? '',
		ean: record.text('ean') ?? null,
		isbn10: record.text('isbn10Shipped') ?? record.text('isbn10Ordered') ?? null,
		dc: dc?.letter ?? dcCode ?? null,
		dcName: dc?.name ?? null,
		ingramOrderNumber: record.text('ingramOrderNumber') ?? null,
		predictedQuantity: record.integer('predictedQuantity') ?? 0,
		slashedQuantity: record.integer('slashedQuantity') ?? 0,
		shippedQuantity: record.integer('shippedQuantity') ?? 0,
		cancelledQuantity: record.integer('cancelledQuantity') ?? 0,
		status,
		statusMeaning: known.meaning,
		trackingNumber: record.text('trackingNumber') ?? record.text('ssl') ?? null,
		scac: record.text('scac') ?? null,
		weight: record.amount('weight') ?? 0,
		listPrice: record.amount('listPrice') ?? 0,
		netPrice: record.amount('netPrice') ?? 0,
	};
	const methodOrReason = record.text('methodOrReason');
	if (methodOrReason) {
		const reason = SLASH_REASON_BY_CODE.get(methodOrReason);
		if (reason) {
			line.slashReason = reason.code;
			line.slashReasonMeaning = reason.meaning;
		} else {
			line.shippingMethodCode = methodOrReason;
			const name = asnShippingMethodName(methodOrReason);
			if (name) line.shippingMethodName = name;
		}
	}
	return line;
}

/**
 * The packages of a shipment: one per distinct tracking number (the SSL standing in when the
 * tracking number is blank) among the lines that shipped something or carry a tracking number;
 * shipped lines without any tracking number (economy mail) make one untracked package.
 */
function packagesOf(lines: ShipmentLine[]): ShipmentPackage[] {
	const packages = new Map<string | null, ShipmentPackage>();
	for (const line of lines) {
		if (line.shippedQuantity === 0 && line.trackingNumber === null) continue;
		const existing = packages.get(line.trackingNumber);
		if (existing) {
			existing.weight = Number((existing.weight + line.weight).toFixed(2));
			existing.scac ??= line.scac;
			existing.carrier ??= line.scac ? carrierName(line.scac) : null;
			existing.shippingMethodCode ??= line.shippingMethodCode ?? null;
			existing.shippingMethodName ??= line.shippingMethodName ?? null;
			continue;
		}
		packages.set(line.trackingNumber, {
			trackingNumber: line.trackingNumber,
			scac: line.scac,
			carrier: line.scac ? carrierName(line.scac) : null,
			shippingMethodCode: line.shippingMethodCode ?? null,
			shippingMethodName: line.shippingMethodName ?? null,
			weight: line.weight,
		});
	}
	return [...packages.values()];
}

/**
 * Reads an advance ship notice (.PBS). Returns `{ pending: true, reason }` when the file holds one
 * of Ingram's "check back later" texts instead. Bad input of any kind throws a ReplyFileError
 * naming the file, the record, its code and the field. The CR record's order count must match the
 * OR records: a file cut short after a whole record is caught that way.
 */
export function readShipNoticeFile(text: string, fileName: string): PendingReply | ShipNoticeFile {
	const context = new ReplyFileContext('ship notice', String(fileName), SHIP_NOTICE_RECORD_LENGTH);
	if (typeof text !== 'string') throw context.fileError('Content', 'is not text');
	const pending = pendingReply(text);
	if (pending) return pending;

	const records = context.records(text, SHIP_NOTICE_RECORDS_BY_CODE);
	let file: ShipNoticeFile | undefined;
	let shipment: Shipment | undefined;
	const finish = (current: Shipment | undefined) => {
		if (current) current.packages = packagesOf(current.lines);
	};

	for (const record of records) {
		if (record.code === 'CR') {
			if (file) throw record.error('Record Code', 'a second company record (CR)');
			file = {
				fileName: context.file,
				companyAccount: record.text('companyAccount') ?? '',
				orderCount: record.integer('orderCount') as number,
				version: record.text('version') ?? '',
				shipments: [],
			};
			continue;
		}
		if (!file) throw record.error('Record Code', 'comes before the company record (CR)');
		if (record.code === 'OR') {
			finish(shipment);
			const status = record.text('status') as string;
			const known = ASN_STATUS_BY_CODE.get(status);
			if (!known) throw record.error('Order Status Code', `"${status}" is not a known status`);
			const subtotal = record.amount('subtotal') ?? 0;
			const discount = record.amount('discount') ?? 0;
			const total = record.amount('total') ?? 0;
			shipment = {
				poNumber: record.text('poNumber') as string,
				consumerPoNumber: record.text('consumerPoNumber') ?? null,
				status,
				statusMeaning: known.meaning,
				shipDate: record.date('shipDate') ?? null,
				subtotal,
				discount,
				...orderAmounts(record, subtotal, discount, total),
				total,
				packages: [],
				lines: [],
			};
			file.shipments.push(shipment);
			continue;
		}
		// OD: a detail of the order opened by the last OR, and it says so.
		if (!shipment) {
			throw record.error('Record Code', 'an order detail (OD) before any order record (OR)');
		}
		const owner = record.text('poNumber') as string;
		if (owner !== shipment.poNumber) {
			throw record.error(
				'Client Order ID',
				`"${owner}" differs from the order of the OR record before it, "${shipment.poNumber}"`,
			);
		}
		shipment.lines.push(readDetail(record));
	}
	finish(shipment);
	const last = records[records.length - 1];
	if (!file) throw last.error('Record Code', 'the file has no company record (CR)');
	if (file.shipments.length !== file.orderCount) {
		throw last.error(
			'Record Code',
			`the file ends here with ${file.shipments.length} order record(s) (OR) where the company record (CR) counts ${file.orderCount}: it may have been cut short`,
		);
	}
	return file;
}
