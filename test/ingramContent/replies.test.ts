/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Reading Ingram's replies through the real engine, over SFTP and FTP, from the CDF host simulator
 * (which answers every order file it receives with its own writer): Send → Acknowledgement (each
 * outcome) → Shipment → Invoice, matched by PO number; pending and undelimited replies; what
 * happens to a file after reading; Parse from a binary field.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startCdfSimulator, type CdfSimulator } from '../cdfSimulator';
import { deduplicationStore, loadPackage, outputJson, type LoadedPackage } from '../harness';
import { cdfCredential, ean, orderParameters, runContent, shopOrder } from './helpers';

let pkg: LoadedPackage;
beforeAll(async () => {
	pkg = await loadPackage();
	await deduplicationStore();
});

const NOT_YET_PUBLISHED = '9789991000015';
const OUT_OF_PRINT = '9780028609249';

describe.each(['sftp', 'ftp'] as const)('replies over %s', (protocol) => {
	let sim: CdfSimulator;
	let run = 0;
	beforeAll(async () => {
		sim = await startCdfSimulator({ replyDelayMs: Infinity });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.setFault({ kind: 'none' }));

	const credential = () =>
		cdfCredential({
			protocol,
			port: protocol === 'sftp' ? sim.sftp.port : sim.ftp.port,
			username: sim.username,
			password: sim.password,
		});
	const node = (
		parameters: IDataObject,
		input: INodeExecutionData[] = [{ json: {} }],
		onError?: 'continueRegularOutput',
	) =>
		runContent(pkg, parameters, input, {
			credential: credential(),
			workflowId: `wf-replies-${protocol}-${++run}`,
			onError,
		});

	/** Three orders in one file: one Ingram accepts, one it partly accepts, one it rejects. */
	async function sendThree(prefix: string) {
		const orders = [
			shopOrder(1, { number: `${prefix}-OK`, method: 'Express' }),
			shopOrder(2, {
				number: `${prefix}-PART`,
				method: 'Express',
				items: [
					{ sku: ean(7), qty: 2, price: 10 },
					{ sku: NOT_YET_PUBLISHED, qty: 1, price: 20 },
					{ sku: OUT_OF_PRINT, qty: 1, price: 5 },
				],
			}),
			shopOrder(3, { number: `${prefix}-BADPW`, shipToPassword: 'WRONGPW1' }),
		];
		const sent = await node(
			orderParameters({
				operation: 'send',
				files: 'batch',
				options: { shipToPassword: '={{ $json.shipToPassword ?? "" }}' },
			}),
			orders,
		);
		expect(sent.error).toBeUndefined();
		return String(outputJson(sent)[0].fileName);
	}

	const acknowledgements = async (options: IDataObject = {}, extra: IDataObject = {}) => {
		const result = await node({
			resource: 'acknowledgement',
			operation: 'getMany',
			options,
			...extra,
		});
		expect(result.error).toBeUndefined();
		return outputJson(result);
	};

	it('Send → acknowledgement with each outcome → shipment with tracking → invoice with fees, matched by PO', async () => {
		const orderFile = await sendThree('A');
		const acks = await acknowledgements({ poNumbers: 'A-OK, A-PART, A-BADPW' });
		const byPo = Object.fromEntries(acks.map((ack) => [ack.poNumber, ack]));
		expect(Object.keys(byPo).sort()).toEqual(['A-BADPW', 'A-OK', 'A-PART']);
		expect(byPo['A-OK']).toMatchObject({
			outcome: 'accepted',
			poStatus: '0',
			orderFileName: orderFile.toUpperCase(),
			fileName: orderFile.replace(/\.fbo$/, '.fbc'),
			folder: 'test',
		});
		expect(String(byPo['A-OK'].messages)).toMatch(/THANK YOU/i);
		expect(byPo['A-PART'].outcome).toBe('partial');
		const lines = byPo['A-PART'].lines as IDataObject[];
		expect(lines.map((line) => [line.lineReference, line.status, line.statusGroup])).toEqual([
			['1', '00', 'accepted'],
			['2', '12', 'backordered'],
			['3', '14', 'cancelled'],
		]);
		expect(lines[1].statusMeaning).toMatch(/not yet (published|released)/i);
		expect(lines[2].statusMeaning).toMatch(/out of print/i);
		expect(lines[2]).toMatchObject({ cancelledQuantity: 1 });
		expect(byPo['A-BADPW']).toMatchObject({ outcome: 'rejected', poStatus: '4' });
		expect(String(byPo['A-BADPW'].poStatusMeaning)).toMatch(/password/i);

		sim.shipAll();
		const shipments = outputJson(
			await node({
				resource: 'shipment',
				operation: 'getMany',
				options: { poNumbers: 'A-OK,A-PART' },
			}),
		);
		expect(shipments.map((s) => s.poNumber).sort()).toEqual(['A-OK', 'A-PART']);
		const shippedOk = shipments.find((s) => s.poNumber === 'A-OK')!;
		const packages = shippedOk.packages as IDataObject[];
		expect(packages.length).toBeGreaterThan(0);
		expect(packages[0]).toMatchObject({
			trackingNumber: expect.stringMatching(/^1Z/),
			shippingMethodName: 'UPS Next Day Air',
		});
		expect((shippedOk.lines as IDataObject[]).map((l) => l.shippedQuantity)).toEqual([1, 2]);

		const invoices = outputJson(await node({ resource: 'invoice', operation: 'getMany' }));
		const lines2 = invoices.flatMap((invoice) => invoice.lines as IDataObject[]);
		expect(
			lines2
				.filter((l) => l.fee === true)
				.map((l) => l.feeType)
				.sort(),
		).toEqual(expect.arrayContaining(['order', 'perPiece']));
		expect(lines2.filter((l) => l.fee !== true).map((l) => l.poNumber)).toEqual(
			expect.arrayContaining(['A-OK', 'A-PART']),
		);
	});

	it('a pending reply (NO MAINFRAME) is an item with outcome pending, and the file is not deleted', async () => {
		sim.setFault({ kind: 'noMainframe' });
		const orderFile = await sendThree('P');
		const fbc = orderFile.replace(/\.fbo$/, '.fbc');
		const pending = await acknowledgements({ pattern: fbc, afterReading: 'delete' });
		expect(pending).toEqual([
			{
				fileName: fbc,
				folder: 'test',
				pending: true,
				outcome: 'pending',
				reason: expect.stringMatching(/NO MAINFRAME/i),
			},
		]);
		expect(sim.files('test')).toContain(fbc);
		sim.releasePending();
		const real = await acknowledgements({ pattern: fbc, afterReading: 'delete' });
		expect(real.map((ack) => ack.outcome).sort()).toEqual(['accepted', 'partial', 'rejected']);
		expect(sim.files('test')).not.toContain(fbc);
	});

	it('reads files without line breaks like any other', async () => {
		sim.setReplyDelimiters('none');
		try {
			const orderFile = await sendThree('U');
			const acks = await acknowledgements({ pattern: orderFile.replace(/\.fbo$/, '.fbc') });
			expect(acks.map((ack) => ack.outcome).sort()).toEqual(['accepted', 'partial', 'rejected']);
		} finally {
			sim.setReplyDelimiters('crlf');
		}
	});

	it('keeps, deletes or moves a file only after its items were produced; a file cut by Limit stays', async () => {
		const fbc = (await sendThree('K')).replace(/\.fbo$/, '.fbc');
		const limited = await acknowledgements(
			{ pattern: fbc, afterReading: 'delete' },
			{ returnAll: false, limit: 2 },
		);
		expect(limited).toHaveLength(2);
		expect(sim.files('test')).toContain(fbc);
		const again = await node({
			resource: 'acknowledgement',
			operation: 'getMany',
			options: { pattern: fbc },
		});
		expect(outputJson(again)).toHaveLength(3);
		expect(sim.files('test')).toContain(fbc);
		const moved = await acknowledgements({
			pattern: fbc,
			afterReading: 'move',
			archiveFolder: 'archive',
		});
		expect(moved).toHaveLength(3);
		expect(sim.files('test')).not.toContain(fbc);
		expect(sim.files('archive')).toContain(fbc);
	});

	it('Parse reads a reply from a binary field, one item per PO', async () => {
		const fbc = (await sendThree('B')).replace(/\.fbo$/, '.fbc');
		const file = sim.replies().find((reply) => reply.name === fbc)!;
		const { readFileSync } = await import('node:fs');
		const content = readFileSync(`${sim.home}/${file.folder}/${file.name}`);
		const result = await node(
			{ resource: 'acknowledgement', operation: 'parse', binaryPropertyName: 'data' },
			[
				{
					json: {},
					binary: {
						data: { data: content.toString('base64'), mimeType: 'text/plain', fileName: fbc },
					},
				},
			],
		);
		expect(result.error).toBeUndefined();
		expect(outputJson(result).map((ack) => [ack.poNumber, ack.outcome, ack.fileName])).toEqual([
			['B-OK', 'accepted', fbc],
			['B-PART', 'partial', fbc],
			['B-BADPW', 'rejected', fbc],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('a file that is not an acknowledgement is reported with the file, record and field', async () => {
		const result = await node({ resource: 'acknowledgement', operation: 'parse' }, [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from('0200001'.padEnd(80, 'X') + '\r\n' + '77'.padEnd(80)).toString(
							'base64',
						),
						mimeType: 'text/plain',
						fileName: 'BROKEN.fbc',
					},
				},
			},
		]);
		expect(result.error?.message).toMatch(/acknowledgement BROKEN\.fbc, record \d+.*field "/);
	});
});
