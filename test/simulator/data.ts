/**
 * The reseller account the simulator pretends to be: customer 20-222222 in the US, with a catalog,
 * order history, quotes, invoices, renewals, deals and returns that look like Ingram's.
 *
 * Everything is generated from one seeded PRNG, so every run serves identical data. Fixtures are
 * dated relative to SEED_TODAY (not the wall clock) so that dates in tests never drift; records the
 * simulator creates at runtime (orders, quotes, returns) get real "now" dates.
 *
 * A handful of records are pinned to the IDs used in Ingram's own spec examples (order 20-RD3QV,
 * quote QUO-10926-Y8G1B3, SKU DF4128, ...) so that copying an example from the portal works against
 * the simulator. `SIM_FIXTURES` lists the IDs tests can rely on.
 */
import { addDays, DIGITS, LETTERS, Rng, round2 } from './random';

export const SEED = 20250630;
/** "Today" for the seeded fixtures: every seeded date is on or before this day. */
export const SEED_TODAY = '2025-06-30';

// ---------------------------------------------------------------------------------------------
// Model (internal records; the routes render them into Ingram's response shapes)
// ---------------------------------------------------------------------------------------------

export interface Address {
	contact?: string;
	companyName: string;
	addressLine1: string;
	addressLine2?: string;
	addressLine3?: string;
	city: string;
	state: string;
	postalCode: string;
	countryCode: string;
	phoneNumber?: string;
	email?: string;
}

export interface Attribute {
	attributeName: string;
	attributeValue: string;
	attributeDescription?: string;
}

export interface Warehouse {
	warehouseId: string;
	location: string;
}

/** Ingram's US distribution centres (the ids Ingram uses in P&A and order responses). */
export const WAREHOUSES: Warehouse[] = [
	{ warehouseId: '10', location: 'Mira Loma, CA' },
	{ warehouseId: '20', location: 'Fort Worth, TX' },
	{ warehouseId: '30', location: 'Millington, TN' },
	{ warehouseId: '40', location: 'Carol Stream, IL' },
	{ warehouseId: '80', location: 'Jonestown, PA' },
];

export interface WarehouseStock extends Warehouse {
	quantityAvailable: number;
	quantityBackordered: number;
	quantityOnOrder: number;
	/** Expected date of the next inbound receipt, when some quantity is on order. */
	backOrderEta?: string;
}

export interface Product {
	ingramPartNumber: string;
	vendorPartNumber: string;
	vendorName: string;
	vendorNumber: string;
	description: string;
	extraDescription: string;
	upc: string;
	category: string;
	subCategory: string;
	productType: 'IM::physical' | 'IM::digital';
	/** Ingram's product class: A/B/C fast to slow movers, X discontinued. */
	productClass: string;
	authorizedToPurchase: boolean;
	hasDiscounts: boolean;
	discontinued: boolean;
	newProduct: boolean;
	/** Shipped by the vendor, not from an Ingram warehouse: such lines split into their own order. */
	directShip: boolean;
	hasWarranty: boolean;
	endUserRequired: boolean;
	acceptBackOrder: boolean;
	returnable: boolean;
	retailPrice: number;
	customerPrice: number;
	mapPrice: number;
	weightKg: number;
	dimensionsCm: { height: number; width: number; length: number };
	stock: WarehouseStock[];
}

export interface SubscriptionPlan {
	planId: string;
	planName: string;
	planDescription: string;
	groupName: string;
	groupDescription: string;
	vendorName: string;
	vendorPartNumber: string;
	resourceId: string;
	resourceName: string;
	billingPeriodUnit: 'MONTH' | 'YEAR';
	subscriptionPeriodUnit: 'MONTH' | 'YEAR';
	msrp: number;
	unitPrice: number;
	minUnits: number;
	maxUnits: number;
}

export type OrderStatus =
	'SHIPPED' | 'PROCESSING' | 'ON HOLD' | 'BACKORDERED' | 'CANCELLED' | 'OPEN';

export interface OrderLine {
	ingramLineNumber: string;
	customerLineNumber: string;
	ingramPartNumber: string;
	vendorPartNumber: string;
	vendorName: string;
	description: string;
	upc: string;
	quantityOrdered: number;
	quantityConfirmed: number;
	quantityBackOrdered: number;
	unitPrice: number;
	specialBidNumber?: string;
	notes?: string;
	warehouseId: string;
	serialNumbers: string[];
}

export interface Shipment {
	shipDate: string;
	deliveryDate: string;
	carrierCode: string;
	carrierName: string;
	trackingNumber: string;
	deliveryNumber: string;
}

export interface Order {
	ingramOrderNumber: string;
	/** ISO date-time with the Pacific offset Ingram's US examples use. */
	ingramOrderDate: string;
	/** S = stock (shipped from an Ingram warehouse), D = direct ship from the vendor. */
	orderType: 'S' | 'D';
	customerOrderNumber: string;
	endCustomerOrderNumber: string;
	webOrderId: string;
	vendorSalesOrderNumber: string;
	ingramPurchaseOrderNumber: string;
	status: OrderStatus;
	/** Placed with allowOrderOnCustomerHold: only such orders can be modified, released or cancelled. */
	customerHold: boolean;
	notes: string;
	billToAddressId: string;
	billToInfo: Address;
	shipToInfo: Address;
	endUserInfo?: Address;
	lines: OrderLine[];
	freightCharges: number;
	totalTax: number;
	currencyCode: string;
	paymentTerms: string;
	specialBidNumber?: string;
	shipment?: Shipment;
	invoiceNumber?: string;
	additionalAttributes: Attribute[];
	source: 'seed' | 'api';
}

export interface Invoice {
	invoiceNumber: string;
	ingramOrderNumber: string;
	invoiceDate: string;
	invoiceDueDate: string;
	invoiceStatus: 'Open' | 'Paid';
	invoiceType: 'Invoice';
	deliveryNumber: string;
	paymentTermsCode: string;
	paymentTermsDescription: string;
}

export interface QuoteProduct {
	quoteProductGuid: string;
	lineNumber: string;
	ingramPartNumber: string;
	vendorPartNumber: string;
	vendorName: string;
	description: string;
	quantity: number;
	msrp: number;
	quotePrice: number;
	notes?: string;
}

export interface Quote {
	quoteGuid: string;
	quoteNumber: string;
	quoteName: string;
	revision: string;
	ingramQuoteDate: string;
	lastModifiedDate: string;
	ingramQuoteExpiryDate: string;
	status: string;
	quoteType: string;
	currencyCode: string;
	vendorName: string;
	specialBidNumber?: string;
	createdBy: string;
	customerNeed: string;
	endUserContact: string;
	endUserInfo: Address;
	resellerContact: string;
	products: QuoteProduct[];
	/** Header-level fields the vendor requires on a quote-to-order (returned by Validate Quote). */
	vendorMandatoryFields: Attribute[];
	source: 'seed' | 'api';
}

export interface Deal {
	dealId: string;
	version: string;
	vendor: string;
	endUser: string;
	endUserInfo: Address;
	dealReceivedOn: string;
	dealExpiryDate: string;
	priceProtectionEndDate: string;
	currencyCode: string;
	products: {
		ingramPartNumber: string;
		vendorPartNumber: string;
		upc: string;
		productDescription: string;
		msrp: number;
		standardPrice: number;
		approvedQuantity: number;
		remainingQuantity: number;
		startDate: string;
		expirationDate: string;
	}[];
}

export interface Renewal {
	renewalId: string;
	customerOrderNumber: string;
	endCustomerOrderNumber: string;
	ingramOrderNumber: string;
	ingramOrderDate: string | null;
	ingramPurchaseOrderNumber: string;
	referenceNumber: string;
	quoteNumber: string;
	vendor: string;
	endUser: string;
	endUserInfo: Address;
	startDate: string;
	endDate: string;
	invoiceDate: string;
	expirationDate: string;
	renewalValue: number;
	/** The "OpporutinyStatus" (sic) of renewals search: value + subStatus. */
	opportunityStatus: { value: string; subStatus: string };
	products: {
		ingramLineNumber: string;
		productDescription: string;
		vendorPartNumber: string;
		ingramPartNumber: string;
		quantity: number;
		unitPrice: number;
		isConsolidated: string;
	}[];
	serialNumbers: string[];
}

export interface ReturnProduct {
	ingramLineNumber: number;
	description: string;
	ingramPartNumber: string;
	vendorPartNumber: string;
	upc: string | null;
	invoiceDate: string;
	invoiceNumber: string;
	customerOrderNumber: string;
	quantity: number;
	unitPrice: number;
	status: string;
	returnBranch: string;
	shipFromBranch: string;
}

export interface ReturnClaim {
	caseRequestNumber: string;
	rmaClaimId: string;
	returnClaimId: string;
	type: 'Claim';
	createdOn: string;
	modifiedOn: string;
	returnReason: string;
	primaryReason: string;
	secondaryReason: string;
	referenceNumber: string;
	status: string;
	notes: string;
	numberOfBoxes: number;
	products: ReturnProduct[];
	source: 'seed' | 'api';
}

/** A v7 (asynchronous) order request the simulator acknowledged. */
export interface V7Submission {
	confirmationNumber: string;
	quoteNumber: string;
	customerOrderNumber: string;
	receivedAt: string;
	body: unknown;
}

