/**
 * Order › Build File: the .fbo files Send would upload, as binary output — read back with the
 * codec's reader, and checked by the CDF host simulator's own, independent validator.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { readOrderFile, splitRecords } from '../../nodes/IngramContent/codec/orderFileBuilder';
import { validateOrderFile } from '../cdfSimulator/validateOrderFile';
import { loadPackage, outputJson, type LoadedPackage } from '../harness';
import { cdfCredential, orderParameters, runContent, shopOrder } from './helpers';

let pkg: LoadedPackage;
beforeAll(async () => {
	pkg = await loadPackage();
});

const fileOf = (item: INodeExecutionData) => {
	const binary = item.binary!.data;
	return { name: binary.fileName!, text: Buffer.from(binary.data, 'base64').toString('ascii') };
};

const build = async (
	count: number,
	extra: Record<string, unknown> = {},
	credential = cdfCredential(),
) => {
	const input = Array.from({ length: count }, (_, n) => shopOrder(n + 1));
	const result = await runContent(
		pkg,
		orderParameters({ operation: 'buildFile', ...extra }),
		input,
		{ credential },
	);
	expect(result.error).toBeUndefined();
	return result;
};

describe('Order › Build File', () => {
	it('writes one valid file per order, named in at most 17 characters', async () => {
		const result = await build(3);
		expect(result.items).toHaveLength(3);
		for (const [index, item] of result.items.entries()) {
			const { name, text } = fileOf(item);
			expect(name).toMatch(/^\d{6}[0-9A-Z]{7}\.fbo$/);
			expect(name.length).toBeLessThanOrEqual(17);
			expect(validateOrderFile(text, name)).toEqual([]);
			const file = readOrderFile(text);
			expect(file.fileName).toBe(name);
			expect(file.orders.map((order) => order.poNumber)).toEqual([`SHOP${1001 + index}`]);
			expect(item.pairedItem).toEqual([{ item: index }]);
		}
	});

	it('puts the order into the file field by field', async () => {
		const result = await build(1, {
			options: {
				giftMessage: 'Happy birthday from Ana',
				greenlight: true,
				dcCode: 'C',
				giftWrap: true,
			},
			orderType: 'RF',
		});
		const [order] = readOrderFile(fileOf(result.items[0]).text).orders;
		expect(order).toMatchObject({
			poNumber: 'SHOP1001',
			orderDate: '2026-11-20',
			backorderCancelDate: '2026-11-27',
			billToAccount: '2000001',
			shipToAccount: '2000002',
			shipToPassword: 'SHIPPW01',
			poType: '8',
			orderType: 'RF',
			dcCode: 'C',
			greenlight: 'Y',
			shippingMethod: '### USA ECONOMY',
			recipient: {
				name: 'Jane Reader',
				addressLines: ['22 Oak Ave', 'Apt 4'],
				city: 'La Vergne',
				state: 'TN',
				postalCode: '37086',
				country: 'USA',
				phone: '615-555-0101',
			},
			giftMessages: ['Happy birthday from Ana'],
			dropShip: { giftWrapCode: '022' },
		});
		expect(order.lines).toEqual([
			expect.objectContaining({ reference: '1', quantity: 1, price: 12.99, itemNumberType: 'EN' }),
			expect.objectContaining({ reference: '2', quantity: 2, price: 8.5 }),
		]);
	});

	it('writes PO type 0 in production and 8 in test', async () => {
		const production = await build(1, {}, cdfCredential({ environment: 'production' }));
		expect(readOrderFile(fileOf(production.items[0]).text).orders[0].poType).toBe('0');
		expect(outputJson(production)[0].environment).toBe('production');
	});

	it('batches up to 25 orders per file, with trailers that add up', async () => {
		const result = await build(26, { files: 'batch' });
		expect(result.items).toHaveLength(2);
		const [first, second] = result.items.map(fileOf);
		expect(readOrderFile(first.text).orders).toHaveLength(25);
		expect(readOrderFile(second.text).orders).toHaveLength(1);
		expect(validateOrderFile(first.text, first.name)).toEqual([]);
		expect(first.name).not.toBe(second.name);
		expect(result.items[0].pairedItem).toHaveLength(25);
		expect(result.items[1].pairedItem).toEqual([{ item: 25 }]);
		for (const record of splitRecords(first.text)) expect(record).toHaveLength(80);
		expect(first.text.endsWith('\r\n')).toBe(true);
	});

	it('refuses to build anything when an order is wrong, naming the field and the item', async () => {
		const input = [shopOrder(1), shopOrder(2, { method: 'Carrier Pigeon' })];
		const result = await runContent(pkg, orderParameters({ operation: 'buildFile' }), input);
		expect(result.error?.message).toMatch(
			/Order SHOP1002: "Shipping Method" .*Carrier Pigeon.*\[item 1\]/,
		);
		expect(result.items).toEqual([]);
	});

	it('reports a bad credential before building', async () => {
		const result = await build(0).catch(() => undefined);
		expect(result).toBeDefined();
		const bad = await runContent(pkg, orderParameters({ operation: 'buildFile' }), [shopOrder(1)], {
			credential: cdfCredential({ billToAccount: '123' }),
		});
		expect(bad.error?.message).toMatch(/Bill-To Account must be 7 characters/);
	});
});
