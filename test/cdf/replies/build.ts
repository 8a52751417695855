/**
 * Builders of reply files for the reader tests: records written field by field with the readers'
 * own layout tables (so positions come from one place), plus "patches" that put Ingram's quirks in
 * reserved positions, the way real files have them.
 */
import {
	writeRecord,
	type RecordLayout,
	type RecordValues,
} from '../../../nodes/IngramContent/codec/fixedWidth';
import { ACKNOWLEDGEMENT_RECORDS as A } from '../../../nodes/IngramContent/codec/acknowledgementFile';
import { SHIP_NOTICE_RECORDS as S } from '../../../nodes/IngramContent/codec/shipNoticeFile';
import { INVOICE_RECORDS as I } from '../../../nodes/IngramContent/codec/invoiceFile';

/** A record from its layout and values, then `patches` of [1-based position, text] over it. */
export function record(
	layout: RecordLayout,
	values: RecordValues,
	patches: Array<[number, string]> = [],
): string {
	const chars = writeRecord(layout, values).split('');
	for (const [position, text] of patches) {
		for (let i = 0; i < text.length; i++) chars[position - 1 + i] = text[i];
	}
	return chars.join('');
}

export const joinCrlf = (records: string[]) => records.map((r) => `${r}\r\n`).join('');
export const joinLf = (records: string[]) => records.map((r) => `${r}\n`).join('');
export const joinNone = (records: string[]) => records.join('');

/** Numbers the records 1, 2, 3… in positions 3–7 (acknowledgement and invoice records). */
const numbered = (records: string[]) =>
	records.map((r, n) => `${r.slice(0, 2)}${String(n + 1).padStart(5, '0')}${r.slice(7)}`);

// ---------------------------------------------------------------------------------------------
// Acknowledgements

/**
 * Ingram's standard closing text, here in our own words, long enough to need six vendor-message
 * records and cut every 50 characters wherever that falls, mid-word included, as Ingram does.
 */
export const VENDOR_TEXT =
	'WE HAVE RECEIVED YOUR ORDER.  QUESTIONS ABOUT IT GO TO INGRAM ELECTRONIC ORDERING, ' +
	'1-800-234-6737, OR BY EMAIL.  AN ORDER SENT ELECTRONICALLY CANNOT BE CHANGED OR ' +
	'CANCELLED ONLINE; TO CANCEL ONE, CALL AN      ELECTRONIC ORDERING REPRESENTATIVE AT ' +
	'1-800-234-6737 DURING BUSINESS HOURS.';

export const vendorPieces = (text: string) =>
	Array.from({ length: Math.ceil(text.length / 50) }, (_, n) => text.slice(n * 50, n * 50 + 50));

export interface PoaLineSpec {
	reference: string;
	itemNumber?: string;
	status: string;
	dc?: string;
	ordered?: number;
	predicted?: number;
	availability?: string;
	inventory?: string;
	title?: string;
	author?: string;
	binding?: string;
	publisher?: string;
	publication?: string;
	discount?: number;
	netPrice?: number;
	discountedListPrice?: number;
	clientItemNumber?: string;
}

export interface PoaSpec {
	poNumber: string;
	poStatus?: string;
	shipTo?: string;
	messages?: string[];
	address?: {
		name: string;
		lines: string[];
		city: string;
		state: string;
		zip: string;
		country: string;
	};
	lines: PoaLineSpec[];
}

/** Records 40–45 of one line; `omit` leaves out record codes (acknowledgement types 2–4). */
function poaLineRecords(poNumber: string, line: PoaLineSpec, omit: readonly string[]): string[] {
	const records = [
		record(
			A.lineItem,
			{
				poNumber,
				lineReference: line.reference,
				itemNumber: line.itemNumber ?? '9780000000002',
				status: line.status,
				dc: line.dc,
			},
			[[72, '001001']],
		),
		record(
			A.additionalDetail,
			{
				poNumber,
				availabilityDate: line.availability ?? '000000',
				dcInventory: line.inventory ?? ' 0000 0000 0000 0000 0000 0000 0000',
			},
			[
				[30, '000 '],
				[40, '{'],
			],
		),
		record(A.titleRecord, {
			poNumber,
			title: line.title ?? 'A QUIET YEAR IN THE HILLS',
			author: line.author ?? 'MARSH ELLEN',
			binding: line.binding ?? 'T',
		}),
		record(
			A.publisherRecord,
			{
				poNumber,
				publisher: line.publisher ?? 'HILLSIDE PRESS',
				publicationDate: line.publication ?? '0309',
				originalSequence: '00017',
				discount: line.discount ?? 3500,
				predictedQuantity: line.predicted ?? 0,
			},
			[[70, '0000000']],
		),
		record(A.priceRecord, {
			poNumber,
			netPrice: line.netPrice ?? 4.99,
			itemNumberType: 'EN',
			discountedListPrice: line.discountedListPrice ?? 3.24,
			orderedQuantity: line.ordered ?? 1,
		}),
		record(A.clientItem, { poNumber, clientItemNumber: line.clientItemNumber ?? '' }),
	];
	return records.filter((r) => !omit.includes(r.slice(0, 2)));
}

