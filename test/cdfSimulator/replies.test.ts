/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The simulated Ingram answering orders: acknowledgements with the outcome each scenario
 * promises, ship notices and invoices, delimiters, and the reply faults — read back through real
 * SFTP and FTP clients, checked at the positions of the CDF notes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	CDF_LINE_SCENARIOS,
	CDF_PO_SCENARIOS,
	NO_MAINFRAME,
	THANK_YOU_MESSAGE,
	lineScenarioFor,
	startCdfSimulator,
	upsCheckDigit,
	type CdfSimulator,
} from './index';
import {
	at,
	closeClients,
	ftpClient,
	ftpDownload,
	ftpUpload,
	orderFile,
	recordsOf,
	sftpClient,
	sftpDownload,
	type OrderVariant,
} from './clients';

let sim: CdfSimulator;
let counter = 0;
/** A fresh order file name (at most 17 characters) for every upload. */
const nextName = () => `R${String(++counter).padStart(5, '0')}.fbo`;
const ackName = (orderName: string) => orderName.replace(/\.fbo$/, '.fbc');

beforeAll(async () => {
	// Ship notices and invoices only when a test calls shipAll().
	sim = await startCdfSimulator({ replyDelayMs: Infinity });
});

afterEach(async () => {
	expect(sim.replyErrors()).toEqual([]);
	sim.setFault({ kind: 'none' });
	sim.setReplyDelimiters('crlf');
	await closeClients();
});

afterAll(async () => {
	await sim.stop();
});

/** Uploads a variant of the worked example over SFTP and returns its file name. */
async function uploadOrder(variant: OrderVariant = {}, name = nextName()): Promise<string> {
	const client = await sftpClient(sim);
	await client.put(Buffer.from(orderFile(name, variant)), `/incoming/${name}`);
	return name;
}

async function downloadAck(name: string, folder = 'outgoing'): Promise<string[]> {
	const client = await sftpClient(sim);
	const content = await sftpDownload(client, `/${folder}/${ackName(name)}`);
	return recordsOf(content, 80);
}

const types = (records: string[]) => records.map((record) => record.slice(0, 2));
const ofType = (records: string[], type: string) => records.filter((r) => r.startsWith(type));
const lineStatuses = (records: string[]) => ofType(records, '40').map((r) => at(r, 78, 79));

