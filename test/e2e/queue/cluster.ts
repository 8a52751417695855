/**
 * n8n 2.41.1 in queue mode, as a store that outgrows one process runs it: Postgres and Redis, a
 * main instance (editor, API, polling triggers; production webhooks off), one webhook process and
 * workers — each process with its own user folder, like separate containers, sharing only the
 * database, Redis and the encryption key.
 *
 * The package is installed into every process's `<user folder>/.n8n/nodes` the way n8n's manual
 * installation does it (see installPackageLikeN8n). n8n's other routes — Settings → Community
 * Nodes, N8N_REINSTALL_MISSING_PACKAGES, N8N_COMMUNITY_PACKAGES — download the package from the
 * npm registry (it is not published yet; a private registry is a licensed feature in 2.41.1) and
 * ask api.n8n.io about it, neither of which a test machine can reach.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startCdfSimulator, type CdfSimulator } from '../../cdfSimulator';
import { XiSimulator } from '../../simulator';
import { credentialsFor, EXAMPLE_WEBHOOK_SECRET, exampleWorkflows } from '../environment';
import { ensureN8n, freePort, installPackageLikeN8n, N8n, packPackage, type Log } from '../n8n';
import { startQueueServices, type QueueServices } from './services';

export interface QueueClusterOptions {
	workers?: number;
	/** Executions each worker runs at once (n8n's --concurrency). */
	concurrency?: number;
	/** Workflows to publish (make active) before the processes start, e.g. the trigger examples. */
	publish?: string[];
	/** Extra workflows to import besides the examples. */
	workflows?: unknown[];
	log?: Log;
}

export class QueueCluster {
	private constructor(
		readonly services: QueueServices,
		readonly sim: XiSimulator,
		readonly cdf: CdfSimulator,
		readonly main: N8n,
		readonly webhook: N8n,
		readonly workers: N8n[],
		private readonly folders: string[],
	) {}

	static async start(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const log = options.log ?? (() => {});
		await ensureN8n(log);
		const folders: string[] = [];
		const folder = async (role: string) => {
			const path = await mkdtemp(join(tmpdir(), `n8n-ingram-queue-${role}-`));
			folders.push(path);
			return path;
		};
		const services = await startQueueServices(log);
		const sim = await XiSimulator.start({ port: 0 });
		const cdf = await startCdfSimulator({ sftpPort: 0, ftpPort: 0 });
		try {
			const tarball = process.env.N8N_INGRAM_TARBALL ?? (await packPackage(await folder('pack')));
			const { postgres, redis } = services;
			const shared = {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: redis.host,
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: postgres.password,
				// every process must read the credentials the main instance stored
				N8N_ENCRYPTION_KEY: 'n8n-ingram-queue-mode-test-key',
				// runs from the editor ("Execute workflow") go to the workers too
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			};
			const process_ = async (
				role: string,
				command: 'start' | 'webhook' | 'worker',
				env: Record<string, string> = {},
				args: string[] = [],
			) => {
				const userFolder = await folder(role);
				await installPackageLikeN8n(userFolder, tarball);
				return new N8n({
					userFolder,
					port: await freePort(),
					command,
					args,
					env: { ...shared, ...env },
				});
			};
			// production webhooks only through the webhook process, as n8n's queue-mode guide sets it up
			const main = await process_('main', 'start', { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
			const webhook = await process_('webhook', 'webhook');
			const workers: N8n[] = [];
			for (let index = 1; index <= (options.workers ?? 2); index++)
				workers.push(
					await process_(`worker${index}`, 'worker', {}, [
						`--concurrency=${options.concurrency ?? 10}`,
					]),
				);
			const cluster = new QueueCluster(services, sim, cdf, main, webhook, workers, folders);
			log(`package installed into ${2 + workers.length} user folders; starting the main instance`);
			// n8n's CLI creates the schema in Postgres on its first command; the processes start after
			await main.importCredentials(credentialsFor(sim, EXAMPLE_WEBHOOK_SECRET, cdf));
			await main.importWorkflows([
				...exampleWorkflows().map(({ file, ...workflow }) => (void file, workflow)),
				...(options.workflows ?? []),
			]);
			for (const id of options.publish ?? []) await main.publishWorkflow(id);
			await main.start();
			await main.setupOwner();
			await Promise.all([webhook.start(), ...workers.map((worker) => worker.start())]);
			log(
				`queue mode up: main ${main.baseUrl}, webhook ${webhook.baseUrl}, ${workers.length} workers`,
			);
			return cluster;
		} catch (error) {
			await sim.stop();
			await cdf.stop();
			await services.stop();
			throw error;
		}
	}

	/** Which worker (0-based) ran an execution, from the worker's own log; undefined: none did. */
	async workerOf(executionId: string): Promise<number | undefined> {
		const marker = `Worker started execution ${executionId} (`;
		for (const [index, worker] of this.workers.entries())
			if ((await worker.log()).includes(marker)) return index;
		return undefined;
	}

	async dispose(): Promise<void> {
		await Promise.all([this.webhook, ...this.workers].map((process) => process.stop()));
		await this.main.stop();
		await this.sim.stop();
		await this.cdf.stop();
		await this.services.stop();
		for (const folder of this.folders) await rm(folder, { recursive: true, force: true });
	}
}