export interface XiData {
	products: Product[];
	plans: SubscriptionPlan[];
	orders: Order[];
	invoices: Invoice[];
	quotes: Quote[];
	deals: Deal[];
	renewals: Renewal[];
	returns: ReturnClaim[];
	v7Orders: V7Submission[];
}

// ---------------------------------------------------------------------------------------------
// The reseller account
// ---------------------------------------------------------------------------------------------

/** Bill-to address id 000, as in every Ingram sandbox example. */
export const BILL_TO: Address = {
	contact: 'CLAY MORGAN',
	companyName: 'INGRAM MICRO CAPS TEST ACCOUNT',
	addressLine1: '1759 WEHRLE DR',
	addressLine2: '',
	city: 'WILLIAMSVILLE',
	state: 'NY',
	postalCode: '142210000',
	countryCode: 'US',
	phoneNumber: '8286674626',
	email: 'clay.morgan@reseller.example.com',
};

/** Ship-to address id 200, the default when an order gives no ship-to. */
export const DEFAULT_SHIP_TO: Address & { addressId: string } = {
	addressId: '200',
	companyName: 'INGRAM MICRO TEST ACCOUNT',
	addressLine1: 'ATTN TOD DEBIE',
	addressLine2: '1610 E SAINT ANDREW PL',
	city: 'SANTA ANA',
	state: 'CA',
	postalCode: '927054931',
	countryCode: 'US',
};

export const RESELLER_COMPANY = 'INGRAM MICRO IT SOLUTIONS LLC';

const END_USERS: Address[] = [
	['ABC TECHNOLOGIES', 'TOM SORENSEN', '182 PINE AVE', 'BUFFALO', 'NY', '13206'],
	['ASBURY METHODIST CHURCH', 'RALPH BIZZELL', '4021 CHURCH RD', 'SANTA ANA', 'CA', '92705'],
	['FIRST NATIONAL BANK OF OMAHA', 'ANNA KOWALSKI', '17501 W 98TH ST', 'LENEXA', 'KS', '66219'],
	['STARK INDUSTRIES', 'PEPPER POTTS', '10880 MALIBU POINT', 'MALIBU', 'CA', '90265'],
	['JD ENTERPRISES', 'JOHN DOE', '100 MARINE LN', 'FLINT', 'MI', '48502'],
	['1ST MACHINE USA INC', 'STARK', '567 BACK ST', 'BROOKLYN', 'NY', '11201'],
	['MEDECISION INC', 'AARON RICCITELLI', '601 LEE RD', 'WAYNE', 'PA', '19087'],
	['PNM RESOURCES', 'JON HAWKINS', '414 SILVER AVE SW', 'ALBUQUERQUE', 'NM', '87102'],
	['GREENFIELD SCHOOL DISTRICT', 'MARIA LOPEZ', '2200 ELM ST', 'GREENFIELD', 'WI', '53220'],
	['ACME LOGISTICS LLC', 'WILE COYOTE', '77 DESERT RD', 'PHOENIX', 'AZ', '85001'],
	['BLUE RIVER HEALTH', 'SAM PATEL', '900 RIVER DR', 'COLUMBUS', 'OH', '43215'],
	['CITY OF SPRINGFIELD', 'NED FLANDERS', '742 EVERGREEN TER', 'SPRINGFIELD', 'IL', '62701'],
	['NORTHWIND TRADERS', 'NANCY DAVOLIO', '507 20TH AVE E', 'SEATTLE', 'WA', '98122'],
	['CONTOSO LTD', 'ADELE VANCE', '1 MICROSOFT WAY', 'REDMOND', 'WA', '98052'],
	['LONE STAR ENERGY', 'HANK HILL', '84 RAINEY ST', 'ARLEN', 'TX', '75001'],
	['SUMMIT DENTAL GROUP', 'DR LISA CHEN', '3300 PEAK BLVD', 'DENVER', 'CO', '80202'],
].map(([companyName, contact, addressLine1, city, state, postalCode]) => ({
	contact,
	companyName,
	addressLine1,
	addressLine2: '',
	city,
	state,
	postalCode,
	countryCode: 'US',
	phoneNumber: '',
	email: `${contact.split(' ')[0].toLowerCase()}@${companyName.split(' ')[0].toLowerCase()}.example.com`,
}));

export const CARRIERS = [
	{ carrierCode: 'RG', carrierName: 'FEDEX GROUND', mode: 'SML', ratePerKg: 1.6, days: 3 },
	{ carrierCode: 'UG', carrierName: 'UPS GROUND', mode: 'SML', ratePerKg: 1.9, days: 3 },
	{ carrierCode: 'HD', carrierName: 'FDX HOME DEL', mode: 'SML', ratePerKg: 2.3, days: 4 },
	{
		carrierCode: 'F1',
		carrierName: 'FEDEX PRIORITY OVERNIGHT',
		mode: 'AIR',
		ratePerKg: 6.5,
		days: 1,
	},
	{ carrierCode: 'O1', carrierName: 'ONTRAC', mode: 'SML', ratePerKg: 1.4, days: 2 },
];

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

interface ProductLineSpec {
	category: string;
	subCategory: string;
	names: string[];
	price: [number, number];
	kg: [number, number];
	digital?: boolean;
}

interface VendorSpec {
	name: string;
	vendorNumber: string;
	/** How many generated products this vendor gets (pinned products come on top). */
	share: number;
	vpn: (r: Rng) => string;
	lines: ProductLineSpec[];
}