describe('acknowledgement (.fbc)', () => {
	it('answers a valid order at once with <same name>.fbc in outgoing, all records in place', async () => {
		const name = await uploadOrder({ poNumber: 'ACK-OK-1' });
		expect(sim.files('outgoing')).toContain(ackName(name));
		const content = readFileSync(join(sim.home, 'outgoing', ackName(name)), 'utf8');
		expect(content.endsWith('\r\n')).toBe(true);
		const records = await downloadAck(name);

		expect(types(records)).toEqual([
			'02',
			'11',
			...new Array(Math.ceil(THANK_YOU_MESSAGE.length / 50)).fill('21'),
			...['40', '41', '42', '43', '44'],
			...['40', '41', '42', '43', '44'],
			'59',
			'91',
		]);
		records.forEach((record, index) => {
			expect(record).toHaveLength(80);
			expect(at(record, 3, 7)).toBe(String(index + 1).padStart(5, '0'));
		});

		const [header, po] = records;
		expect(at(header, 8, 14)).toBe('1697978');
		expect(at(header, 20, 32).trim()).toBe('INGRAM');
		expect(at(header, 33, 38)).toMatch(/^\d{6}$/);
		expect(at(header, 44, 60)).toBe(name.toUpperCase().padEnd(17));
		expect(at(header, 61, 63)).toBe('F03');

		expect(at(po, 21, 42).trim()).toBe('ACK-OK-1');
		expect(at(po, 43, 49)).toBe('SHIPTO1');
		expect(at(po, 57, 57)).toBe('0');
		expect(at(po, 64, 69)).toBe('260115');
		expect(at(po, 70, 75)).toBe('260415');

		const message = ofType(records, '21')
			.map((r) => at(r, 30, 79))
			.join('');
		expect(message.trimEnd()).toBe(THANK_YOU_MESSAGE);

		const lines = ofType(records, '40');
		expect(
			lines.map((r) => [at(r, 30, 39).trim(), at(r, 52, 71).trim(), at(r, 78, 79), at(r, 80, 80)]),
		).toEqual([
			['1', '9780000000002', '00', 'N'],
			['2', '9780000000019', '00', 'N'],
		]);
		const prices = ofType(records, '44');
		expect(prices.map((r) => [at(r, 58, 59), at(r, 68, 74)])).toEqual([
			['EN', '0000001'],
			['EN', '0000002'],
		]);
		for (const r of prices) {
			const list = Number(at(r, 50, 57));
			const cost = Number(at(r, 60, 67));
			expect(cost).toBeCloseTo(list * 0.6, 2); // 40 % discount by default
		}
		expect(ofType(records, '43').map((r) => [at(r, 54, 58), at(r, 59, 62), at(r, 63, 69)])).toEqual(
			[
				['00017', '4000', '0000001'],
				['00019', '4000', '0000002'],
			],
		);
		for (const r of ofType(records, '42')) expect(at(r, 30, 59).trim()).not.toBe('');

		const trailer = ofType(records, '59')[0];
		expect([at(trailer, 30, 34), at(trailer, 35, 44), at(trailer, 45, 54)]).toEqual([
			String(records.length - 2).padStart(5, '0'), // 11 through 59
			'0000000002',
			'0000000003',
		]);
		const fileTrailer = records[records.length - 1];
		expect([at(fileTrailer, 8, 20), at(fileTrailer, 21, 25), at(fileTrailer, 26, 35)]).toEqual([
			'0000000000002',
			'00001',
			'0000000003',
		]);
		const groups = [0, 1, 2, 3, 4, 5, 6].map((slot) =>
			Number(at(fileTrailer, 36 + slot * 5, 40 + slot * 5)),
		);
		expect(groups).toEqual([1, 1, 4, 0, 10, 1, 1]);

		expect(sim.acknowledged().find((po) => po.poNumber === 'ACK-OK-1')).toMatchObject({
			orderFile: name,
			folder: 'outgoing',
			poStatus: '0',
			shipped: false,
		});
	});

	it('gives the outcomes of the scenario table, decided by item number', async () => {
		const cancelled = await uploadOrder({
			items: [CDF_LINE_SCENARIOS.outOfPrint.example, CDF_LINE_SCENARIOS.invalidItem.example],
		});
		const records = await downloadAck(cancelled);
		expect(lineStatuses(records)).toEqual(['14', '05']);
		const [outOfPrint, invalid] = ofType(records, '41');
		expect(at(outOfPrint, 41, 80).trim()).toBe('N0000C0000D0000E0000');
		expect(at(invalid, 41, 80).trim()).toBe('');
		expect(at(ofType(records, '59')[0], 45, 54)).toBe('0000000000');

		// Over FTP this time: not yet published and backordered lines, with their dates.
		const name = nextName();
		const ftp = await ftpClient(sim);
		const items: [string, string] = [
			CDF_LINE_SCENARIOS.notYetPublished.example,
			CDF_LINE_SCENARIOS.backordered.example,
		];
		await ftpUpload(ftp, orderFile(name, { items }), `/incoming/${name}`);
		const backordered = recordsOf(await ftpDownload(ftp, `/outgoing/${ackName(name)}`), 80);
		expect(lineStatuses(backordered)).toEqual(['12', '03']);
		const today = at(backordered[0], 33, 38);
		for (const r of ofType(backordered, '41')) {
			expect(at(r, 34, 39) > today).toBe(true); // YYMMDD in the future
			expect(at(r, 41, 80).trim()).toMatch(/^N0000C0000D0000E0000$/);
		}

		for (const [name, scenario] of Object.entries(CDF_LINE_SCENARIOS)) {
			expect([name, lineScenarioFor(scenario.example)]).toEqual([name, name]);
		}
		expect(lineScenarioFor('9780000000003')).toBe('invalidItem'); // wrong check digit
	});

	it('rejects a PO with a wrong ship-to password: PO status 4, every line cancelled', async () => {
		const name = await uploadOrder({ shipToPassword: 'WRONGPW' });
		const records = await downloadAck(name);
		expect(at(records[1], 57, 57)).toBe(CDF_PO_SCENARIOS.wrongShipToPassword.poStatus);
		expect(lineStatuses(records)).toEqual(['05', '05']);
		const message = ofType(records, '21')
			.map((r) => at(r, 30, 79))
			.join('');
		expect(message).toContain('SHIP-TO PASSWORD');
		expect(ofType(records, '21').length).toBeGreaterThan(Math.ceil(THANK_YOU_MESSAGE.length / 50));
		expect(sim.acknowledged().at(-1)).toMatchObject({ poStatus: '4', shipped: null });
	});

	it('rejects an unknown shipping method (status 6) and answers a stock check (status 7)', async () => {
		const unknown = await downloadAck(await uploadOrder({ shippingMethod: '### CARRIER PIGEON' }));
		expect(at(unknown[1], 57, 57)).toBe('6');
		expect(lineStatuses(unknown)).toEqual(['05', '05']);

		const stock = await downloadAck(await uploadOrder({ poType: '3' }));
		expect(at(stock[1], 57, 57)).toBe('7');
		expect(lineStatuses(stock)).toEqual(['00', '00']);
		for (const r of ofType(stock, '41'))
			expect(at(r, 41, 60)).toMatch(/^N\d{4}C\d{4}D\d{4}E\d{4}$/);
		expect(sim.acknowledged().at(-1)?.shipped).toBeNull();
	});

	it('leaves out records as the POA type asks (5 = exception lines only, 4 = no 42/43/44)', async () => {
		const exceptions = await downloadAck(
			await uploadOrder({
				poaType: '5',
				items: ['9780000000002', CDF_LINE_SCENARIOS.outOfPrint.example],
			}),
		);
		expect(lineStatuses(exceptions)).toEqual(['14']);
		expect(at(ofType(exceptions, '59')[0], 35, 44)).toBe('0000000001');
		const bare = await downloadAck(await uploadOrder({ poaType: '4' }));
		expect(types(bare).filter((type) => type >= '40' && type < '50')).toEqual([
			'40',
			'41',
			'40',
			'41',
		]);
	});

	it('puts the acknowledgement of a test PO (type 8) in the test folder', async () => {
		const name = await uploadOrder({ poType: '8' });
		expect(sim.files('test')).toContain(ackName(name));
		expect(sim.files('outgoing')).not.toContain(ackName(name));
		expect(lineStatuses(await downloadAck(name, 'test'))).toEqual(['00', '00']);
	});

	it('does not answer an order file the validator complains about', async () => {
		const name = nextName();
		const client = await sftpClient(sim);
		await client.put(Buffer.from(orderFile(name).replace(/\r\n/g, '\n')), `/incoming/${name}`);
		expect(sim.received().at(-1)?.problems.length).toBeGreaterThan(0);
		expect(sim.files('outgoing')).not.toContain(ackName(name));
	});
});

