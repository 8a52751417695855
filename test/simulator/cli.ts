/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable no-console */
/**
 * `npm run simulator [port]`: runs the XI simulator until Ctrl-C, for trying the node by hand in n8n.
 * Port from the first argument, else $PORT, else 4010. Set SIM_LATENCY_MS to slow every answer.
 */
import { SIM_DEFAULTS, SIM_FIXTURES, XiSimulator } from './index';

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
	console.log('Press Ctrl-C to stop.');

	let requestsSeen = 0;
	const tick = setInterval(() => {
		for (const r of simulator.requests.slice(requestsSeen)) {
			console.log(
				`${r.status || '---'} ${r.method} ${r.sandbox ? '/sandbox' : ''}${r.path} ${r.operationId ?? ''}${r.faulted ? ` [fault: ${r.faulted}]` : ''}`,
			);
		}
		requestsSeen = simulator.requests.length;
	}, 250);

	const shutdown = () => {
		clearInterval(tick);
		void simulator.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

void main();
