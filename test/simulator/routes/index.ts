/**
 * Every XI operation the simulator serves, by the operationId the spec gives it. Path, method and
 * parameter validation come from the spec (see ../spec.ts); these are only the behaviours.
 * The token endpoint is handled by the server itself (it is the gateway, not a resellers service).
 */
import {
	priceAndAvailability,
	productDetails,
	productDetailsByQuery,
	productSearch,
} from './catalog';
import type { Route } from './common';
import { getDeal, searchDeals } from './deals';
import { freightEstimate } from './freight';
import { getInvoice, searchInvoices } from './invoices';
import {
	cancelOrder,
	createOrderV6,
	createOrderV7,
	getOrder,
	modifyOrder,
	searchOrders,
} from './orders';
import { createQuote, getQuote, searchQuotes, validateQuote } from './quotes';
import { getRenewal, searchRenewals } from './renewals';
import { createReturn, getReturn, searchReturns } from './returns';
import { V5_ROUTES } from '../v5/routes';
import { vendorRequiredInfo } from './vendorRequiredInfo';

export const ROUTES: Record<string, Route> = {
	// Reseller API v5 (legacy): the nine operations of Ingram's 2024-02 file, see ../v5/routes.ts
	...V5_ROUTES,
	// Product catalog
	'get-reseller-v6-productsearch': productSearch, // GET  /resellers/v6/catalog
	'get-reseller-v6-productdetail': productDetails, // GET  /resellers/v6/catalog/details/{ingramPartNumber}
	'get-reseller-v6-productdetailcmp': productDetailsByQuery, // GET  /resellers/v6/catalog/details
	'post-priceandavailability': priceAndAvailability, // POST /resellers/v6/catalog/priceandavailability
	// Orders
	'get-resellers-v6-ordersearch': searchOrders, // GET    /resellers/v6/orders/search
	'get-orderdetails-v6.1': getOrder, // GET    /resellers/v6.1/orders/{ordernumber}
	'post-createorder_v6': createOrderV6, // POST   /resellers/v6/orders
	'post-createorder_v7': createOrderV7, // POST   /resellers/v7/orders
	'put-ordermodify': modifyOrder, // PUT    /resellers/v6/orders/{orderNumber}
	'delete-ordercancel': cancelOrder, // DELETE /resellers/v6/orders/{OrderNumber}
	// Quotes
	'get-quotessearch_v6': searchQuotes, // GET  /resellers/v6/quotes/search
	'get-resellers-v6-quotes': getQuote, // GET  /resellers/v6/quotes/{quoteNumber}
	'get-reseller-v6-validateQuote': validateQuote, // GET  /resellers/v6/q2o/validatequote
	quote_Create: createQuote, // POST /resellers/v6/quotes/create
	'vendor-required-info': vendorRequiredInfo, // POST /resellers/v7/vendorrequiredinfo
	// Invoices
	'get-resellers-v6-invoicesearch': searchInvoices, // GET /resellers/v6/invoices
	'get-invoicedetails-v6.1': getInvoice, // GET /resellers/v6.1/invoices/{invoiceNumber}
	// Renewals
	'post-renewalssearch': searchRenewals, // POST /resellers/v6/renewals/search
	'get-resellers-v6-renewalsdetails': getRenewal, // GET  /resellers/v6/renewals/{renewalId}
	// Deals
	'get-resellers-v6-dealssearch': searchDeals, // GET /resellers/v6/deals/search
	'get-resellers-v6-dealsdetails': getDeal, // GET /resellers/v6/deals/{dealId}
	// Returns
	'get-resellers-v6-returnssearch': searchReturns, // GET  /resellers/v6/returns/search
	'get-resellers-v6-returnsdetails': getReturn, // GET  /resellers/v6/returns/{caseRequestNumber}
	'post-returnscreate': createReturn, // POST /resellers/v6/returns/create
	// Freight
	'post-freightestimate': freightEstimate, // POST /resellers/v6/freightestimate
};