export function poaRecords(
	pos: PoaSpec[],
	options: { poaType?: string; orderFileName?: string; omit?: readonly string[] } = {},
): string[] {
	const omit = options.omit ?? [];
	const records: string[] = [
		record(A.fileHeader, {
			fileSourceSan: '1697978',
			fileSourceName: 'INGRAM',
			creationDate: '260115',
			controlUnit: 'RKQZT',
			orderFileName: options.orderFileName ?? '260115093000.FBO',
			formatVersion: 'F03',
			destinationSan: '0000000',
			poaType: options.poaType ?? '1',
		}),
	];
	let lines = 0;
	let units = 0;
	for (const po of pos) {
		const start = records.length;
		records.push(
			record(A.poHeader, {
				poNumber: po.poNumber,
				shipToAccount: po.shipTo ?? 'SHIPTO1',
				icgSan: '1697978',
				poStatus: po.poStatus ?? '0',
				acknowledgementDate: '260115',
				poDate: '260115',
				cancelDate: '260415',
			}),
			...(po.messages ?? vendorPieces(VENDOR_TEXT)).map((text) =>
				record(A.vendorMessage, { poNumber: po.poNumber, text }),
			),
		);
		if (po.address) {
			const a = po.address;
			records.push(
				record(A.recipientName, { poNumber: po.poNumber, name: a.name }),
				...a.lines.map((text) => record(A.recipientAddress, { poNumber: po.poNumber, text })),
				record(A.recipientCity, {
					poNumber: po.poNumber,
					city: a.city,
					state: a.state,
					postalCode: a.zip,
					country: a.country,
				}),
			);
		}
		const poUnits = po.lines.reduce((sum, line) => sum + (line.predicted ?? 0), 0);
		for (const line of po.lines) records.push(...poaLineRecords(po.poNumber, line, omit));
		records.push(
			record(A.poTrailer, {
				poNumber: po.poNumber,
				// 11 through the last line record, as in the real sample (the 59 itself not counted)
				recordCount: records.length - start,
				lineCount: po.lines.length,
				unitCount: poUnits,
			}),
		);
		lines += po.lines.length;
		units += poUnits;
	}
	const count = (from: number, to: number) =>
		records.filter((r) => Number(r.slice(0, 2)) >= from && Number(r.slice(0, 2)) <= to).length;
	records.push(
		record(A.fileTrailer, {
			lineCount: lines,
			poCount: pos.length,
			unitCount: units,
			records01to09: count(1, 9),
			records10to19: count(10, 19),
			records20to29: count(20, 29),
			records30to39: count(30, 39),
			records40to49: count(40, 49),
			records50to59: count(50, 59),
			records60to99: count(60, 99) + 1,
		}),
	);
	return numbered(records);
}

/**
 * An acknowledgement like the real one in the research notes (§4): one PO accepted with Ingram's
 * six-record standard message, one line predicted to ship from Chambersburg (status 00, DC C),
 * its title, author, publication date 03/09, net 4.99, discounted 3.24, quantity 1 — sixteen
 * 80-character records on one 1,280-character line.
 */
export const POA_SAMPLE_RECORDS = poaRecords([
	{
		poNumber: 'ORD1001',
		lines: [
			{
				reference: '1',
				status: '00',
				dc: 'C',
				ordered: 1,
				predicted: 1,
				clientItemNumber: 'SKU-1001',
			},
		],
	},
]);
export const POA_SAMPLE = joinNone(POA_SAMPLE_RECORDS);

// ---------------------------------------------------------------------------------------------
// Ship notices

export interface OdSpec {
	dc?: string;
	reference: string;
	ean?: string;
	isbn10?: string;
	predicted?: number | '';
	slashed?: number | '';
	shipped?: number;
	cancelled?: number | '';
	status?: string;
	tracking?: string;
	scac?: string;
	ssl?: string;
	weight?: number;
	code?: string;
	listPrice?: number;
	netPrice?: number;
	entry?: string;
}

