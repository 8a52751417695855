/**
 * Test-only simulator of Ingram Micro's XI Reseller REST API. See server.ts for the request
 * pipeline, routes/ for each endpoint's behaviour, data.ts for the seeded account, errors.ts for
 * Ingram's error shapes and spec.ts for the OpenAPI document requests are validated against.
 */
export { XiSimulator, SIM_DEFAULTS, ACCESS_GRANT_PATH, TOKEN_OPERATION_ID } from './server';
export type { Fault, RecordedRequest, SimulatorOptions } from './server';
export { SIM_FIXTURES, SEED_TODAY } from './data';
export type { XiData } from './data';
export { SPEC_REPAIRS, validateXiSpecDocument, xiSpec } from './spec';
export {
	buildEvent,
	newEventId,
	orderCreatedAsPublished,
	sendEvent,
	signEventId,
	stockUpdateEvent,
} from './events';
export type { SendEventOptions, SignatureEncoding, XiEvent, XiEventName } from './events';
