import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	describeValue,
	jsonValue,
	nonNegativeNumber,
	positiveInteger,
	textValue,
} from '../../../shared/input';
import { rethrowForItem } from '../../../shared/itemErrors';
import { checkItemNumber } from '../../codec/itemNumbers';
import type { CdfAddress, CdfLine, CdfOrder } from '../../codec/orderFileBuilder';
import { isDomestic, toAlpha3 } from '../../reference/countries';
import { isPoBox } from '../../reference/poBox';
import { normalisePostalCode, normaliseRegion, postalCodeProblem } from '../../reference/regions';
import { resolveShippingMethod, type IngramShippingMethod } from '../../reference/shippingMethods';
import { forbiddenInMessage, splitMessage, toCdfText } from '../../reference/text';
import type { CdfAccount } from '../../transport/settings';

/** One thing wrong with an order: the field as the user sees it, and what is wrong. */
export interface OrderProblem {
	field: string;
	problem: string;
}

export interface ReadOrder {
	order?: CdfOrder;
	problems: OrderProblem[];
	/** What the checks worked out, for the output item. */
	shipping?: { method: IngramShippingMethod; how: string };
}

/** Message records hold 51 characters; longer messages are wrapped over this many records. */
const MAX_MESSAGE_RECORDS = 5;
const DEFAULT_BACKORDER_CANCEL_DAYS = 7;

const ORDER_TYPES = ['RF', 'LS', 'EL'] as const;

/**
 * Reads one input item into a CDF order, collecting every problem instead of stopping at the
 * first, so Validate can list them all and Send can refuse with a complete message.
 */
