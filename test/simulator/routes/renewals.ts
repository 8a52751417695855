/**
 * Renewals: search (a POST with an optional filter body) and details.
 *
 * - Paging uses `page`/`size` query parameters that the spec types as STRINGS (default size 25).
 * - The filter body is an object: `status.OpporutinyStatus` (sic) `{value, subStatus}`,
 *   `dateType.{startDate|endDate|invoiceDate|expirationDate}.{customStartDate, customEndDate}` in
 *   MM/DD/YYYY, `vendor`, `endUser`. (Ingram's own example wraps it in an array, which the spec's
 *   schema rejects; the simulator validates against the schema.)
 * - The answer is wrapped in an array, `[{recordsFound, pageSize, pageNumber, renewals, ...}]`, as
 *   in both the spec example and the portal sample; so are its errors: `[{"errors":[...]}]`.
 */
import { type Renewal } from '../data';
import { type ErrorField } from '../errors';
import {
	asRecord,
	badRequest,
	contains,
	notFound,
	ok,
	paginate,
	PAGE_SIZE_LOWER,
	Query,
	readPage,
	sameText,
	text,
	usDate,
	type Route,
} from './common';

const DATE_KINDS: Record<string, (r: Renewal) => string> = {
	startDate: (r) => r.startDate,
	endDate: (r) => r.endDate,
	invoiceDate: (r) => r.invoiceDate,
	expirationDate: (r) => r.expirationDate,
};

const SORTS: Record<string, (r: Renewal) => string | number> = {
	expirationdate: (r) => r.expirationDate,
	renewalid: (r) => Number(r.renewalId),
	renewalvalue: (r) => r.renewalValue,
	vendor: (r) => r.vendor,
	enduser: (r) => r.endUser,
};

/** POST /resellers/v6/renewals/search */
export const searchRenewals: Route = (req, { data }) => {
	const q = new Query(req.query);
	const page = readPage(q, PAGE_SIZE_LOWER);
	if (Array.isArray(page)) return badRequest(req, page);
	const body = asRecord(req.body);
	const status = asRecord(asRecord(body.status).OpporutinyStatus);
	const dateType = asRecord(body.dateType);

	const errors: ErrorField[] = [];
	const ranges: [kind: string, from: string | undefined, to: string | undefined][] = [];
	for (const [kind, range] of Object.entries(dateType)) {
		const r = asRecord(range);
		const from = text(r.customStartDate);
		const to = text(r.customEndDate);
		if (!(kind in DATE_KINDS)) {
			errors.push({
				field: `dateType.${kind}`,
				value: kind,
				message: 'dateType must be startDate, endDate, invoiceDate or expirationDate',
			});
			continue;
		}
		for (const [name, value] of [
			['customStartDate', from],
			['customEndDate', to],
		] as const) {
			if (value && !usDate(value))
				errors.push({
					field: `dateType.${kind}.${name}`,
					value,
					message: 'Date must be in the format MM/DD/YYYY',
				});
		}
		ranges.push([kind, usDate(from), usDate(to)]);
	}
	if (errors.length) return badRequest(req, errors);

	const s = (name: string) => q.str(name);
	const matching = data.renewals.filter(
		(r) =>
			(!s('customerOrderNumber') ||
				sameText(r.customerOrderNumber, s('customerOrderNumber') as string)) &&
			(!s('ingramPurchaseOrderNumber') ||
				sameText(r.ingramPurchaseOrderNumber, s('ingramPurchaseOrderNumber') as string)) &&
			(!s('serialNumber') || r.serialNumbers.includes(s('serialNumber') as string)) &&
			(!text(body.vendor) || contains(r.vendor, text(body.vendor) as string)) &&
			(!text(body.endUser) || contains(r.endUser, text(body.endUser) as string)) &&
			(!text(status.value) || sameText(r.opportunityStatus.value, text(status.value) as string)) &&
			(!text(status.subStatus) ||
				sameText(r.opportunityStatus.subStatus, text(status.subStatus) as string)) &&
			ranges.every(([kind, from, to]) => {
				const date = DATE_KINDS[kind](r);
				return (!from || date >= from) && (!to || date <= to);
			}),
	);
	// `sort=expirationDate` or `sort=renewalValue,desc`
	const [sortKey, sortDirection] = (s('sort') ?? 'expirationDate').split(/[,:]/);
	const key = SORTS[sortKey.trim().toLowerCase()] ?? SORTS.expirationdate;
	const descending = sortDirection?.trim().toLowerCase() === 'desc';
	matching.sort((a, b) => {
		const [x, y] = descending ? [key(b), key(a)] : [key(a), key(b)];
		return typeof x === 'number' && typeof y === 'number'
			? x - y
			: String(x).localeCompare(String(y));
	});

	const result = paginate(matching, req, PAGE_SIZE_LOWER, page);
	return ok([
		{
			recordsFound: result.total,
			pageSize: result.pageSize,
			pageNumber: result.pageNumber,
			renewals: result.items.map((r) => ({
				renewalId: Number(r.renewalId),
				customerOrderNumber: r.customerOrderNumber,
				referenceNumber: r.referenceNumber,
				endUser: r.endUser,
				vendor: r.vendor,
				expirationDate: `${r.expirationDate}T00:00:00`,
				renewalValue: r.renewalValue,
				status: r.opportunityStatus.subStatus,
				links: [
					{ topic: 'renewals', href: `/resellers/v6/renewals/${r.renewalId}`, type: 'Get' },
					...(r.quoteNumber
						? [
								{
									topic: 'quotedetails',
									href: `/resellers/v6/quotes/${r.quoteNumber}`,
									type: 'Get',
								},
							]
						: []),
				],
			})),
			nextPage: result.nextPage,
			previousPage: result.previousPage,
		},
	]);
};

/** GET /resellers/v6/renewals/{renewalId} */
export const getRenewal: Route = (req, { data }) => {
	const r = data.renewals.find((x) => x.renewalId === req.params.renewalId);
	if (!r) return notFound(req, `Renewal ${req.params.renewalId} not found.`);
	return ok({
		renewalId: r.renewalId,
		ingramOrderNumber: r.ingramOrderNumber,
		ingramOrderDate: r.ingramOrderDate,
		expirationDate: `${r.expirationDate}T00:00:00`,
		ingramPurchaseOrderNumber: r.ingramPurchaseOrderNumber,
		customerOrderNumber: r.customerOrderNumber,
		endCustomerOrderNumber: r.endCustomerOrderNumber,
		// A string here, a number in search: as in Ingram's examples.
		renewalValue: String(r.renewalValue),
		endUser: r.endUser,
		vendor: r.vendor,
		status: r.opportunityStatus.subStatus,
		endUserInfo: { name1: '', name2: '', addressLine3: '', addressLine4: '', ...r.endUserInfo },
		referenceNumber: { notificationId: '', quoteNumber: r.quoteNumber },
		products: r.products.map((p) => ({ ...p, manufacturerPartNumber: '' })),
		additionalAttributes: r.serialNumbers.map((serial) => ({
			attributeDescription: 'SerialNumber',
			attributeValue: serial,
			startDate: null,
			expirationDate: null,
			isConsolidated: '',
		})),
	});
};
