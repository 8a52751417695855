/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * What the n8n editor shows for the package's nodes: which fields a form has, in which order, what they
 * start with, which are required, and the words users read. Each block answers one finding made in the
 * real editor. The forms are computed the way the editor computes them (n8n-workflow's NodeHelpers fill
 * in defaults and evaluate displayOptions, including `@version`), from the nodes as n8n loads them. The
 * last block runs the example workflows' nodes (read from examples/) against the simulator.
 */
import type {
	IDataObject,
	INode,
	INodeCredentialDescription,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadPackage, runNode, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { XiSimulator } from './simulator';

const { NodeHelpers, Workflow } = n8nWorkflow;

let pkg: LoadedPackage;
let node: INodeType;
let trigger: INodeType;

beforeAll(async () => {
	pkg = await loadPackage();
	node = pkg.nodeTypes.getByNameAndVersion(`${pkg.packageName}.ingramMicro`) as INodeType;
	trigger = pkg.nodeTypes.getByNameAndVersion(`${pkg.packageName}.ingramMicroTrigger`) as INodeType;
});

/** The version n8n gives a node the user adds now. */
const latestVersion = (type: INodeType) => {
	const { version, defaultVersion } = type.description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
};

const nodeFor = (type: INodeType, parameters: INodeParameters, typeVersion: number): INode => ({
	id: 'node-in-editor',
	name: 'Node',
	type: type.description.name,
	typeVersion,
	position: [0, 0],
	parameters,
});

/** The form the editor shows for a node with these parameters: its values (defaults filled in) and fields. */
function form(type: INodeType, parameters: INodeParameters, typeVersion = latestVersion(type)) {
	const { properties } = type.description;
	const editedNode = nodeFor(type, parameters, typeVersion);
	const values = NodeHelpers.getNodeParameters(
		properties,
		parameters,
		true,
		false,
		editedNode,
		type.description,
	)!;
	const fields = properties.filter((p) =>
		NodeHelpers.displayParameter(values, p, editedNode, type.description),
	);
	const field = (name: string) => {
		const found = fields.find((p) => p.name === name);
		if (!found) throw new Error(`The form has no field "${name}"`);
		return found;
	};
	return { values, fields, field, node: editedNode };
}

const options = (property: INodeProperties) => property.options as INodeProperties[];
const option = (property: INodeProperties, name: string) => {
	const found = options(property).find((o) => o.name === name);
	if (!found) throw new Error(`"${property.displayName}" has no option "${name}"`);
	return found;
};
const lineFields = (lines: INodeProperties) =>
	(lines.options as INodePropertyCollection[])[0].values;
const optionsOf = (type: INodeType, name: string) =>
	type.description.properties.find((p) => p.name === name)!.options as INodePropertyOptions[];

/** Every property, option and collection entry of a node description, depth first. */
function* walk(properties: readonly unknown[]): Generator<IDataObject> {
	for (const entry of properties as IDataObject[]) {
		yield entry;
		if (Array.isArray(entry.options)) yield* walk(entry.options);
		if (Array.isArray(entry.values)) yield* walk(entry.values);
	}
}

/** Everything a user reads in a node's panel: labels, descriptions, hints, placeholders and option names. */
const wordsOf = (type: INodeType) =>
	[...walk(type.description.properties)].flatMap((entry) =>
		['displayName', 'name', 'description', 'hint', 'action']
			// a property's `name` is its internal key; an option's `name` is its label
			.filter((key) => key !== 'name' || entry.value !== undefined)
			.map((key) => entry[key])
			.filter((text): text is string => typeof text === 'string'),
	);

describe('1. Order › Create reads as a form', () => {
	test.each([
		['create', {}],
		['createAsync', { orderFrom: 'lines' }],
	])('Order › %s: Lines is required, as fields and as JSON', (operation, extra) => {
		const lines = form(node, { resource: 'order', operation, ...extra }).field('lines');
		expect(lines.required).toBe(true);
		// n8n 2.41 draws no required mark on a fixedCollection's label: its tooltip says it
		expect(lines.description).toBe('At least one line is needed');
		expect(
			form(node, { resource: 'order', operation, linesInput: 'json', ...extra }).field('linesJson')
				.required,
		).toBe(true);
	});

	test('lines are optional where something else can stand in for them (a quote from a deal)', () => {
		expect(form(node, { resource: 'quote', operation: 'create' }).field('lines').required).toBe(
			false,
		);
	});

	test('Unit Price and End User Price start empty (not at a price of 0); the quantity starts at 1', () => {
		const fields = lineFields(
			form(node, { resource: 'order', operation: 'create' }).field('lines'),
		);
		const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
		expect(byName.unitPrice).toMatchObject({ type: 'number', default: '' });
		expect(byName.endUserPrice).toMatchObject({ type: 'number', default: '' });
		expect(byName.quantity).toMatchObject({ type: 'number', default: 1, required: true });
		// nowhere in the node does an optional number field start at 0
		for (const entry of walk(node.description.properties)) {
			if (entry.type === 'number' && entry.required !== true && entry.default === 0) {
				throw new Error(`"${String(entry.displayName)}" starts at 0`);
			}
		}
	});

	test.each(['create', 'createAsync'])(
		'Order › %s: the optional groups go ship-to, shipment, end user, reseller, the rest; each button names its group',
		(operation) => {
			const groups = form(node, { resource: 'order', operation }).fields.filter(
				(p) => p.type === 'collection',
			);
			expect(groups.map((g) => [g.displayName, g.placeholder])).toEqual([
				['Ship-To', 'Add Ship-To Field'],
				['Shipment Details', 'Add Shipment Detail'],
				['End User', 'Add End User Field'],
				['Reseller', 'Add Reseller Field'],
				['Additional Fields', 'Add Field'],
			]);
		},
	);

	test.each(['create', 'createAsync'])(
		'Order › %s: the risky flags are off until the user turns them on, and say what on means',
		(operation) => {
			const additional = form(node, { resource: 'order', operation }).field('additionalFields');
			for (const name of [
				'allowDuplicateCustomerOrderNumber',
				'allowOrderOnCustomerHold',
				'allowPartialOrder',
			]) {
				const flag = option(additional, name);
				expect(flag.default).toBe(false);
				expect(flag.description).toMatch(/^Whether .* On: /);
			}
		},
	);
});

describe('2. Every resource starts on a read', () => {
	const READS = ['get', 'search', 'getPriceAndAvailability', 'estimate'];

	test('the default operation of every resource is a read, for a node added now', () => {
		const resources = optionsOf(node, 'resource').map((o) => String(o.value));
		expect(resources).toHaveLength(9);
		const defaults = Object.fromEntries(
			resources.map((resource) => [resource, form(node, { resource }).values.operation]),
		);
		for (const [resource, operation] of Object.entries(defaults)) {
			expect([resource, READS.includes(String(operation))]).toEqual([resource, true]);
		}
		expect(defaults.order).toBe('search');
	});

	test('new nodes are version 1.1; version 1 keeps Create, as n8n saved Order › Create without its operation', () => {
		expect(latestVersion(node)).toBe(1.1);
		expect(form(node, { resource: 'order' }, 1).values.operation).toBe('create');
		expect(form(node, { resource: 'order' }, 1.1).values.operation).toBe('search');
		// one Operation dropdown per version, with the same operations
		const shown = (version: number) =>
			form(node, { resource: 'order' }, version).fields.filter((p) => p.name === 'operation');
		expect(shown(1)).toHaveLength(1);
		expect(shown(1.1)).toHaveLength(1);
		expect(shown(1.1)[0].options).toEqual(shown(1)[0].options);
	});
});

describe('3. Sandbox-only options have their own group; opaque options have plain words and safe defaults', () => {
	test.each([
		['get', ['regionCode', 'simulateStatus']],
		['update', ['regionCode']],
		['cancel', ['regionCode']],
	])(
		'Order › %s: sandbox options only in "Sandbox Testing", which says what it is for',
		(operation, names) => {
			const { fields, field } = form(node, { resource: 'order', operation });
			const sandbox = field('sandboxTesting');
			expect(sandbox).toMatchObject({
				displayName: 'Sandbox Testing',
				type: 'collection',
				default: {},
			});
			expect(sandbox.description).toMatch(/Only for Ingram Micro's sandbox/);
			expect(sandbox.description).toMatch(/Not for production/);
			expect(
				options(sandbox)
					.map((o) => o.name)
					.sort(),
			).toEqual(names);
			// and nowhere else
			const elsewhere = fields
				.filter((p) => p !== sandbox)
				.flatMap((p) => [...walk([p])])
				.filter((entry) => entry.name === 'regionCode' || entry.name === 'simulateStatus');
			expect(elsewhere).toEqual([]);
		},
	);

	test('Order › Get: the IML option is named in full and off by default', () => {
		const iml = option(
			form(node, { resource: 'order', operation: 'get' }).field('options'),
			'isIml',
		);
		expect(iml.displayName).toBe('Ingram Micro Lifecycle (IML) Customer');
		expect(iml.default).toBe(false);
		expect(iml.description).toMatch(
			/^Whether your account is an Ingram Micro Lifecycle \(IML\) customer account/,
		);
	});

	test('Invoice › Get: the "customer type" option says what is known of it, defaulting to Invoice', () => {
		const type = option(
			form(node, { resource: 'invoice', operation: 'get' }).field('options'),
			'customerType',
		);
		expect(type.displayName).toBe('Lookup Type');
		expect(type.default).toBe('invoice');
		expect(type.description).toMatch(/Leave it out unless Ingram Micro asks you to set it/);
	});
});

describe('4. One quote selector wherever a quote number is asked for', () => {
	test.each([
		['Quote › Get', { resource: 'quote', operation: 'get' }],
		['Quote › Validate', { resource: 'quote', operation: 'validate' }],
		['Order › Create Async', { resource: 'order', operation: 'createAsync', orderFrom: 'quote' }],
		[
			'Vendor Required Info › Get',
			{ resource: 'vendorRequiredInfo', operation: 'get', lookUpBy: 'quoteNumber' },
		],
	])('%s: Quote Number is a locator with From List (searchQuotes) first', (_, parameters) => {
		const reference = form(node, { resource: 'quote', operation: 'get' }).field('quoteNumber');
		const quoteNumber = form(node, parameters).field('quoteNumber');
		expect(quoteNumber).toMatchObject({
			displayName: 'Quote Number',
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
		});
		expect(quoteNumber.modes?.[0]).toMatchObject({
			name: 'list',
			typeOptions: { searchListMethod: 'searchQuotes' },
		});
		expect(quoteNumber.modes).toEqual(reference.modes);
		expect(node.methods?.listSearch?.searchQuotes).toBeInstanceOf(Function);
	});
});

describe('5. Quote › Create takes the contact from the credential', () => {
	test('Customer Contact Email is optional and says that empty means the credential’s', () => {
		const contact = form(node, { resource: 'quote', operation: 'create' }).field('customerContact');
		expect(contact.required).not.toBe(true);
		expect(contact.description).toMatch(
			/Leave it empty to use the credential's Customer Contact Email/,
		);
	});
});

describe('6. The canvas subtitle uses the dropdowns’ words', () => {
	/** What the editor shows under the node on the canvas. */
	function subtitle(parameters: INodeParameters, typeVersion = latestVersion(node)) {
		const canvasNode = nodeFor(node, parameters, typeVersion);
		canvasNode.type = `${pkg.packageName}.ingramMicro`;
		const workflow = new Workflow({
			nodes: [canvasNode],
			connections: {},
			nodeTypes: pkg.nodeTypes,
			active: false,
		});
		const placed = workflow.getNode(canvasNode.name)!;
		return workflow.expression.getSimpleParameterValue(
			placed,
			node.description.subtitle!,
			'internal',
			{},
		);
	}

	test.each([
		[
			{ resource: 'product', operation: 'getPriceAndAvailability' },
			'Product: Get Price and Availability',
		],
		[{ resource: 'order', operation: 'createAsync' }, 'Order: Create Async'],
		[{ resource: 'vendorRequiredInfo', operation: 'get' }, 'Vendor Required Info: Get'],
		[{ resource: 'freight', operation: 'estimate' }, 'Freight: Estimate'],
		[{ resource: 'order' }, 'Order: Search'],
		[{}, 'Product: Get Price and Availability'],
	])('%j → "%s"', (parameters, expected) => {
		expect(subtitle(parameters)).toBe(expected);
	});

	test('an operation has one label in every resource, so one table of labels serves them all', () => {
		const labels = new Map<string, Set<string>>();
		for (const property of node.description.properties.filter((p) => p.name === 'operation')) {
			for (const o of property.options as INodePropertyOptions[]) {
				labels.set(String(o.value), (labels.get(String(o.value)) ?? new Set()).add(o.name));
			}
		}
		for (const [value, names] of labels)
			expect([value, [...names]]).toEqual([value, [expect.any(String)]]);
	});
});

describe('7. Plain words where a user reads', () => {
	const JARGON = [
		/\(v[67]\)|\bv7 order\b/,
		/x-hub-signature|HMAC/,
		/\bvmf\w*|\bvri\w*/,
		/IM::/,
		/Quote Status webhook|order status webhook/i,
		/actionCode/,
	];

	test.each([
		['Ingram Micro', () => node],
		['Ingram Micro Trigger', () => trigger],
	])(
		'%s: no API version, header, field or enum names in labels, descriptions and notices',
		(_, type) => {
			const found = wordsOf(type()).filter((text) => JARGON.some((pattern) => pattern.test(text)));
			expect(found).toEqual([]);
		},
	);

	test('no label is a raw field name (e.g. vmfAdditionalAttributes)', () => {
		const labels = [...walk([...node.description.properties, ...trigger.description.properties])]
			.map((entry) => entry.displayName)
			.filter((label): label is string => typeof label === 'string');
		expect(labels.filter((label) => /^[a-z]+[A-Z]\w*$/.test(label))).toEqual([]);
	});

	test('no option value carries Ingram’s IM:: prefix, so an expression shows plain values too', () => {
		const prefixed = [
			...walk([...node.description.properties, ...trigger.description.properties]),
		].filter((entry) => typeof entry.value === 'string' && entry.value.includes('::'));
		expect(prefixed).toEqual([]);
	});

	test('the notices of asynchronous creates name the trigger event that reports the result, in its words', () => {
		const eventNames = optionsOf(trigger, 'events').map((o) => o.name);
		const quoteNotice = form(node, { resource: 'quote', operation: 'create' }).field(
			'quoteCreateNotice',
		).displayName;
		const orderNotice = form(node, { resource: 'order', operation: 'createAsync' }).field(
			'asyncNotice',
		).displayName;
		expect(eventNames).toEqual(
			expect.arrayContaining(['Quote Created', 'Order Created (Async Result)']),
		);
		expect(quoteNotice).toContain("Ingram Micro Trigger's Quote Created event");
		expect(orderNotice).toContain("Ingram Micro Trigger's Order Created (Async Result) event");
	});
});

describe('8. The trigger panel', () => {
	test('the credential selector is drawn under the Verify Signature switch that asks for it', () => {
		const { properties } = trigger.description;
		const credential = trigger.description.credentials!.find(
			(c: INodeCredentialDescription) => c.name === 'ingramMicroWebhookApi',
		)!;
		// n8n draws a node's credential selector where a property of type "credentials" is, else above the
		// first field the credential depends on: that put it above the switch
		const slot = properties.findIndex((p) => p.type === 'credentials');
		expect(slot).toBe(properties.findIndex((p) => p.name === 'verifySignature') + 1);
		expect(properties[slot].displayOptions).toEqual(credential.displayOptions);
		expect(
			form(trigger, { verifySignature: false }).fields.some((p) => p.type === 'credentials'),
		).toBe(false);
	});

	test('a new trigger is not in error: Events starts at Any Event', () => {
		const events = trigger.description.properties.find((p) => p.name === 'events')!;
		expect(events.default).toEqual(['*']);
		expect((events.options as INodePropertyOptions[]).find((o) => o.value === '*')?.name).toBe(
			'Any Event',
		);
		const fresh = form(trigger, {});
		const issues = NodeHelpers.getNodeParametersIssues(
			trigger.description.properties,
			{ ...fresh.node, parameters: fresh.values },
			trigger.description,
		);
		expect(issues).toBeNull();
	});
});

describe('engine', () => {
	let sim: XiSimulator;
	beforeAll(async () => {
		sim = await XiSimulator.start();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.reset());

	const catalogQuery = () => sim.requests.find((r) => r.path === '/resellers/v6/catalog')?.query;

	test.each([
		['physical', 'IM::physical'],
		// saved before the options dropped the prefix, or typed in an expression
		['IM::digital', 'IM::digital'],
	])('Product › Search › Type %s is sent as %s', async (type, sent) => {
		const { error, items } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: { resource: 'product', operation: 'search', limit: 5, filters: { type } },
		});
		expect(error).toBeUndefined();
		expect(catalogQuery()?.type).toBe(sent);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((i) => i.json.productType === sent)).toBe(true);
		expect(specViolations(sim)).toEqual([]);
	});

	interface ExampleNode {
		name: string;
		type: string;
		typeVersion: number;
		parameters: INodeParameters;
	}
	const example = (file: string) =>
		(
			JSON.parse(readFileSync(join(__dirname, '..', 'examples', file), 'utf8')) as {
				nodes: ExampleNode[];
			}
		).nodes;
	const runExample = async (file: string, name: string, input: IDataObject[]) => {
		const { parameters, typeVersion } = example(file).find((n) => n.name === name)!;
		return await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters,
			typeVersion,
			input: input.map((json) => ({ json })),
		});
	};

	test('the examples name every resource, operation and event they use, so no default can change what they do', () => {
		const files = readdirSync(join(__dirname, '..', 'examples')).filter((f) => f.endsWith('.json'));
		const ingramNodes = files
			.flatMap(example)
			.filter((n) => n.type.startsWith('n8n-nodes-ingram.'));
		expect(ingramNodes.length).toBeGreaterThanOrEqual(5);
		for (const { type, typeVersion, parameters } of ingramNodes) {
			if (type.endsWith('.ingramMicroTrigger')) {
				expect(parameters.events).toEqual(expect.arrayContaining([expect.any(String)]));
			} else if (type.endsWith('.ingramContentTrigger')) {
				expect([typeVersion, typeof parameters.event]).toEqual([1, 'string']);
			} else {
				// each node at its newest version: Ingram Micro 1.1, Ingram Content 1
				expect([typeVersion, typeof parameters.resource, typeof parameters.operation]).toEqual([
					type.endsWith('.ingramContent') ? 1 : 1.1,
					'string',
					'string',
				]);
			}
		}
	});

	test('example "create and get order": its Order › Create and Order › Get run as they are', async () => {
		const file = 'ingram-micro-create-and-get-order.json';
		const [createNode, getNode] = example(file).filter((n) => n.type.endsWith('.ingramMicro'));
		const created = await runExample(file, createNode.name, [
			{ customerOrderNumber: 'N8N-EXAMPLE-1', sku: '123512', quantity: 2 },
		]);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			status: 'accepted',
			customerOrderNumber: 'N8N-EXAMPLE-1',
		});
		const read = await runExample(
			file,
			getNode.name,
			created.items.map((i) => i.json),
		);
		expect(read.error).toBeUndefined();
		expect(read.items[0].json).toMatchObject({ customerOrderNumber: 'N8N-EXAMPLE-1' });
		expect(specViolations(sim)).toEqual([]);
	});

	test('examples "order search" and "price and availability" run as they are', async () => {
		const ingramNode = (file: string) =>
			example(file).find((n) => n.type.endsWith('.ingramMicro'))!.name;
		const searchFile = 'ingram-micro-order-search-return-all.json';
		const search = await runExample(searchFile, ingramNode(searchFile), [{}]);
		expect(search.error).toBeUndefined();
		expect(search.items.length).toBeGreaterThan(100);
		const pricesFile = 'ingram-micro-price-and-availability.json';
		const priced = await runExample(pricesFile, ingramNode(pricesFile), [
			{ sku: '123512' },
			{ sku: 'DF4128' },
		]);
		expect(priced.error).toBeUndefined();
		expect(priced.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
