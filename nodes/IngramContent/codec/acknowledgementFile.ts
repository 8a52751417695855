/**
 * The purchase-order acknowledgement (POA, `.fbc`, 80-character records): Ingram's answer to an
 * order file, saying per PO whether it was taken and per line what will ship, wait or be
 * cancelled. Record order: 02 file header; per PO an 11, its vendor messages (21), an echo of the
 * recipient address when Ingram changed it (30, 32, 34), per line a 40 followed by 41–45, and the
 * PO trailer 59; the file trailer 91 last. Acknowledgement types 2–5 leave out records 42–44, or
 * the lines without an exception (type 5).
 */
import {
	recordCodeField,
	recordsStartingWith,
	sequenceField,
	type FieldSpec,
	type RecordLayout,
} from './fixedWidth';
import {
	BINDING_BY_CODE,
	LINE_STATUS_BY_CODE,
	PO_STATUS_BY_CODE,
	dcByLetter,
	type LineStatusGroup,
} from './codes';
import {
	ReplyFileContext,
	discountPercent,
	pendingReply,
	type PendingReply,
	type ReplyRecord,
} from './replyFiles';

export const ACKNOWLEDGEMENT_RECORD_LENGTH = 80;

const code = recordCodeField;
const sequence = sequenceField('Sequence Number');
const poNumber: FieldSpec = {
	name: 'poNumber',
	start: 8,
	length: 22,
	kind: 'alpha',
	required: true,
	label: 'PO Number',
};

/** Records 21–59 start with their code, a sequence number and the PO number (8–29). */
const poRecord = recordsStartingWith(ACKNOWLEDGEMENT_RECORD_LENGTH, [sequence, poNumber]);

