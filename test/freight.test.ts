import type { INodeParameters } from 'n8n-workflow';

import { loadPackage, runNode, type LoadedPackage } from './harness';
import { simCredentials, specViolations } from './helpers';
import { SIM_DEFAULTS, SIM_FIXTURES, XiSimulator } from './simulator';

let pkg: LoadedPackage;
let sim: XiSimulator;

beforeAll(async () => {
	pkg = await loadPackage();
	sim = await XiSimulator.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const ESTIMATE = 'post-freightestimate';
const CARRIER_CODES = ['RG', 'UG', 'HD', 'F1', 'O1'];
const { inStock, limitedStock } = SIM_FIXTURES.skus;

const estimateParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'freight',
	operation: 'estimate',
	shipTo: 'addressId',
	shipToAddressId: SIM_FIXTURES.addresses.shipToAddressId,
	lines: {
		line: [
			{ ingramPartNumber: inStock, quantity: 2, warehouseId: '10', customerLineNumber: '001' },
			{ ingramPartNumber: limitedStock, quantity: 1, warehouseId: '40' },
		],
	},
	...extra,
});
const estimateRequest = () => sim.requests.find((r) => r.operationId === ESTIMATE)!;

describe('Freight › Estimate', () => {
	test('by ship-to address ID: IM-CustomerContact and string quantities are sent; one item per warehouse and carrier', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters({
				additionalFields: { billToAddressId: SIM_FIXTURES.addresses.billToAddressId },
			}),
		});
		expect(error).toBeUndefined();
		const request = estimateRequest();
		expect(request.headers['im-customercontact']).toBe(SIM_DEFAULTS.customerContact);
		expect(request.body).toEqual({
			shipToAddressId: '200',
			billToAddressId: '000',
			lines: [
				{ ingramPartNumber: inStock, quantity: '2', warehouseId: '10', customerLineNumber: '001' },
				{ ingramPartNumber: limitedStock, quantity: '1', warehouseId: '40' },
			],
		});
		expect(specViolations(sim)).toEqual([]);

		// two shipping warehouses, five carriers each
		expect(items).toHaveLength(10);
		expect(items.map((i) => `${i.json.warehouseId}/${i.json.carrierCode}`)).toEqual([
			...CARRIER_CODES.map((code) => `10/${code}`),
			...CARRIER_CODES.map((code) => `40/${code}`),
		]);
		for (const { json } of items) {
			expect(typeof json.freightCharge).toBe('number');
			expect(typeof json.transitDays).toBe('number');
			expect(json.currencyCode).toBe('USD');
			expect(String(json.carrierName)).toBe(String(json.carrierName).trim());
		}
		expect(items.find((i) => i.json.carrierCode === 'F1')?.json).toMatchObject({
			carrierName: 'FEDEX PRIORITY OVERNIGHT',
			carrierMode: 'AIR',
			transitDays: 1,
		});
		expect(items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('by full address with lines from JSON; Simplify off returns the whole estimate', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'freight',
				operation: 'estimate',
				shipTo: 'address',
				shipToAddress: {
					companyName: 'ABC TECH',
					addressLine1: '17501 W 98TH ST SPC 1833',
					city: 'LENEXA',
					state: 'KS',
					postalCode: '66219',
					countryCode: 'US',
				},
				linesInput: 'json',
				linesJson: JSON.stringify([{ ingramPartNumber: inStock, quantity: 3 }]),
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(estimateRequest().body).toEqual({
			shipToAddress: {
				companyName: 'ABC TECH',
				addressLine1: '17501 W 98TH ST SPC 1833',
				city: 'LENEXA',
				state: 'KS',
				postalCode: '66219',
				countryCode: 'US',
			},
			lines: [{ ingramPartNumber: inStock, quantity: '3' }],
		});
		expect(specViolations(sim)).toEqual([]);
		expect(items).toHaveLength(1);
		const estimate = items[0].json;
		expect(estimate.currencyCode).toBe('USD');
		expect(typeof estimate.totalFreightAmount).toBe('number');
		expect(estimate.lines).toEqual([
			expect.objectContaining({ ingramPartNumber: inStock, quantity: 3 }),
		]);
		expect((estimate.distribution as unknown[]).length).toBe(1);
	});

	test('a credential without Customer Contact Email fails clearly, and nothing is sent', async () => {
		const credentials = simCredentials(sim);
		credentials.ingramMicroOAuth2Api.customerContact = '';
		const { error } = await runNode({ pkg, credentials, parameters: estimateParameters() });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'The credential field "Customer Contact Email" is empty, but this operation needs it [item 0]',
		);
		expect(String(error?.description)).toContain('IM-CustomerContact');
		expect(sim.count()).toBe(0);
	});

	test('a quantity that is not a whole number fails naming the line, the field and the item; nothing is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters({
				linesInput: 'json',
				linesJson: JSON.stringify([
					{ ingramPartNumber: inStock, quantity: 1 },
					{ ingramPartNumber: limitedStock, quantity: 'two' },
				]),
			}),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'"Line 2 › Quantity" must be a whole number of at least 1, but it is "two" [item 0]',
		);
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('a full address without a postal code fails before anything is sent', async () => {
		const { error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters({
				shipTo: 'address',
				shipToAddress: { city: 'LENEXA', countryCode: 'US' },
			}),
		});
		expect(error?.message).toBe('"Ship-To Address › Postal Code" is required [item 0]');
		expect(sim.count({ path: /^\/resellers/ })).toBe(0);
	});

	test('answered 503 once, the estimate is asked again and succeeds (it changes nothing)', async () => {
		sim.setFault({ mode: 'status', status: 503, times: 1, operationId: ESTIMATE });
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		expect(sim.requests.filter((r) => r.operationId === ESTIMATE).map((r) => r.status)).toEqual([
			503, 200,
		]);
	});

	test('a 429 with X-RateLimit-Reset is waited out, then the estimate succeeds', async () => {
		sim.setFault({ mode: 'rateLimit', times: 1, resetSeconds: 1, operationId: ESTIMATE });
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		expect(sim.requests.filter((r) => r.operationId === ESTIMATE).map((r) => r.status)).toEqual([
			429, 200,
		]);
	});

	test('continueOnFail: an unknown SKU’s 400 becomes an error item paired with it; the next item is estimated', async () => {
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: estimateParameters({
				lines: { line: [{ ingramPartNumber: '={{ $json.sku }}', quantity: 1, warehouseId: '10' }] },
			}),
			input: [{ json: { sku: SIM_FIXTURES.skus.unknown } }, { json: { sku: inStock } }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.httpCode).toBe('400');
		expect(JSON.stringify(items[0].json)).toContain(SIM_FIXTURES.skus.unknown);
		expect(items.slice(1)).toHaveLength(5);
		expect(items.slice(1).every((i) => (i.pairedItem as { item: number }).item === 1)).toBe(true);
		// a 400 is not retried
		expect(sim.count({ operationId: ESTIMATE })).toBe(2);
	});
});
