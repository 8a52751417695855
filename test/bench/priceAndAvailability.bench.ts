/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * `npm run bench`: price 1,000 SKUs arriving as 1,000 items against the simulator with 50 ms added
 * latency, once with this node (inside n8n-core's WorkflowExecute) and once the way an HTTP Request
 * node workflow would do it: one price & availability request per item, token reused.
 * Not part of `npm test`.
 */
import '../setup-env';
import { loadPackage, runNode } from '../harness';
import { simCredentials } from '../helpers';
import { httpRequest } from '../httpRequest';
import { SIM_DEFAULTS, XiSimulator } from '../simulator';

const ITEMS = 1000;
const LATENCY_MS = 50;

function skusFor(sim: XiSimulator, count: number): string[] {
	const known = sim.data.products.map((p) => p.ingramPartNumber);
	const skus = known.slice(0, count);
	// Past the simulator's catalog, SKUs Ingram does not know: each still costs its own request
	// in the baseline and its own place in a batch here.
	for (let n = 0; skus.length < count; n++) skus.push(`ZB${String(n).padStart(4, '0')}`);
	return skus;
}

async function perItemBaseline(sim: XiSimulator, skus: string[]) {
	const token = (await httpRequest({
		method: 'POST',
		url: `${sim.baseUrl}/oauth/oauth20/token`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: {
			grant_type: 'client_credentials',
			client_id: SIM_DEFAULTS.clientId,
			client_secret: SIM_DEFAULTS.clientSecret,
		},
		json: true,
	})) as { access_token: string };
	for (const sku of skus) {
		await httpRequest({
			method: 'POST',
			url: `${sim.baseUrl}/resellers/v6/catalog/priceandavailability`,
			qs: { includeAvailability: true, includePricing: true },
			headers: {
				Authorization: `Bearer ${token.access_token}`,
				'IM-CustomerNumber': SIM_DEFAULTS.customerNumber,
				'IM-CountryCode': SIM_DEFAULTS.countryCode,
				'IM-CorrelationID': Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32),
			},
			body: { products: [{ ingramPartNumber: sku }] },
			json: true,
		});
	}
}

/** The whole bench, printing its table; run alone or from test/bench/index.ts. */
export async function priceAndAvailabilityBench() {
	const pkg = await loadPackage();
	const sim = await XiSimulator.start({ latencyMs: LATENCY_MS });
	const skus = skusFor(sim, ITEMS);
	const known = Math.min(ITEMS, sim.data.products.length);
	const rows: Array<{
		approach: string;
		pa: number;
		token: number;
		seconds: number;
		outputs: number;
	}> = [];

	try {
		sim.clearRequests();
		let started = performance.now();
		const { items, error } = await runNode({
			pkg,
			credentials: simCredentials(sim),
			parameters: {
				resource: 'product',
				operation: 'getPriceAndAvailability',
				identifyBy: 'ingramPartNumber',
				skus: '={{ $json.sku }}',
			},
			input: skus.map((sku) => ({ json: { sku } })),
		});
		if (error) throw new Error(`node run failed: ${String(error.message)}`);
		rows.push({
			approach: 'n8n-nodes-ingram (batched, 50 SKUs/request)',
			pa: sim.count({ operationId: 'post-priceandavailability' }),
			token: sim.count({ operationId: 'get-accesstoken' }),
			seconds: (performance.now() - started) / 1000,
			outputs: items.length,
		});

		sim.clearRequests();
		started = performance.now();
		await perItemBaseline(sim, skus);
		rows.push({
			approach: 'baseline: one request per item (HTTP Request node style)',
			pa: sim.count({ operationId: 'post-priceandavailability' }),
			token: sim.count({ operationId: 'get-accesstoken' }),
			seconds: (performance.now() - started) / 1000,
			outputs: skus.length,
		});
	} finally {
		await sim.stop();
	}

	console.log(
		`\nPrice & availability of ${ITEMS} SKUs as ${ITEMS} items (${known} in the simulator's catalog), ${LATENCY_MS} ms added latency per response\n`,
	);
	console.log('| approach | P&A calls | token calls | wall time | output items |');
	console.log('|---|---:|---:|---:|---:|');
	for (const row of rows) {
		console.log(
			`| ${row.approach} | ${row.pa} | ${row.token} | ${row.seconds.toFixed(2)} s | ${row.outputs} |`,
		);
	}
}

if (require.main === module) {
	priceAndAvailabilityBench().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