const VENDORS: VendorSpec[] = [
	{
		name: 'HP',
		vendorNumber: '0000100023',
		share: 60,
		vpn: (r) => `${r.digits(1)}${r.upper(1)}${r.digits(3)}${r.upper(1)}#ABA`,
		lines: [
			{
				category: 'Printers',
				subCategory: 'Laser Printers',
				names: [
					'LASERJET PRO M404DN MONO PRINTER',
					'COLOR LASERJET PRO M454DW',
					'LASERJET ENTERPRISE M507X',
					'OFFICEJET PRO 9025E ALL-IN-ONE',
				],
				price: [199, 1199],
				kg: [8, 24],
			},
			{
				category: 'Computers',
				subCategory: 'Notebooks',
				names: [
					'PROBOOK 450 G10 I5-1335U 16GB 512GB',
					'ELITEBOOK 840 G10 I7-1365U 16GB',
					'ZBOOK FIREFLY 14 G10 I7 32GB 1TB',
					'PROBOOK 440 G9 I5-1235U 8GB 256GB',
				],
				price: [749, 2399],
				kg: [1.3, 2.1],
			},
			{
				category: 'Printer Supplies',
				subCategory: 'Toner Cartridges',
				names: [
					'58A BLACK ORIGINAL TONER',
					'414X HIGH YIELD CYAN TONER',
					'89X HIGH YIELD BLACK TONER',
					'206A MAGENTA TONER',
				],
				price: [69, 329],
				kg: [0.7, 1.8],
			},
			{
				category: 'Displays',
				subCategory: 'Monitors',
				names: [
					'E24 G5 23.8IN FHD IPS MONITOR',
					'E27 G5 27IN FHD MONITOR',
					'Z27K G3 27IN 4K USB-C MONITOR',
				],
				price: [159, 749],
				kg: [4, 8],
			},
		],
	},
	{
		name: 'Cisco',
		vendorNumber: '0000100101',
		share: 48,
		vpn: (r) =>
			`${r.pick(['C9200L', 'C9300', 'CBS350', 'ISR1100', 'AIR-AP'])}-${r.digits(2)}${r.pick(['P', 'T', 'X'])}-${r.digits(1)}${r.pick(['G', 'X'])}-${r.pick(['E', 'A'])}`,
		lines: [
			{
				category: 'Networking',
				subCategory: 'Switches',
				names: [
					'CATALYST 9200L 24P POE+ 4X1G',
					'CATALYST 9300 48P POE+ NETWORK ADV',
					'BUSINESS 350 24PORT MANAGED SWITCH',
					'CATALYST 9200 48P 4X10G UPLINK',
				],
				price: [899, 9800],
				kg: [4, 9],
			},
			{
				category: 'Networking',
				subCategory: 'Routers',
				names: [
					'ISR 1100 4P DUAL GE ROUTER',
					'ISR 4331 SEC BUNDLE W/SEC LIC',
					'MERAKI MX68 ROUTER SECURITY APPL',
				],
				price: [649, 4200],
				kg: [1.5, 6],
			},
			{
				category: 'Networking',
				subCategory: 'Wireless Access Points',
				names: [
					'CATALYST 9120AXI ACCESS POINT',
					'MERAKI MR46 CLOUD MANAGED AP',
					'AIRONET 2800 SERIES AP',
				],
				price: [399, 1499],
				kg: [0.8, 1.6],
			},
			{
				category: 'Telephony',
				subCategory: 'IP Phones',
				names: ['IP PHONE 7841 WITH MULTIPLATFORM FW', 'IP PHONE 8845 VIDEO PHONE'],
				price: [189, 579],
				kg: [1, 1.8],
			},
		],
	},
	{
		name: 'Lenovo',
		vendorNumber: '0000500082',
		share: 48,
		vpn: (r) => `${r.digits(2)}${r.upper(2)}${r.digits(4)}${r.upper(2)}`,
		lines: [
			{
				category: 'Computers',
				subCategory: 'Notebooks & Tablets',
				names: [
					'THINKPAD T14 G4 I5-1335U 16GB 512GB',
					'THINKPAD X1 CARBON G11 I7 32GB 1TB',
					'THINKBOOK 15 G4 I5-1235U 8GB 256GB',
					'THINKPAD E16 G1 R5-7530U 16GB',
				],
				price: [699, 2599],
				kg: [1.1, 2],
			},
			{
				category: 'Computers',
				subCategory: 'Desktops',
				names: [
					'THINKCENTRE M70Q G4 TINY I5 16GB',
					'THINKCENTRE NEO 50S SFF I3 8GB',
					'THINKSTATION P3 TWR I7 32GB',
				],
				price: [549, 2899],
				kg: [1.3, 9],
			},
			{
				category: 'Displays',
				subCategory: 'Monitors',
				names: ['THINKVISION T24I-30 23.8IN FHD', 'THINKVISION P27H-30 27IN QHD USB-C'],
				price: [179, 519],
				kg: [4, 7],
			},
			{
				category: 'Accessories',
				subCategory: 'Docking Stations',
				names: ['THINKPAD UNIVERSAL USB-C DOCK', 'THINKPAD THUNDERBOLT 4 WORKSTATION DOCK'],
				price: [189, 379],
				kg: [0.6, 1.2],
			},
		],
	},
	{
		name: 'Dell',
		vendorNumber: '0000100802',
		share: 40,
		vpn: (r) => `${r.digits(3)}-${r.upper(4)}`,
		lines: [
			{
				category: 'Displays',
				subCategory: 'Monitors',
				names: [
					'P2422H 24IN FHD IPS MONITOR',
					'U2723QE 27IN 4K USB-C HUB MONITOR',
					'E2423H 24IN FHD MONITOR',
				],
				price: [139, 749],
				kg: [3.5, 7.5],
			},
			{
				category: 'Computers',
				subCategory: 'Notebooks',
				names: [
					'LATITUDE 5440 I5-1335U 16GB 256GB',
					'LATITUDE 7440 I7-1365U 16GB 512GB',
					'PRECISION 3581 I7 32GB 1TB RTX',
				],
				price: [899, 3299],
				kg: [1.3, 2.4],
			},
			{
				category: 'Servers',
				subCategory: 'Rack Servers',
				names: ['POWEREDGE R650XS XEON SILVER 32GB', 'POWEREDGE R750 2X XEON GOLD 64GB'],
				price: [3899, 12999],
				kg: [17, 28],
			},
		],
	},
	{
		name: 'Apple',
		vendorNumber: '0000100777',
		share: 30,
		vpn: (r) => `M${r.upper(1)}${r.alnum(2)}${r.digits(1)}LL/A`,
		lines: [
			{
				category: 'Computers',
				subCategory: 'Notebooks & Tablets',
				names: [
					'IPAD AIR WI-FI 64GB SPACE GRAY',
					'IPAD 10.9IN WI-FI 256GB BLUE',
					'MACBOOK AIR 13IN M2 8GB 256GB',
					'MACBOOK PRO 14IN M3 PRO 18GB 512GB',
					'IPAD AIR CELL 256GB SKY BLUE',
				],
				price: [449, 2499],
				kg: [0.5, 1.7],
			},
			{
				category: 'Accessories',
				subCategory: 'Input Devices',
				names: ['MAGIC KEYBOARD WITH TOUCH ID US', 'MAGIC MOUSE WHITE MULTI-TOUCH'],
				price: [79, 179],
				kg: [0.1, 0.4],
			},
		],
	},
	{
		name: 'Microsoft',
		vendorNumber: '0000100400',
		share: 25,
		vpn: (r) => `${r.upper(3)}-${r.digits(5)}`,
		lines: [
			{
				category: 'Computers',
				subCategory: 'Notebooks & Tablets',
				names: [
					'SURFACE PRO 9 I5 8GB 256GB PLATINUM',
					'SURFACE LAPTOP 5 13.5IN I5 16GB',
					'SURFACE GO 3 PENTIUM 8GB 128GB',
				],
				price: [549, 1899],
				kg: [0.6, 1.4],
			},
			{
				category: 'Software',
				subCategory: 'Operating Systems',
				names: ['WINDOWS 11 PRO 64BIT ENG OEM', 'WINDOWS SERVER 2022 STANDARD 16 CORE'],
				price: [139, 1069],
				kg: [0.1, 0.1],
				digital: true,
			},
		],
	},
	{
		name: 'Logitech',
		vendorNumber: '0000100555',
		share: 35,
		vpn: (r) => `${r.pick(['920', '910', '960', '981'])}-${r.digits(6)}`,
		lines: [
			{
				category: 'Peripherals',
				subCategory: 'Keyboards & Mice',
				names: [
					'MK270 WIRELESS COMBO KEYBOARD MOUSE',
					'MX KEYS BUSINESS KEYBOARD GRAPHITE',
					'MX MASTER 3S MOUSE BUSINESS',
					'K120 USB KEYBOARD BLACK',
				],
				price: [14, 129],
				kg: [0.2, 1.1],
			},
			{
				category: 'Peripherals',
				subCategory: 'Webcams',
				names: ['C920S PRO HD WEBCAM 1080P', 'BRIO 4K ULTRA HD WEBCAM', 'C505E HD BUSINESS WEBCAM'],
				price: [49, 219],
				kg: [0.2, 0.4],
			},
			{
				category: 'Audio',
				subCategory: 'Headsets',
				names: ['ZONE WIRELESS 2 HEADSET TEAMS', 'H390 USB COMPUTER HEADSET'],
				price: [29, 279],
				kg: [0.2, 0.4],
			},
		],
	},
	{
		name: 'APC',
		vendorNumber: '0000100333',
		share: 25,
		vpn: (r) =>
			`${r.pick(['SMT', 'SMX', 'BR', 'AP'])}${r.digits(4)}${r.pick(['C', 'RM2U', 'G', ''])}`,
		lines: [
			{
				category: 'Power',
				subCategory: 'UPS',
				names: [
					'SMART-UPS 1500VA LCD 120V',
					'BACK-UPS PRO 1500VA 10 OUTLETS',
					'SMART-UPS X 3000VA RACK/TOWER LCD',
				],
				price: [229, 2499],
				kg: [10, 45],
			},
			{
				category: 'Power',
				subCategory: 'Power Distribution',
				names: ['RACK PDU BASIC 1U 15A 120V', 'METERED RACK PDU ZERO U 20A'],
				price: [119, 899],
				kg: [2, 6],
			},
		],
	},
	{
		name: 'Samsung',
		vendorNumber: '0000100876',
		share: 25,
		vpn: (r) =>
			`${r.pick(['LS', 'MZ-', 'LF'])}${r.digits(2)}${r.upper(3)}${r.digits(3)}${r.upper(2)}`,
		lines: [
			{
				category: 'Displays',
				subCategory: 'Monitors',
				names: [
					'S27R350FHN 27IN FHD IPS MONITOR',
					'VIEWFINITY S8 32IN 4K UHD',
					'ODYSSEY G5 32IN QHD CURVED',
				],
				price: [149, 699],
				kg: [3.5, 8],
			},
			{
				category: 'Storage',
				subCategory: 'Solid State Drives',
				names: [
					'870 EVO 1TB SATA 2.5IN SSD',
					'990 PRO 2TB PCIE 4.0 NVME M.2',
					'870 QVO 4TB SATA SSD',
				],
				price: [79, 349],
				kg: [0.05, 0.1],
			},
		],
	},
	{
		name: 'Sandisk',
		vendorNumber: '0000100990',
		share: 15,
		vpn: (r) => `SDSQ${r.upper(3)}-${r.digits(3)}G-${r.upper(2)}${r.digits(1)}${r.upper(2)}`,
		lines: [
			{
				category: 'Storage',
				subCategory: 'Flash Memory Devices',
				names: [
					'ULTRA MICROSDXC 128GB UHS-I CARD',
					'EXTREME PRO SDXC 256GB V30',
					'ULTRA FLAIR USB 3.0 64GB',
				],
				price: [9, 69],
				kg: [0.01, 0.05],
			},
		],
	},
	{
		name: 'Yealink',
		vendorNumber: '0000101204',
		share: 15,
		vpn: (r) => `SIP-T${r.digits(2)}${r.pick(['S', 'U', 'W', 'G'])}`,
		lines: [
			{
				category: 'Telephony',
				subCategory: 'IP Phones',
				names: [
					'SIP-T46U IP PHONE 16 LINES POE',
					'SIP-T54W PRIME BUSINESS PHONE',
					'SIP-T31G 2 LINE IP PHONE',
				],
				price: [59, 269],
				kg: [0.8, 1.4],
			},
		],
	},
	{
		name: 'Adobe',
		vendorNumber: '0000101500',
		share: 15,
		vpn: (r) => `${r.digits(8)}${r.upper(2)}${r.digits(2)}A${r.digits(2)}`,
		lines: [
			{
				category: 'Software',
				subCategory: 'Graphics & Publishing',
				names: [
					'ACROBAT PRO 2020 MPLAT LICS',
					'CREATIVE CLOUD ALL APPS TEAMS 1YR',
					'PHOTOSHOP TEAMS VIP 1YR SUB',
				],
				price: [149, 899],
				kg: [0, 0],
				digital: true,
			},
		],
	},
];