export interface OrSpec {
	poNumber: string;
	status?: string;
	subtotal: number;
	discount?: number;
	tax?: number;
	handling?: number;
	total: number;
	freight?: number;
	/** Where the implied decimal points of tax, S&H and freight sit. */
	variant?: 'specification' | 'other';
	shipDate?: string;
	consumerPo?: string;
	details: OdSpec[];
}

const digits = (amount: number, places: number, length: number) =>
	String(Math.round(amount * 10 ** places)).padStart(length, '0');

export function asnRecords(orders: OrSpec[], account = '20N2730', count?: number): string[] {
	const records = [
		record(S.company, {
			companyAccount: account,
			orderCount: count ?? orders.length,
			version: '4.0',
		}),
	];
	for (const order of orders) {
		const spec = (order.variant ?? 'specification') === 'specification';
		records.push(
			record(
				S.order,
				{
					poNumber: order.poNumber,
					status: order.status ?? '00',
					subtotal: order.subtotal,
					discount: order.discount ?? 0,
					salesTax: digits(order.tax ?? 0, spec ? 2 : 4, 8),
					shippingAndHandling: digits(order.handling ?? 0, spec ? 2 : 4, 8),
					total: order.total,
					freight: digits(order.freight ?? 0, spec ? 4 : 2, 8),
					detailCount: order.details.length,
					shipDate: order.shipDate ?? '20260120',
					consumerPoNumber: order.consumerPo ?? '',
				},
				[[43, '0'.repeat(24)]],
			),
		);
		for (const d of order.details) {
			const quantity = (value: number | '' | undefined, fallback: number | '') =>
				value === undefined ? fallback : value === '' ? '' : value;
			records.push(
				record(S.detail, {
					poNumber: order.poNumber,
					dc: d.dc ?? 'C ',
					ingramOrderNumber: d.entry ?? '01705',
					cancelledQuantity: quantity(d.cancelled, ''),
					isbn10Ordered: d.isbn10 ?? '0000000000',
					isbn10Shipped: d.isbn10 ?? '0000000000',
					predictedQuantity: quantity(d.predicted, d.shipped ?? 1),
					slashedQuantity: quantity(d.slashed, ''),
					shippedQuantity: d.shipped ?? 1,
					status: d.status ?? '00',
					trackingNumber: d.tracking ?? '',
					scac: d.scac ?? '',
					listPrice: d.listPrice ?? 12.99,
					netPrice: d.netPrice ?? 8.44,
					lineReference: d.reference,
					ssl: d.ssl ?? '',
					weight: d.weight ?? 1.25,
					methodOrReason: d.code ?? '',
					ean: d.ean ?? '9780000000002',
				}),
			);
		}
	}
	return records;
}

// ---------------------------------------------------------------------------------------------
// Invoices

export interface InvoiceLineSpec {
	isbn10: string;
	ean?: string;
	quantity: number;
	listPrice: number;
	discount: number;
	netPrice: number;
	title: string;
	poNumber: string;
	reference?: string;
}

export interface InvoiceSpec {
	number: string;
	san?: string;
	groups: Array<{
		lines: InvoiceLineSpec[];
		tracking: string;
		netPrice: number;
		shipping: number;
		handling: number;
		giftWrap?: number;
		amountDue: number;
	}>;
	totals: {
		records: number;
		titles: number;
		units: number;
		billOfLading: string;
		weight: number;
		netPrice: number;
		shipping: number;
		handling: number;
		giftWrap?: number;
		total: number;
	};
}

