/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Order › Send through the real engine to the CDF host simulator (real SFTP and FTP servers on
 * 127.0.0.1): what lands in `incoming`, what the node reports, and that no PO is ever sent twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { sentKey } from '../../nodes/IngramContent/actions/order/sentRegister';
import { readOrderFile } from '../../nodes/IngramContent/codec/orderFileBuilder';
import { NAMES_TO_TRY } from '../../nodes/IngramContent/transport';
import { FOREIGN_ORDER_CONTENT, startCdfSimulator, type CdfSimulator } from '../cdfSimulator';
import {
	deduplicationStore,
	loadPackage,
	outputJson,
	TestCredentialsHelper,
	type LoadedPackage,
} from '../harness';
import { cdfCredential, orderParameters, runContent, shopOrder } from './helpers';

let pkg: LoadedPackage;
let sim: CdfSimulator;
beforeAll(async () => {
	pkg = await loadPackage();
	sim = await startCdfSimulator();
	await deduplicationStore();
});
afterAll(async () => await sim.stop());

let workflowCounter = 0;
/** Each test sends from its own workflow, so the sent register starts empty. */
let workflowId = '';
beforeEach(() => {
	sim.setFault({ kind: 'none' });
	workflowId = `wf-send-${++workflowCounter}`;
});

const credentialFor = (
	protocol: 'sftp' | 'ftp',
	extra: Partial<ICredentialDataDecryptedObject> = {},
) =>
	cdfCredential({
		protocol,
		port: protocol === 'sftp' ? sim.sftp.port : sim.ftp.port,
		username: sim.username,
		password: sim.password,
		...extra,
	});

const orders = (count: number, from = 1) =>
	Array.from({ length: count }, (_, n) => shopOrder(from + n));

const receivedSince = (before: number) => sim.received().slice(before);
const temporaryFiles = () => sim.files('incoming').filter((name) => !/\.fbo$/i.test(name));
/** Files in incoming that the nameTaken fault put there, as another client would have. */
const foreignFiles = () =>
	sim
		.files('incoming')
		.filter(
			(name) => readFileSync(join(sim.home, 'incoming', name), 'utf8') === FOREIGN_ORDER_CONTENT,
		);

