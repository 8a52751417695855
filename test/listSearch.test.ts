import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext, loadPackage, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

/** Calls a "From List" method the way the editor does while the user types and scrolls. */
async function listSearch(
	method: string,
	filter?: string,
	paginationToken?: string,
	credentials = simCredentials(sim),
) {
	const { context, nodeType } = loadOptionsContext(
		pkg,
		{ resource: 'order', operation: 'get' },
		credentials,
	);
	const search = nodeType.methods!.listSearch![method];
	return (await search.call(
		context as unknown as ILoadOptionsFunctions,
		filter,
		paginationToken,
	)) as INodeListSearchResult;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2025-05-13T08:54:39+05:30" → "13 May 2025": the day Ingram wrote, in words. */
const inWords = (iso: string) => {
	const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
	return `${day} ${MONTHS[month - 1]} ${year}`;
};
const RAW_DATE = /\d{4}-\d{2}-\d{2}/;
/** Statuses as Ingram writes them in capitals; the lists show them as words. */
const CAPITALISED_STATUS =
	/\b(SHIPPED|PROCESSING|ON HOLD|BACKORDERED|CANCELLED|OPEN|PAID|APPROVED|PARTIALLY APPROVED|DENIED|VOIDED)\b/;
const searchesSent = () => sim.requests.filter((r) => r.path.startsWith('/resellers'));

/** Every page of a list, as the user scrolls to the end. */
async function wholeList(method: string, filter?: string) {
	const names = new Map<string, string>();
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await listSearch(method, filter, token);
		page.results.forEach((r) => names.set(String(r.value), r.name));
		token = page.paginationToken;
		pages++;
	} while (token && pages < 50);
	return names;
}

describe('From List: every list', () => {
	test.each([
		['searchOrders', SIM_FIXTURES.counts.orders],
		['searchQuotes', SIM_FIXTURES.counts.quotes],
		['searchInvoices', SIM_FIXTURES.counts.invoices],
		['searchReturns', SIM_FIXTURES.counts.returns],
		['searchRenewals', SIM_FIXTURES.counts.renewals],
		['searchDeals', SIM_FIXTURES.counts.deals],
		['searchProducts', SIM_FIXTURES.counts.products],
	])(
		'%s pages through all %i records; entries name the record in words, without raw dates or capitalised statuses',
		async (method, count) => {
			const names = await wholeList(method);
			expect(names.size).toBe(count);
			for (const [value, name] of names) {
				expect(name.startsWith(`${value} · `)).toBe(true);
				expect(name).not.toMatch(RAW_DATE);
				expect(name).not.toMatch(CAPITALISED_STATUS);
				expect(name).not.toMatch(/undefined|null|\[object/);
			}
			expect(specViolations(sim)).toEqual([]);
		},
	);
});

describe('From List: orders', () => {
	test('an entry reads "20-RD3QV · Shipped · 13 May 2025 · PO MyPONumber"', async () => {
		const order = sim.data.orders.find((o) => o.ingramOrderNumber === SIM_FIXTURES.orders.shipped)!;
		const page = await listSearch('searchOrders', SIM_FIXTURES.orders.shipped);
		expect(page.results).toEqual([
			{
				name: `20-RD3QV · Shipped · ${inWords(order.ingramOrderDate)} · PO MyPONumber`,
				value: SIM_FIXTURES.orders.shipped,
			},
		]);
		const onHold = await listSearch('searchOrders', SIM_FIXTURES.orders.onHold);
		expect(onHold.results[0].name).toMatch(/^20-RD128 · On Hold · /);
	});

	test('pages through the account’s orders, 25 at a time, as the user scrolls', async () => {
		const first = await listSearch('searchOrders');
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0].name).toContain(String(first.results[0].value));

		const seen = new Set(first.results.map((r) => r.value));
		let token = first.paginationToken;
		while (token) {
			const page = await listSearch('searchOrders', undefined, token);
			page.results.forEach((r) => seen.add(r.value));
			token = page.paginationToken;
		}
		expect(seen.size).toBe(SIM_FIXTURES.counts.orders);
		expect(specViolations(sim)).toEqual([]);
	});

	test('typing an Ingram order number or a PO number narrows the list', async () => {
		const byNumber = await listSearch('searchOrders', SIM_FIXTURES.orders.shipped);
		expect(byNumber.results.map((r) => r.value)).toEqual([SIM_FIXTURES.orders.shipped]);
		expect(sim.requests.at(-1)?.query.ingramOrderNumber).toBe(SIM_FIXTURES.orders.shipped);

		const byPo = await listSearch('searchOrders', SIM_FIXTURES.orders.shippedCustomerOrderNumber);
		expect(byPo.results.map((r) => r.value)).toContain(SIM_FIXTURES.orders.shipped);
		expect(sim.requests.at(-1)?.query.customerOrderNumber).toBe(
			SIM_FIXTURES.orders.shippedCustomerOrderNumber,
		);
	});

	test('nothing found is an empty list, not an error', async () => {
		await expect(listSearch('searchOrders', 'NO-SUCH-PO-42')).resolves.toEqual({
			results: [],
			paginationToken: undefined,
		});
	});
});