/** Products pinned to the SKUs Ingram's spec examples use. */
interface PinnedProduct {
	ingramPartNumber: string;
	vendorPartNumber: string;
	vendorName: string;
	description: string;
	category: string;
	subCategory: string;
	upc?: string;
	retailPrice: number;
	customerPrice: number;
	stock: 'plenty' | 'limited' | 'backordered' | 'vendor';
	digital?: boolean;
	directShip?: boolean;
	hasDiscounts?: boolean;
}

const PINNED_PRODUCTS: PinnedProduct[] = [
	{
		ingramPartNumber: '123512',
		vendorPartNumber: 'LS1016A-CISCO',
		vendorName: 'Cisco',
		description: '6FT PARALLEL PRINTER DB25M TO CENT36M',
		category: 'Cables',
		subCategory: 'Printer Cables',
		upc: '0718908728116',
		retailPrice: 10,
		customerPrice: 5.43,
		stock: 'plenty',
	},
	{
		ingramPartNumber: '4A0036',
		vendorPartNumber: 'E2016HV',
		vendorName: 'Dell',
		description: '20IN MONITOR E2016HV 210-AGLU MNTR',
		category: 'Displays',
		subCategory: 'Monitors',
		upc: '0884116186519',
		retailPrice: 189.99,
		customerPrice: 74.34,
		stock: 'backordered',
		hasDiscounts: true,
	},
	{
		ingramPartNumber: 'DF4128',
		vendorPartNumber: '920-002555',
		vendorName: 'Logitech',
		description: 'COMBO WAVE MK550 WRLS DESKTOP',
		category: 'Peripherals',
		subCategory: 'Keyboards & Mice',
		upc: '0097855066954',
		retailPrice: 99.99,
		customerPrice: 61.22,
		stock: 'backordered',
	},
	{
		ingramPartNumber: '2GZ200',
		vendorPartNumber: 'SIP-T46S',
		vendorName: 'Yealink',
		description: 'SIP-T46S IP PHONE 16 LINES POE',
		category: 'Telephony',
		subCategory: 'IP Phones',
		retailPrice: 199,
		customerPrice: 142.5,
		stock: 'plenty',
	},
	{
		ingramPartNumber: 'QQ0202',
		vendorPartNumber: 'SMT1500C',
		vendorName: 'APC',
		description: 'SMART-UPS 1500VA LCD 120V',
		category: 'Power',
		subCategory: 'UPS',
		retailPrice: 749,
		customerPrice: 612.9,
		stock: 'limited',
	},
	{
		ingramPartNumber: '3N7314',
		vendorPartNumber: '5204303',
		vendorName: 'HP',
		description: 'LASERJET PRO M404DN MONO PRINTER',
		category: 'Printers',
		subCategory: 'Laser Printers',
		retailPrice: 429,
		customerPrice: 351.2,
		stock: 'plenty',
		hasDiscounts: true,
	},
	{
		ingramPartNumber: '6YE881',
		vendorPartNumber: '20VE0117MH',
		vendorName: 'Lenovo',
		description: 'TB 15 G2 CI5-1135G7 8/256GB 15.6 W11P',
		category: 'Computers',
		subCategory: 'Notebooks & Tablets',
		upc: '0196119831243',
		retailPrice: 1029,
		customerPrice: 842.1,
		stock: 'plenty',
	},
	{
		ingramPartNumber: '1A8249',
		vendorPartNumber: 'SDSQUNC-016G-AN6IA',
		vendorName: 'Sandisk',
		description: 'CLASS 10 100MB/S UHS-I CARD',
		category: 'Storage',
		subCategory: 'Flash Memory Devices',
		upc: '0619659134587',
		retailPrice: 12.99,
		customerPrice: 6.71,
		stock: 'plenty',
	},
	{
		ingramPartNumber: '9DD701',
		vendorPartNumber: 'CBL-PWR-C15-C14-US',
		vendorName: 'Juniper',
		description: 'POWER CORD FOR EX4300 US',
		category: 'Cables',
		subCategory: 'Power Cords',
		retailPrice: 175,
		customerPrice: 122.5,
		stock: 'plenty',
	},
	{
		ingramPartNumber: '1C6094',
		vendorPartNumber: '7UQ76A#BGJ',
		vendorName: 'HP',
		description: 'PROBOOK 450 G10 I5-1335U 16GB 512GB',
		category: 'Computers',
		subCategory: 'Notebooks',
		retailPrice: 1149,
		customerPrice: 948.75,
		stock: 'plenty',
	},
	{
		ingramPartNumber: 'US1860',
		vendorPartNumber: 'NEW-MX100-SEE-2YR',
		vendorName: 'Cisco',
		description: 'CISCO MERAKI 1YR MX100 ADVANCED',
		category: 'Software',
		subCategory: 'Security Licenses',
		retailPrice: 4906.11,
		customerPrice: 3924.89,
		stock: 'vendor',
		digital: true,
	},
	{
		ingramPartNumber: '08NM78',
		vendorPartNumber: '21556581',
		vendorName: 'VMware',
		description: 'VSPHERE ENTERPRISE PLUS 1 CPU SNS',
		category: 'Software',
		subCategory: 'Virtualization',
		retailPrice: 5594,
		customerPrice: 4475.2,
		stock: 'vendor',
		digital: true,
	},
	{
		ingramPartNumber: '05QC29',
		vendorPartNumber: '65324394AD01A00',
		vendorName: 'Adobe',
		description: 'AOO LICS ACROBAT PRO 2020 MPLATLICS',
		category: 'Software',
		subCategory: 'Graphics & Publishing',
		retailPrice: 639,
		customerPrice: 533.33,
		stock: 'vendor',
		digital: true,
	},
	{
		ingramPartNumber: '164B2G',
		vendorPartNumber: 'MYFM2LL/A',
		vendorName: 'Apple',
		description: 'IPAD AIR WI-FI 64GB SPACE GRAY',
		category: 'Computers',
		subCategory: 'Notebooks & Tablets',
		retailPrice: 599,
		customerPrice: 521.13,
		stock: 'limited',
	},
	{
		ingramPartNumber: '03WK88',
		vendorPartNumber: 'QEZ-00001',
		vendorName: 'Microsoft',
		description: 'SURFACE PRO 9 I5 8GB 256GB PLATINUM',
		category: 'Computers',
		subCategory: 'Notebooks & Tablets',
		retailPrice: 1099,
		customerPrice: 901.18,
		stock: 'plenty',
	},
	{
		ingramPartNumber: 'YN6551',
		vendorPartNumber: 'C9200L-24P-4G-E',
		vendorName: 'Cisco',
		description: 'CATALYST 9200L 24P POE+ 4X1G',
		category: 'Networking',
		subCategory: 'Switches',
		retailPrice: 3274,
		customerPrice: 2193.58,
		stock: 'plenty',
		hasDiscounts: true,
	},
	{
		ingramPartNumber: 'YN6231',
		vendorPartNumber: 'C9300-48P-E',
		vendorName: 'Cisco',
		description: 'CATALYST 9300 48P POE+ NETWORK ESS',
		category: 'Networking',
		subCategory: 'Switches',
		retailPrice: 9837,
		customerPrice: 6590.79,
		stock: 'limited',
	},
	{
		ingramPartNumber: '5DV320',
		vendorPartNumber: 'WS1-STD-SSUB-1YR',
		vendorName: 'OMNISSA WS1',
		description: 'WORKSPACE ONE STANDARD SUB 1YR',
		category: 'Software',
		subCategory: 'Device Management',
		retailPrice: 52,
		customerPrice: 43.16,
		stock: 'vendor',
		digital: true,
	},
	{
		ingramPartNumber: 'DS7500',
		vendorPartNumber: '210-AZVS',
		vendorName: 'Dell',
		description: 'POWEREDGE R750 2X XEON GOLD 64GB',
		category: 'Servers',
		subCategory: 'Rack Servers',
		retailPrice: 12999,
		customerPrice: 10874.5,
		stock: 'vendor',
		directShip: true,
	},
];