export const ACKNOWLEDGEMENT_RECORDS = {
	fileHeader: {
		code: '02',
		name: 'File header',
		length: ACKNOWLEDGEMENT_RECORD_LENGTH,
		fields: [
			code('02'),
			sequence,
			{ name: 'fileSourceSan', start: 8, length: 7, kind: 'alpha', label: 'File Source SAN' },
			{ name: 'fileSourceName', start: 20, length: 13, kind: 'alpha', label: 'File Source Name' },
			{
				name: 'creationDate',
				start: 33,
				length: 6,
				kind: 'date',
				required: true,
				label: 'POA Creation Date',
			},
			{
				name: 'controlUnit',
				start: 39,
				length: 5,
				kind: 'alpha',
				label: 'Electronic Control Unit',
			},
			{ name: 'orderFileName', start: 44, length: 17, kind: 'alpha', label: 'File Name' },
			{ name: 'formatVersion', start: 61, length: 3, kind: 'alpha', label: 'Format Version' },
			{ name: 'destinationSan', start: 64, length: 7, kind: 'alpha', label: 'Destination SAN' },
			{ name: 'poaType', start: 76, length: 1, kind: 'alpha', label: 'POA Type' },
		],
	},
	poHeader: {
		code: '11',
		name: 'PO header',
		length: ACKNOWLEDGEMENT_RECORD_LENGTH,
		fields: [
			code('11'),
			sequence,
			{ name: 'toc', start: 8, length: 13, kind: 'alpha', label: 'TOC' },
			{
				name: 'poNumber',
				start: 21,
				length: 22,
				kind: 'alpha',
				required: true,
				label: 'PO Number',
			},
			{ name: 'shipToAccount', start: 43, length: 7, kind: 'alpha', label: 'Ship-To Account' },
			{ name: 'icgSan', start: 50, length: 7, kind: 'alpha', label: 'ICG SAN' },
			{ name: 'poStatus', start: 57, length: 1, kind: 'alpha', required: true, label: 'PO Status' },
			{
				name: 'acknowledgementDate',
				start: 58,
				length: 6,
				kind: 'date',
				label: 'Acknowledgement Date',
			},
			{ name: 'poDate', start: 64, length: 6, kind: 'date', label: 'PO Date' },
			{ name: 'cancelDate', start: 70, length: 6, kind: 'date', label: 'PO Cancellation Date' },
		],
	},
	vendorMessage: poRecord('21', 'Vendor message', [
		{ name: 'text', start: 30, length: 50, kind: 'alpha', label: 'Vendor Message' },
	]),
	recipientName: poRecord('30', 'Recipient name (changed)', [
		{ name: 'name', start: 30, length: 35, kind: 'alpha', label: 'Recipient Name' },
	]),
	recipientAddress: poRecord('32', 'Recipient address line (changed)', [
		{ name: 'text', start: 30, length: 35, kind: 'alpha', label: 'Address Line' },
	]),
	recipientCity: poRecord('34', 'Recipient city, state, postal code (changed)', [
		{ name: 'city', start: 30, length: 25, kind: 'alpha', label: 'City' },
		{ name: 'state', start: 55, length: 3, kind: 'alpha', label: 'State/Province' },
		{ name: 'postalCode', start: 58, length: 11, kind: 'alpha', label: 'Postal Code' },
		{ name: 'country', start: 69, length: 3, kind: 'alpha', label: 'Country' },
	]),
	lineItem: poRecord('40', 'Line item', [
		{ name: 'lineReference', start: 30, length: 10, kind: 'alpha', label: 'Line Item PO Number' },
		{ name: 'itemNumber', start: 52, length: 20, kind: 'alpha', label: 'Item Number' },
		{ name: 'status', start: 78, length: 2, kind: 'alpha', required: true, label: 'Line Status' },
		{ name: 'dc', start: 80, length: 1, kind: 'alpha', label: 'DC Code' },
	]),
	additionalDetail: poRecord('41', 'Availability and DC inventory', [
		{
			name: 'availabilityDate',
			start: 34,
			length: 6,
			kind: 'date',
			label: 'Availability Date',
		},
		{
			name: 'dcInventory',
			start: 41,
			length: 40,
			kind: 'alpha',
			label: 'DC Inventory Information',
		},
	]),
	titleRecord: poRecord('42', 'Title, author, binding', [
		{ name: 'title', start: 30, length: 30, kind: 'alpha', label: 'Title' },
		{ name: 'author', start: 60, length: 20, kind: 'alpha', label: 'Author' },
		{ name: 'binding', start: 80, length: 1, kind: 'alpha', label: 'Binding Code' },
	]),
	publisherRecord: poRecord('43', 'Publisher, publication date, prediction', [
		{ name: 'publisher', start: 30, length: 20, kind: 'alpha', label: 'Publisher Name' },
		{
			name: 'publicationDate',
			start: 50,
			length: 4,
			kind: 'alpha',
			label: 'Publication/Release Date',
		},
		{
			name: 'originalSequence',
			start: 54,
			length: 5,
			kind: 'alpha',
			label: 'Original Sequence Number',
		},
		{ name: 'discount', start: 59, length: 4, kind: 'numeric', label: 'Discount Percent' },
		{
			name: 'predictedQuantity',
			start: 63,
			length: 7,
			kind: 'numeric',
			label: 'Total Qty Predicted to Ship Primary',
		},
	]),
	priceRecord: poRecord('44', 'Prices and ordered quantity', [
		{ name: 'netPrice', start: 50, length: 8, kind: 'decimal', decimals: 2, label: 'Net Price' },
		{ name: 'itemNumberType', start: 58, length: 2, kind: 'alpha', label: 'Item Number Type' },
		{
			name: 'discountedListPrice',
			start: 60,
			length: 8,
			kind: 'decimal',
			decimals: 2,
			label: 'Discounted List Price',
		},
		{
			name: 'orderedQuantity',
			start: 68,
			length: 7,
			kind: 'numeric',
			label: 'Total Line Order Qty',
		},
	]),
	clientItem: poRecord('45', 'Client item number', [
		{
			name: 'clientItemNumber',
			start: 30,
			length: 20,
			kind: 'alpha',
			label: 'Client Item Number',
		},
	]),
	poTrailer: poRecord('59', 'PO trailer', [
		{ name: 'recordCount', start: 30, length: 5, kind: 'numeric', label: 'Record Count' },
		{ name: 'lineCount', start: 35, length: 10, kind: 'numeric', label: 'Total Line Items' },
		{ name: 'unitCount', start: 45, length: 10, kind: 'numeric', label: 'Total Units' },
	]),
	fileTrailer: {
		code: '91',
		name: 'File trailer',
		length: ACKNOWLEDGEMENT_RECORD_LENGTH,
		fields: [
			code('91'),
			sequence,
			{ name: 'lineCount', start: 8, length: 13, kind: 'numeric', label: 'Total Line Items' },
			{ name: 'poCount', start: 21, length: 5, kind: 'numeric', label: "Total PO's" },
			{ name: 'unitCount', start: 26, length: 10, kind: 'numeric', label: 'Total Units' },
			...['01to09', '10to19', '20to29', '30to39', '40to49', '50to59', '60to99'].map(
				(group, n): FieldSpec => ({
					name: `records${group}`,
					start: 36 + n * 5,
					length: 5,
					kind: 'numeric',
					label: `Record Count ${group.replace('to', '-')}`,
				}),
			),
		],
	},
} satisfies Record<string, RecordLayout>;