describe('From List: quotes', () => {
	test('lists quotes with number, name and status; sends the customer contact Ingram requires', async () => {
		const page = await listSearch('searchQuotes');
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((r) => String(r.value).startsWith('QUO-'))).toBe(true);
		expect(sim.requests.at(-1)?.headers['im-customercontact']).toBeTruthy();
		expect(specViolations(sim)).toEqual([]);
	});

	test('entries read number · name · status · day; a name that is no quote name finds the end user', async () => {
		const quote = sim.data.quotes.find((q) => q.quoteNumber === SIM_FIXTURES.quotes.cisco)!;
		const byNumber = await listSearch('searchQuotes', quote.quoteNumber);
		expect(byNumber.results).toEqual([
			{
				name: `${quote.quoteNumber} · ${quote.quoteName} · ${quote.status} · ${inWords(quote.ingramQuoteDate)}`,
				value: quote.quoteNumber,
			},
		]);

		sim.clearRequests();
		const endUser = quote.endUserContact || quote.endUserInfo.companyName;
		const byEndUser = await listSearch('searchQuotes', endUser);
		expect(byEndUser.results.map((r) => r.value)).toContain(quote.quoteNumber);
		expect(searchesSent().map((r) => r.query.quoteName ?? r.query.endUserContact)).toEqual([
			endUser,
			endUser,
		]);
		expect(searchesSent()[1].query.endUserContact).toBe(endUser);
	});

	test('without a Customer Contact Email in the credential, the list says what is missing', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.customerContact = '';
		await expect(listSearch('searchQuotes', undefined, undefined, credentials)).rejects.toThrow(
			/Customer Contact Email/,
		);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});
});

describe('From List: invoices', () => {
	const invoice = () =>
		sim.data.invoices.find((i) => i.invoiceNumber === SIM_FIXTURES.invoices.shipped)!;

	test('an entry reads "20-RD3QV-11 · Open · 13 May 2025 · PO MyPONumber"; its number finds it', async () => {
		const page = await listSearch('searchInvoices', SIM_FIXTURES.invoices.shipped);
		const { invoiceStatus, invoiceDate } = invoice();
		expect(page.results).toEqual([
			{
				name: `${SIM_FIXTURES.invoices.shipped} · ${invoiceStatus} · ${inWords(invoiceDate)} · PO MyPONumber`,
				value: SIM_FIXTURES.invoices.shipped,
			},
		]);
		expect(searchesSent()[0].query.invoiceNumber).toBe(SIM_FIXTURES.invoices.shipped);
		expect(searchesSent()[0].headers['im-applicationid']).toBe('n8n');
	});

	test.each([
		['an order number', SIM_FIXTURES.orders.shipped, 'orderNumber'],
		['a PO number', SIM_FIXTURES.orders.shippedCustomerOrderNumber, 'customerOrderNumber'],
	])('typing %s narrows the list to its invoices', async (_case, typed, parameter) => {
		const page = await listSearch('searchInvoices', typed);
		expect(page.results.map((r) => r.value)).toEqual([SIM_FIXTURES.invoices.shipped]);
		expect(searchesSent()[0].query[parameter]).toBe(typed);
		expect(specViolations(sim)).toEqual([]);
	});

	test('nothing found is an empty list', async () => {
		await expect(listSearch('searchInvoices', 'NO-SUCH-PO')).resolves.toEqual({
			results: [],
			paginationToken: undefined,
		});
	});
});

describe('From List: returns', () => {
	test('an entry reads case number · status · day · reason · reference; its number finds it', async () => {
		const claim = sim.data.returns.find((r) => r.caseRequestNumber === SIM_FIXTURES.returns.open)!;
		const page = await listSearch('searchReturns', claim.caseRequestNumber.toLowerCase());
		expect(page.results).toEqual([
			{
				name: [
					claim.caseRequestNumber,
					'Open',
					inWords(claim.createdOn),
					claim.returnReason,
					`ref ${claim.referenceNumber}`,
				].join(' · '),
				value: claim.caseRequestNumber,
			},
		]);
		expect(searchesSent()[0].query.caseRequestNumber).toBe(claim.caseRequestNumber.toLowerCase());
	});

	test('a status Ingram writes in capitals reads as words', async () => {
		const claim = sim.data.returns.find((r) => r.status === 'Partially Approved')!;
		const page = await listSearch('searchReturns', claim.caseRequestNumber);
		expect(page.results[0].name).toContain(' · Partially Approved · ');
	});

	test.each([
		['an invoice number', () => SIM_FIXTURES.invoices.shipped, 'invoiceNumber'],
		['a reference', () => sim.data.returns[0].referenceNumber, 'referenceNumber'],
	])('typing %s narrows the list', async (_case, typed, parameter) => {
		const page = await listSearch('searchReturns', typed());
		expect(page.results.map((r) => r.value)).toContain(SIM_FIXTURES.returns.open);
		expect(searchesSent()[0].query[parameter]).toBe(typed());
		expect(specViolations(sim)).toEqual([]);
	});
});

