/** A small seeded PRNG (mulberry32) so every simulator run serves exactly the same fixtures. */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Amount with two decimals in [min, max]. */
	money(min: number, max: number): number {
		return Math.round((min + this.next() * (max - min)) * 100) / 100;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** `count` distinct items (order random). */
	sample<T>(items: readonly T[], count: number): T[] {
		return this.shuffle(items).slice(0, count);
	}

	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	}

	chars(length: number, alphabet: string): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}

	digits(length: number): string {
		return this.chars(length, DIGITS);
	}

	upper(length: number): string {
		return this.chars(length, LETTERS);
	}

	alnum(length: number): string {
		return this.chars(length, LETTERS + DIGITS);
	}

	hex(length: number): string {
		return this.chars(length, '0123456789abcdef');
	}

	guid(): string {
		return `${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`;
	}
}

export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Adds days to a `YYYY-MM-DD` date (UTC calendar arithmetic). */
export function addDays(isoDate: string, days: number): string {
	const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function todayIso(): string {
	return new Date().toISOString().slice(0, 10);
}

export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}