export function readOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	account: CdfAccount,
): ReadOrder {
	const node = this.getNode();
	const problems: OrderProblem[] = [];
	const note = (field: string, problem: string) => problems.push({ field, problem });
	/** Runs a shared input check; its NodeOperationError becomes a problem of the field. */
	const attempt = <T>(field: string, read: () => T): T | undefined => {
		try {
			return read();
		} catch (error) {
			if (!(error instanceof NodeOperationError)) rethrowForItem.call(this, error, itemIndex);
			note(field, error.message.replace(/ \[item \d+\]$/, '').replace(/^"[^"]*" /, ''));
			return undefined;
		}
	};
	const parameter = (name: string, fallback: unknown = '') =>
		this.getNodeParameter(name, itemIndex, fallback) as unknown;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const checks = this.getNodeParameter('checks', itemIndex, {}) as IDataObject;
	const purchaser = this.getNodeParameter('purchaser', itemIndex, {}) as IDataObject;

	/** Text for the file: ASCII (accents transliterated), within the field's length. */
	const text = (label: string, value: unknown, maxLength: number, required = false) => {
		const raw = attempt(label, () => textValue(node, itemIndex, value, label)) ?? '';
		const { text: ascii, unsupported } = toCdfText(raw);
		if (unsupported.length) {
			note(
				label,
				`contains ${unsupported.map((c) => `“${c}”`).join(', ')}, which order files cannot carry`,
			);
		}
		if (required && !ascii) note(label, 'is required');
		if (ascii.length > maxLength) {
			note(label, `is ${ascii.length} characters long; Ingram takes at most ${maxLength}`);
		}
		return ascii;
	};
	const message = (label: string, value: unknown): string[] => {
		const ascii = text(label, value, Number.MAX_SAFE_INTEGER);
		if (!ascii) return [];
		const forbidden = forbiddenInMessage(ascii);
		if (forbidden.length)
			note(label, `contains ${forbidden.join(', ')}, which Ingram does not accept in messages`);
		const records = splitMessage(ascii.replace(/[\r\n]+/g, ' '), 51);
		if (records.length > MAX_MESSAGE_RECORDS) {
			note(
				label,
				`is too long: at most ${MAX_MESSAGE_RECORDS * 51} characters fit on the packing slip`,
			);
		}
		return records;
	};
	const flag = (value: unknown, label: string): boolean => {
		if (typeof value === 'boolean') return value;
		if (value === undefined || value === '') return false;
		note(label, `must be true or false, but it is ${describeValue(value)}`);
		return false;
	};
	const date = (label: string, value: unknown): DateTime | undefined => {
		if (value === undefined || value === null || value === '') return undefined;
		const parsed =
			value instanceof Date
				? DateTime.fromJSDate(value)
				: DateTime.isDateTime(value)
					? value
					: typeof value === 'string'
						? DateTime.fromISO(value.trim(), { zone: this.getTimezone() })
						: undefined;
		if (!parsed?.isValid) {
			note(label, `must be a date such as 2026-03-31, but it is ${describeValue(value)}`);
			return undefined;
		}
		return parsed;
	};

	// -- order --------------------------------------------------------------------------------
	const poNumber = text('PO Number', parameter('poNumber'), 22, true);
	const orderDate =
		date('Order Date', parameter('orderDate')) ?? DateTime.now().setZone(this.getTimezone());
	const cancelDays =
		options.backorderCancelDays === undefined
			? DEFAULT_BACKORDER_CANCEL_DAYS
			: (attempt('Back-Order Cancel After (Days)', () =>
					positiveInteger(
						node,
						itemIndex,
						options.backorderCancelDays,
						'Back-Order Cancel After (Days)',
					),
				) ?? DEFAULT_BACKORDER_CANCEL_DAYS);
	const backorderCancelDate =
		date('Back-Order Cancel Date', options.backorderCancelDate) ??
		orderDate.plus({ days: cancelDays });
	if (backorderCancelDate.startOf('day') < orderDate.startOf('day')) {
		note('Back-Order Cancel Date', 'is before the order date');
	}

	const override = text('Order Type Override', options.orderTypeOverride, 2).toUpperCase();
	const orderType = (override || String(parameter('orderType', 'LS'))) as CdfOrder['orderType'];
	if (!ORDER_TYPES.includes(orderType)) {
		note(
			override ? 'Order Type Override' : 'Order Type',
			`must be RF, LS or EL, but it is “${orderType}”`,
		);
	}

	// -- addresses ----------------------------------------------------------------------------
	const readAddress = (
		prefix: 'recipient' | 'billTo',
		who: string,
		source: (name: string) => unknown,
	) => {
		const label = (field: string) => `${who} ${field}`;
		const countryText = text(label('Country'), source(`${prefix}Country`) || 'US', 60);
		const country = toAlpha3(countryText);
		if (countryText && !country)
			note(label('Country'), `“${countryText}” is not a country code or name Ingram knows`);
		const alpha3 = country ?? 'USA';
		const stateText = text(label('State / Province'), source(`${prefix}State`), 60);
		const region = normaliseRegion(alpha3, stateText);
		if ('problem' in region) note(label('State / Province'), region.problem);
		const postalCode = text(label('Postal Code'), source(`${prefix}PostalCode`), 11);
		const postalProblem = postalCodeProblem(alpha3, postalCode);
		if (postalProblem) note(label('Postal Code'), postalProblem);
		const addressLines = [
			text(label('Address Line 1'), source(`${prefix}Address1`), 35, true),
			text(label('Address Line 2'), source(`${prefix}Address2`), 35),
		].filter(Boolean);
		const result: CdfAddress = {
			name: text(label('Name'), source(`${prefix}Name`), 35, true),
			phone: text(label('Phone'), source(`${prefix}Phone`), 25) || undefined,
			addressLines,
			city: text(label('City'), source(`${prefix}City`), 25, true),
			state: 'code' in region ? region.code || undefined : undefined,
			postalCode: normalisePostalCode(alpha3, postalCode) || undefined,
			country: alpha3,
		};
		return result;
	};
	const recipient = readAddress('recipient', 'Recipient', (name) => parameter(name));
	const hasPurchaser = Object.values(purchaser).some(
		(value) => value !== '' && value !== undefined,
	);
	const billTo = hasPurchaser
		? readAddress('billTo', 'Purchaser', (name) => purchaser[name])
		: recipient;

	// -- shipping -----------------------------------------------------------------------------
	const shopMethod = text('Shipping Method', parameter('shippingMethod'), 200);
	const classMatch = (
		((this.getNodeParameter('shippingClassMatch', itemIndex, {}) as IDataObject).match ??
			[]) as IDataObject[]
	).map((row) => ({
		shopMethod: String(row.shopMethod ?? ''),
		ingramMethod: String(row.ingramMethod ?? ''),
	}));
	const resolved = resolveShippingMethod({
		shopMethod,
		destinationAlpha3: recipient.country,
		classMatch,
		defaultDomestic: String(parameter('defaultDomesticMethod', '### USA ECONOMY')),
		defaultInternational: String(parameter('defaultInternationalMethod', '### INTL COURIER')),
	});
	let shipping: ReadOrder['shipping'];
	if ('problem' in resolved) note('Shipping Method', resolved.problem);
	else {
		shipping = resolved;
		if (['AA', 'AE', 'AP'].includes(recipient.state ?? '') && /^UPS/.test(resolved.method.name)) {
			note(
				'Shipping Method',
				`${resolved.method.name} does not deliver to military (APO/FPO/DPO) addresses; ship it with USA Economy or USA Expedited`,
			);
		}
		recipient.addressLines.forEach((line, index) => {
			if (isPoBox(line) && !resolved.method.poBoxDelivery) {
				note(
					`Recipient Address Line ${index + 1}`,
					`is a PO box, and ${resolved.method.name} (${resolved.method.text}) does not deliver to PO boxes; ship it with USA Economy or USA Expedited`,
				);
			}
		});
	}
	const international = !isDomestic(recipient.country);
	if (international && checks.allowInternational === false) {
		note(
			'Recipient Country',
			`is ${recipient.country}, and international orders are turned off in Checks`,
		);
	}

	// -- lines --------------------------------------------------------------------------------
	const linesValue = attempt('Lines', () =>
		jsonValue(node, itemIndex, parameter('lines'), 'Lines', []),
	);
	const rawLines = Array.isArray(linesValue)
		? linesValue
		: linesValue === undefined
			? []
			: [linesValue];
	if (linesValue !== undefined && rawLines.length === 0)
		note('Lines', 'has no lines: an order needs at least one');
	let preorders = 0;
	const lines: CdfLine[] = [];
	const references = new Set<string>();
	rawLines.forEach((raw, index) => {
		const label = (field: string) => `Lines[${index}].${field}`;
		if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
			note(
				`Lines[${index}]`,
				`must be an object like { "itemNumber": "…", "quantity": 1 }, but it is ${describeValue(raw)}`,
			);
			return;
		}
		const line = raw as IDataObject;
		const numberText = text(
			label('itemNumber'),
			line.itemNumber ?? line.isbn ?? line.ean ?? line.upc,
			20,
		);
		let itemNumber = '';
		let itemNumberType: CdfLine['itemNumberType'] = 'EN';
		if (!numberText)
			note(
				label('itemNumber'),
				'is required (ISBN-13/EAN, ISBN-10 or UPC); custom items cannot be ordered from Ingram',
			);
		else {
			const checked = checkItemNumber(numberText);
			if ('problem' in checked) note(label('itemNumber'), checked.problem);
			else {
				itemNumber = checked.itemNumber;
				itemNumberType = checked.itemNumberType;
				const book = checked.itemNumberType === 'EN' && /^97[89]/.test(checked.itemNumber);
				if (!book && checks.refuseNonBook === true) {
					note(
						label('itemNumber'),
						`${numberText} is not a book (no ISBN), and Refuse Non-Book Items is on`,
					);
				}
			}
		}
		const quantity = attempt(label('quantity'), () =>
			positiveInteger(node, itemIndex, line.quantity ?? 1, label('quantity')),
		);
		if (quantity !== undefined && quantity > 9999999)
			note(label('quantity'), 'is more than 9,999,999');
		const price =
			line.price === undefined || line.price === ''
				? undefined
				: attempt(label('price'), () =>
						nonNegativeNumber(node, itemIndex, line.price, label('price')),
					);
		if (price !== undefined && price >= 100000)
			note(label('price'), 'is 100,000 or more, which the order file cannot carry');
		const reference =
			text(label('reference'), line.reference ?? String(index + 1), 10) || String(index + 1);
		if (references.has(reference))
			note(label('reference'), `“${reference}” is used by two lines; each line needs its own`);
		references.add(reference);
		const lineCancel = date(label('backorderCancelDate'), line.backorderCancelDate);
		const discount =
			line.discountPercent === undefined || line.discountPercent === ''
				? undefined
				: attempt(label('discountPercent'), () =>
						nonNegativeNumber(node, itemIndex, line.discountPercent, label('discountPercent')),
					);
		const minimum = checks.minimumDiscount === undefined ? 35 : Number(checks.minimumDiscount);
		if (checks.refuseShortDiscount === true && discount !== undefined && discount < minimum) {
			note(
				label('discountPercent'),
				`is ${discount}%: a short-discount title (below ${minimum}%), and Refuse Short-Discount Titles is on`,
			);
		}
		const publication = date(label('publicationDate'), line.publicationDate);
		const preorder =
			flag(line.preorder, label('preorder')) ||
			(publication !== undefined && publication.startOf('day') > orderDate.startOf('day'));
		if (preorder) preorders++;
		lines.push({
			reference,
			itemNumber,
			itemNumberType,
			quantity: quantity ?? 1,
			price,
			backorderCancelDate: lineCancel?.toFormat('yyyy-MM-dd'),
			giftMessages: message(label('giftMessage'), line.giftMessage),
		});
	});
	if (checks.singlePreorder === true && preorders > 0) {
		if (preorders > 1)
			note(
				'Lines',
				`has ${preorders} pre-order lines; with One Pre-Order Per Order on, an order may have one`,
			);
		else if (lines.length > 1)
			note(
				'Lines',
				'mixes a pre-order with other titles; with One Pre-Order Per Order on, send the pre-order as its own order',
			);
	}

	// -- options --------------------------------------------------------------------------------
	const yesNo = (value: boolean) => (value ? 'Y' : 'N');
	const giftWrap = flag(options.giftWrap, 'Gift Wrap');
	const shipToPasswordOverride = text('Ship-To Password Override', options.shipToPassword, 8);
	const freightAmount =
		options.freightAmount === undefined
			? 0
			: (attempt('Freight Amount', () =>
					nonNegativeNumber(node, itemIndex, options.freightAmount, 'Freight Amount'),
				) ?? 0);
	const salesTaxPercent =
		options.salesTaxPercent === undefined
			? 0
			: (attempt('Sales Tax (%)', () =>
					nonNegativeNumber(node, itemIndex, options.salesTaxPercent, 'Sales Tax (%)'),
				) ?? 0);
	const giftMessages = message('Gift Message', options.giftMessage);
	const marketingMessages = message('Marketing Message', options.marketingMessage);
	const deliveryInstructions = message('Delivery Instructions', options.deliveryInstructions);

	if (problems.length > 0) return { problems, shipping };
	const order: CdfOrder = {
		poNumber,
		orderDate: orderDate.toFormat('yyyy-MM-dd'),
		backorderCancelDate: backorderCancelDate.toFormat('yyyy-MM-dd'),
		backorderCode: String(options.backorder ?? '') || undefined,
		billToAccount: account.billToAccount,
		shipToAccount: account.shipToAccount,
		shipToPassword: shipToPasswordOverride || account.shipToPassword,
		poType: account.environment === 'test' ? '8' : '0',
		orderType,
		shippingMethod: shipping!.method.text,
		greenlight: yesNo(flag(options.greenlight, 'Greenlight')),
		acknowledgementType: String(options.acknowledgementType ?? '1'),
		dcCode: String(options.dcCode ?? '') || undefined,
		splitAcrossDcs: yesNo(
			options.splitAcrossDcs === undefined
				? true
				: flag(options.splitAcrossDcs, 'Split Across Warehouses'),
		),
		cost:
			freightAmount || salesTaxPercent
				? { freightAmount, salesTaxPercent, freightTaxPercent: 0 }
				: undefined,
		billTo,
		recipient: {
			...recipient,
			addressValidation: yesNo(
				options.addressValidation === undefined
					? true
					: flag(options.addressValidation, 'Address Validation'),
			),
		},
		dropShip: {
			gift: yesNo(flag(options.gift, 'Gift Order')),
			suppressPrices: yesNo(flag(options.suppressPrices, 'Suppress Prices')),
			giftWrapCode: giftWrap ? '022' : undefined,
		},
		deliveryInstructions,
		marketingMessages,
		giftMessages,
		lines,
	};
	return { order, problems, shipping };
}

/** All problems of an order as one error: the first in the message, every one in the description. */
export function orderProblemsError(
	this: IExecuteFunctions,
	itemIndex: number,
	poNumber: string,
	problems: OrderProblem[],
): NodeOperationError {
	const [first] = problems;
	const lines = problems.map((p) => `• ${p.field}: ${p.problem}`);
	return new NodeOperationError(
		this.getNode(),
		`${poNumber ? `Order ${poNumber}: ` : ''}"${first.field}" ${first.problem} [item ${itemIndex}]`,
		{
			itemIndex,
			description: `${problems.length === 1 ? 'The problem' : `All ${problems.length} problems`} of this order (nothing was sent):\n${lines.join('\n')}`,
		},
	);
}
