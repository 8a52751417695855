/**
 * Quotes: search, details, validate (quote-to-order pre-check) and create.
 *
 * - Search needs the IM-CustomerContact header (spec), pages with pageSize/pageNumber (default 25)
 *   and, unlike every other search, calls the previous-page link `prevPage`. Nothing found -> 404
 *   "No records found for the provided criteria.". The real service also limits the default window
 *   to the last 30 days and hides draft/closed quotes; the simulator's seeded quotes are all active
 *   and all returned, so tests do not depend on the wall clock.
 * - Create is asynchronous at Ingram (the result comes by the Quote Status webhook); the simulator
 *   creates the quote at once in "Ready To Order" status. Products it does not know are left out
 *   (Ingram reports those through the webhook).
 */
import { VENDOR_MANDATORY_FIELDS, type Quote } from '../data';
import { round2 } from '../random';
import { findProduct } from './catalog';
import {
	asArray,
	asRecord,
	badRequest,
	contains,
	dateRange,
	inRange,
	notFound,
	ok,
	paginate,
	PAGE_NUMBER_SIZE,
	Query,
	readPage,
	sameText,
	text,
	usDate,
	type Route,
} from './common';
import { ERROR_TYPES, ingramError } from '../errors';

function quoteTotal(q: Quote): number {
	return round2(q.products.reduce((sum, p) => sum + p.quotePrice * p.quantity, 0));
}

const SORT_KEYS: Record<string, (q: Quote) => string> = {
	quotenumber: (q) => q.quoteNumber,
	createddate: (q) => q.ingramQuoteDate,
	datecreated: (q) => q.ingramQuoteDate,
	lastmodifieddate: (q) => q.lastModifiedDate,
	expirydate: (q) => q.ingramQuoteExpiryDate,
};

/** GET /resellers/v6/quotes/search */
export const searchQuotes: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_NUMBER_SIZE);
	if (Array.isArray(page)) return badRequest(req, page);
	const created = dateRange(q.list('ingramOrderDate-bt'));
	const createdAlt = dateRange(q.list('quoteCreateDate-bt'));
	for (const [name, parsed] of [
		['ingramOrderDate-bt', created],
		['quoteCreateDate-bt', createdAlt],
	] as const) {
		if (typeof parsed === 'string')
			return badRequest(req, [{ field: name, value: q.list(name).join(','), message: parsed }]);
	}
	const s = (name: string) => q.str(name);
	const matching = data.quotes.filter(
		(quote) =>
			(!s('quoteNumber') || contains(quote.quoteNumber, s('quoteNumber') as string)) &&
			(!s('quoteName') || contains(quote.quoteName, s('quoteName') as string)) &&
			(!s('status') || sameText(quote.status, s('status') as string)) &&
			(!s('vendorName') || contains(quote.vendorName, s('vendorName') as string)) &&
			(!s('specialBidNumber') ||
				contains(quote.specialBidNumber, s('specialBidNumber') as string)) &&
			(!s('endUserContact') ||
				contains(quote.endUserContact, s('endUserContact') as string) ||
				contains(quote.endUserInfo.companyName, s('endUserContact') as string)) &&
			(typeof created !== 'object' || inRange(quote.ingramQuoteDate, created)) &&
			(typeof createdAlt !== 'object' || inRange(quote.ingramQuoteDate, createdAlt)),
	);
	const key = SORT_KEYS[(s('sortBy') ?? 'createdDate').toLowerCase()] ?? SORT_KEYS.createddate;
	const descending = (s('sortingOrder') ?? 'desc').toLowerCase() !== 'asc';
	matching.sort((a, b) =>
		descending ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b)),
	);

	const result = paginate(matching, req, PAGE_NUMBER_SIZE, page);
	if (result.items.length === 0) {
		return {
			status: 404,
			body: ingramError(req.operationId, req.correlationId, {
				type: ERROR_TYPES.validationFailed,
				message: 'No records found for the provided criteria.',
			}),
		};
	}
	return ok({
		recordsFound: result.total,
		pageSize: result.pageSize,
		pageNumber: result.pageNumber,
		quotes: result.items.map((quote) => ({
			quoteGuid: quote.quoteGuid,
			quoteName: quote.quoteName,
			quoteNumber: quote.quoteNumber,
			revision: quote.revision,
			endUserContact: quote.endUserContact || null,
			endUserName: quote.endUserInfo.companyName,
			createdBy: quote.createdBy,
			specialBidNumber: quote.specialBidNumber ?? null,
			vendor: quote.vendorName,
			quoteTotal: quoteTotal(quote),
			quoteStatus: quote.status,
			quoteType: quote.quoteType,
			currencyCode: quote.currencyCode,
			ingramQuoteDate: quote.ingramQuoteDate.slice(0, 10),
			lastModifiedDate: quote.lastModifiedDate.slice(0, 10),
			ingramQuoteExpiryDate: quote.ingramQuoteExpiryDate,
			links: { topic: 'quotes', href: `/resellers/v6/quotes/${quote.quoteNumber}`, type: 'GET' },
		})),
		nextPage: result.nextPage,
		// Quotes call it prevPage.
		prevPage: result.previousPage,
	});
};

