/**
 * Ingram's CDF shipping methods (record 21, positions 53-77) and how an order's shop shipping
 * method becomes one of them. The mapping works like Order Desk's Ingram Content integration: a
 * "Shipping Class Match" table from shop method names to Ingram methods, plus default "Mail
 * Classes" for orders that carry no shipping method at all. A shop method that nothing maps is an
 * error, never quietly replaced by a default: the customer paid for that service.
 */
import { countryName, isDomestic } from './countries';

export interface IngramShippingMethod {
	/** What goes in the file, left-justified in 25 characters. */
	text: string;
	/** Ingram's own spelling when it does not fit the field ('### INTL W/DEL CONFIRMATION'). */
	specText?: string;
	name: string;
	/** The ship-method codes an advance ship notice (ASN) reports for shipments by this method. */
	asnCodes: readonly string[];
	/** Whether the carrier delivers to P.O. boxes. */
	poBoxDelivery: boolean;
	/** Whether the shipment gets a tracking number. */
	tracked: boolean;
	/** International methods are for addresses outside the US; the others only for US addresses. */
	international: boolean;
	/** The only destination countries (alpha-3) Ingram offers the method for, when it is limited. */
	countries?: readonly string[];
}

/** The shipping-method field of record 21 holds 25 characters. */
export const SHIPPING_METHOD_LENGTH = 25;

export const INGRAM_SHIPPING_METHODS: readonly IngramShippingMethod[] = [
	{
		text: '### 2ND DAY AIR',
		name: 'UPS 2nd Day Air',
		asnCodes: ['12'],
		poBoxDelivery: false,
		tracked: true,
		international: false,
	},
	{
		text: '### 3 DAY SELECT',
		name: 'UPS 3 Day Select',
		asnCodes: ['17'],
		poBoxDelivery: false,
		tracked: true,
		international: false,
	},
	{
		text: '### UPS',
		name: 'UPS Ground',
		asnCodes: ['10'],
		poBoxDelivery: false,
		tracked: true,
		international: false,
	},
	{
		text: '### NEXT DAY AIR',
		name: 'UPS Next Day Air',
		asnCodes: ['11'],
		poBoxDelivery: false,
		tracked: true,
		international: false,
	},
	{
		text: '### NEXT DAY AIR SAVER',
		name: 'UPS Next Day Air Saver',
		asnCodes: ['1A'],
		poBoxDelivery: false,
		tracked: true,
		international: false,
	},
	{
		// Media Mail / book rate: cheapest, no tracking number (a common source of customer calls).
		text: '### USA ECONOMY',
		name: 'USA Economy Mail',
		asnCodes: ['21'],
		poBoxDelivery: true,
		tracked: false,
		international: false,
	},
	{
		// Older Ingram code lists report this method as 24, newer ones as 26 (24 then being
		// Priority Mail); both are read as Expedited Mail since no other method uses them.
		text: '### USA EXPEDITED',
		name: 'USA Expedited Mail',
		asnCodes: ['24', '26'],
		poBoxDelivery: true,
		tracked: true,
		international: false,
	},
	{
		// Ingram says P.O. box delivery "depends on the ship-to country" for the courier and the
		// delivery-confirmation service. A courier needs a door to knock on, and a method that
		// sometimes fails at a P.O. box is safer treated as one that does not deliver there.
		text: '### INTL COURIER',
		name: 'International Courier',
		asnCodes: ['50', 'MC'],
		poBoxDelivery: false,
		tracked: true,
		international: true,
	},
	{
		text: '### INTL PRIORITY',
		name: 'International Priority',
		asnCodes: ['50', 'MP'],
		poBoxDelivery: true,
		tracked: false,
		international: true,
	},
	{
		// Ingram's name is 27 characters long; the field keeps the first 25, as other CDF clients
		// send it. Ingram offers the service to Canada, Great Britain and Japan only.
		text: '### INTL W/DEL CONFIRMATI',
		specText: '### INTL W/DEL CONFIRMATION',
		name: 'International with Delivery Confirmation',
		asnCodes: ['50', 'MT'],
		poBoxDelivery: false,
		tracked: true,
		international: true,
		countries: ['CAN', 'GBR', 'JPN'],
	},
];

