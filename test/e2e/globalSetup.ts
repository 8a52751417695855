/**
 * Before any E2E file: make sure the pinned n8n is installed (minutes, once per machine) and pack
 * the built package once; every test file installs that tarball into its own n8n user folder.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, N8N_VERSION, packPackage } from './n8n';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const report = await ensureN8n((line) => process.stdout.write(`${line}\n`));
	const packDir = await mkdtemp(join(tmpdir(), 'n8n-ingram-pack-'));
	process.env.N8N_INGRAM_TARBALL = await packPackage(packDir);
	process.stdout.write(
		`\nE2E set-up: n8n ${N8N_VERSION} ${report.installSeconds ? `installed in ${report.installSeconds} s + sqlite3 ${report.rebuildSeconds} s` : 'from the cache'}, package packed; ${Math.round((Date.now() - started) / 1000)} s\n`,
	);
}
