/**
 * Ingram's enumerations carry an `IM::` prefix (IM::physical, IM::SHIPPED) that the node's options
 * leave out, so users read plain values; it is added here. A value that already has it (from an
 * expression, or saved before the options dropped it) is sent as it is.
 */
export function ingramCode(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	return /^IM::/i.test(value) ? value : `IM::${value}`;
}
