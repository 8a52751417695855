/**
 * Product Catalog v6: search, details, and price & availability.
 *
 * Price & Availability (P&A) is the call resellers hammer, and its semantics are the least obvious:
 * - the body is `{products:[...]}` (at most 50, a business rule not in the spec), the answer is a
 *   top-level ARRAY with one element per requested product, in request order;
 * - a product Ingram does not know comes back in that array with `productStatusCode: "E"` and
 *   `productStatusMessage: "Product not found for IngramPartNumber:  <sku>"` (two spaces, sic),
 *   without pricing or availability;
 * - HTTP 207 when the batch mixes found and not-found products, 200 when all were found. When
 *   NONE was found the simulator answers 200 (every element "E"): a client must inspect each
 *   element, never trust the status code alone;
 * - pricing, availability and the detailed product attributes are only present when the query
 *   flags `includePricing`, `includeAvailability`, `includeProductAttributes` ask for them;
 *   discounts and reserve inventory when the body flags `showAvailableDiscounts` and
 *   `showReserveInventoryDetails` do.
 */
import { addDays, round2 } from '../random';
import { SEED_TODAY, type Product, type SubscriptionPlan, type WarehouseStock } from '../data';
import {
	asArray,
	asRecord,
	badRequest,
	contains,
	ok,
	paginate,
	PAGE_NUMBER_SIZE,
	Query,
	readPage,
	sameText,
	text,
	type Route,
	type RouteResponse,
} from './common';

/** The catalog services' "nothing found" body, verbatim from the spec (integer id and all). */
const NO_RECORDS_FOUND = {
	errors: [{ id: 123, type: 'Validation error', message: 'No Records Found' }],
};

export const P_AND_A_MAX_PRODUCTS = 50;

const flag = (value: boolean) => (value ? 'true' : 'false');

/** A row of product search. Ingram sends these booleans as strings. */
function searchRow(p: Product) {
	return {
		description: p.description,
		category: p.category,
		subCategory: p.subCategory,
		productType: p.productType,
		ingramPartNumber: p.ingramPartNumber,
		vendorPartNumber: p.vendorPartNumber,
		upcCode: p.upc,
		vendorName: p.vendorName,
		endUserRequired: flag(p.endUserRequired),
		hasDiscounts: flag(p.hasDiscounts),
		type: p.productType === 'IM::digital' ? 'IM::Digital' : 'IM::Physical',
		discontinued: flag(p.discontinued),
		newProduct: flag(p.newProduct),
		directShip: flag(p.directShip),
		hasWarranty: flag(p.hasWarranty),
		extraDescription: p.extraDescription,
		replacementSku: '',
		authorizedToPurchase: flag(p.authorizedToPurchase),
		links: [
			{
				topic: 'catalog',
				href: `/resellers/v6/catalog/details/${p.ingramPartNumber}`,
				type: 'GET',
			},
		],
	};
}

function planSummary(plan: SubscriptionPlan) {
	return {
		planId: plan.planId,
		planName: plan.planName,
		planDescription: plan.planDescription,
		subscriptionPeriodSummary: [
			{ subscriptionPeriodUnit: `${plan.subscriptionPeriodUnit}S`, subscriptionPeriod: '1' },
		],
		links: [
			{ topic: 'catalog', href: '/resellers/v6/catalog/priceandavailability', type: 'POST' },
			{
				topic: 'catalog',
				href: `/resellers/v6/catalog/details?planId=${plan.planId}`,
				type: 'GET',
			},
		],
	};
}

/**
 * GET /resellers/v6/catalog. All keywords must match (IPN, VPN, description, vendor or UPC);
 * vendor[] and vendorPartNumber[] match any of their values; `category` matches category or
 * sub-category. `groupName`/`planID` search the subscription catalog instead.
 * Nothing on the page -> 404 "No Records Found" (so asking past the last page is a 404 too).
 */