export const ACKNOWLEDGEMENT_RECORDS_BY_CODE: ReadonlyMap<string, RecordLayout> = new Map(
	Object.values(ACKNOWLEDGEMENT_RECORDS).map((layout): [string, RecordLayout] => [
		layout.code,
		layout,
	]),
);

export interface AcknowledgedLine {
	/** Your line reference from the order (record 40 of the .fbo). */
	lineReference: string;
	itemNumber: string;
	/** EN, BN or UP, echoed from the order (record 44). */
	itemNumberType?: string;
	status: string;
	statusMeaning: string;
	statusGroup: LineStatusGroup;
	/** One-letter DC code; null when blank. */
	dc: string | null;
	/** Null when blank or a letter no list names. */
	dcName: string | null;
	/** YYYY-MM-DD: when the title should be available (back orders). */
	availabilityDate?: string;
	/** On-hand quantity per DC, when Ingram reports it (out of stock, stock status requests). */
	dcInventory: Array<{ dc: string; onHand: number }>;
	title?: string;
	author?: string;
	/** The binding's name (Hardcover, Trade paperback…); the code itself when unknown. */
	binding?: string;
	publisher?: string;
	/** YYYY-MM. */
	publicationDate?: string;
	discountPercent?: number;
	netPrice?: number;
	discountedListPrice?: number;
	clientItemNumber?: string;
	orderedQuantity: number;
	predictedQuantity: number;
	backorderedQuantity: number;
	cancelledQuantity: number;
}

export interface ChangedAddress {
	name?: string;
	addressLines: string[];
	city?: string;
	state?: string;
	postalCode?: string;
	country?: string;
}

export interface AcknowledgedPo {
	poNumber: string;
	shipToAccount: string | null;
	poStatus: string;
	poStatusMeaning: string;
	/**
	 * `rejected`: the PO status is not 0, or no line will ship or wait for stock (every line
	 * cancelled, or no line at all). `accepted`: every line ships in full. `partial`: anything
	 * between — back-ordered, not yet published, partly or wholly cancelled lines next to lines that
	 * ship or wait. An exception acknowledgement (type 5) leaves out the lines that ship in full, so
	 * there a PO with status 0 is `accepted` without lines and `partial` with any exception.
	 */
	outcome: 'accepted' | 'partial' | 'rejected';
	/** YYYY-MM-DD; null when blank. */
	acknowledgementDate: string | null;
	poDate: string | null;
	cancelDate: string | null;
	/** Ingram's vendor messages (records 21) as one text. */
	messages: string;
	/** The recipient address as Ingram changed it (records 30, 32, 34), when it did. */
	addressChanged?: ChangedAddress;
	lines: AcknowledgedLine[];
	/** From the PO trailer (59). */
	totals: { records: number; lines: number; units: number };
}