describe('ship notice (.PBS) and invoice (.BIN)', () => {
	it('ships every acknowledged PO on shipAll(), once', async () => {
		sim.shipAll(); // whatever earlier tests left
		const economy = await uploadOrder({ poNumber: 'SHIP-ECO' });
		const ups = await uploadOrder({ poNumber: 'SHIP-UPS', shippingMethod: '### 2ND DAY AIR' });
		await uploadOrder({ poNumber: 'SHIP-NONE', items: ['9780028609249', '9781111111119'] });
		expect([economy, ups].every((name) => sim.files('outgoing').includes(ackName(name)))).toBe(
			true,
		);

		const written = sim.shipAll();
		expect(written.map(({ kind, folder }) => [kind, folder])).toEqual([
			['shipNotice', 'outgoing'],
			['invoice', 'outgoing'],
		]);
		const [notice, invoice] = written;
		expect(notice.name).toMatch(/^0\d{7}\.PBS$/);
		expect(invoice.name).toMatch(/^0\d{7}\.BIN$/);
		expect(notice.poNumbers).toEqual(['SHIP-ECO', 'SHIP-UPS']);
		expect(sim.shipAll()).toEqual([]);

		const client = await sftpClient(sim);
		const asn = recordsOf(await sftpDownload(client, `/outgoing/${notice.name}`), 200);
		for (const record of asn) expect(record).toHaveLength(200);
		expect(asn.map((r) => r.slice(0, 2))).toEqual(['CR', 'OR', 'OD', 'OD', 'OR', 'OD', 'OD']);
		expect([at(asn[0], 3, 12).trim(), at(asn[0], 13, 20), at(asn[0], 21, 30).trim()]).toEqual([
			'SHIPTO1',
			'00000002',
			'4.0',
		]);

		const [, ecoOrder, ecoLine1, ecoLine2, upsOrder, upsLine1] = asn;
		expect(at(ecoOrder, 3, 24).trim()).toBe('SHIP-ECO');
		expect(at(ecoOrder, 33, 34)).toBe('00');
		expect(at(ecoOrder, 35, 42)).toBe('00002999'); // 12.99 + 2 × 8.50 from the order's records 41
		expect(at(ecoOrder, 83, 90)).toBe('00000399'); // freight of the order's record 24
		expect(at(ecoOrder, 91, 98)).toBe('00003398');
		expect(at(ecoOrder, 99, 106)).toBe('00035000'); // one box at 3.50, 4 implied decimals
		expect(at(ecoOrder, 110, 113)).toBe('0002');
		expect(at(ecoOrder, 114, 121)).toMatch(/^20\d{6}$/);
		expect(
			[ecoLine1, ecoLine2].map((r) => [
				at(r, 25, 26),
				at(r, 72, 76),
				at(r, 77, 78),
				at(r, 79, 103).trim(),
				at(r, 138, 147).trim(),
				at(r, 177, 178),
				at(r, 179, 193).trim(),
			]),
		).toEqual([
			['N ', '00001', '00', '', '1', '21', '9780000000002'],
			['N ', '00002', '00', '', '2', '21', '9780000000019'],
		]);
		expect(at(ecoLine1, 148, 167).trim()).toMatch(/^SIMN\d{16}$/); // untracked: SSL only
		expect(Number(at(ecoLine1, 168, 176))).toBeGreaterThan(0);

		expect(at(upsOrder, 3, 24).trim()).toBe('SHIP-UPS');
		const tracking = at(upsLine1, 79, 103).trim();
		expect(tracking).toMatch(/^1Z[0-9A-Z]{16}$/);
		expect(tracking.slice(-1)).toBe(upsCheckDigit(tracking.slice(2, 17)));
		expect([at(upsLine1, 104, 108).trim(), at(upsLine1, 177, 178)]).toEqual(['UPSN', '12']);

		const bin = recordsOf(await sftpDownload(client, `/outgoing/${invoice.name}`), 80);
		for (const record of bin) expect(record).toHaveLength(80);
		expect(bin.map((r) => r.slice(0, 2)).join(' ')).toBe(
			[
				'01',
				'15 45 46 48 45 46 48 49 45 46 48 45 46 48 49 55 57', // books, from La Vergne
				'15 45 46 48 45 46 48 49 45 46 48 45 46 48 49 55 57', // fees
				'95',
			].join(' '),
		);
		expect(at(bin[0], 20, 32).trim()).toBe('INGRAM BK CO');
		const invoiceHeaders = ofType(bin, '15');
		expect(invoiceHeaders.map((r) => at(r, 47, 53).trim())).toEqual(['1697978', '']);
		expect(at(invoiceHeaders[0], 35, 41)).toBe('BILLTO1');
		const titles = ofType(bin, '48').map((r) => [
			at(r, 24, 39).trim(),
			at(r, 45, 66).trim(),
			at(r, 67, 76).trim(),
		]);
		expect(titles.slice(4)).toEqual([
			['ORDER CHARGE', 'SHIP-ECO', ''],
			['PER PIECE CHARG', 'SHIP-ECO', ''],
			['ORDER CHARGE', 'SHIP-UPS', ''],
			['PER PIECE CHARG', 'SHIP-UPS', ''],
		]);
		expect(titles[0].slice(1)).toEqual(['SHIP-ECO', '1']);
		const freight = ofType(bin, '49');
		expect(freight.map((r) => at(r, 16, 40).trim())).toEqual(['N.A', tracking, 'N.A', tracking]);
		// 49 amount due = net + shipping + handling + gift wrap; 57 adds the 49s up.
		const due = freight.map((r) => {
			const [net, shipping, handling, wrap] = [
				at(r, 41, 48),
				at(r, 49, 54),
				at(r, 55, 61),
				at(r, 62, 67),
			].map(Number);
			expect(Number(at(r, 74, 80))).toBe(net + shipping + handling + wrap);
			return Number(at(r, 74, 80));
		});
		const totals = ofType(bin, '57').map((r) => Number(at(r, 72, 80)));
		expect(totals).toEqual([due[0] + due[1], due[2] + due[3]]);
		const fees = ofType(bin, '57')[1];
		expect(Number(at(fees, 43, 49))).toBe(2 * 100 + 6 * 65); // 2 order charges, 6 pieces
		const trailer = bin[bin.length - 1];
		expect([at(trailer, 8, 20), at(trailer, 21, 25), at(trailer, 26, 35)]).toEqual([
			'0000000000008',
			'00002',
			'0000000014', // 6 books + 2 order charges + 6 pieces
		]);
		// Book invoice: 15 records from its 15 to its last 49, 4 titles, 6 units.
		expect(at(ofType(bin, '55')[0], 21, 36)).toBe('00015' + '00004' + '000006');

		expect(sim.acknowledged().find((po) => po.poNumber === 'SHIP-NONE')?.shipped).toBeNull();
		expect(sim.acknowledged().find((po) => po.poNumber === 'SHIP-ECO')?.shipped).toBe(true);
	});

	it('ships test POs into the test folder as T… files', async () => {
		await uploadOrder({ poType: '8', poNumber: 'SHIP-TEST' });
		const written = sim.shipAll();
		expect(written.map(({ folder, name }) => [folder, name.replace(/\d/g, '#')])).toEqual([
			['test', 'T#######.PBS'],
			['test', 'T#######.BIN'],
		]);
		expect(sim.files('test')).toEqual(expect.arrayContaining(written.map(({ name }) => name)));
	});
});

