/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable no-console */
/**
 * `npm run simulator [port]`: runs the XI simulator and the Ingram Content CDF host simulator until
 * Ctrl-C, for trying the nodes by hand in n8n.
 * XI port from the first argument, else $PORT, else 4010. Set SIM_LATENCY_MS to slow every answer.
 * CDF ports from $CDF_SFTP_PORT (default 2222) and $CDF_FTP_PORT (default 2121, plain FTP and
 * explicit TLS on the same port).
 */
import { startCdfSimulator, type CdfSimulator } from '../cdfSimulator';
import { SIM_DEFAULTS, SIM_FIXTURES, XiSimulator } from './index';

const CDF_DEFAULT_PORTS = { sftp: 2222, ftp: 2121 };

async function startCdf(): Promise<CdfSimulator> {
	const sftpPort = Number(process.env.CDF_SFTP_PORT ?? CDF_DEFAULT_PORTS.sftp);
	const ftpPort = Number(process.env.CDF_FTP_PORT ?? CDF_DEFAULT_PORTS.ftp);
	try {
		return await startCdfSimulator({ sftpPort, ftpPort, ftps: true });
	} catch (error) {
		console.error(
			`Could not start the CDF simulator on ports ${sftpPort} (SFTP) and ${ftpPort} (FTP): ${(error as Error).message}`,
		);
		console.error('Set CDF_SFTP_PORT and CDF_FTP_PORT to free ports.');
		process.exit(1);
	}
}

function printCdfLogin(cdf: CdfSimulator): void {
	console.log('');
	console.log('Ingram Content CDF simulator (for an "Ingram Content CDF API" credential):');
	console.log(`  SFTP:      protocol SFTP, host ${cdf.host}, port ${cdf.sftp.port}`);
	console.log(`             expected host key fingerprint: ${cdf.sftp.hostKeyFingerprint}`);
	console.log(`  FTP:       protocol FTP, host ${cdf.host}, port ${cdf.ftp.port}`);
	console.log(
		`  FTPS:      protocol FTPS, host ${cdf.host}, port ${cdf.ftp.port} (self-signed certificate: turn on Ignore Certificate Errors)`,
	);
	console.log(`  username:  ${cdf.username}`);
	console.log(`  password:  ${cdf.password}`);
	console.log(`  home:      ${cdf.home} (incoming, outgoing, test, archive)`);
}

async function main(): Promise<void> {
	const port = Number(process.argv[2] ?? process.env.PORT ?? SIM_DEFAULTS.defaultPort);
	const simulator = await XiSimulator.start({
		port,
		latencyMs: Number(process.env.SIM_LATENCY_MS ?? 0),
	});
	console.log(`Ingram Micro XI simulator listening on ${simulator.baseUrl}`);
	console.log(`  production-style base URL: ${simulator.baseUrl}`);
	console.log(`  sandbox-style base URL:    ${simulator.baseUrl}/sandbox`);
	console.log(
		`  token URL:                 ${simulator.baseUrl}/oauth/oauth20/token (GET query or POST form)`,
	);
	console.log(`  client id:                 ${simulator.options.clientId}`);
	console.log(`  client secret:             ${simulator.options.clientSecret}`);
	console.log(`  customer number:           ${simulator.options.customerNumber}`);
	console.log(`  country code:              ${SIM_DEFAULTS.countryCode}`);
	console.log(`  customer contact:          ${SIM_DEFAULTS.customerContact}`);
	console.log(
		`  try SKUs ${SIM_FIXTURES.skus.inStock} (in stock), ${SIM_FIXTURES.skus.backordered} (backordered), ${SIM_FIXTURES.skus.unknown} (unknown)`,
	);
	console.log(
		`  try order ${SIM_FIXTURES.orders.shipped}, quote ${SIM_FIXTURES.quotes.cisco}, invoice ${SIM_FIXTURES.invoices.shipped}`,
	);
	const cdf = await startCdf();
	printCdfLogin(cdf);
	console.log('Press Ctrl-C to stop.');

	let requestsSeen = 0;
	let ordersSeen = 0;
	const tick = setInterval(() => {
		for (const r of simulator.requests.slice(requestsSeen)) {
			console.log(
				`${r.status || '---'} ${r.method} ${r.sandbox ? '/sandbox' : ''}${r.path} ${r.operationId ?? ''}${r.faulted ? ` [fault: ${r.faulted}]` : ''}`,
			);
		}
		requestsSeen = simulator.requests.length;

		const received = cdf.received();
		for (const order of received.slice(ordersSeen)) {
			const count = order.problems.length;
			console.log(
				`CDF ${order.protocol.toUpperCase()} received ${order.name}: ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`}`,
			);
			for (const problem of order.problems) console.log(`  - ${problem}`);
		}
		ordersSeen = received.length;
	}, 250);

	const shutdown = () => {
		clearInterval(tick);
		void Promise.all([simulator.stop(), cdf.stop()]).then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

void main();
