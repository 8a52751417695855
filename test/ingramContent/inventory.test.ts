/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Inventory › Get and Parse through the real engine against StockV2 zips the CDF simulator writes
 * (its own encoder): the titles asked for by the input items (ISBN-10s converted), not-found
 * titles, the latest delta, every title of a delta, the separate inventory login, and Parse.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { IDataObject } from 'n8n-workflow';

import {
	encodeStockRecord,
	generatedTitles,
	startCdfSimulator,
	type CdfSimulator,
} from '../cdfSimulator';
import { loadPackage, outputJson, type LoadedPackage } from '../harness';
import { cdfCredential, ean, runContent } from './helpers';

let pkg: LoadedPackage;
let sim: CdfSimulator;
beforeAll(async () => {
	pkg = await loadPackage();
	sim = await startCdfSimulator();
	await sim.writeInventory({
		kind: 'full',
		titles: [
			{
				ean: ean(1),
				onHand: [5, 0, 2, 0],
				onOrder: [10],
				listPrice: 12.99,
				publisherStatus: 'IP',
				stockFlags: [true, true, true, true],
			},
			{
				ean: '9780306406157',
				onHand: [1, 1, 1, 1],
				stockFlags: [true, false, true, true],
				publisherStatus: 'OP',
			},
			...Array.from({ length: 500 }, (_, n) => ({ ean: ean(1000 + n), onHand: [n % 7] })),
		],
	});
	await sim.writeInventory({
		kind: 'delta',
		date: new Date('2026-11-27T12:00:00Z'),
		letter: 'f',
		titles: [{ ean: ean(1), onHand: [99] }],
	});
	await sim.writeInventory({
		kind: 'delta',
		date: new Date('2026-11-28T12:00:00Z'),
		letter: 'b',
		titles: [
			{ ean: ean(1), onHand: [3] },
			{ ean: ean(2), onHand: [4] },
		],
	});
});
afterAll(async () => await sim.stop());

const credential = (extra: IDataObject = {}) =>
	cdfCredential({ port: sim.sftp.port, username: sim.username, password: sim.password, ...extra });
const get = (parameters: IDataObject, input = [{ json: {} }], extra: IDataObject = {}) =>
	runContent(pkg, { resource: 'inventory', operation: 'get', ...parameters }, input, {
		credential: credential(extra),
	});

it('looks up the titles of every input item in the full file, one pass, paired with the items', async () => {
	const result = await get({ file: 'full', eans: '={{ $json.isbn }}' }, [
		{ json: { isbn: ean(1) } },
		{ json: { isbn: '0-306-40615-2' } },
		{ json: { isbn: ean(9999) } },
	]);
	expect(result.error).toBeUndefined();
	const byEan = Object.fromEntries(outputJson(result).map((json) => [json.ean, json]));
	expect(byEan[ean(1)]).toMatchObject({
		found: true,
		onHand: 7,
		onHandByDc: expect.objectContaining({ 'La Vergne': 5, 'Fort Wayne': 2 }),
		onOrder: 10,
		listPrice: 12.99,
		publisherStatus: 'IP',
		publisherStatusMeaning: expect.stringMatching(/in print/i),
		location: 'Ingram Content',
		fileName: 'stockv2@ingram.zip',
	});
	// a DC whose stock flag is N counts 0
	expect(byEan['9780306406157']).toMatchObject({ found: true, onHand: 3 });
	expect(byEan[ean(9999)]).toEqual(expect.objectContaining({ found: false, onHand: 0 }));
	const pairing = Object.fromEntries(result.items.map((item) => [item.json.ean, item.pairedItem]));
	expect(pairing).toEqual({
		[ean(1)]: [{ item: 0 }],
		'9780306406157': [{ item: 1 }],
		[ean(9999)]: [{ item: 2 }],
	});
});

it('reads the latest delta by default; every title of it on request', async () => {
	const result = await get({ everyTitle: true, locationName: 'Ingram (delta)' });
	expect(
		outputJson(result).map((json) => [json.ean, json.onHand, json.location, json.fileName]),
	).toEqual([
		[ean(1), 3, 'Ingram (delta)', 'stockv2delta261128b@ingram.zip'],
		[ean(2), 4, 'Ingram (delta)', 'stockv2delta261128b@ingram.zip'],
	]);
});

it('refuses to return every title of a full file, and asks for EANs', async () => {
	expect((await get({ file: 'full' })).error?.message).toMatch(/millions of titles/);
	expect((await get({})).error?.message).toMatch(/Return Every Title/);
});

it('names a bad ISBN and the item before connecting', async () => {
	const logins = sim.loginAttempts().length;
	const result = await get({ file: 'full', eans: '={{ $json.isbn }}' }, [
		{ json: { isbn: ean(1) } },
		{ json: { isbn: '9780306406158' } },
	]);
	expect(result.error?.message).toMatch(/"EANs \/ ISBNs".*check digit.*\[item 1\]/);
	expect(sim.loginAttempts().length).toBe(logins);
});

it('uses the separate data-services login when the credential has one', async () => {
	const result = await get({ file: 'full', eans: ean(2000 - 1000 + 1000) }, [{ json: {} }], {
		inventoryLogin: 'separate',
		inventoryHost: '127.0.0.1',
		inventoryPort: sim.sftp.port,
		inventoryUsername: sim.inventoryAccount.username,
		inventoryPassword: sim.inventoryAccount.password,
	});
	expect(result.error).toBeUndefined();
	expect(sim.loginAttempts().at(-1)).toMatchObject({
		username: sim.inventoryAccount.username,
		ok: true,
	});
});

it('Parse reads a StockV2 zip from a binary field', async () => {
	const zip = readFileSync(`${sim.home}/Inventory/stockv2@ingram.zip`);
	const result = await runContent(
		pkg,
		{ resource: 'inventory', operation: 'parse', eans: `${ean(1)},${ean(1001)}` },
		[
			{
				json: {},
				binary: {
					data: {
						data: zip.toString('base64'),
						mimeType: 'application/zip',
						fileName: 'stockv2@ingram.zip',
					},
				},
			},
		],
		{ credential: credential() },
	);
	expect(result.error).toBeUndefined();
	expect(outputJson(result).map((json) => [json.ean, json.onHand])).toEqual([
		[ean(1), 7],
		[ean(1001), 1],
	]);
});

it('streams a file with many reads in flight, so a distant host (20 ms per request) costs rounds, not a round per 32 KiB', async () => {
	// a plain .dat (the reader tells it from a zip by its first bytes) of about 2 MB: 65 reads of
	// 32 KiB, which one at a time took 3 s here (32 in flight: 0.6 s)
	const records = [...generatedTitles(7000, 5)]
		.map((title) => encodeStockRecord(title))
		.join('\r\n');
	writeFileSync(`${sim.home}/Inventory/stockv2delta261130a@ingram.zip`, records + '\r\n');
	sim.setFault({ kind: 'slow', delayMs: 20 });
	try {
		const started = Date.now();
		const result = await get({ everyTitle: true }, [{ json: {} }], { timeoutSeconds: 30 });
		const seconds = (Date.now() - started) / 1000;
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7000);
		expect(seconds).toBeLessThan(1.5);
	} finally {
		sim.setFault({ kind: 'none' });
	}
});