export const productSearch: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_NUMBER_SIZE);
	if (Array.isArray(page)) return badRequest(req, page);

	let rows: unknown[];
	let listKey: 'catalog' | 'subscriptionCatalog';
	if (q.has('groupName') || q.has('planID')) {
		const groupName = q.str('groupName');
		const planId = q.str('planID');
		const plans = data.plans.filter(
			(p) => (!groupName || contains(p.groupName, groupName)) && (!planId || p.planId === planId),
		);
		listKey = 'subscriptionCatalog';
		if (q.bool('showGroupInfo')) {
			const groups = [...new Set(plans.map((p) => p.groupName))];
			rows = groups.map((g) => {
				const inGroup = plans.filter((p) => p.groupName === g);
				return {
					groupName: g,
					groupDescription: inGroup[0].groupDescription,
					numberOfPlans: String(inGroup.length),
					link: `/resellers/v6/catalog?groupName=${encodeURIComponent(g)}`,
				};
			});
		} else {
			rows = plans.map(planSummary);
		}
	} else {
		const keywords = q.list('keyword');
		const vendors = q.list('vendor');
		const vpns = q.list('vendorPartNumber');
		const vendorNumber = q.str('vendorNumber');
		const category = q.str('category');
		const type = q.str('type');
		const hasDiscounts = q.bool('hasDiscounts');
		listKey = 'catalog';
		rows = data.products
			.filter(
				(p) =>
					keywords.every((k) =>
						[p.ingramPartNumber, p.vendorPartNumber, p.description, p.vendorName, p.upc].some((f) =>
							contains(f, k),
						),
					) &&
					(vendors.length === 0 || vendors.some((v) => sameText(p.vendorName, v))) &&
					(vpns.length === 0 || vpns.some((v) => sameText(p.vendorPartNumber, v))) &&
					(!vendorNumber || p.vendorNumber === vendorNumber) &&
					(!category || sameText(p.category, category) || sameText(p.subCategory, category)) &&
					(!type || sameText(type, 'IM::any') || sameText(p.productType, type)) &&
					(hasDiscounts === undefined || p.hasDiscounts === hasDiscounts),
			)
			.map(searchRow);
	}

	const result = paginate(rows, req, PAGE_NUMBER_SIZE, page);
	if (result.items.length === 0) return { status: 404, body: NO_RECORDS_FOUND };
	const body: Record<string, unknown> = {
		recordsFound: result.total,
		pageSize: result.pageSize,
		pageNumber: result.pageNumber,
	};
	if (listKey === 'subscriptionCatalog' && !q.bool('showGroupInfo')) {
		body.subscriptionCatalog = [{ plans: result.items }];
	} else {
		body[listKey] = result.items;
	}
	body.nextPage = result.nextPage;
	body.previousPage = result.previousPage;
	return ok(body);
};

// ---------------------------------------------------------------------------------------------
// Details
// ---------------------------------------------------------------------------------------------