export interface AcknowledgementFile {
	fileName: string;
	/** The order file's name as Ingram echoes it (17 characters at most, often upper case). */
	orderFileName: string;
	/** YYYY-MM-DD. */
	creationDate: string;
	/** 1 full, 2 no 42/43, 3 no 44, 4 no 42–44, 5 exception lines only; null when blank. */
	poaType: string | null;
	pos: AcknowledgedPo[];
}

/** What records 40–45 said about one line, before the quantities are worked out. */
interface LineDraft {
	line: AcknowledgedLine;
	rawDiscount?: number;
	predicted43?: number;
	ordered44?: number;
}

/**
 * The four quantities of a line. The file gives two numbers: the total ordered (record 44) and
 * what should ship from the primary DC (record 43). From them and the line status group:
 * - ordered = record 44's quantity; when the file has no record 44 (acknowledgement types 3 and 4)
 *   record 43's prediction stands in, and 0 when neither record is there — the ordered quantity is
 *   then only in your own order.
 * - accepted: the whole ordered quantity is predicted to ship (record 43 counts the primary DC
 *   only, while codes 04, 30 and 35 ship from the secondary DC too); nothing back-ordered or
 *   cancelled.
 * - backordered: predicted = record 43's quantity (at most the ordered one); the rest is
 *   back-ordered.
 * - partialCancel: predicted = record 43's quantity (at most the ordered one); the rest is cancelled.
 * - cancelled: nothing ships; the whole ordered quantity is cancelled.
 * Without record 43 (types 2 and 4) the prediction of a back-ordered or partly cancelled line
 * counts as 0, so all of it reads as back-ordered or cancelled. Record 43 counts the primary DC
 * only, so the secondary-DC codes (09, 31, 32, 37, 25, 38) may ship more than predicted here.
 */
function settleQuantities(draft: LineDraft): AcknowledgedLine {
	const { line } = draft;
	const ordered = draft.ordered44 ?? draft.predicted43 ?? 0;
	const predicted = Math.min(draft.predicted43 ?? 0, ordered);
	line.orderedQuantity = ordered;
	switch (line.statusGroup) {
		case 'accepted':
			line.predictedQuantity = ordered;
			break;
		case 'backordered':
			line.predictedQuantity = predicted;
			line.backorderedQuantity = ordered - predicted;
			break;
		case 'partialCancel':
			line.predictedQuantity = predicted;
			line.cancelledQuantity = ordered - predicted;
			break;
		case 'cancelled':
			line.cancelledQuantity = ordered;
			break;
	}
	if (draft.rawDiscount !== undefined) {
		line.discountPercent = discountPercent(
			draft.rawDiscount,
			line.netPrice,
			line.discountedListPrice,
		);
	}
	return line;
}

function outcomeOf(po: AcknowledgedPo, poaType: string | null): AcknowledgedPo['outcome'] {
	if (po.poStatus !== '0') return 'rejected';
	// An exception acknowledgement (type 5) lists only the lines with a problem; the lines it leaves
	// out ship in full. Without them listed, it cannot show that nothing ships: no lines means
	// accepted, any exception means partial.
	if (poaType === '5') {
		return po.lines.every((line) => line.statusGroup === 'accepted') ? 'accepted' : 'partial';
	}
	if (po.lines.length === 0) return 'rejected';
	if (po.lines.every((line) => line.statusGroup === 'accepted')) return 'accepted';
	// Part of a partly cancelled line still ships, so it keeps the PO from being rejected.
	if (po.lines.every((line) => line.statusGroup === 'cancelled')) return 'rejected';
	return 'partial';
}