describe.each(['sftp', 'ftp'] as const)('Order › Send over %s', (protocol) => {
	const send = (
		input = orders(1),
		parameters: IDataObject = {},
		extra: { credential?: ICredentialDataDecryptedObject; onError?: 'continueRegularOutput' } = {},
	) =>
		runContent(pkg, orderParameters({ operation: 'send', ...parameters }), input, {
			credential: extra.credential ?? credentialFor(protocol),
			onError: extra.onError,
			workflowId,
		});

	it('uploads one order as a valid test order and reports it sent', async () => {
		const before = sim.received().length;
		const result = await send();
		expect(result.error).toBeUndefined();
		const [json] = outputJson(result);
		expect(json).toMatchObject({
			poNumber: 'SHOP1001',
			status: 'sent',
			environment: 'test',
			folder: 'incoming',
		});
		const files = receivedSince(before);
		expect(files.map((file) => file.name)).toEqual([json.fileName]);
		expect(files[0].protocol).toBe(protocol);
		expect(files[0].problems).toEqual([]);
		expect(readOrderFile(files[0].content).orders[0]).toMatchObject({
			poNumber: 'SHOP1001',
			poType: '8',
		});
		expect(temporaryFiles()).toEqual([]);
	});

	it('sends 25 orders in one file when batching, and 25 files when not', async () => {
		let before = sim.received().length;
		const batched = await send(orders(25, 100), { files: 'batch' });
		expect(batched.error).toBeUndefined();
		const [file] = receivedSince(before);
		expect(receivedSince(before)).toHaveLength(1);
		expect(file.problems).toEqual([]);
		expect(readOrderFile(file.content).orders.map((o) => o.poNumber)).toEqual(
			Array.from({ length: 25 }, (_, n) => `SHOP${1100 + n}`),
		);
		expect(new Set(outputJson(batched).map((json) => json.fileName))).toEqual(new Set([file.name]));
		expect(batched.items.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 25 }, (_, item) => ({ item })),
		);

		before = sim.received().length;
		const single = await send(orders(25, 200));
		expect(single.error).toBeUndefined();
		expect(receivedSince(before)).toHaveLength(25);
		expect(receivedSince(before).every((f) => f.problems.length === 0)).toBe(true);
	});

	it('sends nothing, and does not even connect, when one order fails a check', async () => {
		const before = sim.received().length;
		const logins = sim.loginAttempts().length;
		const result = await send([
			shopOrder(1),
			shopOrder(2, { items: [{ sku: '9780000000003', qty: 1 }] }),
		]);
		expect(result.error?.message).toMatch(
			/Order SHOP1002: "Lines\[0\]\.itemNumber" .*check digit.*\[item 1\]/,
		);
		expect(receivedSince(before)).toEqual([]);
		expect(sim.loginAttempts().length).toBe(logins);
	});

	it('refuses to send a PO again, across executions, unless Allow Resend is on', async () => {
		const before = sim.received().length;
		expect((await send()).error).toBeUndefined();
		const again = await send();
		expect(again.error?.message).toMatch(
			/Order SHOP1001 was already sent to Ingram \(test\) by this workflow; it was not sent again/,
		);
		expect(receivedSince(before)).toHaveLength(1);

		const resent = await send(orders(1), { allowResend: true });
		expect(outputJson(resent)[0]).toMatchObject({ status: 'sent', resent: true });
		expect(receivedSince(before)).toHaveLength(2);
	});

	it('with Continue On Fail, sends the new POs and reports the already-sent ones, each paired', async () => {
		expect((await send(orders(1, 1))).error).toBeUndefined();
		const before = sim.received().length;
		const result = await send(orders(3, 1), {}, { onError: 'continueRegularOutput' });
		const json = outputJson(result);
		expect(json[0].error).toMatch(/already sent/);
		expect(json.slice(1).map((j) => j.status)).toEqual(['sent', 'sent']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(receivedSince(before)).toHaveLength(2);
	});

	it('a connection dropped mid-upload leaves no .fbo, reports the order not sent, and does not remember it', async () => {
		const before = sim.received().length;
		sim.setFault({ kind: 'dropMidUpload' });
		const failed = await send();
		expect(failed.error?.message).toMatch(/Order SHOP1001 was not sent: /);
		expect(String(failed.error?.description)).toMatch(/Nothing of this order reached Ingram/);
		expect(receivedSince(before)).toEqual([]);
		expect(temporaryFiles()).toEqual([]);
		// no .fbo in incoming other than the files received complete before this test (and those
		// the nameTaken fault wrote as another client's)
		const complete = new Set([...sim.received().map((file) => file.name), ...foreignFiles()]);
		expect(
			sim.files('incoming').filter((name) => /\.fbo$/i.test(name) && !complete.has(name)),
		).toEqual([]);

		sim.setFault({ kind: 'none' });
		const retry = await send();
		expect(outputJson(retry)[0]).toMatchObject({ status: 'sent', resent: false });
		expect(receivedSince(before)).toHaveLength(1);
	});

	it('a connection dropped right after the rename: the file arrived, so the order counts as sent, once', async () => {
		const before = sim.received().length;
		sim.setFault({ kind: 'dropAfterRename' }, { times: 1 });
		const result = await send();
		expect(result.error).toBeUndefined();
		expect(outputJson(result)[0]).toMatchObject({ status: 'sent' });
		expect(receivedSince(before)).toHaveLength(1);
		expect((await send()).error?.message).toMatch(/already sent/);
		expect(receivedSince(before)).toHaveLength(1);
	});

	it('a name another client used first is left alone: the order goes once, under a new name', async () => {
		const before = sim.received().length;
		const foreignBefore = foreignFiles();
		sim.setFault({ kind: 'nameTaken' }, { times: 2 });
		const result = await send();
		expect(result.error).toBeUndefined();
		const [json] = outputJson(result);
		expect(json).toMatchObject({ poNumber: 'SHOP1001', status: 'sent' });
		// two names were taken under it; the third is the order's, named in its own header
		const taken = foreignFiles().filter((name) => !foreignBefore.includes(name));
		expect(taken).toHaveLength(2);
		expect(taken).not.toContain(json.fileName);
		const files = receivedSince(before);
		expect(files.map((file) => file.name)).toEqual([json.fileName]);
		expect(files[0].problems).toEqual([]);
		expect(readOrderFile(files[0].content).fileName).toBe(json.fileName);
		expect(temporaryFiles()).toEqual([]);
		expect((await send()).error?.message).toMatch(/SHOP1001 was already sent/);
		expect(receivedSince(before)).toHaveLength(1);
	});

	it('when every name it tries is taken, the order is reported not sent and may be sent later', async () => {
		const before = sim.received().length;
		const foreignBefore = foreignFiles();
		sim.setFault({ kind: 'nameTaken' }, { times: NAMES_TO_TRY });
		const failed = await send();
		expect(failed.error?.message).toMatch(/Order SHOP1001 was not sent: .*already exists/);
		expect(String(failed.error?.description)).toMatch(/Nothing of this order reached Ingram/);
		expect(foreignFiles().filter((name) => !foreignBefore.includes(name))).toHaveLength(
			NAMES_TO_TRY,
		);
		expect(receivedSince(before)).toEqual([]);
		expect(temporaryFiles()).toEqual([]);
		expect(outputJson(await send())[0]).toMatchObject({ status: 'sent', resent: false });
		expect(receivedSince(before)).toHaveLength(1);
	});

	it('an order claimed by a run that died before confirming its upload is refused as unconfirmed, not as sent', async () => {
		const before = sim.received().length;
		// what a run that stopped after claiming SHOP1001 (n8n killed, a worker that died) leaves in
		// n8n's table: the claim, and no record that its file reached the host
		const store = await deduplicationStore();
		await store.checkProcessedAndRecord(
			[sentKey('test', '2000002', 'SHOP1001')],
			'workflow',
			{ workflow: { id: workflowId } },
			{ mode: 'entries' },
		);
		const result = await send();
		expect(result.error?.message).toMatch(
			/SHOP1001 was not sent: an earlier run of this workflow claimed it and has not confirmed its upload/,
		);
		expect(String(result.error?.description)).toMatch(/Allow Resend/);
		expect(receivedSince(before)).toEqual([]);
		// sent on purpose, it goes once and then counts as sent
		expect(outputJson(await send(orders(1), { allowResend: true }))[0]).toMatchObject({
			status: 'sent',
		});
		expect((await send()).error?.message).toMatch(/SHOP1001 was already sent/);
		expect(receivedSince(before)).toHaveLength(1);
	});

	it('a refused login sends nothing, says which step failed, and does not remember the order', async () => {
		sim.setFault({ kind: 'wrongPassword' });
		const result = await send();
		expect(result.error?.message).toMatch(
			/not sent: The (SFTP|FTP) host 127\.0\.0\.1 refused the login of “c2000001”/,
		);
		expect(JSON.stringify(result.error)).not.toContain(sim.password);
		expect(String(result.error?.description)).not.toContain(sim.password);
		sim.setFault({ kind: 'none' });
		expect((await send()).error).toBeUndefined();
	});

	it('a host that answers too slowly is given up on, and the order is not sent', async () => {
		const before = sim.received().length;
		sim.setFault({ kind: 'slow', delayMs: 2500 });
		const result = await send(
			orders(1),
			{},
			{ credential: credentialFor(protocol, { timeoutSeconds: 1 }) },
		);
		expect(result.error?.message).toMatch(/SHOP1001 was not sent/);
		sim.setFault({ kind: 'none' });
		expect(receivedSince(before)).toEqual([]);
	}, 20000);

	it('Build File gives the same file that Send uploads', async () => {
		const before = sim.received().length;
		const sent = await send(orders(3, 40), { files: 'batch' });
		const [uploaded] = receivedSince(before);
		const built = await runContent(
			pkg,
			orderParameters({ operation: 'buildFile', files: 'batch' }),
			orders(3, 40),
			{
				credential: credentialFor(protocol),
			},
		);
		const builtItem = built.items[0];
		const builtText = Buffer.from(builtItem.binary!.data.data, 'base64').toString('ascii');
		// the same but for the file's own name (random) in the header
		expect(builtText.replace(builtItem.binary!.data.fileName!, 'NAME')).toBe(
			uploaded.content.replace(String(outputJson(sent)[0].fileName), 'NAME'),
		);
	});
});