/** GET /resellers/v6/quotes/{quoteNumber} */
export const getQuote: Route = (req, { data }) => {
	const quote = data.quotes.find((q) => sameText(q.quoteNumber, req.params.quoteNumber));
	if (!quote) return notFound(req, `Quote ${req.params.quoteNumber} not found.`);
	const extendedMsrpTotal = round2(quote.products.reduce((sum, p) => sum + p.msrp * p.quantity, 0));
	return ok({
		quoteName: quote.quoteName,
		quoteNumber: quote.quoteNumber,
		quoteGuid: quote.quoteGuid,
		revision: quote.revision,
		ingramQuoteDate: quote.ingramQuoteDate,
		lastModifiedDate: quote.lastModifiedDate,
		ingramQuoteExpiryDate: quote.ingramQuoteExpiryDate,
		currencyCode: quote.currencyCode,
		specialBidId: quote.specialBidNumber ?? '',
		specialBidExpirationDate: quote.specialBidNumber
			? `${quote.ingramQuoteExpiryDate}T00:00:00`
			: '',
		status: quote.status,
		quoteType: quote.quoteType,
		customerNeed: quote.customerNeed,
		introPreamble:
			'Thank you for contacting Ingram Micro. We value your business greatly and will continue to deliver the services you need to retain it.',
		purchaseInstructions:
			'For specific pricing and to order the above products, reference your Quote Number.',
		legalTerms:
			"This offer to sell the listed product(s) is subject to product availability and Ingram Micro's standard terms and conditions.",
		leaseInfo: '',
		leasingInstructions: '',
		resellerInfo: {
			contact: quote.resellerContact,
			companyName: 'INGRAM MICRO IT SOLUTIONS LLC',
			email: 'john.doe@reseller.example.com',
			phoneNumber: '9999999000',
			customerNumber: '20-222222',
		},
		endUserInfo: { ...quote.endUserInfo, marketSegment: 'Commercial' },
		products: quote.products.map((p) => ({
			quoteProductGuid: p.quoteProductGuid,
			lineNumber: p.lineNumber,
			quantity: p.quantity,
			notes: p.notes ?? '',
			ean: '-',
			coo: ' ',
			ingramPartNumber: p.ingramPartNumber,
			vendorPartNumber: p.vendorPartNumber,
			description: p.description,
			vendorName: p.vendorName,
			weight: 0,
			isSuggestionProduct: false,
			isSubscription: false,
			terms: '--',
			price: {
				quotePrice: p.quotePrice,
				msrp: p.msrp,
				extendedMsrp: round2(p.msrp * p.quantity),
				extendedQuotePrice: round2(p.quotePrice * p.quantity),
				discountOffList: p.msrp ? (((p.msrp - p.quotePrice) / p.msrp) * 100).toFixed(2) : '0.00',
			},
		})),
		productsCount: quote.products.length,
		extendedMsrpTotal,
		quantityTotal: quote.products.reduce((sum, p) => sum + p.quantity, 0),
		extendedQuotePriceTotal: quoteTotal(quote),
		additionalAttributes: quote.specialBidNumber
			? [{ attributeName: 'dealId', attributeValue: quote.specialBidNumber }]
			: [],
	});
};

/**
 * GET /resellers/v6/q2o/validatequote?quoteNumber=: the vendor mandatory fields a quote-to-order
 * needs (header level in vmfAdditionalAttributes, line level per line). Unknown quote -> 400.
 */
export const validateQuote: Route = (req, { data }) => {
	const quoteNumber = new Query(req.query).str('quoteNumber') ?? '';
	const quote = data.quotes.find((q) => sameText(q.quoteNumber, quoteNumber));
	if (!quote)
		return badRequest(req, [
			{ field: 'quoteNumber', value: quoteNumber, message: 'Invalid quote number.' },
		]);
	const lineFields = quote.vendorMandatoryFields.length
		? [
				{
					attributeName: 'resellerCtacEmail',
					attributeValue: '',
					attributeDescription: 'resellerContactEmailFlag',
				},
			]
		: [];
	return ok({
		quoteNumber: quote.quoteNumber,
		vendorName: quote.vendorName,
		quoteType: 1,
		vmfAdditionalAttributes: quote.vendorMandatoryFields,
		lines: quote.products.map((p, i) => ({
			customerLineNumber: String(11 + i),
			ingramPartNumber: p.ingramPartNumber,
			// A string, as in Ingram's example (the schema says integer).
			quantity: String(p.quantity),
			vmfAdditionalAttributesLines: lineFields,
		})),
	});
};

