/**
 * Runs `work` for every entry with at most `limit` calls in flight; the results keep the entries'
 * order. After the first failure no new call starts; the failure is thrown once the calls already
 * in flight have settled, so nothing keeps running after the node has failed.
 */
export async function mapConcurrently<T, R>(
	entries: readonly T[],
	limit: number,
	work: (entry: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(entries.length);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < entries.length) {
			const index = next++;
			try {
				results[index] = await work(entries[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, entries.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure) throw failure.error;
	return results;
}