describe('SFTP host key', () => {
	const send = (credential: ICredentialDataDecryptedObject) =>
		runContent(pkg, orderParameters({ operation: 'send' }), orders(1, 500), {
			credential,
			workflowId: `wf-hostkey-${++workflowCounter}`,
		});
	const sftpCredential = (extra: Partial<ICredentialDataDecryptedObject> = {}) =>
		cdfCredential({
			port: sim.sftp.port,
			username: sim.username,
			password: sim.password,
			...extra,
		});

	it('is checked before the password is sent, and a different key is refused', async () => {
		const before = sim.received().length;
		sim.setFault({ kind: 'wrongHostKey' });
		const attempts = sim.loginAttempts().length;
		const result = await send(sftpCredential({ expectedFingerprint: sim.sftp.hostKeyFingerprint }));
		sim.setFault({ kind: 'none' });
		expect(result.error?.message).toContain(`presented host key ${sim.otherHostKeyFingerprint}`);
		expect(result.error?.message).toContain(`not the expected ${sim.sftp.hostKeyFingerprint}`);
		expect(
			sim
				.loginAttempts()
				.slice(attempts)
				.filter((a) => a.method === 'password'),
		).toEqual([]);
		expect(receivedSince(before)).toEqual([]);
	});

	it('accepts the right key, pasted with or without the SHA256: prefix and padding', async () => {
		const bare = `${sim.sftp.hostKeyFingerprint.replace(/^SHA256:/, '')}=`;
		expect((await send(sftpCredential({ expectedFingerprint: bare }))).error).toBeUndefined();
	});

	it('logs in with a private key, encrypted or not', async () => {
		const byKey = await send(
			sftpCredential({
				privateKey: sim.clientPrivateKey,
				password: '',
			}),
		);
		expect(byKey.error).toBeUndefined();
		const byEncryptedKey = await send(
			sftpCredential({
				privateKey: sim.encryptedClientPrivateKey.key,
				passphrase: sim.encryptedClientPrivateKey.passphrase,
			}),
		);
		expect(byEncryptedKey.error).toBeUndefined();
	});
});