/** POST /resellers/v6/quotes/create (only in the 2025-04 JSON spec) */
export const createQuote: Route = (req, ctx) => {
	const body = asRecord(req.body);
	// The JSON marks CustomerContact required, Ingram's own examples send "customercontact".
	const contactKey = Object.keys(body).find((k) => k.toLowerCase() === 'customercontact');
	const contact = contactKey ? text(body[contactKey]) : undefined;
	const requested = asArray(body.products).map(asRecord);
	const dealId = text(body.dealId);
	const fields = [];
	if (!contact)
		fields.push({ field: 'CustomerContact', value: null, message: 'CustomerContact is required.' });
	if (requested.length === 0 && !dealId)
		fields.push({
			field: 'products',
			value: null,
			message: 'At least one product or a dealId is required.',
		});
	if (fields.length) return badRequest(req, fields);

	const deal = dealId ? ctx.data.deals.find((d) => d.dealId === dealId) : undefined;
	const fromProducts = requested
		.map((line) => {
			const product =
				findProduct(ctx.data.products, text(line.ingramPartNumber)) ??
				ctx.data.products.find(
					(p) =>
						text(line.vendorPartNumber) &&
						sameText(p.vendorPartNumber, text(line.vendorPartNumber) as string),
				);
			return product
				? {
						product,
						quantity: Number(text(line.quantity) ?? '1') || 1,
						notes: text(line.lineLevelNotes),
					}
				: undefined;
		})
		.filter((x) => x !== undefined);
	const fromDeal =
		requested.length === 0 && deal
			? deal.products.map((p) => ({
					product: findProduct(ctx.data.products, p.ingramPartNumber),
					quantity: p.approvedQuantity,
					notes: undefined,
				}))
			: [];
	const lines = [...fromProducts, ...fromDeal].filter((l) => l.product !== undefined);

	const r = ctx.rng;
	const quoteNumber = `QUO-${r.digits(8)}-${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}${r.upper(1)}${r.digits(1)}`;
	const now = ctx.now().toISOString();
	const endUser = asRecord(body.endUserInfo);
	const vendorName = lines[0]?.product?.vendorName ?? deal?.vendor ?? '';
	const quote: Quote = {
		quoteGuid: r.guid(),
		quoteNumber,
		quoteName: text(body.quoteName) ?? quoteNumber,
		revision: '0',
		ingramQuoteDate: now.replace(/\.\d{3}Z$/, 'Z'),
		lastModifiedDate: now.replace(/\.\d{3}Z$/, 'Z'),
		ingramQuoteExpiryDate:
			usDate(text(body.quoteExpiryDate)) ??
			text(body.quoteExpiryDate)?.slice(0, 10) ??
			now.slice(0, 10),
		status: 'Ready To Order',
		quoteType: dealId ? 'Deal' : 'Standard',
		currencyCode: 'USD',
		vendorName,
		specialBidNumber: dealId,
		createdBy: 'API',
		customerNeed: text(body.customerNeed) ?? '',
		endUserContact: text(endUser.contact) ?? '',
		endUserInfo: {
			companyName: text(endUser.companyName) ?? '',
			contact: text(endUser.contact) ?? '',
			addressLine1: text(endUser.addressLine1) ?? '',
			addressLine2: text(endUser.addressLine2) ?? '',
			city: text(endUser.city) ?? '',
			state: text(endUser.state) ?? '',
			postalCode: text(endUser.postalCode) ?? '',
			countryCode: text(endUser.countryCode) ?? 'US',
			email: text(endUser.email) ?? '',
			phoneNumber: text(endUser.phoneNumber) ?? '',
		},
		resellerContact: contact as string,
		products: lines.map((l, i) => ({
			quoteProductGuid: r.guid(),
			lineNumber: String(i + 1),
			ingramPartNumber: l.product!.ingramPartNumber,
			vendorPartNumber: l.product!.vendorPartNumber,
			vendorName: l.product!.vendorName,
			description: l.product!.description,
			quantity: l.quantity,
			msrp: l.product!.retailPrice,
			quotePrice: round2(l.product!.customerPrice * (dealId ? 0.9 : 0.97)),
			notes: l.notes,
		})),
		vendorMandatoryFields: VENDOR_MANDATORY_FIELDS[vendorName] ?? [],
		source: 'api',
	};
	ctx.data.quotes.unshift(quote);
	return ok({
		quoteNumber,
		message:
			'Thank you for submitting the quote request, it\u2019s currently under process.We will notify you of the status via the Quote Status webhook.',
	});
};
