/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * Ingram Content (CDF) part of `npm run bench`: the Ingram Content node's Order › Build File and
 * Order › Send over many orders, inside n8n-core's WorkflowExecute (test/harness.ts), against the
 * CDF host simulator's real SFTP server on 127.0.0.1, with two yardsticks measured in the same run:
 *
 * 1. Build File over CDF_BENCH_ORDERS input items (default 10,000; shopOrder(n), distinct POs),
 *    Files = batch (25 per file); and the codec alone (buildOrderFile on the same orders, already
 *    read, 25 per file; best of 3) as its lower bound.
 * 2. Send of the same orders, Files = batch, over one SFTP connection; afterwards the simulator
 *    must hold exactly the expected files, every PO once and no validator problem, or the bench
 *    fails (a benchmark that sends wrong files is worthless).
 * 3. Anchor: the same file contents (renamed, same length) uploaded with `ssh2` directly, one
 *    connection, `writeFile` to a temporary name then `rename`, one file after the other: the least
 *    any SFTP client must do to deliver these files safely. With TCP_NODELAY on the client socket
 *    (`client.setNoDelay(true)`), as the node's transport sets it: with ssh2's default socket,
 *    Nagle's algorithm meets the peer's delayed ACK and every SFTP request waits ~40 ms (Linux) for
 *    nothing (~230 ms per file here), so the figure would measure a kernel timer, not work.
 *
 * The simulator runs in this process, so its work (writing, reading back and validating every
 * file) is in every SFTP figure alike. Each path runs once on 25 orders first, as a discarded
 * warm-up. The simulator's home is a temporary folder, removed at the end.
 *
 *   npm run build && node scripts/node24.mjs npx tsx test/bench/cdf.bench.ts
 */
import '../setup-env';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INodeExecutionData } from 'n8n-workflow';
import { Client, type SFTPWrapper } from 'ssh2';

import {
	buildOrderFile,
	readOrderFile,
	type CdfOrderFile,
} from '../../nodes/IngramContent/codec/orderFileBuilder';
import { startCdfSimulator, validateOrderFile, type CdfSimulator } from '../cdfSimulator';
import { deduplicationStore, loadPackage, type LoadedPackage } from '../harness';
import { cdfCredential, orderParameters, runContent, shopOrder } from '../ingramContent/helpers';

const ORDERS = Number(process.env.CDF_BENCH_ORDERS ?? 10_000);
const PER_FILE = 25;
const WARM_UP_FIRST_ORDER = 900_000;
const CODEC_REPEATS = 3;

const orders = (count: number, first: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, n) => shopOrder(first + n));

const poNumbersOf = (count: number, first: number) =>
	orders(count, first).map((item) => String(item.json.number));

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
	const started = performance.now();
	const value = await work();
	return { value, seconds: (performance.now() - started) / 1000 };
}

/** Throws when `ok` is false: a wrong file or a missing order voids every figure. */
function check(ok: boolean, what: string): asserts ok {
	if (!ok) throw new Error(`CDF bench: ${what}`);
}

/** The .fbo files a Build File run output, as text. */
function builtFiles(items: INodeExecutionData[]): Array<{ name: string; text: string }> {
	return items.map((item) => {
		const binary = item.binary?.data;
		check(
			binary !== undefined,
			`Build File output item without a file: ${JSON.stringify(item.json)}`,
		);
		return {
			name: String(binary.fileName),
			text: Buffer.from(binary.data, 'base64').toString('ascii'),
		};
	});
}

/** Every file valid, named as in its header, and the POs exactly `expected`, each once. */
function checkFiles(
	files: Array<{ name: string; text: string; problems?: string[] }>,
	expectedPos: string[],
	what: string,
	expectedFiles = Math.ceil(expectedPos.length / PER_FILE),
) {
	check(
		files.length === expectedFiles,
		`${what}: ${files.length} files, expected ${expectedFiles}`,
	);
	const seen: string[] = [];
	for (const file of files) {
		const problems = file.problems ?? validateOrderFile(file.text, file.name);
		check(problems.length === 0, `${what}: ${file.name} has problems: ${problems.join('; ')}`);
		const read = readOrderFile(file.text);
		check(read.fileName === file.name, `${what}: ${file.name} says it is ${read.fileName}`);
		check(read.orders.length <= PER_FILE, `${what}: ${file.name} has ${read.orders.length} orders`);
		seen.push(...read.orders.map((order) => order.poNumber));
	}
	check(
		seen.length === expectedPos.length && new Set(seen).size === seen.length,
		`${what}: ${seen.length} POs (${new Set(seen).size} distinct), expected ${expectedPos.length} distinct`,
	);
	const expected = new Set(expectedPos);
	const stray = seen.find((po) => !expected.has(po));
	check(stray === undefined, `${what}: unexpected PO ${stray}`);
}