function productDetail(p: Product) {
	const isDigital = p.productType === 'IM::digital';
	return {
		ingramPartNumber: p.ingramPartNumber,
		vendorPartNumber: p.vendorPartNumber,
		// "True"/"False" as strings, as in Ingram's example.
		productAuthorized: p.authorizedToPurchase ? 'True' : 'False',
		description: p.description,
		productDetailDescription: p.extraDescription,
		upc: p.upc,
		productCategory: p.category,
		productSubcategory: p.subCategory,
		vendorName: p.vendorName,
		vendorNumber: p.vendorNumber,
		productStatusCode: null,
		productClass: p.productClass,
		indicators: {
			hasWarranty: p.hasWarranty,
			isNewProduct: p.newProduct,
			hasReturnLimits: false,
			isBackOrderAllowed: p.acceptBackOrder,
			isShippedFromPartner: p.directShip,
			isReplacementProduct: false,
			replacementType: null,
			isDirectship: p.directShip,
			isDownloadable: isDigital,
			isDigitalType: isDigital,
			skuType: isDigital ? 'D' : 'M',
			hasStdSpecialPrice: false,
			hasAcopSpecialPrice: p.hasDiscounts,
			hasAcopQuantityBreak: false,
			hasStdWebDiscount: false,
			hasAcopWebDiscount: false,
			hasSpecialBid: p.hasDiscounts,
			isExportableToCountry: !isDigital,
			isDiscontinuedProduct: p.discontinued,
			isRefurbished: false,
			isReturnableProduct: p.returnable,
			isIngramShip: !p.directShip && !isDigital,
			isEnduserRequired: p.endUserRequired,
			isHeavyWeight: p.weightKg > 30,
			hasLtl: p.weightKg > 30,
			isClearanceProduct: false,
			hasBundle: false,
			isOversizeProduct: false,
			isPreorderProduct: false,
			isLicenseProduct: isDigital,
			isDirectshipOrderable: p.directShip,
			isServiceSku: false,
			isConfigurable: false,
		},
		ciscoFields: {
			productSubGroup: p.vendorName === 'Cisco' ? p.subCategory.toUpperCase() : null,
			serviceProgramName: null,
			itemCatalogCategory: null,
			configurationIndicator: null,
			internalBusinessEntity: null,
			itemType: p.vendorName === 'Cisco' ? (isDigital ? 'SOFTWARE' : 'PRODUCT') : null,
			globalListPrice: p.vendorName === 'Cisco' ? p.retailPrice.toFixed(2) : null,
		},
		warrantyInformation: [],
		additionalInformation: {
			productWeight: [{ plantId: 'US01', weight: p.weightKg, weightUnit: 'KG' }],
			isBulkFreight: p.weightKg > 30,
			height: String(p.dimensionsCm.height),
			width: String(p.dimensionsCm.width),
			length: String(p.dimensionsCm.length),
			netWeight: p.weightKg ? String(p.weightKg) : null,
			dimensionUnit: 'CM',
		},
		technicalSpecifications: [
			{
				headername: 'Basic',
				attributename: 'Product Type',
				attributevalue: p.subCategory,
				attributedisplay: `Basic|Product Type|${p.subCategory}`,
			},
			{
				headername: 'Basic',
				attributename: 'Brand Name',
				attributevalue: p.vendorName,
				attributedisplay: `Basic|Brand Name|${p.vendorName}`,
			},
		],
	};
}

function planDetail(plan: SubscriptionPlan) {
	return {
		planId: plan.planId,
		planName: plan.planName,
		planDescription: plan.planDescription,
		groups: [{ groupName: plan.groupName, groupDescription: plan.groupDescription }],
		subscriptionPeriod: [
			{ subscriptionPeriodUnit: plan.subscriptionPeriodUnit, subscriptionPeriod: '1' },
		],
		billingPeriod: { billingPeriod: '1', billingPeriodUnit: plan.billingPeriodUnit },
		options: [
			{
				resourceId: plan.resourceId,
				resourceName: plan.resourceName,
				vendorPartNumber: plan.vendorPartNumber,
				minUnits: String(plan.minUnits),
				maxUnits: String(plan.maxUnits),
				dependsOn: null,
			},
		],
		links: [{ topic: 'catalog', href: '/resellers/v6/catalog/priceandavailability', type: 'POST' }],
		previousPage: '',
		nextPage: '',
	};
}

/** A subscription answer: every technology-solution field is null, plans go in subscriptionDetails. */
function subscriptionDetailBody(plans: SubscriptionPlan[]) {
	const tsFields = [
		'ingramPartNumber',
		'vendorPartNumber',
		'customerPartNumber',
		'productAuthorized',
		'description',
		'upc',
		'productCategory',
		'productSubCategory',
		'vendorName',
		'vendorNumber',
		'productStatusCode',
		'productClass',
		'indicators',
		'ciscoFields',
		'warrantyInformation',
		'additionalInformation',
	];
	return {
		...Object.fromEntries(tsFields.map((f) => [f, null])),
		subscriptionDetails: plans.map(planDetail),
	};
}

/** GET /resellers/v6/catalog/details/{ingramPartNumber} */
export const productDetails: Route = (req, { data }) => {
	const sku = req.params.ingramPartNumber;
	const product = data.products.find((p) => sameText(p.ingramPartNumber, sku));
	return product ? ok(productDetail(product)) : { status: 404, body: NO_RECORDS_FOUND };
};

