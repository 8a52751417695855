/**
 * The editor's search fields: one status filter for orders, one date-range fragment and one sort
 * fragment in every search, dropdowns instead of free text where Ingram has a set of values, a
 * "From List" wherever Ingram has a search to list from, and plain words where the user reads.
 * Description tests load the node as n8n does; request tests run it against the simulator, which
 * validates every request against Ingram's spec.
 */
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { loadPackage, runNode, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_FIXTURES, XiSimulator, xiSpec } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;
let node: INodeType;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
	node = pkg.nodeTypes.getByNameAndVersion(`${pkg.packageName}.ingramMicro`, 1) as INodeType;
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const SEARCHES = ['order', 'invoice', 'quote', 'return', 'renewal', 'deal'] as const;
/** The searches whose Ingram endpoint takes a sort. */
const SORTABLE = ['invoice', 'quote', 'return', 'renewal'] as const;

/** The properties n8n shows for a resource and operation. */
function shown(resource: string, operation: string): INodeProperties[] {
	return node.description.properties.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}
const property = (resource: string, operation: string, name: string) =>
	shown(resource, operation).find((p) => p.name === name);
const filtersOf = (resource: string) =>
	(property(resource, 'search', 'filters')?.options ?? []) as INodeProperties[];
const sortOf = (resource: string) =>
	(property(resource, 'search', 'sort')?.options ?? []) as INodeProperties[];

const search = (resource: string, parameters: IDataObject) =>
	runNode({
		pkg,
		credentials: simCredentials(sim),
		parameters: { resource, operation: 'search', returnAll: true, ...parameters },
	});
const searchRequests = () => sim.requests.filter((r) => r.path.startsWith('/resellers'));
const range = (from: string, to: string) => ({ range: { from, to } });