/** Invoice records; sequence numbers restart with every invoice, as in real files. */
export function invoiceRecords(invoices: InvoiceSpec[]): string[] {
	const records = [
		record(I.fileHeader, {
			ingramSan: '169797800000',
			fileSourceName: 'INGRAM BK CO',
			creationDate: '260122',
			fileName: 'INVOICE COMMUNICATIONS',
		}),
	];
	let titles = 0;
	let units = 0;
	for (const invoice of invoices) {
		const own: string[] = [
			record(I.invoiceHeader, {
				invoiceNumber: invoice.number,
				accountId: '20N2730',
				warehouseSan: invoice.san ?? '',
				invoiceDate: '20260122',
			}),
		];
		for (const group of invoice.groups) {
			for (const line of group.lines) {
				own.push(
					record(I.detail, {
						invoiceNumber: invoice.number,
						isbn10: line.isbn10,
						quantity: line.quantity,
						listPrice: line.listPrice,
						discount: line.discount,
						netPrice: line.netPrice,
						meteredDate: '20260122',
					}),
					record(I.eanDetail, { invoiceNumber: invoice.number, ean: line.ean ?? '' }),
					record(
						I.titleDetail,
						{
							invoiceNumber: invoice.number,
							title: line.title,
							poNumber: line.poNumber,
							lineReference: line.reference ?? '',
						},
						[
							[16, '20260122'],
							[40, '00000'],
							[77, '0000'],
						],
					),
				);
				titles += 1;
				units += line.quantity;
			}
			own.push(
				record(I.freightAndFees, {
					invoiceNumber: invoice.number,
					trackingNumber: group.tracking,
					netPrice: group.netPrice,
					shipping: group.shipping,
					handling: group.handling,
					giftWrap: group.giftWrap ?? 0,
					amountDue: group.amountDue,
				}),
			);
		}
		const t = invoice.totals;
		own.push(
			record(I.invoiceTotals, {
				invoiceNumber: invoice.number,
				recordCount: t.records,
				titles: t.titles,
				units: t.units,
				billOfLading: t.billOfLading,
				weight: t.weight,
			}),
			record(
				I.invoiceTrailer,
				{
					invoiceNumber: invoice.number,
					netPrice: t.netPrice,
					shipping: t.shipping,
					handling: t.handling,
					giftWrap: t.giftWrap ?? 0,
					total: t.total,
				},
				[[30, '      ']],
			),
		);
		records.push(...numbered(own));
	}
	records.push(record(I.fileTrailer, { titles, invoices: invoices.length, units }));
	return records;
}

const BOOK = {
	isbn10: '0000000000',
	ean: '9780000000002',
	quantity: 1,
	listPrice: 4.99,
	discount: 35,
	netPrice: 3.24,
	title: 'A QUIET YEAR IN ',
};

/** Two invoices like the real sample: books from Chambersburg, then the CDF fees of an order. */
export const INVOICES: InvoiceSpec[] = [
	{
		number: '10003868',
		san: '2544105',
		groups: [
			{
				lines: [{ ...BOOK, poNumber: 'ORD1001', reference: '1' }],
				tracking: '1Z999AA10123456784',
				netPrice: 3.24,
				shipping: 0,
				handling: 0,
				amountDue: 3.24,
			},
			{
				lines: [
					{
						...BOOK,
						quantity: 3,
						discount: 3500,
						netPrice: 9.72,
						poNumber: 'ORD1002',
						reference: '7',
					},
				],
				tracking: '1Z999AA10123456785',
				netPrice: 9.72,
				shipping: 0,
				handling: 0,
				amountDue: 9.72,
			},
		],
		totals: {
			records: 9,
			titles: 2,
			units: 4,
			billOfLading: 'TESTCI0001',
			weight: 3,
			netPrice: 12.96,
			shipping: 0,
			handling: 0,
			total: 12.96,
		},
	},
	{
		number: '10003869',
		groups: [
			{
				lines: [
					{
						isbn10: '555887564X',
						ean: '9785558875645',
						quantity: 1,
						listPrice: 0,
						discount: 0,
						netPrice: 0,
						title: ' ORDER CHARGE',
						poNumber: 'ORD1001',
					},
					{
						isbn10: '5558875666',
						ean: '9785558875669',
						quantity: 1,
						listPrice: 0.65,
						discount: 0,
						netPrice: 0.65,
						title: ' PER PIECE CHARG',
						poNumber: 'ORD1001',
						reference: '1',
					},
					{
						isbn10: '5558875674',
						quantity: 1,
						listPrice: 0.25,
						discount: 0,
						netPrice: 0.25,
						title: 'PACKING SLIP',
						poNumber: 'ORD1001',
					},
				],
				tracking: 'N.A',
				netPrice: 0.9,
				shipping: 0.01,
				handling: 0.65,
				giftWrap: 2,
				amountDue: 3.56,
			},
		],
		totals: {
			records: 12,
			titles: 3,
			units: 3,
			billOfLading: 'TESTCI0002',
			weight: 0,
			netPrice: 0.9,
			shipping: -1.2,
			handling: 1.3,
			giftWrap: 2,
			total: 3,
		},
	},
];

/** Real invoices come with trailing spaces stripped from every record. */
export const stripTrailing = (records: string[]) => records.map((r) => r.trimEnd());