/** GET /resellers/v6/catalog/details?vendorPartNumber=|planId=|planName= */
export const productDetailsByQuery: Route = (req, { data }) => {
	const q = new Query(req.query);
	const vpn = q.str('vendorPartNumber');
	const planId = q.str('planId');
	const planName = q.str('planName');
	if (!vpn && !planId && !planName) {
		return badRequest(req, [
			{
				field: 'vendorPartNumber',
				value: null,
				message: 'Either vendorPartNumber, planName or planId is required.',
			},
		]);
	}
	const plans = data.plans.filter(
		(p) =>
			(!planId || p.planId === planId) &&
			(!planName || sameText(p.planName, planName)) &&
			(!vpn || sameText(p.vendorPartNumber, vpn)),
	);
	if (plans.length) return ok(subscriptionDetailBody(plans));
	const product =
		vpn && !planId && !planName
			? data.products.find((p) => sameText(p.vendorPartNumber, vpn))
			: undefined;
	return product ? ok(productDetail(product)) : { status: 404, body: NO_RECORDS_FOUND };
};

// ---------------------------------------------------------------------------------------------
// Price and availability
// ---------------------------------------------------------------------------------------------

interface PaOptions {
	includePricing: boolean;
	includeAvailability: boolean;
	includeProductAttributes: boolean;
	showAvailableDiscounts: boolean;
	showReserveInventoryDetails: boolean;
	specialBidNumber?: string;
	warehouseIds?: string[];
}

function availability(p: Product, warehouseIds: string[] | undefined) {
	const isDigital = p.productType === 'IM::digital';
	const rows = p.stock.filter((s) => !warehouseIds || warehouseIds.includes(s.warehouseId));
	const total = rows.reduce((sum, s) => sum + s.quantityAvailable, 0);
	return {
		// Licences and vendor direct-ship items have no Ingram warehouse stock but can be ordered.
		available: total > 0 || isDigital || p.directShip,
		totalAvailability: total,
		availabilityByWarehouse: rows.map((s: WarehouseStock) => ({
			location: s.location,
			warehouseId: s.warehouseId,
			quantityAvailable: s.quantityAvailable,
			quantityBackordered: s.quantityBackordered,
			quantityBackorderedEta: s.backOrderEta ?? '',
			quantityOnOrder: s.quantityOnOrder,
			...(s.backOrderEta
				? { backOrderInfo: [{ quantity: s.quantityOnOrder, etaDate: s.backOrderEta }] }
				: {}),
		})),
	};
}

/** A special bid takes 5 % off the customer price. */
function bidPrice(p: Product, bid: string | undefined): number {
	return bid ? round2(p.customerPrice * 0.95) : p.customerPrice;
}