/** Microsoft NCE plans for the subscription side of the catalog (planIds from Ingram's examples). */
const PLANS: SubscriptionPlan[] = [
	[
		'438323',
		'Office 365 E5 OVG (NCE COM MTH)',
		'The Office suite, plus email, instant messaging, HD video conferencing, 1 TB personal file storage and sharing, and advanced security, analytics and Audio conferencing.',
		'CFQ7TTC0LF8Q:0001',
		'MONTH',
		38,
		31.92,
	],
	[
		'438292',
		'Microsoft 365 Business Standard (NCE COM ANN)',
		'Best for businesses that need Office apps across devices plus professional email, cloud file storage, and online meetings & chat. For businesses with up to 300 employees.',
		'CFQ7TTC0LDPB:0001',
		'YEAR',
		150,
		126,
	],
	[
		'438381',
		'Microsoft 365 Business Standard (NCE COM MTH)',
		'Best for businesses that need Office apps across devices plus professional email, cloud file storage, and online meetings & chat. For businesses with up to 300 employees.',
		'CFQ7TTC0LDPB:0002',
		'MONTH',
		15,
		12.6,
	],
	[
		'438308',
		'Microsoft 365 F3 (NCE COM MTH)',
		'Microsoft 365 F3 is designed for frontline workers, with web and mobile Office apps, email and Teams.',
		'CFQ7TTC0LGTX:0001',
		'MONTH',
		10,
		8.4,
	],
	[
		'471490',
		'Microsoft Defender for Endpoint P2 (NCE COM MTH)',
		'Endpoint detection and response, automated investigation and remediation, and threat analytics.',
		'CFQ7TTC0LGW1:0001',
		'MONTH',
		5.2,
		4.37,
	],
	[
		'438270',
		'Microsoft 365 Business Premium (NCE COM ANN)',
		'Everything in Business Standard plus advanced security, access and data protection.',
		'CFQ7TTC0LCHC:0002',
		'YEAR',
		264,
		221.76,
	],
].map(([planId, planName, planDescription, vendorPartNumber, period, msrp, unitPrice], i) => ({
	planId: planId as string,
	planName: planName as string,
	planDescription: planDescription as string,
	groupName: i === 4 ? 'NCE Microsoft Defender (Commercial)' : 'NCE Microsoft 365 (Commercial)',
	groupDescription:
		'The Microsoft 365 and Office 365 families are cloud-based services, designed to help meet your organization\u2019s needs for robust security, reliability, and user productivity.',
	vendorName: 'Microsoft',
	vendorPartNumber: vendorPartNumber as string,
	resourceId: String(15612000 + i * 131),
	resourceName: (planName as string).replace(/ \(NCE.*$/, ''),
	billingPeriodUnit: period as 'MONTH' | 'YEAR',
	subscriptionPeriodUnit: period as 'MONTH' | 'YEAR',
	msrp: msrp as number,
	unitPrice: unitPrice as number,
	minUnits: 1,
	maxUnits: 300,
}));

function makeUpc(r: Rng): string {
	return `0${r.digits(11)}`;
}

function stockFor(
	r: Rng,
	kind: PinnedProduct['stock'] | 'random',
	isDigital: boolean,
): WarehouseStock[] {
	if (isDigital || kind === 'vendor') return [];
	const mode =
		kind === 'random'
			? r.pick([
					'plenty',
					'plenty',
					'plenty',
					'plenty',
					'limited',
					'limited',
					'backordered',
				] as const)
			: kind;
	const eta = addDays(SEED_TODAY, r.int(7, 60));
	return WAREHOUSES.map((w) => {
		if (mode === 'plenty') {
			return {
				...w,
				quantityAvailable: r.int(20, 2500),
				quantityBackordered: 0,
				quantityOnOrder: r.int(0, 500),
			};
		}
		if (mode === 'limited') {
			const here = w.warehouseId === '20' || w.warehouseId === '40';
			return {
				...w,
				quantityAvailable: here ? r.int(1, 6) : 0,
				quantityBackordered: 0,
				quantityOnOrder: here ? 0 : r.int(10, 50),
				backOrderEta: here ? undefined : eta,
			};
		}
		return {
			...w,
			quantityAvailable: 0,
			quantityBackordered: r.int(5, 600),
			quantityOnOrder: r.int(100, 2000),
			backOrderEta: eta,
		};
	});
}

function buildProduct(
	r: Rng,
	base: Omit<
		Product,
		| 'upc'
		| 'stock'
		| 'weightKg'
		| 'dimensionsCm'
		| 'productClass'
		| 'mapPrice'
		| 'extraDescription'
		| 'newProduct'
		| 'discontinued'
		| 'hasWarranty'
		| 'endUserRequired'
		| 'acceptBackOrder'
		| 'returnable'
		| 'authorizedToPurchase'
	> & {
		upc?: string;
		kg: [number, number];
		stockKind: PinnedProduct['stock'] | 'random';
		pinned: boolean;
	},
): Product {
	const isDigital = base.productType === 'IM::digital';
	const discontinued = !base.pinned && r.chance(0.03);
	const title = base.description.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
	const { kg, stockKind, pinned, ...rest } = base;
	return {
		...rest,
		upc: base.upc ?? (isDigital ? '' : makeUpc(r)),
		extraDescription: `${base.vendorName} ${title} (${base.vendorPartNumber})`,
		productClass: discontinued ? 'X' : r.pick(['A', 'A', 'B', 'B', 'C']),
		authorizedToPurchase: pinned || r.chance(0.95),
		discontinued,
		newProduct: !discontinued && r.chance(0.08),
		hasWarranty: !isDigital && r.chance(0.6),
		endUserRequired: isDigital,
		acceptBackOrder: !discontinued,
		returnable: !isDigital,
		mapPrice: r.chance(0.3) ? round2(base.retailPrice * 0.92) : 0,
		weightKg: isDigital ? 0 : round2(kg[0] + r.next() * (kg[1] - kg[0])),
		dimensionsCm: isDigital
			? { height: 0, width: 0, length: 0 }
			: { height: r.int(3, 40), width: r.int(10, 60), length: r.int(10, 70) },
		stock: stockFor(r, stockKind, isDigital),
	};
}

function generateCatalog(r: Rng): Product[] {
	const products: Product[] = [];
	const used = new Set<string>([
		...PINNED_PRODUCTS.map((p) => p.ingramPartNumber),
		...UNKNOWN_SKUS,
	]);
	for (const p of PINNED_PRODUCTS) {
		const vendor = VENDORS.find((v) => v.name === p.vendorName);
		products.push(
			buildProduct(r, {
				ingramPartNumber: p.ingramPartNumber,
				vendorPartNumber: p.vendorPartNumber,
				vendorName: p.vendorName,
				vendorNumber: vendor?.vendorNumber ?? `0000${r.digits(6)}`,
				description: p.description,
				upc: p.upc,
				category: p.category,
				subCategory: p.subCategory,
				productType: p.digital ? 'IM::digital' : 'IM::physical',
				hasDiscounts: p.hasDiscounts ?? false,
				directShip: p.directShip ?? false,
				retailPrice: p.retailPrice,
				customerPrice: p.customerPrice,
				kg: [1, 3],
				stockKind: p.stock,
				pinned: true,
			}),
		);
	}
	for (const vendor of VENDORS) {
		for (let i = 0; i < vendor.share; i++) {
			const line = r.pick(vendor.lines);
			let sku: string;
			do {
				// Ingram part numbers: six upper-case alphanumerics, usually two characters then four digits.
				sku = r.chance(0.8) ? `${r.alnum(2)}${r.digits(4)}` : `${r.alnum(3)}${r.digits(3)}`;
			} while (used.has(sku));
			used.add(sku);
			const retailPrice = r.money(line.price[0], line.price[1]);
			products.push(
				buildProduct(r, {
					ingramPartNumber: sku,
					vendorPartNumber: vendor.vpn(r),
					vendorName: vendor.name,
					vendorNumber: vendor.vendorNumber,
					description: r.pick(line.names),
					category: line.category,
					subCategory: line.subCategory,
					productType: line.digital ? 'IM::digital' : 'IM::physical',
					hasDiscounts: r.chance(0.2),
					directShip: !line.digital && line.subCategory === 'Rack Servers' && r.chance(0.5),
					retailPrice,
					customerPrice: round2(retailPrice * (0.68 + r.next() * 0.2)),
					kg: line.kg,
					stockKind: 'random',
					pinned: false,
				}),
			);
		}
	}
	return products;
}

// ---------------------------------------------------------------------------------------------
// Orders and invoices
// ---------------------------------------------------------------------------------------------

const ORDER_STATUS_COUNTS: [OrderStatus, number][] = [
	['SHIPPED', 90],
	['PROCESSING', 10],
	['BACKORDERED', 8],
	['ON HOLD', 7],
	['CANCELLED', 3],
	['OPEN', 2],
];

interface PinnedOrder {
	ingramOrderNumber: string;
	status: OrderStatus;
	customerOrderNumber: string;
	date: string;
	skus: string[];
}

const PINNED_ORDERS: PinnedOrder[] = [
	{
		ingramOrderNumber: '20-RD3QV',
		status: 'SHIPPED',
		customerOrderNumber: 'MyPONumber',
		date: '2025-05-13',
		skus: ['6YE881', '123512'],
	},
	{
		ingramOrderNumber: '20-RD128',
		status: 'ON HOLD',
		customerOrderNumber: 'PO-HOLD-128',
		date: '2025-06-27',
		skus: ['DF4128'],
	},
	{
		ingramOrderNumber: '20-RC1RD',
		status: 'ON HOLD',
		customerOrderNumber: 'PO-HOLD-1RD',
		date: '2025-06-28',
		skus: ['1C6094', '2GZ200'],
	},
	{
		ingramOrderNumber: '20-RFKW4',
		status: 'PROCESSING',
		customerOrderNumber: 'PO-PROC-KW4',
		date: '2025-06-25',
		skus: ['QQ0202'],
	},
	{
		ingramOrderNumber: '20-RFJYP',
		status: 'BACKORDERED',
		customerOrderNumber: 'PO-BO-JYP',
		date: '2025-06-20',
		skus: ['4A0036'],
	},
	{
		ingramOrderNumber: '20-RFDMQ',
		status: 'CANCELLED',
		customerOrderNumber: 'PO-CXL-DMQ',
		date: '2025-04-07',
		skus: ['DF4128'],
	},
];

function orderNumber(r: Rng, used: Set<string>): string {
	let n: string;
	do {
		n = `20-${r.upper(1)}${r.chars(4, LETTERS + DIGITS)}`;
	} while (used.has(n));
	used.add(n);
	return n;
}

function serial(r: Rng): string {
	return `${r.alnum(4)}-${r.alnum(4)}-${r.alnum(4)}`;
}

function orderDateTime(r: Rng, date: string): string {
	const hh = String(r.int(6, 19)).padStart(2, '0');
	const mm = String(r.int(0, 59)).padStart(2, '0');
	const ss = String(r.int(0, 59)).padStart(2, '0');
	return `${date}T${hh}:${mm}:${ss}-07:00`;
}

function makeOrderLines(
	r: Rng,
	products: Product[],
	status: OrderStatus,
	quantityFor: () => number,
): OrderLine[] {
	return products.map((p, i) => {
		const quantityOrdered = quantityFor();
		const backordered = status === 'BACKORDERED' && i === 0;
		const warehouse = p.stock.find((s) => s.quantityAvailable > 0) ?? p.stock[0] ?? WAREHOUSES[1];
		return {
			ingramLineNumber: String(i + 1).padStart(3, '0'),
			customerLineNumber: String(i + 1).padStart(3, '0'),
			ingramPartNumber: p.ingramPartNumber,
			vendorPartNumber: p.vendorPartNumber,
			vendorName: p.vendorName,
			description: p.description,
			upc: p.upc,
			quantityOrdered,
			quantityConfirmed: status === 'CANCELLED' || backordered ? 0 : quantityOrdered,
			quantityBackOrdered: backordered ? quantityOrdered : 0,
			unitPrice: p.customerPrice,
			warehouseId: warehouse.warehouseId,
			serialNumbers:
				status === 'SHIPPED' && p.productType === 'IM::physical'
					? Array.from({ length: Math.min(quantityOrdered, 3) }, () => serial(r))
					: [],
		};
	});
}

/**
 * Builds order number `n` (its customerOrderNumber derives from n): a pinned one, or a generated one
 * in `status`, dated `fixedDate` when given (else by status, within the last 360 days).
 */
type BuildOrder = (
	n: number,
	pinned: PinnedOrder | undefined,
	status: OrderStatus,
	fixedDate?: string,
) => Order;

/** `used` holds the order numbers taken so far; new ones are added to it. */
function orderBuilder(r: Rng, products: Product[], used: Set<string>): BuildOrder {
	const physical = products.filter(
		(p) => p.productType === 'IM::physical' && !p.directShip && !p.discontinued,
	);
	const bySku = new Map(products.map((p) => [p.ingramPartNumber, p]));

	return (n, pinned, status, fixedDate) => {
		const date =
			fixedDate ??
			pinned?.date ??
			addDays(
				SEED_TODAY,
				-r.int(status === 'ON HOLD' || status === 'OPEN' ? 0 : 3, status === 'SHIPPED' ? 360 : 20),
			);
		const lineProducts = pinned
			? pinned.skus.map((s) => bySku.get(s) as Product)
			: r.sample(physical, r.int(1, 4));
		const endUser = r.chance(0.7) ? r.pick(END_USERS) : undefined;
		const lines = makeOrderLines(r, lineProducts, status, () => r.pick([1, 1, 1, 2, 2, 3, 5, 10]));
		const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantityOrdered, 0);
		const order: Order = {
			ingramOrderNumber: pinned?.ingramOrderNumber ?? orderNumber(r, used),
			ingramOrderDate: orderDateTime(r, date),
			orderType: 'S',
			customerOrderNumber:
				pinned?.customerOrderNumber ?? `PO-${String(24000 + n * 7).padStart(6, '0')}`,
			endCustomerOrderNumber: endUser ? `EU-${r.digits(5)}` : '',
			webOrderId: r.digits(8),
			vendorSalesOrderNumber: r.digits(9),
			ingramPurchaseOrderNumber: `${r.digits(2)}${r.upper(3)}${r.digits(2)}`,
			status,
			customerHold: status === 'ON HOLD',
			notes: '',
			billToAddressId: '000',
			billToInfo: BILL_TO,
			shipToInfo: endUser ? { ...endUser } : { ...DEFAULT_SHIP_TO },
			endUserInfo: endUser ? { ...endUser } : undefined,
			lines,
			freightCharges: round2(Math.max(7.13, subtotal * 0.012)),
			totalTax: 0,
			currencyCode: 'USD',
			paymentTerms: 'NET 30 DAYS',
			additionalAttributes:
				status === 'ON HOLD'
					? [{ attributeName: 'allowOrderOnCustomerHold', attributeValue: 'true' }]
					: [],
			source: 'seed',
		};
		if (status === 'SHIPPED') {
			const carrier = r.pick(CARRIERS);
			const shipDate = addDays(date, r.int(0, 2));
			order.shipment = {
				shipDate,
				deliveryDate: addDays(shipDate, carrier.days),
				carrierCode: carrier.carrierCode,
				carrierName: carrier.carrierName,
				trackingNumber:
					carrier.carrierCode === 'UG' ? `1Z${r.alnum(6)}${r.digits(10)}` : r.digits(12),
				deliveryNumber: r.digits(9),
			};
		}
		return order;
	};
}