async function buildFile(pkg: LoadedPackage, input: INodeExecutionData[]) {
	const result = await runContent(
		pkg,
		orderParameters({ operation: 'buildFile', files: 'batch' }),
		input,
	);
	if (result.error) throw new Error(`Build File failed: ${String(result.error.message)}`);
	return result.items;
}

async function send(
	pkg: LoadedPackage,
	sim: CdfSimulator,
	input: INodeExecutionData[],
	workflowId: string,
) {
	const result = await runContent(
		pkg,
		orderParameters({ operation: 'send', files: 'batch' }),
		input,
		{
			credential: cdfCredential({
				port: sim.sftp.port,
				username: sim.username,
				password: sim.password,
			}),
			workflowId,
		},
	);
	if (result.error) throw new Error(`Send failed: ${String(result.error.message)}`);
	return result.items;
}

/** Bare ssh2: one connection, each file written under a temporary name then renamed. */
async function anchorUpload(sim: CdfSimulator, files: Array<{ name: string; content: Buffer }>) {
	const client = new Client();
	try {
		const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
			client.once('ready', () => {
				client.setNoDelay(true);
				client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper)));
			});
			client.once('error', reject);
			client.connect({
				host: sim.host,
				port: sim.sftp.port,
				username: sim.username,
				password: sim.password,
			});
		});
		for (const file of files) {
			const temporary = `incoming/${file.name}.part`;
			await new Promise<void>((resolve, reject) =>
				sftp.writeFile(temporary, file.content, (error) => (error ? reject(error) : resolve())),
			);
			await new Promise<void>((resolve, reject) =>
				sftp.rename(temporary, `incoming/${file.name}`, (error) =>
					error ? reject(error) : resolve(),
				),
			);
		}
	} finally {
		const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
		client.end();
		await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
		client.destroy();
	}
}