describe('delimiters', () => {
	it('writes replies with CRLF, LF or nothing between records', async () => {
		sim.setReplyDelimiters('none');
		const name = await uploadOrder();
		const client = await sftpClient(sim);
		const undelimited = (await sftpDownload(client, `/outgoing/${ackName(name)}`)).toString();
		expect(undelimited).not.toMatch(/[\r\n]/);
		expect(undelimited.length % 80).toBe(0);
		expect(recordsOf(undelimited, 80).map((r) => r.slice(0, 2))).toContain('91');

		sim.setReplyDelimiters('crlf');
		const [notice, invoice] = sim.shipAll({ delimiters: 'lf' });
		const asn = (await sftpDownload(client, `/outgoing/${notice.name}`)).toString();
		expect(asn).toMatch(/^CR.{198}\n/);
		expect(asn).not.toContain('\r');
		expect((await sftpDownload(client, `/outgoing/${invoice.name}`)).toString()).not.toContain(
			'\r',
		);
	});
});

describe('reply faults', () => {
	it('noMainframe: the acknowledgement reads NO MAINFRAME until releasePending()', async () => {
		sim.setFault({ kind: 'noMainframe' }, { times: 1 });
		const name = await uploadOrder();
		const ftp = await ftpClient(sim);
		expect((await ftpDownload(ftp, `/outgoing/${ackName(name)}`)).toString()).toBe(NO_MAINFRAME);
		const next = await uploadOrder();
		expect((await ftpDownload(ftp, `/outgoing/${ackName(next)}`)).toString()).toMatch(/^02/);

		const released = sim.releasePending();
		expect(released.map((reply) => reply.name)).toEqual([ackName(name)]);
		const records = recordsOf(await ftpDownload(ftp, `/outgoing/${ackName(name)}`), 80);
		expect(lineStatuses(records)).toEqual(['00', '00']);
		expect(sim.releasePending()).toEqual([]);
	});

	it('halfWrittenReply: the file is listed with part of its content until finishWrites()', async () => {
		sim.setFault({ kind: 'halfWrittenReply' }, { times: 1 });
		const name = await uploadOrder();
		const client = await sftpClient(sim);
		const listed = (await client.list('/outgoing')).find((entry) => entry.name === ackName(name));
		const partial = await sftpDownload(client, `/outgoing/${ackName(name)}`);
		expect(listed?.size).toBe(partial.length);
		expect(partial.length).toBeGreaterThan(0);

		expect(sim.finishWrites()).toEqual([join(sim.home, 'outgoing', ackName(name))]);
		const full = await sftpDownload(client, `/outgoing/${ackName(name)}`);
		expect(full.length).toBeGreaterThan(partial.length);
		expect(full.subarray(0, partial.length).equals(partial)).toBe(true);
		expect(full.toString().endsWith('\r\n')).toBe(true);
	});

	it('halfWrittenReply with holdMs completes the file by itself', async () => {
		sim.setFault({ kind: 'halfWrittenReply', holdMs: 80 }, { times: 1 });
		sim.writeReply('outgoing', 'HALF.fbc', 'x'.repeat(160));
		const path = join(sim.home, 'outgoing', 'HALF.fbc');
		expect(readFileSync(path, 'utf8')).toBe('x'.repeat(80));
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(readFileSync(path, 'utf8')).toBe('x'.repeat(160));
		expect(sim.finishWrites()).toEqual([]);
	});

	it('dropDuringDownload (SFTP): the connection is cut after the first chunk; the retry works', async () => {
		const content = Buffer.alloc(100_000, 'ABCDEFGHIJ');
		sim.writeReply('outgoing', 'BIG.BIN', content);
		sim.setFault({ kind: 'dropDuringDownload' }, { times: 1 });
		const client = await sftpClient(sim);
		await expect(sftpDownload(client, '/outgoing/BIG.BIN')).rejects.toThrow();
		const retry = await sftpClient(sim);
		expect((await sftpDownload(retry, '/outgoing/BIG.BIN')).equals(content)).toBe(true);
	});

	it('dropDuringDownload (FTP): part of the file arrives, then the connection is gone', async () => {
		const name = await uploadOrder();
		const size = readFileSync(join(sim.home, 'outgoing', ackName(name))).length;
		sim.setFault({ kind: 'dropDuringDownload' });
		const ftp = await ftpClient(sim);
		// Downloads from incoming are not affected.
		expect((await ftpDownload(ftp, `/incoming/${name}`)).toString()).toBe(orderFile(name));
		const received: Buffer[] = [];
		await expect(ftpDownload(ftp, `/outgoing/${ackName(name)}`, received)).rejects.toThrow();
		expect(ftp.closed).toBe(true);
		const got = Buffer.concat(received).length;
		expect(got).toBeLessThan(size);
		expect(got).toBeLessThanOrEqual(Math.ceil(size / 2));
	});
});

