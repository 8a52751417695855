import { retryDelayMs } from '../../nodes/IngramMicro/transport';

describe('retryDelayMs', () => {
	const now = 1_800_000_000_000;
	test('Retry-After in seconds wins', () => {
		expect(
			retryDelayMs({ 'retry-after': '3', 'x-ratelimit-reset': String(now / 1000 + 50) }, 1, now),
		).toBe(3000);
	});
	test('X-RateLimit-Reset as epoch seconds is a point in time', () => {
		expect(retryDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, 1, now)).toBe(7000);
	});
	test('X-RateLimit-Reset as a small number is seconds to wait (Ingram prose says so)', () => {
		expect(retryDelayMs({ 'x-ratelimit-reset': '2' }, 1, now)).toBe(2000);
	});
	test('a reset in the past means no wait', () => {
		expect(retryDelayMs({ 'x-ratelimit-reset': String(now / 1000 - 5) }, 1, now)).toBe(0);
	});
	test('without headers the wait doubles per attempt', () => {
		expect(retryDelayMs({}, 2, now)).toBe(2 * retryDelayMs({}, 1, now));
		expect(retryDelayMs({}, 3, now)).toBe(4 * retryDelayMs({}, 1, now));
	});
});
