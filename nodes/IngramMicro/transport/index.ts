/**
 * The only code that talks to Ingram Micro's XI API. Split by concern:
 * - settings.ts: the credential's account settings and the headers some endpoints need;
 * - request.ts: one authenticated call, retried only when that is safe, and the dry run;
 * - failures.ts: what a failure means, whether to retry, and the error the user reads;
 * - errors.ts: Ingram's several error body shapes, normalised;
 * - paging.ts: Return All / Limit over XI's page-numbered searches.
 */
export * from './types';
export * from './settings';
export * from './request';
export { correlationIdOf, retryDelayMs, MAX_ATTEMPTS } from './failures';
export * from './paging';
export * from './v5';