/** DC inventory (record 41, 41–80): groups of a DC letter and four digits; blank DCs skipped. */
function readDcInventory(record: ReplyRecord): Array<{ dc: string; onHand: number }> {
	const text = record.slice('dcInventory');
	const inventory: Array<{ dc: string; onHand: number }> = [];
	for (let start = 0; start + 5 <= text.length; start += 5) {
		const group = text.slice(start, start + 5);
		if (group[0] === ' ') continue;
		if (!/^[A-Z0-9]\d{4}$/.test(group)) {
			throw record.error(
				'DC Inventory Information',
				`"${group.replace(/[^\x20-\x7e]/g, '?')}" at positions ${41 + start}–${45 + start} is not a DC code and a 4-digit on-hand quantity`,
			);
		}
		inventory.push({ dc: group[0], onHand: Number(group.slice(1)) });
	}
	return inventory;
}

/** The recipient address of a PO as changed by Ingram, created on its first 30/32/34. */
const changedAddress = (po: AcknowledgedPo): ChangedAddress =>
	(po.addressChanged ??= { addressLines: [] });

/**
 * Reads an acknowledgement (.fbc). Returns `{ pending: true, reason }` when the file holds one of
 * Ingram's "check back later" texts instead (NO MAINFRAME…). Bad input of any kind throws a
 * ReplyFileError naming the file, the record, its code and the field.
 */
