import type { INodeParameters } from 'n8n-workflow';

import { loadPackage, runNode, type LoadedPackage } from './harness';
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

const VRI = 'vendor-required-info';
const CISCO_SKU = SIM_FIXTURES.skus.inStock;
const vriRequest = () => sim.requests.find((r) => r.operationId === VRI)!;
const byProducts = (line: INodeParameters[]): INodeParameters => ({
	resource: 'vendorRequiredInfo',
	operation: 'get',
	lookUpBy: 'products',
	lines: { line },
});
const attributeNames = (list: unknown) =>
	(list as Array<{ additionalAttributes: Array<{ attributeName: string }> }>).flatMap((group) =>
		group.additionalAttributes.map((a) => a.attributeName),
	);

describe('Vendor Required Info › Get', () => {
	test('by products: IM-SenderID is sent; one item per product with the vendor’s mandatory fields', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: byProducts([
				{ ingramPartNumber: CISCO_SKU },
				{ planID: SIM_FIXTURES.plans.planId },
			]),
		});
		expect(error).toBeUndefined();
		const request = vriRequest();
		expect(request.headers['im-senderid']).toBe('n8n');
		expect(request.body).toEqual({
			products: [{ ingramPartNumber: CISCO_SKU }, { planID: SIM_FIXTURES.plans.planId }],
		});
		expect(specViolations(sim)).toEqual([]);

		expect(items).toHaveLength(2);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const [hardware, subscription] = items.map((i) => i.json);
		expect(hardware.ingramPartNumber).toBe(CISCO_SKU);
		expect(attributeNames(hardware.vmfAdditionalAttributes)).toEqual([
			'VEND_AUTH_NBR_FLG',
			'ResellerCompanyName',
		]);
		expect(hardware.vriAdditionalAttributes).toEqual([]);
		expect(subscription.planId).toBe(SIM_FIXTURES.plans.planId);
		expect(subscription.planName).toBe(SIM_FIXTURES.plans.planName);
		expect(attributeNames(subscription.vriAdditionalAttributes)).toEqual([
			'tier1_mpn',
			'tenant_preference',
		]);
	});

	test('IM-SenderID is sent even when the credential’s Sender ID is empty', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.senderId = '';
		const { error } = await runNode({
			pkg,
			credentials,
			parameters: byProducts([{ vendorPartNumber: 'LS1016A-CISCO' }]),
		});
		expect(error).toBeUndefined();
		expect(vriRequest().headers['im-senderid']).toBe('n8n');
		expect(vriRequest().status).toBe(200);
		expect(specViolations(sim)).toEqual([]);
	});

	test('by quote number, picked from the quote list: the quote’s vendor mandatory fields', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'vendorRequiredInfo',
				operation: 'get',
				lookUpBy: 'quoteNumber',
				quoteNumber: {
					__rl: true,
					mode: 'list',
					value: SIM_FIXTURES.quotes.cisco,
					cachedResultName: 'Cisco refresh',
				},
			},
		});
		expect(error).toBeUndefined();
		expect(vriRequest().body).toEqual({ quoteNumber: SIM_FIXTURES.quotes.cisco });
		expect(items).toHaveLength(1);
		expect(items[0].json.quoteNumber).toBe(SIM_FIXTURES.quotes.cisco);
		expect(attributeNames(items[0].json.vmfAdditionalAttributes)).toEqual([
			'VEND_AUTH_NBR_FLG',
			'ResellerCompanyName',
		]);
	});

	test('products from a JSON array; an unknown one keeps its item with Ingram’s message', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'vendorRequiredInfo',
				operation: 'get',
				lookUpBy: 'products',
				linesInput: 'json',
				linesJson: JSON.stringify([
					{ ingramPartNumber: SIM_FIXTURES.skus.unknown },
					{ ingramPartNumber: CISCO_SKU },
				]),
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.responseMessages).toEqual([
			expect.objectContaining({
				message: `Product not found for IngramPartNumber: ${SIM_FIXTURES.skus.unknown}`,
			}),
		]);
		expect(items[1].json.ingramPartNumber).toBe(CISCO_SKU);
	});

	test('a product with no identifier fails naming the product and the item, and nothing is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: byProducts([
				{ ingramPartNumber: CISCO_SKU },
				{ ingramPartNumber: ' ', vendorPartNumber: '' },
			]),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Product 2 needs an Ingram Part Number, a Vendor Part Number or a Plan ID [item 0]',
		);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('no products at all fails before anything is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: byProducts([]),
		});
		expect(error?.message).toBe('Add at least one product [item 0]');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('a quote number saved as plain text (before it was a quote selector) is still read', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'vendorRequiredInfo',
				operation: 'get',
				lookUpBy: 'quoteNumber',
				quoteNumber: SIM_FIXTURES.quotes.cisco,
			},
		});
		expect(error).toBeUndefined();
		expect(vriRequest().body).toEqual({ quoteNumber: SIM_FIXTURES.quotes.cisco });
	});

	test('continueOnFail: an unknown quote’s 400 becomes an error item paired with it; the next quote is read', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'vendorRequiredInfo',
				operation: 'get',
				lookUpBy: 'quoteNumber',
				quoteNumber: '={{ $json.quote }}',
			},
			input: [
				{ json: { quote: SIM_FIXTURES.quotes.unknown } },
				{ json: { quote: SIM_FIXTURES.quotes.cisco } },
			],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.httpCode).toBe('400');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.quoteNumber).toBe(SIM_FIXTURES.quotes.cisco);
		expect(sim.count({ operationId: VRI })).toBe(2);
	});
});
