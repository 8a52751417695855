/**
 * Order › Validate: every check the node makes before sending, one result item per order with
 * every problem found (field and what is wrong). Nothing here needs a host: Validate never connects.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadPackage, outputJson, type LoadedPackage } from '../harness';
import { ean, orderParameters, runContent, shopOrder } from './helpers';

let pkg: LoadedPackage;
beforeAll(async () => {
	pkg = await loadPackage();
});

async function validate(order: IDataObject, parameters: IDataObject = {}) {
	const result = await runContent(pkg, orderParameters(parameters), [shopOrder(1, order)]);
	expect(result.error).toBeUndefined();
	const [json] = outputJson(result);
	return json as {
		valid: boolean;
		problems: Array<{ field: string; problem: string }>;
	} & IDataObject;
}

const problemsOf = async (order: IDataObject, parameters: IDataObject = {}) =>
	(await validate(order, parameters)).problems;

describe('Order › Validate', () => {
	it('passes a good order and says what would be sent', async () => {
		const json = await validate({});
		expect(json).toMatchObject({
			valid: true,
			poNumber: 'SHOP1001',
			shippingMethod: '### USA ECONOMY',
			shippingMethodName: expect.any(String),
			orderType: 'LS',
			lines: 2,
			units: 3,
			problems: [],
		});
	});

	it('reports every problem of an order, not only the first', async () => {
		const problems = await problemsOf({
			shipping: {
				name: 'A'.repeat(36),
				address1: '1 Main St',
				city: 'C'.repeat(26),
				state: 'XX',
				zip: '3708',
				country: 'US',
			},
			items: [{ sku: '9780000000003', qty: 1 }],
		});
		expect(problems.map((p) => p.field)).toEqual(
			expect.arrayContaining([
				'Recipient Name',
				'Recipient City',
				'Recipient State / Province',
				'Recipient Postal Code',
				'Lines[0].itemNumber',
			]),
		);
		expect(problems.find((p) => p.field === 'Recipient Name')?.problem).toMatch(
			/36 characters.*35/,
		);
		expect(problems.find((p) => p.field === 'Lines[0].itemNumber')?.problem).toMatch(
			/check digit should be 2/,
		);
	});

	it.each([
		['an ISBN-10', '0306406152', true],
		['an ISBN-10 with a wrong check digit', '0306406153', false],
		['a UPC', '036000291452', true],
		['a UPC with a wrong check digit', '036000291453', false],
		['an EAN with dashes', '978-0-306-40615-7', true],
		['letters', 'ABC', false],
	])('checks item numbers: %s', async (_, sku, valid) => {
		const json = await validate({ items: [{ sku, qty: 1 }] });
		expect(json.valid).toBe(valid);
	});

	it('refuses characters Ingram forbids in messages, and transliterates accents in names', async () => {
		const json = await validate(
			{ shipping: { ...(shopOrder(1).json.shipping as IDataObject), name: 'José Müller' } },
			{ options: { giftMessage: "Happy birthday, it's yours *" } },
		);
		expect(json.problems).toEqual([
			{
				field: 'Gift Message',
				problem: expect.stringMatching(/apostrophe.*asterisk|asterisk.*apostrophe/),
			},
		]);
	});

	it('knows US states and Canadian provinces by code and by name', async () => {
		const ok = await validate({
			shipping: {
				name: 'A B',
				address1: '1 Rue',
				city: 'Montreal',
				state: 'Québec',
				zip: 'h2x 1y4',
				country: 'Canada',
			},
			method: 'Worldwide',
		});
		expect(ok).toMatchObject({ valid: true, shippingMethod: '### INTL COURIER' });
		const bad = await problemsOf({
			shipping: {
				name: 'A B',
				address1: '1 Rue',
				city: 'Montreal',
				state: 'ZZ',
				zip: 'H2X 1Y4',
				country: 'CA',
			},
			method: 'Worldwide',
		});
		expect(bad.map((p) => p.field)).toEqual(['Recipient State / Province']);
	});

	it('refuses a PO box with a method that does not deliver to PO boxes, and allows it with USA Economy', async () => {
		const base = shopOrder(1).json.shipping as IDataObject;
		const withUps = await problemsOf({
			shipping: { ...base, address1: 'P.O. Box 123' },
			method: 'Express',
		});
		expect(withUps).toEqual([
			{
				field: 'Recipient Address Line 1',
				problem: expect.stringMatching(/PO box.*does not deliver to PO boxes/),
			},
		]);
		expect((await validate({ shipping: { ...base, address1: 'PO Box 123' } })).valid).toBe(true);
	});

	it('refuses UPS to a military address (APO/FPO), and takes USA Economy there', async () => {
		const military = {
			name: 'Sgt A B',
			address1: 'Unit 2050 Box 4190',
			city: 'APO',
			state: 'AE',
			zip: '09096',
			country: 'US',
		};
		expect(await problemsOf({ shipping: military, method: 'Express' })).toEqual([
			{ field: 'Shipping Method', problem: expect.stringMatching(/military/) },
		]);
		expect((await validate({ shipping: military })).valid).toBe(true);
	});

	it('refuses a shipping method that is not mapped, instead of using a default', async () => {
		const problems = await problemsOf({ method: 'Carrier Pigeon' });
		expect(problems).toEqual([
			{
				field: 'Shipping Method',
				problem: expect.stringMatching(/Carrier Pigeon.*Shipping Class Match/s),
			},
		]);
	});

	it('uses the default mail class for the destination when the order has no method', async () => {
		const domestic = await validate({ method: '' });
		expect(domestic.shippingMethod).toBe('### USA ECONOMY');
		const abroad = await validate({
			method: '',
			shipping: {
				name: 'A B',
				address1: '1 High St',
				city: 'London',
				zip: 'SW1A 1AA',
				country: 'GB',
			},
		});
		expect(abroad.shippingMethod).toBe('### INTL COURIER');
	});

	it('applies the ABA rules only when they are turned on', async () => {
		const order = {
			items: [
				{ sku: ean(1), qty: 1, preorder: true },
				{ sku: ean(2), qty: 1, discount: 20 },
				{ sku: '036000291452', qty: 1 },
			],
			shipping: {
				name: 'A B',
				address1: '1 High St',
				city: 'London',
				zip: 'SW1A 1AA',
				country: 'GB',
			},
			method: 'Worldwide',
		};
		expect((await validate(order)).valid).toBe(true);
		const problems = await problemsOf(order, {
			checks: {
				allowInternational: false,
				singlePreorder: true,
				refuseShortDiscount: true,
				refuseNonBook: true,
			},
		});
		expect(problems.map((p) => p.field).sort()).toEqual(
			['Lines', 'Lines[1].discountPercent', 'Lines[2].itemNumber', 'Recipient Country'].sort(),
		);
		expect(problems.find((p) => p.field === 'Lines')?.problem).toMatch(/mixes a pre-order/);
		expect(problems.find((p) => p.field === 'Lines[1].discountPercent')?.problem).toMatch(
			/20%.*below 35%/,
		);
	});

	it('names the field and the item when an expression gives an object, a list or a boolean', async () => {
		for (const [value, words] of [
			[{ id: 7 }, /an object/],
			[['A', 'B'], /a list/],
			[true, /the boolean true/],
		] as const) {
			const json = await validate({ number: value });
			expect(json.valid).toBe(false);
			expect(json.problems).toContainEqual({
				field: 'PO Number',
				problem: expect.stringMatching(words),
			});
		}
	});

	it('refuses a PO number longer than 22 characters and a missing one', async () => {
		expect(await problemsOf({ number: 'P'.repeat(23) })).toEqual([
			{ field: 'PO Number', problem: expect.stringMatching(/23 characters.*22/) },
		]);
		expect(await problemsOf({ number: '' })).toEqual([
			{ field: 'PO Number', problem: 'is required' },
		]);
	});

	it('refuses the same PO number twice in one run', async () => {
		const result = await runContent(pkg, orderParameters(), [shopOrder(1), shopOrder(1)]);
		const [first, second] = outputJson(result);
		expect(first.valid).toBe(true);
		expect(second).toMatchObject({
			valid: false,
			problems: [{ field: 'PO Number', problem: expect.stringMatching(/item 0/) }],
		});
	});

	it('pairs every result with its order', async () => {
		const result = await runContent(pkg, orderParameters(), [
			shopOrder(1),
			shopOrder(2, { method: 'Nope' }),
			shopOrder(3),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(outputJson(result).map((json) => json.valid)).toEqual([true, false, true]);
	});
});