/** Invoices every shipped order (one invoice, `<order>-11`), setting the order's invoiceNumber. */
function invoicesFor(orders: Order[]): Invoice[] {
	const invoices: Invoice[] = [];
	for (const order of orders) {
		if (order.status !== 'SHIPPED' || !order.shipment) continue;
		const invoiceNumber = `${order.ingramOrderNumber}-11`;
		order.invoiceNumber = invoiceNumber;
		const invoiceDate = order.shipment.shipDate;
		const invoiceDueDate = addDays(invoiceDate, 30);
		invoices.push({
			invoiceNumber,
			ingramOrderNumber: order.ingramOrderNumber,
			invoiceDate,
			invoiceDueDate,
			invoiceStatus: invoiceDueDate < SEED_TODAY ? 'Paid' : 'Open',
			invoiceType: 'Invoice',
			deliveryNumber: order.shipment.deliveryNumber,
			paymentTermsCode: '30',
			paymentTermsDescription: 'NET 30 DAYS',
		});
	}
	return invoices;
}

function generateOrders(r: Rng, products: Product[]): { orders: Order[]; invoices: Invoice[] } {
	const used = new Set(PINNED_ORDERS.map((o) => o.ingramOrderNumber));
	const pool: OrderStatus[] = [];
	for (const [status, count] of ORDER_STATUS_COUNTS) {
		const pinned = PINNED_ORDERS.filter((o) => o.status === status).length;
		for (let i = pinned; i < count; i++) pool.push(status);
	}
	const statuses = r.shuffle(pool);
	const orders: Order[] = [];
	const build = orderBuilder(r, products, used);

	PINNED_ORDERS.forEach((p, i) => orders.push(build(i, p, p.status)));
	statuses.forEach((status, i) => orders.push(build(PINNED_ORDERS.length + i, undefined, status)));
	// Newest first, the order Ingram's search returns.
	orders.sort((a, b) => b.ingramOrderDate.localeCompare(a.ingramOrderDate));
	return { orders, invoices: invoicesFor(orders) };
}

/** Generated orders per day of history in `extraOrders` (a busy reseller's pace). */
const EXTRA_ORDERS_PER_DAY = 10;

/**
 * `count` more orders for load tests (`SimulatorOptions.extraOrders`), generated like the seed's
 * own from a PRNG of their own, so the seeded account stays exactly as it is. They are older
 * history, dated from the day before the seed's oldest (360 days back) backwards at
 * EXTRA_ORDERS_PER_DAY a day, so the seed keeps the top of the newest-first search results.
 * Old orders have settled: shipped and invoiced, a few cancelled.
 */
function generateExtraOrders(
	base: XiData,
	count: number,
): { orders: Order[]; invoices: Invoice[] } {
	const r = new Rng(SEED + 2);
	const build = orderBuilder(
		r,
		base.products,
		new Set(base.orders.map((o) => o.ingramOrderNumber)),
	);
	const orders: Order[] = [];
	for (let i = 0; i < count; i++) {
		const date = addDays(SEED_TODAY, -(361 + Math.floor(i / EXTRA_ORDERS_PER_DAY)));
		orders.push(
			build(base.orders.length + i, undefined, r.chance(0.04) ? 'CANCELLED' : 'SHIPPED', date),
		);
	}
	orders.sort((a, b) => b.ingramOrderDate.localeCompare(a.ingramOrderDate));
	return { orders, invoices: invoicesFor(orders) };
}

// ---------------------------------------------------------------------------------------------
// Quotes, deals, renewals, returns
// ---------------------------------------------------------------------------------------------

const PINNED_QUOTES = [
	{
		quoteNumber: 'QUO-10926-Y8G1B3',
		quoteName: 'Q3',
		vendor: 'Juniper',
		skus: ['9DD701'],
		status: 'Active',
		specialBidNumber: 'TEST-9771006-1923',
	},
	{
		quoteNumber: 'QUO-14551943-D2Y9L9',
		quoteName: 'Campus switching refresh',
		vendor: 'Cisco',
		skus: ['YN6551', 'YN6231'],
		status: 'Ready To Order',
		specialBidNumber: undefined,
	},
	{
		quoteNumber: 'QUO-10985-C4C3F7',
		quoteName: 'Test Quote - 999',
		vendor: 'HP',
		skus: ['3N7314', '1C6094'],
		status: 'Active',
		specialBidNumber: undefined,
	},
];