/** Upper case, single spaces, no leading '###'. */
const methodKey = (value: string) =>
	value.trim().replace(/\s+/g, ' ').toUpperCase().replace(/^#+ ?/, '');

const METHODS_BY_KEY = new Map<string, IngramShippingMethod>(
	INGRAM_SHIPPING_METHODS.flatMap((method) =>
		[method.text, method.specText, method.name]
			.filter((key): key is string => key !== undefined)
			.map((key): [string, IngramShippingMethod] => [methodKey(key), method]),
	),
);

/**
 * An Ingram shipping method by the text it has in the file ('### UPS', also without the '### ',
 * in any case: 'ups', 'usa economy') or by its name ('UPS Ground').
 */
export function findIngramMethod(value: string): IngramShippingMethod | undefined {
	return METHODS_BY_KEY.get(methodKey(value));
}

export interface ShippingClassMatchRow {
	shopMethod: string;
	ingramMethod: string;
}

export interface ShippingMethodInput {
	/** The shipping method the order was placed with in the shop; empty when it has none. */
	shopMethod?: string;
	destinationAlpha3: string;
	classMatch: readonly ShippingClassMatchRow[];
	defaultDomestic: string;
	defaultInternational: string;
}

export type ShippingMethodChoice =
	| {
			method: IngramShippingMethod;
			/**
			 * match: a Shipping Class Match row; ingram: the shop method is itself an Ingram method;
			 * defaultDomestic / defaultInternational: the order had no shop method.
			 */
			how: 'match' | 'ingram' | 'defaultDomestic' | 'defaultInternational';
	  }
	| { problem: string };

const shopKey = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** How many mapped shop methods an error message lists before it says "and N more". */
const LISTED_SHOP_METHODS = 10;

const label = (method: IngramShippingMethod) => `'${method.text}' (${method.name})`;

/** `statement` ends in "is not" or "which is not"; the list of methods follows. */
function notAnIngramMethod(statement: string): string {
	const known = INGRAM_SHIPPING_METHODS.map((method) => `'${method.text}'`).join(', ');
	return `${statement} an Ingram shipping method; use one of ${known}`;
}

function unmapped(shopMethod: string, classMatch: readonly ShippingClassMatchRow[]): string {
	const names = [...new Set(classMatch.map((row) => row.shopMethod.trim()))].filter(Boolean);
	const listed = names.slice(0, LISTED_SHOP_METHODS).map((name) => `'${name}'`);
	if (names.length > LISTED_SHOP_METHODS) {
		listed.push(`and ${names.length - LISTED_SHOP_METHODS} more`);
	}
	const mapped =
		names.length === 0
			? 'Shipping Class Match has no rows yet'
			: `Shipping Class Match maps ${listed.join(', ')}`;
	return (
		`The order's shipping method '${shopMethod.trim()}' is neither in Shipping Class Match ` +
		`nor an Ingram shipping method (${mapped}). ` +
		'Add a row to Shipping Class Match that maps it to an Ingram method'
	);
}

function destinationProblem(method: IngramShippingMethod, alpha3: string): string | undefined {
	const place = `${countryName(alpha3) ?? alpha3} (${alpha3})`;
	if (method.international && isDomestic(alpha3)) {
		return `${label(method)} is for addresses outside the US, but the order goes to ${place}`;
	}
	if (!method.international && !isDomestic(alpha3)) {
		return `${label(method)} ships only to US addresses, but the order goes to ${place}`;
	}
	if (method.countries && !method.countries.includes(alpha3)) {
		const allowed = method.countries.map((code) => countryName(code) ?? code).join(', ');
		return `${label(method)} is offered only to ${allowed}, but the order goes to ${place}`;
	}
	return undefined;
}

/**
 * The Ingram shipping method for an order. With a shop method: its Shipping Class Match row (shop
 * names compared without regard to case or spacing; the first matching row wins), else the Ingram
 * method it names itself, else a problem. Without one: the default for a domestic or an
 * international destination. The method must also suit the destination country.
 */
export function resolveShippingMethod(input: ShippingMethodInput): ShippingMethodChoice {
	const destination = input.destinationAlpha3.trim().toUpperCase();
	if (countryName(destination) === undefined) {
		return { problem: `'${input.destinationAlpha3}' is not an ISO 3166 alpha-3 country code` };
	}
	const shopMethod = input.shopMethod?.trim() ?? '';
	let choice: ShippingMethodChoice;
	if (shopMethod !== '') choice = fromShopMethod(shopMethod, input.classMatch);
	else if (isDomestic(destination)) choice = defaultMethod(input.defaultDomestic, 'domestic');
	else choice = defaultMethod(input.defaultInternational, 'international');
	if ('problem' in choice) return choice;
	const problem = destinationProblem(choice.method, destination);
	return problem ? { problem } : choice;
}

function fromShopMethod(
	shopMethod: string,
	classMatch: readonly ShippingClassMatchRow[],
): ShippingMethodChoice {
	const row = classMatch.find((match) => shopKey(match.shopMethod) === shopKey(shopMethod));
	if (row) {
		const method = findIngramMethod(row.ingramMethod);
		if (method) return { method, how: 'match' };
		const mapping = `Shipping Class Match maps '${shopMethod}' to '${row.ingramMethod.trim()}'`;
		return { problem: notAnIngramMethod(`${mapping}, which is not`) };
	}
	const method = findIngramMethod(shopMethod);
	return method ? { method, how: 'ingram' } : { problem: unmapped(shopMethod, classMatch) };
}

function defaultMethod(value: string, kind: 'domestic' | 'international'): ShippingMethodChoice {
	const how = kind === 'domestic' ? 'defaultDomestic' : 'defaultInternational';
	if (value.trim() === '') {
		return {
			problem: `The order has no shipping method and no default ${kind} shipping method is set`,
		};
	}
	const method = findIngramMethod(value);
	return method
		? { method, how }
		: {
				problem: notAnIngramMethod(`The default ${kind} shipping method '${value.trim()}' is not`),
			};
}