function paProduct(
	p: Product,
	requested: Record<string, unknown>,
	o: PaOptions,
): Record<string, unknown> {
	const item: Record<string, unknown> = {};
	if (p.hasDiscounts) item.productStatusMessage = 'ACOPS ARE AVAILABLE FOR THIS CUSTOMER AND SKU';
	item.ingramPartNumber = p.ingramPartNumber;
	item.vendorPartNumber = p.vendorPartNumber;
	if (text(requested.customerPartNumber))
		item.customerPartNumber = text(requested.customerPartNumber);
	item.upc = p.upc;
	item.vendorName = p.vendorName;
	item.description = p.description;
	if (o.includeProductAttributes) {
		Object.assign(item, {
			extendedVendorPartNumber: p.vendorPartNumber,
			partNumberType: requested.vendorPartNumber ? 'V' : requested.upc ? 'U' : 'I',
			vendorNumber: p.vendorNumber,
			productClass: p.productClass,
			uom: 'EA',
			productStatus: p.discontinued ? 'DISCONTINUED' : 'ACTIVE',
			acceptBackOrder: p.acceptBackOrder,
			productAuthorized: p.authorizedToPurchase,
			returnableProduct: p.returnable,
			endUserInfoRequired: p.endUserRequired,
			govtSpecialPriceAvailable: false,
			bundlePartIndicator: false,
		});
	}
	if (o.includeAvailability) item.availability = availability(p, o.warehouseIds);
	if (o.showReserveInventoryDetails) {
		const total = p.stock.reduce((sum, s) => sum + s.quantityAvailable, 0);
		item.reserveInventoryDetails =
			total > 0
				? [
						{
							quantityReserved: Math.min(10, total),
							quantityAvailable: Math.min(10, total),
							effectivedate: SEED_TODAY,
							expirydate: addDays(SEED_TODAY, 30),
						},
					]
				: [];
	}
	if (o.includePricing) {
		item.pricing = {
			currencyCode: 'USD',
			retailPrice: p.retailPrice,
			mapPrice: p.mapPrice,
			customerPrice: bidPrice(p, o.specialBidNumber),
			specialBidPricingAvailable: Boolean(o.specialBidNumber) || p.hasDiscounts,
			webDiscountsAvailable: false,
		};
	}
	if (o.showAvailableDiscounts) {
		const specialPricing: unknown[] = [];
		if (o.specialBidNumber) {
			specialPricing.push({
				discountType: 'Special Bid',
				specialBidNumber: o.specialBidNumber,
				specialPricingDiscount: round2(p.customerPrice - bidPrice(p, o.specialBidNumber)),
				specialPricingEffectiveDate: addDays(SEED_TODAY, -30),
				specialPricingExpirationDate: addDays(SEED_TODAY, 180),
				specialPricingAvailableQuantity: 9999999,
				specialPricingMinQuantity: 0,
			});
		}
		if (p.hasDiscounts) {
			specialPricing.push({
				discountType: 'Promo Discount',
				specialPricingDiscount: round2(p.customerPrice * 0.04),
				specialPricingEffectiveDate: addDays(SEED_TODAY, -10),
				specialPricingExpirationDate: addDays(SEED_TODAY, 60),
				specialPricingAvailableQuantity: 500,
				specialPricingMinQuantity: 0,
			});
		}
		item.discounts = [
			{
				specialPricing,
				quantityDiscounts: p.hasDiscounts
					? [
							{
								conditionType: 'ZQTY',
								currencyCode: 'USD',
								currencyType: 'Amount',
								quantity: 10,
								amount: round2(p.customerPrice * 0.02),
							},
						]
					: [],
			},
		];
	}
	item.serviceFees = [];
	item.subscriptionPrice = null;
	return item;
}

function paPlan(plan: SubscriptionPlan, o: PaOptions): Record<string, unknown> {
	return {
		ingramPartNumber: null,
		vendorPartNumber: null,
		upc: null,
		vendorName: plan.vendorName,
		description: null,
		availability: null,
		pricing: null,
		subscriptionPrice: [
			{
				index: 0,
				planId: plan.planId,
				planName: plan.planName,
				planDescription: plan.planDescription,
				groups: [{ groupName: plan.groupName, groupDescription: plan.groupDescription }],
				billingPeriod: { billingPeriodUnit: plan.billingPeriodUnit, billingPeriod: 1 },
				subscriptionPeriod: [
					{ subscriptionPeriodUnit: plan.subscriptionPeriodUnit, subscriptionPeriod: '1' },
				],
				options: [
					{
						resourceId: plan.resourceId,
						resourceName: plan.resourceName,
						vendorPartNumber: plan.vendorPartNumber,
						minUnits: plan.minUnits,
						maxUnits: plan.maxUnits,
						recurringpricemodel: 'volume',
						unitOfMeasure: 'Licenses',
						resourcePricing: o.includePricing
							? [
									{
										name: 'Recurring Fee',
										quantity: '1',
										msrp: plan.msrp,
										unitPrice: plan.unitPrice,
										margin: round2(((plan.msrp - plan.unitPrice) / plan.msrp) * 100),
										currencyCode: 'USD',
										subscriptionPeriod: plan.subscriptionPeriodUnit,
									},
								]
							: [],
					},
				],
			},
		],
	};
}