describe('credential test', () => {
	const test = async (data: ICredentialDataDecryptedObject) => {
		const nodeType = pkg.nodeTypes.getByName('ingramContent') as INodeType;
		const credentialTest = nodeType.methods!.credentialTest!.cdfConnectionTest;
		// n8n hands the test the stored data with defaults applied and undisplayed fields dropped
		const applied = await new TestCredentialsHelper(pkg.credentialTypes, {
			ingramContentCdfApi: data,
		}).getDecrypted(undefined as never, undefined as never, 'ingramContentCdfApi');
		return await credentialTest.call({} as never, {
			id: 'c',
			name: 'CDF',
			type: 'ingramContentCdfApi',
			data: applied,
		});
	};
	const good = (extra: Partial<ICredentialDataDecryptedObject> = {}) =>
		cdfCredential({
			port: sim.sftp.port,
			username: sim.username,
			password: sim.password,
			timeoutSeconds: 3,
			...extra,
		});

	it('connects, logs in and lists the incoming folder', async () => {
		expect(await test(good())).toEqual({
			status: 'OK',
			message: expect.stringMatching(/Connected to 127\.0\.0\.1 as c2000001 over SFTP/),
		});
		expect(await test(good({ protocol: 'ftp', port: sim.ftp.port }))).toMatchObject({
			status: 'OK',
		});
	});

	it.each([
		[
			'connect',
			() => good({ port: 1 }),
			/^Step 1 of 4 \(connect\) failed: .*connection was refused/,
		],
		[
			'host key',
			() => (
				sim.setFault({ kind: 'wrongHostKey' }),
				good({ expectedFingerprint: sim.sftp.hostKeyFingerprint })
			),
			/^Step 2 of 4 \(host key check\) failed/,
		],
		['login', () => good({ password: 'wrong' }), /^Step 3 of 4 \(login\) failed/],
		[
			'login over FTP',
			() => good({ protocol: 'ftp', port: sim.ftp.port, password: 'wrong' }),
			/^Step 3 of 4 \(login\) failed/,
		],
		[
			'folder',
			() => good({ incomingFolder: 'no-such-folder' }),
			/^Step 4 of 4 \(list the incoming folder\) failed/,
		],
		[
			'folder refused',
			() => (sim.setFault({ kind: 'refuseFolderListing' }), good()),
			/^Step 4 of 4/,
		],
	])('names the step that failed: %s', async (_, credential, message) => {
		const result = await test(credential());
		sim.setFault({ kind: 'none' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).not.toContain('wrong');
	});
});
