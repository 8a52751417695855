/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/no-dangerous-functions -- runs unzip to check the zips */
/**
 * StockV2 inventory zips: the record encoder's positions, zips that unzip (and this test's own
 * reading of the zip structure) accept, full and delta names, made-up titles in bulk, the
 * separate inventory login, and the reply faults on the Inventory folder.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import {
	STOCK_RECORD_LENGTH,
	encodeStockRecord,
	startCdfSimulator,
	type CdfSimulator,
} from './index';
import { at, closeClients, ftpClient, ftpDownload, sftpClient, sftpDownload } from './clients';

let sim: CdfSimulator;
const NOW = new Date(Date.UTC(2026, 0, 15, 9, 30));

beforeAll(async () => {
	sim = await startCdfSimulator({ clock: () => NOW });
});

afterEach(async () => {
	sim.setFault({ kind: 'none' });
	await closeClients();
});

afterAll(async () => {
	await sim.stop();
});

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

/** This test's own reading of a one-entry zip: the central directory, then the local entry. */
function readZip(zip: Buffer): { name: string; data: Buffer } {
	const end = zip.length - 22;
	expect(zip.readUInt32LE(end)).toBe(0x06054b50);
	expect(zip.readUInt16LE(end + 10)).toBe(1);
	const central = zip.readUInt32LE(end + 16);
	expect(zip.readUInt32LE(central)).toBe(0x02014b50);
	const crc = zip.readUInt32LE(central + 16);
	const compressed = zip.readUInt32LE(central + 20);
	const size = zip.readUInt32LE(central + 24);
	const name = zip.subarray(central + 46, central + 46 + zip.readUInt16LE(central + 28)).toString();
	const local = zip.readUInt32LE(central + 42);
	expect(zip.readUInt32LE(local)).toBe(0x04034b50);
	expect(zip.readUInt16LE(local + 8)).toBe(8); // deflate
	expect([
		zip.readUInt32LE(local + 14),
		zip.readUInt32LE(local + 18),
		zip.readUInt32LE(local + 22),
	]).toEqual([crc, compressed, size]);
	const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
	const data = inflateRawSync(zip.subarray(start, start + compressed));
	expect(data.length).toBe(size);
	expect(crc32(data)).toBe(crc);
	return { name, data };
}

const datRecords = (data: Buffer) => {
	const text = data.toString('ascii');
	expect(text.endsWith('\r\n')).toBe(true);
	return text.slice(0, -2).split('\r\n');
};

describe('StockV2 record encoder', () => {
	it('puts each field at its position', () => {
		const record = encodeStockRecord({
			ean: '9780306406157',
			onHand: [12, 0, 3, 40],
			onOrder: [0, 5],
			listPrice: 24.99,
			publisherStatus: 'NY',
			stockFlags: [true, false],
			publicationDate: '20260301',
			weight: 1.25,
			productType: 'R',
		});
		expect(record).toHaveLength(STOCK_RECORD_LENGTH);
		expect(at(record, 1, 1)).toBe('0');
		expect(at(record, 2, 14)).toBe('9780306406157');
		expect(at(record, 29, 38)).toBe('0306406152'); // ISBN-10 of the 978 EAN
		expect([39, 46, 53, 60, 67].map((start) => Number(at(record, start, start + 6)))).toEqual([
			12, 0, 3, 40, 0,
		]);
		expect([95, 102].map((start) => Number(at(record, start, start + 6)))).toEqual([0, 5]);
		expect(at(record, 151, 157)).toBe('0002499');
		expect(at(record, 158, 164)).toBe('0002499');
		expect(at(record, 166, 168)).toBe('REG');
		expect(at(record, 179, 180)).toBe('NY');
		expect(at(record, 181, 188)).toBe('YNYYYYYY');
		expect(at(record, 189, 196)).toBe('20260301');
		expect(at(record, 197, 204)).toBe('00010101');
		expect(at(record, 221, 221)).toBe('R');
		expect(at(record, 239, 244)).toBe('000125');
		expect(at(record, 272, 273)).toBe('10'); // NY → not yet available
		expect(() => encodeStockRecord({ ean: '978030640615' })).toThrow(/13 digits/);
		expect(() =>
			encodeStockRecord({ ean: '9780306406157', onHand: new Array(8).fill(1) }),
		).toThrow();
	});
});