/** Vendor mandatory fields (VMF) a vendor asks for on quote-to-order, as Validate Quote lists them. */
export const VENDOR_MANDATORY_FIELDS: Record<string, Attribute[]> = {
	Cisco: [
		{
			attributeName: 'VEND_AUTH_NBR_FLG',
			attributeValue: '',
			attributeDescription: 'Authorization Number',
		},
		{
			attributeName: 'ResellerCompanyName',
			attributeValue: '',
			attributeDescription: 'resellerCompanyNameFlag',
		},
	],
	VMware: [
		{
			attributeName: 'VEND_AUTH_NBR_FLG',
			attributeValue: '',
			attributeDescription: 'Authorization Number',
		},
	],
	'OMNISSA WS1': [
		{ attributeName: 'HEADER_ENDUSER', attributeValue: '', attributeDescription: 'HeaderEndUser' },
		{
			attributeName: 'VEUD_AUTH_NBR_FLG',
			attributeValue: '',
			attributeDescription: 'Authorization Number',
		},
	],
	Juniper: [
		{
			attributeName: 'END_USER_CONTACT_EMAIL',
			attributeValue: '',
			attributeDescription: 'End user contact email',
		},
	],
};

function quoteNumber(r: Rng, used: Set<string>): string {
	let n: string;
	do {
		n = `QUO-${r.digits(r.pick([5, 8]))}-${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}`;
	} while (used.has(n));
	used.add(n);
	return n;
}

function generateQuotes(r: Rng, products: Product[]): Quote[] {
	const bySku = new Map(products.map((p) => [p.ingramPartNumber, p]));
	const used = new Set(PINNED_QUOTES.map((q) => q.quoteNumber));
	const vendors = ['HP', 'Cisco', 'Lenovo', 'Dell', 'Apple', 'APC', 'Logitech', 'Samsung'];
	const quotes: Quote[] = [];
	const topics = [
		'refresh',
		'expansion',
		'renewal',
		'new office',
		'upgrade',
		'pilot',
		'replacement',
		'Q3 budget',
	];
	for (let i = 0; i < 60; i++) {
		const pinned = PINNED_QUOTES[i];
		const vendor = pinned?.vendor ?? vendors[i % vendors.length];
		const candidates = products.filter((p) => p.vendorName === vendor && !p.discontinued);
		const lineProducts = pinned
			? pinned.skus.map((s) => bySku.get(s) as Product)
			: r.sample(candidates, r.int(1, 4));
		const endUser = r.pick(END_USERS);
		const created = addDays(SEED_TODAY, -r.int(0, 300));
		const modified = addDays(created, r.int(0, 20));
		quotes.push({
			quoteGuid: r.guid(),
			quoteNumber: pinned?.quoteNumber ?? quoteNumber(r, used),
			quoteName:
				pinned?.quoteName ?? `${endUser.companyName.split(' ')[0]} ${vendor} ${r.pick(topics)}`,
			revision: String(r.int(0, 2)),
			ingramQuoteDate: `${created}T${String(r.int(8, 20)).padStart(2, '0')}:17:28Z`,
			lastModifiedDate: `${modified > SEED_TODAY ? SEED_TODAY : modified}T19:12:03Z`,
			ingramQuoteExpiryDate: addDays(created, 90),
			status: pinned?.status ?? (i % 3 === 0 ? 'Active' : 'Ready To Order'),
			quoteType: r.pick(['Standard', 'Standard', 'Deal']),
			currencyCode: 'USD',
			vendorName: vendor,
			specialBidNumber: pinned
				? pinned.specialBidNumber
				: r.chance(0.3)
					? `${r.digits(7)}-${r.digits(4)}`
					: undefined,
			createdBy: r.pick(['Ingram Micro', 'X4C Self Service', 'Vendor Integration']),
			customerNeed: r.pick([
				'Customer Need',
				'Replace end-of-life equipment',
				'Budget approved for Q3',
				'',
			]),
			endUserContact: endUser.contact ?? '',
			endUserInfo: { ...endUser },
			resellerContact: 'Jane Reseller',
			products: lineProducts.map((p, li) => {
				const quantity = r.pick([1, 2, 5, 10, 20]);
				return {
					quoteProductGuid: r.guid(),
					lineNumber: String(li + 1),
					ingramPartNumber: p.ingramPartNumber,
					vendorPartNumber: p.vendorPartNumber,
					vendorName: p.vendorName,
					description: p.description,
					quantity,
					msrp: p.retailPrice,
					quotePrice: round2(p.customerPrice * 0.97),
				};
			}),
			vendorMandatoryFields: VENDOR_MANDATORY_FIELDS[vendor] ?? [],
			source: 'seed',
		});
	}
	return quotes;
}

function generateDeals(r: Rng, products: Product[]): Deal[] {
	const vendors = ['Cisco', 'HP', 'Dell', 'Lenovo', 'APC', 'Samsung'];
	const deals: Deal[] = [];
	const used = new Set<string>(['23456789']);
	for (let i = 0; i < 30; i++) {
		const pinned = i === 0;
		const vendor = pinned ? 'Cisco' : vendors[i % vendors.length];
		const endUser = pinned
			? END_USERS.find((e) => e.companyName === '1ST MACHINE USA INC')!
			: r.pick(END_USERS);
		let dealId = '23456789';
		if (!pinned) {
			do dealId = r.digits(8);
			while (used.has(dealId));
			used.add(dealId);
		}
		const received = addDays(SEED_TODAY, -r.int(10, 200));
		const expiry = addDays(received, r.int(60, 365));
		const candidates = products.filter((p) => p.vendorName === vendor);
		const dealProducts = pinned
			? products.filter((p) => p.ingramPartNumber === 'US1860')
			: r.sample(candidates, r.int(1, 3));
		deals.push({
			dealId,
			version: String(r.int(1, 6)),
			vendor,
			endUser: endUser.companyName,
			endUserInfo: { ...endUser },
			dealReceivedOn: `${received}T02:30:00`,
			dealExpiryDate: `${expiry}T00:00:00`,
			priceProtectionEndDate: `${expiry}T13:18:30`,
			currencyCode: 'USD',
			products: dealProducts.map((p) => {
				const approvedQuantity = r.pick([1, 5, 10, 25, 50]);
				return {
					ingramPartNumber: p.ingramPartNumber,
					vendorPartNumber: p.vendorPartNumber,
					upc: p.upc,
					productDescription: p.description,
					msrp: p.retailPrice,
					standardPrice: p.customerPrice,
					approvedQuantity,
					remainingQuantity: r.int(0, approvedQuantity),
					startDate: `${received}T00:00:00`,
					expirationDate: `${expiry}T00:00:00`,
				};
			}),
		});
	}
	return deals;
}

/** Renewal opportunity statuses: (value, subStatus, the status text the details endpoint shows). */
const RENEWAL_STATUSES = [
	{ value: 'Open', subStatus: 'Quote pending' },
	{ value: 'Open', subStatus: 'Quote sent' },
	{ value: 'Open', subStatus: 'Quote ready' },
	{ value: 'Closed', subStatus: 'Renewal went direct' },
	{ value: 'Closed', subStatus: 'Quote closed contact sales desk' },
	{ value: 'Closed', subStatus: 'Renewed' },
];

function generateRenewals(r: Rng, products: Product[], orders: Order[]): Renewal[] {
	const vendors = ['VMware', 'HP', 'Cisco', 'Microsoft', 'Adobe', 'Dell', 'Lenovo'];
	const renewals: Renewal[] = [];
	const shipped = orders.filter((o) => o.status === 'SHIPPED');
	for (let i = 0; i < 40; i++) {
		const pinned =
			i === 0
				? { renewalId: '1234567', vendor: 'VMware', sku: '08NM78' }
				: i === 1
					? { renewalId: '4239056', vendor: 'HP', sku: '3N7314' }
					: undefined;
		const vendor = pinned?.vendor ?? vendors[i % vendors.length];
		const candidates = products.filter((p) => p.vendorName === vendor);
		const product = pinned
			? products.find((p) => p.ingramPartNumber === pinned.sku)!
			: r.pick(candidates);
		const endUser = r.pick(END_USERS);
		const expirationDate = addDays(SEED_TODAY, r.int(-60, 300));
		const startDate = addDays(expirationDate, -365);
		const status = r.pick(RENEWAL_STATUSES);
		const quantity = r.pick([1, 4, 6, 10, 25]);
		const order = r.chance(0.6) ? r.pick(shipped) : undefined;
		renewals.push({
			renewalId: pinned?.renewalId ?? String(4200000 + i * 1733),
			customerOrderNumber: order?.customerOrderNumber ?? `REN-${r.digits(5)}`,
			endCustomerOrderNumber: `${r.digits(6)}.0`,
			ingramOrderNumber: order?.ingramOrderNumber ?? '',
			ingramOrderDate: order ? order.ingramOrderDate : null,
			ingramPurchaseOrderNumber: order?.ingramPurchaseOrderNumber ?? '',
			referenceNumber: r.chance(0.5) ? `REF${r.digits(6)}` : '',
			quoteNumber:
				status.subStatus.startsWith('Quote') && status.value === 'Open'
					? `QUO-${r.digits(8)}-${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}`
					: '',
			vendor: vendor.toUpperCase(),
			endUser: endUser.companyName,
			endUserInfo: { ...endUser },
			startDate,
			endDate: expirationDate,
			invoiceDate: addDays(startDate, r.int(0, 10)),
			expirationDate,
			renewalValue: round2(product.customerPrice * quantity),
			opportunityStatus: status,
			products: [
				{
					ingramLineNumber: '1',
					productDescription: product.description,
					vendorPartNumber: product.vendorPartNumber,
					ingramPartNumber: product.ingramPartNumber,
					quantity,
					unitPrice: product.customerPrice,
					isConsolidated: r.pick(['Yes', 'No']),
				},
			],
			serialNumbers: [r.digits(10)],
		});
	}
	return renewals;
}

