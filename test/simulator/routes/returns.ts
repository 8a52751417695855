/**
 * Returns (RMA claims): search, details and create.
 *
 * - Search pages with `page`/`size` (strings in the spec, default 25); the `-in` filters take
 *   comma-separated values and the `-bt` ones a "start,end" pair of yyyy-MM-dd dates.
 * - Create takes `{list:[...]}`, one claim per entry, each with the invoice it returns goods from.
 *   The simulator checks what Ingram checks: the invoice exists, the product (by Ingram or vendor
 *   part number) is on it, and no more is returned than was invoiced. Any failure rejects the
 *   whole request with 400 in the array-wrapped shape `[{"errors":[...]}]`.
 * - New claims are "Open" and visible to search and details at once.
 */
import { caseRequestNumber, RETURN_REASONS, type ReturnClaim } from '../data';
import { type ErrorField } from '../errors';
import { round2 } from '../random';
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
	PAGE_SIZE_LOWER,
	Query,
	readPage,
	sameText,
	text,
	type Route,
} from './common';

const RETURN_WAREHOUSE = 'Ingram Micro Returns (ref RMA#)\n82 Micro Drive\nJonestown, PA 17038\n';

function claimValue(c: ReturnClaim): number {
	return round2(c.products.reduce((sum, p) => sum + p.unitPrice * p.quantity, 0));
}

function link(c: ReturnClaim) {
	return [
		{
			topic: 'returnsClaimsDetails',
			href: `/resellers/v6/returns/${c.caseRequestNumber}`,
			type: 'get',
		},
	];
}

const SORTS: Record<string, (c: ReturnClaim) => string> = {
	createdon: (c) => c.createdOn,
	modifiedon: (c) => c.modifiedOn,
	caserequestnumber: (c) => c.caseRequestNumber,
	status: (c) => c.status,
};

/** GET /resellers/v6/returns/search */
export const searchReturns: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_SIZE_LOWER);
	if (Array.isArray(page)) return badRequest(req, page);
	const created = dateRange(q.list('createdOn-bt'));
	const modified = dateRange(q.list('modifiedOn-bt'));
	for (const [name, parsed] of [
		['createdOn-bt', created],
		['modifiedOn-bt', modified],
	] as const) {
		if (typeof parsed === 'string')
			return badRequest(req, [{ field: name, value: q.str(name), message: parsed }]);
	}
	const s = (name: string) => q.str(name);
	const statuses = [...q.list('returnStatus-in'), ...q.list('claimStatus-in')];
	const reasons = q.list('returnReason-in');
	const anyProduct = (c: ReturnClaim, test: (p: ReturnClaim['products'][number]) => boolean) =>
		c.products.some(test);
	const matching = data.returns.filter(
		(c) =>
			(!s('caseRequestNumber') ||
				sameText(c.caseRequestNumber, s('caseRequestNumber') as string)) &&
			(!s('returnClaimId') || c.returnClaimId === s('returnClaimId')) &&
			(!s('referenceNumber') || sameText(c.referenceNumber, s('referenceNumber') as string)) &&
			(!s('invoiceNumber') ||
				anyProduct(c, (p) => sameText(p.invoiceNumber, s('invoiceNumber') as string))) &&
			(!s('ingramPartNumber') ||
				anyProduct(c, (p) => sameText(p.ingramPartNumber, s('ingramPartNumber') as string))) &&
			(!s('vendorPartNumber') ||
				anyProduct(c, (p) => sameText(p.vendorPartNumber, s('vendorPartNumber') as string))) &&
			(statuses.length === 0 || statuses.some((st) => sameText(c.status, st))) &&
			(reasons.length === 0 || reasons.some((r) => contains(c.returnReason, r))) &&
			(typeof created !== 'object' || inRange(c.createdOn, created)) &&
			(typeof modified !== 'object' || inRange(c.modifiedOn, modified)),
	);
	const key = SORTS[(s('sortingColumnName') ?? 'createdOn').toLowerCase()] ?? SORTS.createdon;
	const descending = (s('sort') ?? 'desc').toLowerCase() !== 'asc';
	matching.sort((a, b) =>
		descending ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b)),
	);

	const result = paginate(matching, req, PAGE_SIZE_LOWER, page);
	return ok({
		recordsFound: result.total,
		pageSize: result.pageSize,
		pageNumber: result.pageNumber,
		returnsClaims: result.items.map((c) => ({
			returnClaimId: c.returnClaimId,
			caseRequestNumber: c.caseRequestNumber,
			createdOn: c.createdOn,
			type: c.type,
			returnReason: c.returnReason,
			referenceNumber: c.referenceNumber,
			estimatedTotalValue: claimValue(c),
			credit: c.status === 'Approved' ? claimValue(c) : null,
			modifiedOn: c.modifiedOn,
			status: c.status.toUpperCase(),
			links: link(c),
		})),
		nextPage: result.nextPage,
		previousPage: result.previousPage,
	});
};