describe('1. Order › Search has one status filter', () => {
	test('one multi-select "Order Status" with the spec’s statuses and nothing preselected', () => {
		const statusFilters = filtersOf('order').filter(
			(f) => /status/i.test(f.name) || /status/i.test(f.displayName),
		);
		expect(statusFilters).toHaveLength(1);
		const [status] = statusFilters;
		expect(status).toMatchObject({
			displayName: 'Order Status',
			type: 'multiOptions',
			default: [],
		});
		const spec = xiSpec() as {
			paths: Record<
				string,
				{ get: { parameters: Array<{ name: string; schema: { enum?: string[] } }> } }
			>;
		};
		const specEnum = spec.paths['/resellers/v6/orders/search'].get.parameters.find(
			(p) => p.name === 'orderStatus',
		)!.schema.enum;
		expect((status.options as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual(
			[...specEnum!].sort(),
		);
		expect(
			(status.options as INodePropertyOptions[]).every((o) => o.name !== String(o.value)),
		).toBe(true);
	});

	test('one chosen status goes as orderStatus and selects exactly those orders', async () => {
		const { items, error } = await search('order', { filters: { orderStatus: ['SHIPPED'] } });
		expect(error).toBeUndefined();
		const [request] = searchRequests();
		expect(request.query.orderStatus).toBe('SHIPPED');
		expect(request.query['orderStatus-in']).toBeUndefined();
		expect(items).toHaveLength(SIM_FIXTURES.counts.ordersByStatus.SHIPPED);
		expect(items.every((i) => i.json.orderStatus === 'SHIPPED')).toBe(true);
		expect(specViolations(sim)).toEqual([]);
	});

	test('several statuses go as orderStatus-in, as a list', async () => {
		const { items, error } = await search('order', {
			filters: { orderStatus: ['ON HOLD', 'CANCELLED'] },
		});
		expect(error).toBeUndefined();
		const [request] = searchRequests();
		expect(request.query['orderStatus-in']).toEqual(['ON HOLD', 'CANCELLED']);
		expect(request.query.orderStatus).toBeUndefined();
		const { ordersByStatus } = SIM_FIXTURES.counts;
		expect(items).toHaveLength(ordersByStatus['ON HOLD'] + ordersByStatus.CANCELLED);
		expect(specViolations(sim)).toEqual([]);
	});

	test.each([
		['a status in other case', '={{ "shipped" }}', { orderStatus: 'SHIPPED' }],
		[
			'a word the spec’s list lacks (OPEN), which orderStatus would refuse',
			'={{ ["OPEN"] }}',
			{ 'orderStatus-in': 'OPEN' },
		],
		[
			'a comma-separated text',
			'={{ "Processing, backordered" }}',
			{ 'orderStatus-in': ['PROCESSING', 'BACKORDERED'] },
		],
	])('from an expression: %s still makes a valid request', async (_case, expression, query) => {
		const { error } = await search('order', { filters: { orderStatus: expression } });
		expect(error).toBeUndefined();
		expect(searchRequests()[0].query).toMatchObject(query);
		expect(specViolations(sim)).toEqual([]);
	});
});

describe('2. One date-range pattern in every search', () => {
	/** The From/To fragment as Order › Search had it: a fixedCollection `range` with dateTime from/to. */
	const isRange = (p: INodeProperties) =>
		p.type === 'fixedCollection' &&
		p.placeholder === 'Add Date Range' &&
		JSON.stringify(p.options) ===
			JSON.stringify([
				{
					displayName: 'Range',
					name: 'range',
					values: [
						{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
						{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
					],
				},
			]);

	test.each(SEARCHES)('%s search: every date filter is the shared From/To range', (resource) => {
		const filters = filtersOf(resource);
		const dates = filters.filter((f) => f.type === 'dateTime' || f.type === 'fixedCollection');
		// Payment Terms Net Date is a single day at Ingram: it has no range to offer.
		const single = dates.filter((f) => !isRange(f)).map((f) => `${resource}.${f.name}`);
		expect(single).toEqual(resource === 'invoice' ? ['invoice.paymentTermsNetDate'] : []);
		for (const f of dates.filter(isRange)) expect(f.description).toMatch(/between these days/);
	});

	test('Invoice › Search offers Invoice Date, Due Date and Order Date as ranges, not nine separate dates', () => {
		const ranges = filtersOf('invoice')
			.filter(isRange)
			.map((f) => f.displayName);
		expect(ranges).toEqual(['Due Date', 'Invoice Date', 'Order Date']);
		expect(
			filtersOf('invoice')
				.filter((f) => f.type === 'dateTime')
				.map((f) => f.displayName),
		).toEqual(['Payment Terms Net Date']);
	});

	test('the invoice ranges reach Ingram as from/to parameters and select the invoices in them', async () => {
		const invoices = [...sim.data.invoices].sort((a, b) =>
			a.invoiceDate.localeCompare(b.invoiceDate),
		);
		const [from, to] = [invoices[20].invoiceDate, invoices[70].invoiceDate];
		const due = [...sim.data.invoices].map((i) => i.invoiceDueDate).sort();
		const { items, error } = await search('invoice', {
			filters: {
				invoiceDateRange: range(`${from}T00:00:00`, `${to}T18:00:00`),
				dueDateRange: range(due[0], due[due.length - 1]),
				orderDateRange: range('2020-01-01', '2025-06-30'),
			},
		});
		expect(error).toBeUndefined();
		expect(searchRequests()[0].query).toMatchObject({
			invoiceFromDate: from,
			invoiceToDate: to,
			invoiceFromDueDate: due[0],
			invoiceToDueDate: due[due.length - 1],
			orderFromDate: '2020-01-01',
			orderToDate: '2025-06-30',
		});
		expect(specViolations(sim)).toEqual([]);
		const expected = sim.data.invoices.filter((i) => i.invoiceDate >= from && i.invoiceDate <= to);
		expect(items.map((i) => i.json.invoiceNumber).sort()).toEqual(
			expected.map((i) => i.invoiceNumber).sort(),
		);
	});

	test('a range from a day to the same day stands for the single-day filters: invoices of that day', async () => {
		const day = sim.data.invoices[3].invoiceDate;
		const { items, error } = await search('invoice', {
			filters: { invoiceDateRange: range(day, day) },
		});
		expect(error).toBeUndefined();
		expect(searchRequests()[0].query).toMatchObject({ invoiceFromDate: day, invoiceToDate: day });
		expect(items.length).toBe(sim.data.invoices.filter((i) => i.invoiceDate === day).length);
		expect(items.every((i) => i.json.invoiceDate === day)).toBe(true);
	});

	test('Order › Search: one day of Ingram Order Date is a range from that day to that day', async () => {
		const day = sim.data.orders
			.find((o) => o.ingramOrderNumber === SIM_FIXTURES.orders.shipped)!
			.ingramOrderDate.slice(0, 10);
		const { items, error } = await search('order', {
			filters: { ingramOrderDateRange: range(day, day) },
		});
		expect(error).toBeUndefined();
		expect(searchRequests()[0].query['ingramOrderDate-bt']).toEqual([day, day]);
		expect(items.map((i) => i.json.ingramOrderNumber)).toContain(SIM_FIXTURES.orders.shipped);
		expect(specViolations(sim)).toEqual([]);
	});

	test('an invoice range with one end fails before sending, naming the range', async () => {
		const { error } = await search('invoice', {
			filters: { dueDateRange: { range: { from: '2025-01-01' } } },
		});
		expect(error?.message).toBe('"Due Date" needs both a From and a To date [item 0]');
		expect(searchRequests()).toHaveLength(0);
	});
});

describe('3. One sort pattern in every search that can sort; dropdowns instead of free text', () => {
	test.each(SORTABLE)('%s search: a "Sort By" dropdown and the shared direction', (resource) => {
		const [sortBy, direction] = sortOf(resource);
		expect(sortBy).toMatchObject({ displayName: 'Sort By', name: 'sortBy', type: 'options' });
		expect((sortBy.options as INodePropertyOptions[]).length).toBeGreaterThan(1);
		expect((sortBy.options as INodePropertyOptions[]).map((o) => o.value)).toContain(
			sortBy.default,
		);
		expect(direction).toEqual(sortOf('invoice')[1]);
		expect(direction).toMatchObject({ name: 'direction', type: 'options', default: 'desc' });
		expect((direction.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'asc',
			'desc',
		]);
	});

	test.each(['order', 'deal'])(
		'%s search offers no sort: Ingram’s endpoint takes none',
		(resource) => {
			expect(property(resource, 'search', 'sort')).toBeUndefined();
		},
	);

	test('no search has a free-text sort or a free-text invoice status/type', () => {
		const all = SEARCHES.flatMap((resource) => [
			...shown(resource, 'search'),
			...filtersOf(resource),
			...sortOf(resource),
		]);
		const freeText = all.filter(
			(p) =>
				p.type === 'string' && /sort|order ?by|status|type/i.test(`${p.name} ${p.displayName}`),
		);
		// Quote "Status" and renewal "Sub-Status" stay text: Ingram documents no closed list for them.
		expect(freeText.map((p) => p.displayName).sort()).toEqual(['Status', 'Sub-Status']);
		const invoice = filtersOf('invoice');
		expect(invoice.find((f) => f.name === 'invoiceStatus')).toMatchObject({
			type: 'options',
			displayName: 'Invoice Status',
		});
		expect(invoice.find((f) => f.name === 'invoiceType')).toMatchObject({
			type: 'options',
			displayName: 'Invoice Type',
		});
	});

	test('quote sort fields are the ones the spec lists for sortBy', () => {
		const spec = xiSpec() as {
			paths: Record<string, { get: { parameters: Array<{ name: string; description: string }> } }>;
		};
		const documented = spec.paths['/resellers/v6/quotes/search'].get.parameters.find(
			(p) => p.name === 'sortBy',
		)!.description;
		const values = (sortOf('quote')[0].options as INodePropertyOptions[]).map((o) =>
			String(o.value),
		);
		for (const value of values) expect(documented).toContain(value);
		expect(values).toHaveLength(4);
	});

	/** How each search sends the sort, and the field of Ingram's answer each sort value orders by. */
	const SORTS: Record<
		(typeof SORTABLE)[number],
		{ query: (sortBy: string, direction: string) => IDataObject; by: Record<string, string> }
	> = {
		invoice: {
			query: (sortBy, direction) => ({ orderby: sortBy, direction }),
			by: {
				CustomerOrderNumber: 'customerOrderNumber',
				InvoiceDueDate: 'invoiceDueDate',
				InvoiceAmount: 'invoiceAmountInclTax',
				InvoiceDate: 'invoiceDate',
				InvoiceNumber: 'invoiceNumber',
				OrderDate: 'orderCreateDate',
			},
		},
		quote: {
			query: (sortBy, direction) => ({ sortBy, sortingOrder: direction }),
			by: {
				createdDate: 'ingramQuoteDate',
				expiryDate: 'ingramQuoteExpiryDate',
				lastModifiedDate: 'lastModifiedDate',
				quoteNumber: 'quoteNumber',
			},
		},
		return: {
			// Ingram names the direction `sort` here
			query: (sortBy, direction) => ({ sortingColumnName: sortBy, sort: direction }),
			by: {
				caseRequestNumber: 'caseRequestNumber',
				createdOn: 'createdOn',
				modifiedOn: 'modifiedOn',
				status: 'status',
			},
		},
		renewal: {
			// one value: the field, then the direction after a comma
			query: (sortBy, direction) => ({ sort: `${sortBy},${direction}` }),
			by: {
				endUser: 'endUser',
				expirationDate: 'expirationDate',
				renewalId: 'renewalId',
				renewalValue: 'renewalValue',
				vendor: 'vendor',
			},
		},
	};

	const ordered = (values: unknown[], direction: 'asc' | 'desc') =>
		values.every((value, i) => {
			if (i === 0) return true;
			const [a, b] = direction === 'asc' ? [values[i - 1], value] : [value, values[i - 1]];
			return typeof a === 'number' && typeof b === 'number'
				? a <= b
				: String(a).localeCompare(String(b)) <= 0;
		});

	const cases = SORTABLE.flatMap((resource) =>
		(['asc', 'desc'] as const).flatMap((direction) =>
			Object.keys(SORTS[resource].by).map((sortBy) => [resource, sortBy, direction] as const),
		),
	);

	test('every dropdown value is covered below', () => {
		for (const resource of SORTABLE) {
			const values = (sortOf(resource)[0].options as INodePropertyOptions[])
				.map((o) => String(o.value))
				.sort();
			expect(values).toEqual(Object.keys(SORTS[resource].by).sort());
		}
	});

	test.each(cases)(
		'%s sorted by %s (%s) reaches Ingram, passes the spec and comes back in that order',
		async (resource, sortBy, direction) => {
			const { items, error } = await search(resource, { sort: { sortBy, direction } });
			expect(error).toBeUndefined();
			const { query, by } = SORTS[resource];
			expect(searchRequests()[0].query).toMatchObject(query(sortBy, direction));
			expect(specViolations(sim)).toEqual([]);
			expect(items.length).toBeGreaterThan(10);
			expect(
				ordered(
					items.map((i) => i.json[by[sortBy]]),
					direction,
				),
			).toBe(true);
		},
	);

	test('a direction alone sorts renewals by expiration date, as Ingram does by default', async () => {
		const { error } = await search('renewal', { sort: { direction: 'desc' } });
		expect(error).toBeUndefined();
		expect(searchRequests()[0].query.sort).toBe('expirationDate,desc');
	});

	test('a sort field given by an expression may be its label; an unknown one fails before sending', async () => {
		const byLabel = await search('return', { sort: { sortBy: '={{ "Modified On" }}' } });
		expect(byLabel.error).toBeUndefined();
		expect(searchRequests()[0].query.sortingColumnName).toBe('modifiedOn');

		sim.clearRequests();
		const unknown = await search('invoice', { sort: { sortBy: '={{ "colour" }}' } });
		expect(unknown.error?.message).toBe(
			'"Sort › Sort By" must be one of Customer Order Number, Due Date, Invoice Amount, Invoice Date, ' +
				'Invoice Number, Order Date, but it is "colour" [item 0]',
		);
		expect(searchRequests()).toHaveLength(0);
	});

	test('invoice status and type select those invoices; another word from an expression is sent as is', async () => {
		const paid = await search('invoice', {
			filters: { invoiceStatus: 'Paid', invoiceType: 'Invoice' },
		});
		expect(paid.error).toBeUndefined();
		expect(searchRequests()[0].query).toMatchObject({
			invoiceStatus: 'Paid',
			invoiceType: 'Invoice',
		});
		expect(paid.items.length).toBe(
			sim.data.invoices.filter((i) => i.invoiceStatus === 'Paid').length,
		);
		expect(paid.items.every((i) => i.json.invoiceStatus === 'PAID')).toBe(true);

		sim.clearRequests();
		const other = await search('invoice', { filters: { invoiceType: '={{ "Credit Memo" }}' } });
		expect(other.error).toBeUndefined();
		expect(searchRequests()[0].query.invoiceType).toBe('Credit Memo');
		expect(specViolations(sim)).toEqual([]);
	});
});

describe('4. From List wherever Ingram has a search to list from', () => {
	test.each([
		['order', 'get', 'orderNumber', 'searchOrders'],
		['quote', 'get', 'quoteNumber', 'searchQuotes'],
		['invoice', 'get', 'invoiceNumber', 'searchInvoices'],
		['return', 'get', 'caseRequestNumber', 'searchReturns'],
		['renewal', 'get', 'renewalId', 'searchRenewals'],
		['deal', 'get', 'dealId', 'searchDeals'],
		['product', 'get', 'ingramPartNumber', 'searchProducts'],
	])(
		'%s › %s: %s is picked from a searchable list (%s), and From List comes first',
		(resource, operation, name, method) => {
			const locator = property(resource, operation, name)!;
			expect(locator.type).toBe('resourceLocator');
			expect(locator.default).toEqual({ mode: 'list', value: '' });
			const [list, id] = locator.modes!;
			expect(list).toMatchObject({
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: method, searchable: true },
			});
			expect(id.name).toBe('id');
			expect(typeof node.methods?.listSearch?.[method]).toBe('function');
			expect(locator.description).toMatch(/In the list\b.*\btype /);
		},
	);
});

describe('5. Plain words where the user reads', () => {
	/** Every label, description, placeholder and option name under a property. */
	function texts(p: INodeProperties | INodePropertyOptions | INodePropertyCollection): string[] {
		const own = [
			'displayName' in p ? p.displayName : undefined,
			'name' in p && 'value' in p ? p.name : undefined,
			'description' in p ? p.description : undefined,
			'placeholder' in p ? p.placeholder : undefined,
		].filter((t): t is string => typeof t === 'string');
		const children = [
			...('options' in p && Array.isArray(p.options) ? p.options : []),
			...('values' in p && Array.isArray(p.values) ? p.values : []),
		] as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>;
		return [...own, ...children.flatMap(texts)];
	}

	const JARGON =
		/\b(query|parameters?|enum|spec|API|ISO|column|header|endpoint|JSON|camelCase|asc|desc)\b|-bt\b|_bt\b/i;

	test.each([
		...SEARCHES.map((resource) => [resource, 'search'] as const),
		...(['invoice', 'return', 'renewal', 'deal', 'product', 'order', 'quote'] as const).map(
			(resource) => [resource, 'get'] as const,
		),
	])('%s › %s', (resource, operation) => {
		const properties = shown(resource, operation).filter(
			(p) => operation === 'search' || p.type === 'resourceLocator',
		);
		const words = properties.flatMap(texts);
		expect(words.length).toBeGreaterThan(0);
		expect(words.filter((w) => JARGON.test(w))).toEqual([]);
	});
});
