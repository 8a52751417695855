/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions */
/**
 * Inventory › Get as a user runs it: the node in n8n-core's WorkflowExecute reads a 100 MB StockV2
 * file from the CDF simulator over SFTP, filtered to 10,000 EANs (half in the file), next to the
 * same file's bare SFTP download (ssh2, no parsing) and `wc -l` on it, measured in the same run.
 */
import { execSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';

import { startCdfSimulator } from '../cdfSimulator';
import { loadPackage, runNode } from '../harness';
import { cdfCredential } from '../ingramContent/helpers';
import { wantedEans, writeStockFile } from './inventory.bench';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.INVENTORY_NODE_BENCH_MB ?? 100);

async function bareDownload(port: number, username: string, password: string): Promise<number> {
	const client = new Client();
	await new Promise<void>((resolve, reject) => {
		client.once('ready', () => resolve());
		client.once('error', reject);
		client.connect({ host: '127.0.0.1', port, username, password });
		client.setNoDelay(true);
	});
	let total = 0;
	try {
		const sftp = await new Promise<import('ssh2').SFTPWrapper>((resolve, reject) =>
			client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper))),
		);
		const stream = sftp.createReadStream('/Inventory/stockv2@ingram.zip');
		stream.on('error', () => undefined);
		for await (const chunk of stream) {
			total += (chunk as Buffer).length;
		}
	} finally {
		client.end();
	}
	return total;
}

export async function inventoryNodeBench(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'stockv2-node-bench-'));
	const sim = await startCdfSimulator({ answerOrders: false });
	try {
		const path = join(folder, 'stockv2@ingram.dat');
		const records = await writeStockFile(path, SIZE_MB * MB);
		const bytes = statSync(path).size;
		// the reader tells a zip from a plain .dat by its first bytes; the name is the full file's
		copyFileSync(path, join(sim.home, 'Inventory', 'stockv2@ingram.zip'));
		const eans = wantedEans(records);

		let started = performance.now();
		execSync(`wc -l '${path}'`);
		const wcSeconds = (performance.now() - started) / 1000;

		// the same transfer with ssh2 alone (Nagle's delay off, as the node does), nothing parsed
		started = performance.now();
		const downloaded = await bareDownload(sim.sftp.port, sim.username, sim.password);
		const downloadSeconds = (performance.now() - started) / 1000;
		if (downloaded !== bytes) throw new Error(`downloaded ${downloaded} of ${bytes} bytes`);

		const pkg = await loadPackage();
		started = performance.now();
		const result = await runNode({
			pkg,
			type: 'ingramContent',
			nodeName: 'Ingram Content',
			credentials: {
				ingramContentCdfApi: cdfCredential({
					port: sim.sftp.port,
					username: sim.username,
					password: sim.password,
					timeoutSeconds: 60,
				}),
			},
			parameters: { resource: 'inventory', operation: 'get', file: 'full', eans: eans.join(',') },
		});
		const nodeSeconds = (performance.now() - started) / 1000;
		if (result.error) throw result.error;
		const found = result.items.filter((item) => item.json.found === true).length;
		if (found !== eans.length / 2 || result.items.length !== eans.length) {
			throw new Error(
				`Inventory › Get found ${found} of ${eans.length / 2} titles (${result.items.length} items)`,
			);
		}
		const rate = (seconds: number) => `${(bytes / MB / seconds).toFixed(0).padStart(6)} MB/s`;
		console.log(
			`\nInventory › Get in the engine, ${SIZE_MB} MB StockV2 over SFTP, ${eans.length.toLocaleString('en')} EANs (${found.toLocaleString('en')} found)`,
		);
		console.log(`  wc -l on the file (anchor)           ${rate(wcSeconds)}`);
		console.log(
			`  bare SFTP download (ssh2 stream)      ${rate(downloadSeconds)}   ${(downloadSeconds / wcSeconds).toFixed(1)}× the anchor's time`,
		);
		console.log(
			`  Inventory › Get (download + filter)  ${rate(nodeSeconds)}   ratio to wc -l ${(wcSeconds / nodeSeconds).toFixed(3)}, to the bare download ${(downloadSeconds / nodeSeconds).toFixed(2)}`,
		);
	} finally {
		await sim.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

if (require.main === module) void inventoryNodeBench();