/** Which identifier a P&A line used, and the "not found" message Ingram gives for it. */
function lookup(
	req: Record<string, unknown>,
	products: Product[],
	plans: SubscriptionPlan[],
): { product?: Product; plan?: SubscriptionPlan; error?: Record<string, unknown> } {
	const ipn = text(req.ingramPartNumber);
	const vpn = text(req.vendorPartNumber);
	const upc = text(req.upc);
	const cpn = text(req.customerPartNumber);
	const planId = text(req.planID) ?? text(req.planId);
	const notFound = (kind: string, value: string, key: string) => ({
		error: {
			productStatusCode: 'E',
			productStatusMessage: `Product not found for ${kind}:  ${value}`,
			[key]: value,
		},
	});
	if (ipn) {
		const product = products.find((p) => sameText(p.ingramPartNumber, ipn));
		return product ? { product } : notFound('IngramPartNumber', ipn, 'ingramPartNumber');
	}
	if (vpn) {
		const product = products.find((p) => sameText(p.vendorPartNumber, vpn));
		if (product) return { product };
		const plan = plans.find((p) => sameText(p.vendorPartNumber, vpn));
		return plan ? { plan } : notFound('VendorPartNumber', vpn, 'vendorPartNumber');
	}
	if (upc) {
		const product = products.find(
			(p) => p.upc && (p.upc === upc || p.upc.replace(/^0+/, '') === upc.replace(/^0+/, '')),
		);
		return product ? { product } : notFound('UPC', upc, 'upc');
	}
	if (planId) {
		const plan = plans.find((p) => p.planId === planId);
		return plan ? { plan } : notFound('PlanID', planId, 'planID');
	}
	// Reseller-specific customer part numbers are not mapped in the simulated account.
	if (cpn) return notFound('CustomerPartNumber', cpn, 'customerPartNumber');
	return {
		error: {
			productStatusCode: 'E',
			productStatusMessage:
				'Invalid request. IngramPartNumber, VendorPartNumber, UPC or PlanID is required.',
		},
	};
}

/** POST /resellers/v6/catalog/priceandavailability */
export const priceAndAvailability: Route = (req, { data }): RouteResponse => {
	const q = new Query(req.query);
	const body = asRecord(req.body);
	const requested = asArray(body.products).map(asRecord);
	if (requested.length === 0) {
		return badRequest(req, [
			{
				field: 'products',
				value: body.products ?? null,
				message: 'At least one product is required.',
			},
		]);
	}
	if (requested.length > P_AND_A_MAX_PRODUCTS) {
		return badRequest(req, [
			{
				field: 'products',
				value: requested.length,
				message: `A maximum of ${P_AND_A_MAX_PRODUCTS} products is allowed per request.`,
			},
		]);
	}
	const warehouseRequest = asArray(body.availabilityByWarehouse).map(asRecord);
	const allLocations = warehouseRequest.some((w) => w.availabilityForAllLocation === true);
	const warehouseIds = warehouseRequest
		.map((w) => text(w.availabilityByWarehouseId))
		.filter((w): w is string => Boolean(w));
	const options: PaOptions = {
		includePricing: q.bool('includePricing') === true,
		includeAvailability: q.bool('includeAvailability') === true,
		includeProductAttributes: q.bool('includeProductAttributes') === true,
		showAvailableDiscounts: body.showAvailableDiscounts === true,
		showReserveInventoryDetails: body.showReserveInventoryDetails === true,
		specialBidNumber: text(body.specialBidNumber),
		warehouseIds: !allLocations && warehouseIds.length ? warehouseIds : undefined,
	};
	let found = 0;
	const items = requested.map((line) => {
		const { product, plan, error } = lookup(line, data.products, data.plans);
		if (error) return error;
		found++;
		return product ? paProduct(product, line, options) : paPlan(plan as SubscriptionPlan, options);
	});
	const mixed = found > 0 && found < items.length;
	return { status: mixed ? 207 : 200, body: items };
};

export function findProduct(products: Product[], sku: string | undefined): Product | undefined {
	return sku ? products.find((p) => sameText(p.ingramPartNumber, sku)) : undefined;
}