export const RETURN_REASONS = [
	{
		code: '(DF) Defective Items',
		primary: 'The product is defective',
		secondary: 'Product does not power on.',
	},
	{
		code: '(SS) Short Shipment',
		primary: 'I have not received part or all of my order',
		secondary: 'Received only partial shipment.',
	},
	{
		code: '(WS) Wrong Sales Sealed',
		primary: 'I ordered the wrong product',
		secondary: 'Product is unopened.',
	},
	{
		code: '(DM) Damaged from Carrier',
		primary: 'The product arrived damaged',
		secondary: 'Box was crushed in transit.',
	},
	{
		code: '(CS) Customer Service Discretion',
		primary: 'Other',
		secondary: 'Customer service approved the return.',
	},
];

const RETURN_STATUSES = ['Open', 'Open', 'Approved', 'Partially Approved', 'Denied', 'Voided'];

export function caseRequestNumber(r: Rng): string {
	return `CAS-${r.digits(5)}-${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}-${r.int(0, 1)}`;
}

function generateReturns(r: Rng, orders: Order[], invoices: Invoice[]): ReturnClaim[] {
	const byOrder = new Map(orders.map((o) => [o.ingramOrderNumber, o]));
	const returns: ReturnClaim[] = [];
	const used = new Set<string>();
	for (let i = 0; i < 30; i++) {
		const invoice =
			i === 0 ? invoices.find((inv) => inv.ingramOrderNumber === '20-RD3QV')! : r.pick(invoices);
		const order = byOrder.get(invoice.ingramOrderNumber)!;
		const line = r.pick(order.lines);
		const reason = r.pick(RETURN_REASONS);
		const status = i === 0 ? 'Open' : r.pick(RETURN_STATUSES);
		let caseNumber =
			i === 0 ? 'CAS-12345-M4H2Y8-0' : i === 1 ? 'CAS-12345-G0S5J1-1' : caseRequestNumber(r);
		while (i > 1 && used.has(caseNumber)) caseNumber = caseRequestNumber(r);
		used.add(caseNumber);
		const createdOn = addDays(invoice.invoiceDate, r.int(2, 40));
		const quantity = Math.min(line.quantityOrdered, r.int(1, 2));
		returns.push({
			caseRequestNumber: caseNumber,
			rmaClaimId:
				status === 'Open'
					? ''
					: `${order.ingramOrderNumber.slice(0, 3)}${r.upper(5)}-${r.digits(2)}`,
			returnClaimId: status === 'Open' ? '' : r.digits(8),
			type: 'Claim',
			createdOn: `${createdOn > SEED_TODAY ? SEED_TODAY : createdOn}T19:33:10Z`,
			modifiedOn: `${createdOn > SEED_TODAY ? SEED_TODAY : createdOn}T21:16:16Z`,
			returnReason: reason.code,
			primaryReason: reason.primary,
			secondaryReason: reason.secondary,
			referenceNumber: `RMA${r.alnum(6)}`,
			status,
			notes: '',
			numberOfBoxes: 1,
			products: [
				{
					ingramLineNumber: 1,
					description: line.description,
					ingramPartNumber: line.ingramPartNumber,
					vendorPartNumber: line.vendorPartNumber,
					upc: line.upc || null,
					invoiceDate: `${invoice.invoiceDate}T00:00:00Z`,
					invoiceNumber: invoice.invoiceNumber,
					customerOrderNumber: order.customerOrderNumber,
					quantity,
					unitPrice: line.unitPrice,
					status,
					returnBranch: '96',
					shipFromBranch: line.warehouseId,
				},
			],
			source: 'seed',
		});
	}
	return returns;
}

// ---------------------------------------------------------------------------------------------
// Seed
// ---------------------------------------------------------------------------------------------

/** SKUs that never exist in the catalog (P&A answers them with productStatusCode "E"). */
export const UNKNOWN_SKUS = ['ZZ9999', 'DF4128MW', '12351211', 'XXXXXX'];

function generate(): XiData {
	const r = new Rng(SEED);
	const products = generateCatalog(r);
	const { orders, invoices } = generateOrders(r, products);
	const quotes = generateQuotes(r, products);
	const deals = generateDeals(r, products);
	const renewals = generateRenewals(r, products, orders);
	const returns = generateReturns(r, orders, invoices);
	return {
		products,
		plans: PLANS,
		orders,
		invoices,
		quotes,
		deals,
		renewals,
		returns,
		v7Orders: [],
	};
}

let seeded: XiData | undefined;

/**
 * A fresh, mutable copy of the seeded data (generated once per process), with `extraOrders`
 * generated orders (and their invoices) after the seeded ones when asked for.
 */
export function seedData(extraOrders = 0): XiData {
	seeded ??= generate();
	const data = structuredClone(seeded);
	if (extraOrders > 0) {
		const extra = generateExtraOrders(data, extraOrders);
		data.orders.push(...extra.orders);
		data.invoices.push(...extra.invoices);
	}
	return data;
}

/** IDs and counts node tests can rely on. */
export const SIM_FIXTURES = {
	counts: {
		products: 400,
		subscriptionPlans: PLANS.length,
		orders: 120,
		ordersByStatus: Object.fromEntries(ORDER_STATUS_COUNTS) as Record<OrderStatus, number>,
		invoices: 90,
		quotes: 60,
		deals: 30,
		renewals: 40,
		returns: 30,
	},
	defaultPageSize: 25,
	maxPageSize: 100,
	priceAndAvailabilityMaxProducts: 50,
	skus: {
		/** Plenty of stock in every warehouse; Cisco LS1016A-CISCO. */
		inStock: '123512',
		/** Zero available, backordered everywhere; Logitech 920-002555 (the spec's order example). */
		backordered: 'DF4128',
		/** Dell E2016HV, UPC 0884116186519, backordered, has discounts (the spec's P&A example). */
		dellMonitor: '4A0036',
		/** Only a few units in warehouses 20 and 40. */
		limitedStock: 'QQ0202',
		/** Vendor direct-ship server: order-create puts it in its own order (orderType D, orderSplit). */
		directShip: 'DS7500',
		/** Digital licence (Adobe), no warehouse stock. */
		digital: '05QC29',
		/** Lenovo 20VE0117MH (the spec's product details example). */
		lenovoNotebook: '6YE881',
		/** Never in the catalog. */
		unknown: 'ZZ9999',
		unknownAll: UNKNOWN_SKUS,
	},
	vendorPartNumbers: { backordered: '920-002555', hpPrinter: '5204303' },
	upc: { dellMonitor: '0884116186519' },
	plans: {
		planId: '438323',
		planName: 'Office 365 E5 OVG (NCE COM MTH)',
		vendorPartNumber: 'CFQ7TTC0LF8Q:0001',
	},
	orders: {
		/** SHIPPED, invoiced as 20-RD3QV-11, customerOrderNumber "MyPONumber". */
		shipped: '20-RD3QV',
		shippedCustomerOrderNumber: 'MyPONumber',
		/** ON HOLD (customer hold): can be modified, released and cancelled. */
		onHold: '20-RD128',
		onHold2: '20-RC1RD',
		/** PROCESSING, not on customer hold: cancel answers 405. */
		processing: '20-RFKW4',
		backordered: '20-RFJYP',
		cancelled: '20-RFDMQ',
		unknown: '20-ZZZZZ',
	},
	invoices: { shipped: '20-RD3QV-11', unknown: '20-ZZZZZ-11' },
	quotes: {
		/** Juniper, status Active, special bid TEST-9771006-1923. */
		details: 'QUO-10926-Y8G1B3',
		/** Cisco, Ready To Order, has vendor mandatory fields (Validate Quote example). */
		cisco: 'QUO-14551943-D2Y9L9',
		hp: 'QUO-10985-C4C3F7',
		unknown: 'QUO-00000-Z0Z0Z0',
	},
	deals: { cisco: '23456789', ciscoVendorName: 'Cisco', unknown: '99999999' },
	renewals: { vmware: '1234567', hp: '4239056', unknown: '7654321' },
	returns: {
		open: 'CAS-12345-M4H2Y8-0',
		second: 'CAS-12345-G0S5J1-1',
		unknown: 'CAS-00000-Z0Z0Z0-0',
	},
	addresses: { billToAddressId: '000', shipToAddressId: '200' },
} as const;