export function readAcknowledgementFile(
	text: string,
	fileName: string,
): PendingReply | AcknowledgementFile {
	const context = new ReplyFileContext(
		'acknowledgement',
		String(fileName),
		ACKNOWLEDGEMENT_RECORD_LENGTH,
	);
	if (typeof text !== 'string') throw context.fileError('Content', 'is not text');
	const pending = pendingReply(text);
	if (pending) return pending;

	const records = context.records(text, ACKNOWLEDGEMENT_RECORDS_BY_CODE);
	let file: AcknowledgementFile | undefined;
	let po: AcknowledgedPo | undefined;
	let messageText = '';
	let draft: LineDraft | undefined;
	let ended = false;

	const closeLine = () => {
		if (draft) settleQuantities(draft);
		draft = undefined;
	};
	const closePo = (current: AcknowledgedPo) => {
		closeLine();
		current.messages = messageText.replace(/\s+/g, ' ').trim();
		current.outcome = outcomeOf(current, file?.poaType ?? null);
		po = undefined;
	};

	for (const record of records) {
		if (ended) throw record.error('Record Code', 'comes after the file trailer (91)');
		if (record.code === '02') {
			if (file) throw record.error('Record Code', 'a second file header (02)');
			file = {
				fileName: context.file,
				orderFileName: record.text('orderFileName') ?? '',
				creationDate: record.date('creationDate') as string,
				poaType: record.text('poaType') ?? null,
				pos: [],
			};
			continue;
		}
		if (!file) throw record.error('Record Code', 'comes before the file header (02)');

		if (record.code === '11') {
			if (po) {
				throw record.error(
					'Record Code',
					`a new PO header (11) before the PO trailer (59) of PO ${po.poNumber}`,
				);
			}
			const status = record.text('poStatus') as string;
			const meaning = PO_STATUS_BY_CODE.get(status);
			if (!meaning) throw record.error('PO Status', `"${status}" is not a known PO status`);
			po = {
				poNumber: record.text('poNumber') as string,
				shipToAccount: record.text('shipToAccount') ?? null,
				poStatus: status,
				poStatusMeaning: meaning.meaning,
				outcome: 'rejected',
				acknowledgementDate: record.date('acknowledgementDate') ?? null,
				poDate: record.date('poDate') ?? null,
				cancelDate: record.date('cancelDate') ?? null,
				messages: '',
				lines: [],
				totals: { records: 0, lines: 0, units: 0 },
			};
			messageText = '';
			file.pos.push(po);
			continue;
		}
		if (record.code === '91') {
			if (po) {
				throw record.error(
					'Record Code',
					`the file trailer (91) comes before the PO trailer (59) of PO ${po.poNumber}`,
				);
			}
			ended = true;
			continue;
		}

		// Every other record belongs to the PO opened by the last 11, and says so.
		if (!po) {
			throw record.error(
				'Record Code',
				`a ${record.layout.name.toLowerCase()} record (${record.code}) outside a PO: it must follow a PO header (11)`,
			);
		}
		const owner = record.text('poNumber') as string;
		if (owner !== po.poNumber) {
			throw record.error(
				'PO Number',
				`"${owner}" differs from the PO of the header (11) before it, "${po.poNumber}"`,
			);
		}

		switch (record.code) {
			case '21':
				// The messages are one text cut into 50-character pieces, words split across records,
				// so the pieces are joined as they stand and the spacing is tidied afterwards.
				messageText += record.slice('text');
				break;
			case '30':
				changedAddress(po).name = record.text('name');
				break;
			case '32': {
				const addressLine = record.text('text');
				if (addressLine) changedAddress(po).addressLines.push(addressLine);
				break;
			}
			case '34':
				Object.assign(changedAddress(po), {
					city: record.text('city'),
					state: record.text('state'),
					postalCode: record.text('postalCode'),
					country: record.text('country'),
				});
				break;
			case '40': {
				closeLine();
				const status = record.text('status') as string;
				const known = LINE_STATUS_BY_CODE.get(status);
				if (!known) throw record.error('Line Status', `"${status}" is not a known line status`);
				const dc = record.text('dc') ?? null;
				const line: AcknowledgedLine = {
					lineReference: record.text('lineReference') ?? '',
					itemNumber: record.text('itemNumber') ?? '',
					status,
					statusMeaning: known.meaning,
					statusGroup: known.group,
					dc,
					dcName: (dc && dcByLetter(dc)?.name) || null,
					dcInventory: [],
					orderedQuantity: 0,
					predictedQuantity: 0,
					backorderedQuantity: 0,
					cancelledQuantity: 0,
				};
				po.lines.push(line);
				draft = { line };
				break;
			}
			case '59':
				po.totals = {
					records: record.integer('recordCount') ?? 0,
					lines: record.integer('lineCount') ?? 0,
					units: record.integer('unitCount') ?? 0,
				};
				closePo(po);
				break;
			default: {
				// 41–45: details of the line opened by the last 40.
				if (!draft) {
					throw record.error(
						'Record Code',
						`a line detail record (${record.code}) must follow a line item (40) of PO ${po.poNumber}; none is open here`,
					);
				}
				const { line } = draft;
				if (record.code === '41') {
					const available = record.date('availabilityDate');
					if (available) line.availabilityDate = available;
					line.dcInventory = readDcInventory(record);
				} else if (record.code === '42') {
					setIfPresent(line, 'title', record.text('title'));
					setIfPresent(line, 'author', record.text('author'));
					const binding = record.text('binding');
					if (binding) line.binding = BINDING_BY_CODE.get(binding)?.meaning ?? binding;
				} else if (record.code === '43') {
					setIfPresent(line, 'publisher', record.text('publisher'));
					setIfPresent(line, 'publicationDate', record.month('publicationDate'));
					draft.rawDiscount = record.integer('discount');
					draft.predicted43 = record.integer('predictedQuantity');
				} else if (record.code === '44') {
					setIfPresent(line, 'netPrice', record.amount('netPrice'));
					setIfPresent(line, 'itemNumberType', record.text('itemNumberType'));
					setIfPresent(line, 'discountedListPrice', record.amount('discountedListPrice'));
					draft.ordered44 = record.integer('orderedQuantity');
				} else {
					setIfPresent(line, 'clientItemNumber', record.text('clientItemNumber'));
				}
			}
		}
	}
	const last = records[records.length - 1];
	if (!file) throw last.error('Record Code', 'the file has no file header (02)');
	if (!ended) {
		throw last.error(
			'Record Code',
			'the file ends here without its trailer (91): it may have been cut short',
		);
	}
	return file;
}

function setIfPresent<K extends keyof AcknowledgedLine>(
	line: AcknowledgedLine,
	key: K,
	value: AcknowledgedLine[K] | undefined,
) {
	if (value !== undefined) line[key] = value;
}
