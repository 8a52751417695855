import type { CredentialStore } from './harness';
import { SIM_DEFAULTS, SIM_FIXTURES, type XiSimulator } from './simulator';

/** A SKU the simulator's catalog never has. */
export const UNKNOWN_SKU = SIM_FIXTURES.skus.unknown;

/** Credential data pointing the node at a running simulator (a fresh object per call). */
export function simCredentials(sim: XiSimulator): CredentialStore {
	return {
		ingramMicroOAuth2Api: {
			environment: 'custom',
			customBaseUrl: sim.baseUrl,
			clientId: SIM_DEFAULTS.clientId,
			clientSecret: SIM_DEFAULTS.clientSecret,
			customerNumber: SIM_DEFAULTS.customerNumber,
			countryCode: SIM_DEFAULTS.countryCode,
			senderId: 'n8n',
			customerContact: SIM_DEFAULTS.customerContact,
		},
	};
}

/** Ingram part numbers of the simulator's physical catalog, in catalog order. */
export function catalogSkus(sim: XiSimulator, count?: number): string[] {
	const skus = sim.data.products.map((product) => product.ingramPartNumber);
	return count === undefined ? skus : skus.slice(0, count);
}

/** Every spec violation the simulator saw, as `operationId: errors` lines (empty when all were valid). */
export function specViolations(sim: XiSimulator): string[] {
	return sim.requests
		.filter((request) => request.validationErrors?.length)
		.map(
			(request) =>
				`${request.operationId ?? request.path}: ${JSON.stringify(request.validationErrors)}`,
		);
}