const number = (value: number, digits = 0) =>
	value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function cdfBench(): Promise<void> {
	check(
		Number.isInteger(ORDERS) && ORDERS > 0,
		`CDF_BENCH_ORDERS must be a positive whole number, not ${process.env.CDF_BENCH_ORDERS}`,
	);
	const fileCount = Math.ceil(ORDERS / PER_FILE);
	const expectedPos = poNumbersOf(ORDERS, 1);
	const home = mkdtempSync(join(tmpdir(), 'cdf-bench-'));
	const pkg = await loadPackage();
	await deduplicationStore();
	const sim = await startCdfSimulator({ artifactsDir: home });
	const run = Date.now().toString(36);

	try {
		// -- warm-up (discarded): one file through each path -----------------------------------
		await buildFile(pkg, orders(PER_FILE, WARM_UP_FIRST_ORDER));
		await send(pkg, sim, orders(PER_FILE, WARM_UP_FIRST_ORDER), `bench-cdf-warm-up-${run}`);

		// -- 1. Build File, then the codec alone on the same orders ---------------------------
		const build = await timed(() => buildFile(pkg, orders(ORDERS, 1)));
		const built = builtFiles(build.value);
		checkFiles(built, expectedPos, 'Build File');
		const readFiles: CdfOrderFile[] = built.map((file) => readOrderFile(file.text));
		let codecSeconds = Infinity;
		for (let repeat = 0; repeat < CODEC_REPEATS; repeat++) {
			const codec = await timed(() => readFiles.map((file) => buildOrderFile(file)));
			codecSeconds = Math.min(codecSeconds, codec.seconds);
			check(
				codec.value.every((text, index) => text === built[index].text),
				'the codec alone did not write the files Build File wrote',
			);
		}

		// -- 2. Send -------------------------------------------------------------------------
		const before = sim.received().length;
		const sent = await timed(() => send(pkg, sim, orders(ORDERS, 1), `bench-cdf-send-${run}`));
		const received = sim.received().slice(before);
		checkFiles(
			received.map((file) => ({ name: file.name, text: file.content, problems: file.problems })),
			expectedPos,
			'Send (as the simulator received it)',
		);
		check(
			sent.value.length === ORDERS && sent.value.every((item) => item.json.status === 'sent'),
			`Send output: ${sent.value.filter((item) => item.json.status === 'sent').length} of ${ORDERS} items say sent`,
		);
		const reported = new Set(sent.value.map((item) => String(item.json.fileName)));
		check(
			reported.size === fileCount && received.every((file) => reported.has(file.name)),
			'the files Send reported are not the files the simulator received',
		);

		// -- 3. Anchor: the same contents with bare ssh2 --------------------------------------
		// names of the node's length (17), so the contents keep their size
		const renamed = (files: typeof received, prefix: string) =>
			files.map((file, index) => {
				const name = `${prefix}${String(index).padStart(8, '0')}.fbo`;
				return { name, content: Buffer.from(file.content.replace(file.name, name), 'ascii') };
			});
		const uploadAndCheck = async (files: typeof received, prefix: string, what: string) => {
			const upload = renamed(files, prefix);
			const since = sim.received().length;
			const { seconds } = await timed(() => anchorUpload(sim, upload));
			const pos = files.flatMap((file) =>
				readOrderFile(file.content).orders.map((order) => order.poNumber),
			);
			checkFiles(
				sim
					.received()
					.slice(since)
					.map((file) => ({ name: file.name, text: file.content, problems: file.problems })),
				pos,
				`${what} (as the simulator received it)`,
				files.length,
			);
			return { seconds, files: files.length, orders: pos.length };
		};
		const anchor = await uploadAndCheck(received, 'ANCHR', 'anchor');
		const leftovers = sim.files('incoming').filter((name) => !/\.fbo$/i.test(name));
		check(leftovers.length === 0, `temporary files left in incoming: ${leftovers.join(', ')}`);

		// -- report ---------------------------------------------------------------------------
		const rows = [
			{
				step: 'Build File (node in n8n-core WorkflowExecute)',
				seconds: build.seconds,
				orders: ORDERS,
				files: fileCount,
			},
			{
				step: `codec alone: buildOrderFile on pre-read orders (best of ${CODEC_REPEATS})`,
				seconds: codecSeconds,
				orders: ORDERS,
				files: fileCount,
			},
			{
				step: 'Send over SFTP (node in n8n-core WorkflowExecute)',
				seconds: sent.seconds,
				orders: ORDERS,
				files: fileCount,
			},
			{
				step: 'anchor: bare ssh2 + TCP_NODELAY, writeFile + rename, sequential',
				...anchor,
			},
		];
		console.log(
			`\nIngram Content (CDF): ${number(ORDERS)} orders (2 lines each) in ${number(fileCount)} files of up to ${PER_FILE}, SFTP simulator on 127.0.0.1 in this process, one connection per upload run\n`,
		);
		console.log('| step | orders | files | wall time | orders/s | files/s |');
		console.log('|---|---:|---:|---:|---:|---:|');
		for (const row of rows) {
			console.log(
				`| ${row.step} | ${number(row.orders)} | ${number(row.files)} | ${number(row.seconds, 3)} s | ${number(row.orders / row.seconds)} orders/s | ${number(row.files / row.seconds, 1)} files/s |`,
			);
		}
		const rate = (row: { orders: number; seconds: number }) => row.orders / row.seconds;
		const overhead = sent.seconds - anchor.seconds;
		console.log(
			`\nSend ÷ anchor (orders/s): ${number(rate({ orders: ORDERS, seconds: sent.seconds }) / rate(anchor), 3)} — Send takes ${number(overhead, 3)} s (${number((overhead * 1000) / fileCount, 1)} ms per file, ${number((overhead * 1000) / ORDERS, 3)} ms per order) more than bare SFTP`,
		);
		console.log(
			`Build File ÷ codec (orders/s): ${number(codecSeconds / build.seconds, 3)} — reading, checking and the engine cost ${number(((build.seconds - codecSeconds) * 1000) / ORDERS, 3)} ms per order on top of writing the files`,
		);
		console.log(
			`Checked: Send delivered ${number(fileCount)} files with ${number(ORDERS)} distinct POs, the anchor the same contents, 0 validator problems, no temporary file left; Build File and the codec wrote the same ${number(fileCount)} files`,
		);
	} finally {
		await sim.stop();
		rmSync(home, { recursive: true, force: true });
	}
}

if (require.main === module) {
	cdfBench().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