describe('From List: renewals', () => {
	test('an entry reads ID · vendor · end user · status · expiry; an end user is filtered in the body', async () => {
		const renewal = sim.data.renewals.find((r) => r.renewalId === SIM_FIXTURES.renewals.hp)!;
		const page = await listSearch('searchRenewals', renewal.endUser.toLowerCase());
		const entry = page.results.find((r) => r.value === renewal.renewalId);
		const { renewalId, endUser, opportunityStatus, expirationDate } = renewal;
		const expiry = `expire[sd] ${inWords(expirationDate)}`;
		const words = `${renewalId} · HP · ${endUser} · ${opportunityStatus.subStatus} · ${expiry}`;
		expect(entry?.name).toMatch(new RegExp(`^${words}$`));
		expect(searchesSent()).toHaveLength(1);
		expect(searchesSent()[0]).toMatchObject({
			method: 'POST',
			body: { endUser: renewal.endUser.toLowerCase() },
		});
		expect(specViolations(sim)).toEqual([]);
	});

	test('a vendor finds nothing as an end user, so it is tried as a vendor; later pages keep that', async () => {
		const base = sim.data.renewals.find((r) => r.renewalId === SIM_FIXTURES.renewals.vmware)!;
		for (let i = 0; i < 30; i++)
			sim.data.renewals.push({ ...structuredClone(base), renewalId: String(8000000 + i) });
		const vmware = sim.data.renewals.filter((r) => r.vendor === 'VMWARE').length;

		const first = await listSearch('searchRenewals', 'vmware');
		expect(searchesSent().map((r) => r.body)).toEqual([
			{ endUser: 'vmware' },
			{ vendor: 'vmware' },
		]);
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('2:1');

		sim.clearRequests();
		const second = await listSearch('searchRenewals', 'vmware', first.paginationToken);
		expect(searchesSent().map((r) => [r.body, r.query.page])).toEqual([
			[{ vendor: 'vmware' }, '2'],
		]);
		expect(second.results).toHaveLength(vmware - 25);
		expect(second.paginationToken).toBeUndefined();
		expect(
			[...first.results, ...second.results].every((r) => r.name.includes(' · VMWARE · ')),
		).toBe(true);
	});
});

describe('From List: deals', () => {
	test('an entry reads ID · vendor · end user · expiry; typing a deal ID finds it', async () => {
		const deal = sim.data.deals.find((d) => d.dealId === SIM_FIXTURES.deals.cisco)!;
		const page = await listSearch('searchDeals', deal.dealId);
		expect(page.results).toEqual([
			{
				name: expect.stringMatching(
					new RegExp(
						`^${deal.dealId} · Cisco · ${deal.endUser} · expire[sd] ${inWords(deal.dealExpiryDate)}$`,
					),
				),
				value: deal.dealId,
			},
		]);
		expect(searchesSent()[0].query).toMatchObject({ dealId: deal.dealId, Page: '1', Size: '25' });
	});

	test('a name is an end user first, then a vendor', async () => {
		const page = await listSearch('searchDeals', 'cisco');
		expect(searchesSent().map((r) => r.query.endUser ?? r.query.vendor)).toEqual([
			'cisco',
			'cisco',
		]);
		expect(searchesSent()[1].query.vendor).toBe('cisco');
		expect(page.results.length).toBe(sim.data.deals.filter((d) => d.vendor === 'Cisco').length);
		expect(specViolations(sim)).toEqual([]);
	});
});

describe('From List: products', () => {
	test('an entry reads part number · description · vendor part number; typed words all must match', async () => {
		const product = sim.data.products.find(
			(p) => p.ingramPartNumber === SIM_FIXTURES.skus.backordered,
		)!;
		const byNumber = await listSearch('searchProducts', product.ingramPartNumber);
		expect(byNumber.results).toContainEqual({
			name: [
				product.ingramPartNumber,
				product.description,
				`${product.vendorName} ${product.vendorPartNumber}`,
			].join(' · '),
			value: product.ingramPartNumber,
		});

		sim.clearRequests();
		const word = product.description.split(' ').find((w) => w.length > 3)!;
		const byWords = await listSearch('searchProducts', `${product.vendorName}  ${word}`);
		expect(searchesSent()[0].query.keyword).toEqual([product.vendorName, word]);
		expect(byWords.results.map((r) => r.value)).toContain(product.ingramPartNumber);
		expect(byWords.results.every((r) => r.name.toLowerCase().includes(word.toLowerCase()))).toBe(
			true,
		);
		expect(specViolations(sim)).toEqual([]);
	});

	test('nothing found (Ingram’s 404) is an empty list', async () => {
		await expect(listSearch('searchProducts', 'no-such-product-xyz')).resolves.toEqual({
			results: [],
			paginationToken: undefined,
		});
	});
});
