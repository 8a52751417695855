/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * `npm run bench`: every benchmark of the package, one after the other, each printing its table.
 * A failing bench is reported and the next one still runs; the exit code is then 1.
 */
import '../setup-env';
import { cdfBench } from './cdf.bench';
import { inventoryBench } from './inventory.bench';
import { inventoryNodeBench } from './inventoryNode.bench';
import { priceAndAvailabilityBench } from './priceAndAvailability.bench';

const benches: Array<[name: string, run: () => Promise<void>]> = [
	['price and availability (Ingram Micro)', priceAndAvailabilityBench],
	['order files (Ingram Content CDF)', cdfBench],
	['StockV2 inventory (Ingram Content)', inventoryBench],
	['Inventory › Get over SFTP (Ingram Content)', inventoryNodeBench],
];

async function main() {
	for (const [name, run] of benches) {
		try {
			await run();
		} catch (error) {
			console.error(`\nBench "${name}" failed:`, error);
			process.exitCode = 1;
		}
	}
}

void main();