describe('inventory zips', () => {
	it('writes stockv2@ingram.zip with the given titles, readable by unzip and by inflateRaw', async () => {
		const written = await sim.writeInventory({
			kind: 'full',
			titles: [
				{ ean: '9780306406157', onHand: [5, 0, 0, 1], listPrice: 12.5 },
				{ ean: '9781111111119', publisherStatus: 'OP' },
				{ listPrice: 3 }, // no EAN: one is made up
			],
		});
		expect(written).toMatchObject({
			name: 'stockv2@ingram.zip',
			entryName: 'stockv2@ingram.dat',
			clientPath: '/Inventory/stockv2@ingram.zip',
			records: 3,
			uncompressedBytes: 3 * 302,
		});
		expect(sim.files('Inventory')).toEqual(['stockv2@ingram.zip']);

		const client = await sftpClient(sim, {
			username: sim.inventoryAccount.username,
			password: sim.inventoryAccount.password,
		});
		const zip = await sftpDownload(client, written.clientPath);
		const { name, data } = readZip(zip);
		expect(name).toBe('stockv2@ingram.dat');
		const records = datRecords(data);
		expect(records.map((record) => [record.length, at(record, 2, 14)])).toEqual([
			[300, '9780306406157'],
			[300, '9781111111119'],
			[300, expect.stringMatching(/^979887\d{7}$/)],
		]);
		expect(at(records[0], 272, 273)).toBe('21');
		expect(at(records[1], 272, 273)).toBe('40');

		if (hasUnzip) {
			const list = spawnSync('unzip', ['-l', written.diskPath], { encoding: 'utf8' });
			expect(list.status).toBe(0);
			expect(list.stdout).toMatch(/906\s+\S+\s+\S+\s+stockv2@ingram\.dat/);
			const piped = spawnSync('unzip', ['-p', written.diskPath, 'stockv2@ingram.dat']);
			expect(piped.stdout.equals(data)).toBe(true);
		}
	});

	it('names deltas stockv2deltaYYMMDD[a-f]@ingram.zip and makes up titles in bulk, the same for a seed', async () => {
		const first = await sim.writeInventory({
			kind: 'delta',
			letter: 'c',
			titles: { count: 5000, seed: 7 },
		});
		expect(first.name).toBe('stockv2delta260115c@ingram.zip');
		expect(first.entryName).toBe('stockv2delta260115c@ingram.dat');
		expect(first.records).toBe(5000);
		expect(first.compressedBytes).toBeLessThan(first.uncompressedBytes / 3);
		const again = await sim.writeInventory({
			kind: 'delta',
			date: new Date(Date.UTC(2026, 0, 16)),
			titles: { count: 5000, seed: 7 },
		});
		expect(again.name).toBe('stockv2delta260116a@ingram.zip');

		const a = readZip(readFileSync(first.diskPath));
		const b = readZip(readFileSync(again.diskPath));
		expect(a.data.equals(b.data)).toBe(true);
		const records = datRecords(a.data);
		expect(records).toHaveLength(5000);
		expect(records.every((record) => record.length === 300 && /^0\d{13}/.test(record))).toBe(true);
		if (hasUnzip) expect(spawnSync('unzip', ['-tq', first.diskPath]).status).toBe(0);
	});
});

describe('inventory account and faults', () => {
	it('lets the inventory account in over FTP and SFTP, with its own password only', async () => {
		const { username, password } = sim.inventoryAccount;
		expect(username).toBe('w2000001');
		expect(sim.inventoryFolder).toBe('/Inventory');
		const ftp = await ftpClient(sim, { user: username, password });
		expect((await ftp.list('/Inventory')).map((entry) => entry.name)).toContain(
			'stockv2@ingram.zip',
		);
		await expect(ftpClient(sim, { user: username, password: sim.password })).rejects.toThrow(/530/);
		await expect(sftpClient(sim, { username, password: 'nope' })).rejects.toThrow(
			/authentication/i,
		);
		const attempts = sim.loginAttempts().filter((attempt) => attempt.username === username);
		expect(attempts.map(({ protocol, ok }) => [protocol, ok])).toContainEqual(['ftp', true]);
	});

	it('dropDuringDownload cuts a zip download from Inventory; halfWrittenReply shows a truncated zip', async () => {
		const full = await sim.writeInventory({ kind: 'full', titles: { count: 2000, seed: 3 } });
		const size = readFileSync(full.diskPath).length;
		sim.setFault({ kind: 'dropDuringDownload' }, { times: 1 });
		const { username, password } = sim.inventoryAccount;
		const ftp = await ftpClient(sim, { user: username, password });
		const received: Buffer[] = [];
		await expect(ftpDownload(ftp, full.clientPath, received)).rejects.toThrow();
		expect(Buffer.concat(received).length).toBeLessThan(size);

		sim.setFault({ kind: 'halfWrittenReply' }, { times: 1 });
		const delta = await sim.writeInventory({
			kind: 'delta',
			letter: 'f',
			titles: { count: 2000, seed: 3 },
		});
		const partial = readFileSync(delta.diskPath);
		if (hasUnzip) expect(spawnSync('unzip', ['-tq', delta.diskPath]).status).not.toBe(0);
		sim.finishWrites();
		const complete = readFileSync(delta.diskPath);
		expect(partial.length).toBe(Math.floor(complete.length / 2));
		expect(complete.subarray(0, partial.length).equals(partial)).toBe(true);
		expect(readZip(complete).data.length).toBe(delta.uncompressedBytes);
	});
});