describe('reply timing', () => {
	it('ships at once by default, after replyDelayMs when set', async () => {
		const immediate = await startCdfSimulator();
		const delayed = await startCdfSimulator({
			replyDelayMs: 150,
			unitsPerBox: 1,
			asnWarehouseCode: 'pair',
		});
		try {
			for (const target of [immediate, delayed]) {
				const client = await sftpClient(target);
				await client.put(Buffer.from(orderFile('TIMING.fbo')), '/incoming/TIMING.fbo');
			}
			expect(immediate.files('outgoing')).toEqual([
				expect.stringMatching(/^0\d{7}\.PBS$/),
				expect.stringMatching(/^0\d{7}\.BIN$/),
				'TIMING.fbc',
			]);
			expect(delayed.files('outgoing')).toEqual(['TIMING.fbc']);
			await new Promise((resolve) => setTimeout(resolve, 250));
			const notice = delayed.replies().find((reply) => reply.kind === 'shipNotice');
			expect(notice).toBeDefined();
			const asn = recordsOf(readFileSync(join(delayed.home, 'outgoing', notice!.name)), 200);
			// One unit per box: 3 ODs, each with its own SSL, the DC written as NV.
			const details = asn.filter((r) => r.startsWith('OD'));
			expect(details.map((r) => [at(r, 25, 26), at(r, 72, 76)])).toEqual([
				['NV', '00001'],
				['NV', '00001'],
				['NV', '00001'],
			]);
			expect(new Set(details.map((r) => at(r, 148, 167))).size).toBe(3);
			expect(delayed.shipAll()).toEqual([]);
		} finally {
			await closeClients();
			await Promise.all([immediate.stop(), delayed.stop()]);
		}
	});
});
