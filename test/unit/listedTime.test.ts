/** The time in an FTP LIST line, for servers without MLSD or MDTM. */
import { listedTime } from '../../nodes/IngramContent/transport/ftp';

const now = new Date('2026-11-28T12:00:00Z');

it.each([
	['Nov 28 11:59', '2026-11-28T11:59:00.000Z'],
	['Dec 31 23:00', '2025-12-31T23:00:00.000Z'],
	['Jan  5 2024', '2024-01-05T00:00:00.000Z'],
	['nov 1 09:05', '2026-11-01T09:05:00.000Z'],
])('%s', (raw, iso) => {
	expect(listedTime(raw, now)?.toISOString()).toBe(iso);
});

it.each(['', '2026-11-28 12:00', 'Foo 28 12:00', undefined])('%s has no time', (raw) => {
	expect(listedTime(raw, now)).toBeUndefined();
});
