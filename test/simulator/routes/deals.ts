/**
 * Deals (special bids): search and details.
 *
 * - Search pages with CAPITALISED `Page`/`Size` (default 25, at most 100) and filters on
 *   `endUser`, `vendor` and `dealId`. No match -> 200 with an empty list.
 * - Details needs the `IM-ApplicationId` header (that casing; headers are case-insensitive anyway)
 *   and, in the current spec, a `vendorName` query parameter: a deal asked for under another
 *   vendor is not found (404).
 */
import { SEED_TODAY } from '../data';
import { round2 } from '../random';
import {
	contains,
	notFound,
	ok,
	paginate,
	PAGE_SIZE_CAPITALISED,
	Query,
	readPage,
	sameText,
	badRequest,
	type Route,
} from './common';

/** GET /resellers/v6/deals/search */
export const searchDeals: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_SIZE_CAPITALISED);
	if (Array.isArray(page)) return badRequest(req, page);
	const endUser = q.str('endUser');
	const vendor = q.str('vendor');
	const dealId = q.str('dealId');
	const matching = data.deals.filter(
		(d) =>
			(!endUser || contains(d.endUser, endUser)) &&
			(!vendor || contains(d.vendor, vendor)) &&
			(!dealId || d.dealId === dealId),
	);
	const result = paginate(matching, req, PAGE_SIZE_CAPITALISED, page);
	return ok({
		recordsFound: result.total,
		pageSize: result.pageSize,
		pageNumber: result.pageNumber,
		deals: result.items.map((d) => ({
			dealId: d.dealId,
			version: d.version,
			endUser: d.endUser,
			vendor: d.vendor,
			dealExpiryDate: d.dealExpiryDate,
			links: {
				topic: 'Deals',
				href: `/resellers/v6/deals/${d.dealId}?vendorName=${encodeURIComponent(d.vendor)}`,
				type: 'GET',
			},
		})),
		nextPage: result.nextPage,
		previousPage: result.previousPage,
	});
};

/** GET /resellers/v6/deals/{dealId}?vendorName= */
export const getDeal: Route = (req, { data }) => {
	const vendorName = new Query(req.query).str('vendorName');
	const deal = data.deals.find(
		(d) => d.dealId === req.params.dealId && (!vendorName || sameText(d.vendor, vendorName)),
	);
	if (!deal)
		return notFound(
			req,
			`Deal ${req.params.dealId} not found for vendor ${vendorName ?? ''}.`.trim(),
		);
	const daysRemaining = (expiry: string) =>
		Math.max(0, Math.round((Date.parse(expiry.slice(0, 10)) - Date.parse(SEED_TODAY)) / 86400000));
	return ok({
		dealId: deal.dealId,
		version: deal.version,
		endUser: deal.endUser,
		extendedMsrp: round2(deal.products.reduce((sum, p) => sum + p.msrp * p.approvedQuantity, 0)),
		vendor: deal.vendor,
		dealReceivedOn: deal.dealReceivedOn,
		dealExpiryDate: deal.dealExpiryDate,
		priceProtectionEndDate: deal.priceProtectionEndDate,
		currencyCode: deal.currencyCode,
		endUserInfo: {
			name1: null,
			name2: null,
			addressLine3: null,
			addressLine4: null,
			...deal.endUserInfo,
		},
		products: deal.products.map((p) => ({
			ingramPartNumber: p.ingramPartNumber,
			vendorPartNumber: p.vendorPartNumber,
			upc: p.upc || null,
			productDescription: p.productDescription,
			msrp: p.msrp,
			extendedMSRP: round2(p.msrp * p.approvedQuantity),
			standardPrice: p.standardPrice,
			approvedQuantity: p.approvedQuantity,
			remainingQuantity: p.remainingQuantity,
			comments: null,
			specialConditions: null,
			startDate: p.startDate,
			expirationDate: p.expirationDate,
			daysRemaining: daysRemaining(p.expirationDate),
		})),
	});
};