/** GET /resellers/v6/returns/{caseRequestNumber} */
export const getReturn: Route = (req, { data }) => {
	const c = data.returns.find((x) => sameText(x.caseRequestNumber, req.params.caseRequestNumber));
	if (!c) return notFound(req, `Return ${req.params.caseRequestNumber} not found.`);
	const subTotal = claimValue(c);
	return ok({
		typeOfDetails: c.type,
		rmaClaimId: c.rmaClaimId,
		caseRequestNumber: c.caseRequestNumber,
		createdOn: c.createdOn,
		returnReason: c.returnReason,
		referenceNumber: c.referenceNumber,
		status: c.status,
		returnWarehouseAddress: RETURN_WAREHOUSE,
		products: c.products.map((p) => ({
			...p,
			extendedPrice: round2(p.unitPrice * p.quantity),
			requestDetails: null,
			additionalDetails: null,
		})),
		subTotal,
		tax: 0,
		additionalFees: 0,
		estimatedTotal: subTotal,
	});
};

/** POST /resellers/v6/returns/create */
export const createReturn: Route = (req, ctx) => {
	const { data } = ctx;
	const entries = asArray(asRecord(req.body).list).map(asRecord);
	if (entries.length === 0)
		return badRequest(req, [
			{ field: 'list', value: null, message: 'At least one return line is required.' },
		]);

	const orders = new Map(data.orders.map((o) => [o.ingramOrderNumber, o]));
	const errors: ErrorField[] = [];
	const claims: ReturnClaim[] = [];
	entries.forEach((entry, i) => {
		const at = (field: string) => `list[${i}].${field}`;
		const invoiceNumber = text(entry.invoiceNumber) ?? '';
		const invoice = data.invoices.find((inv) => sameText(inv.invoiceNumber, invoiceNumber));
		const order = invoice && orders.get(invoice.ingramOrderNumber);
		if (!invoice || !order) {
			errors.push({
				field: at('invoiceNumber'),
				value: invoiceNumber,
				message: 'Invoice not found.',
			});
			return;
		}
		const ipn = text(entry.ingramPartNumber);
		const vpn = text(entry.vendorPartNumber);
		if (!ipn && !vpn) {
			errors.push({
				field: at('ingramPartNumber'),
				value: null,
				message: 'Either ingramPartNumber or vendorPartNumber is required.',
			});
			return;
		}
		const line = order.lines.find(
			(l) =>
				(ipn && sameText(l.ingramPartNumber, ipn)) || (vpn && sameText(l.vendorPartNumber, vpn)),
		);
		if (!line) {
			errors.push({
				field: at(ipn ? 'ingramPartNumber' : 'vendorPartNumber'),
				value: ipn ?? vpn,
				message: `Product is not on invoice ${invoice.invoiceNumber}.`,
			});
			return;
		}
		const quantity = Number(entry.quantity);
		if (!Number.isInteger(quantity) || quantity < 1 || quantity > line.quantityOrdered) {
			errors.push({
				field: at('quantity'),
				value: entry.quantity,
				message: `Quantity must be between 1 and the invoiced quantity (${line.quantityOrdered}).`,
			});
			return;
		}
		const primaryReason = text(entry.primaryReason) ?? '';
		const reason =
			RETURN_REASONS.find((r) => sameText(r.primary, primaryReason)) ??
			RETURN_REASONS[RETURN_REASONS.length - 1];
		const now = ctx
			.now()
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z');
		let number = caseRequestNumber(ctx.rng);
		while (data.returns.some((c) => c.caseRequestNumber === number))
			number = caseRequestNumber(ctx.rng);
		claims.push({
			caseRequestNumber: number,
			rmaClaimId: '',
			returnClaimId: '',
			type: 'Claim',
			createdOn: now,
			modifiedOn: now,
			returnReason: reason.code,
			primaryReason,
			secondaryReason: text(entry.secondaryReason) ?? '',
			referenceNumber: text(entry.referenceNumber) ?? '',
			status: 'Open',
			notes: text(entry.notes) ?? '',
			numberOfBoxes: Number(entry.numberOfBoxes) || 1,
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
					status: 'Open',
					returnBranch: '96',
					shipFromBranch: line.warehouseId,
				},
			],
			source: 'api',
		});
	});
	if (errors.length) return badRequest(req, errors);

	data.returns.unshift(...claims);
	return ok({
		returnsClaims: claims.map((c) => ({
			rmaClaimId: c.rmaClaimId,
			caseRequestNumber: c.caseRequestNumber,
			referenceNumber: c.referenceNumber,
			createdOn: c.createdOn,
			// Upper case here, "Claim" everywhere else: as in Ingram's example.
			type: 'CLAIM',
			returnReason: c.returnReason,
			ingramPartNumber: c.products[0].ingramPartNumber,
			vendorPartNumber: c.products[0].vendorPartNumber,
			quantity: c.products[0].quantity,
			notes: c.notes,
			estimatedTotalValue: claimValue(c),
			credit: null,
			status: c.status,
			links: link(c),
		})),
	});
};
