/**
 * P.O. boxes in address lines. UPS and the international courier cannot deliver to a post-office
 * box, so an order to one must use a mail class that can (see `poBoxDelivery` in
 * shippingMethods.ts); Ingram's certification orders include a P.O. box address for this reason.
 *
 * Deliberately not P.O. boxes here:
 * - PMB ("private mailbox"): a box rented at a shipping store, whose address is the store's street
 *   address, where couriers deliver.
 * - APO / FPO / DPO and "Unit 1234 Box 5678" / "PSC 3 Box 12": military mail, which a US address
 *   shows by its state AA, AE or AP; the region check handles those, not this one.
 * - "RR 2 Box 15" / "HC 1 Box 9": rural-route and highway-contract boxes are delivery points on a
 *   road, not post-office boxes.
 * - A street that merely starts with the letters: 'Boxwood Rd', 'Box Elder St', 'Post Road', and
 *   'Pobox Lane' (POBOX glued together counts only when a box number follows, as in 'POBox 123').
 */

/** Upper case; dots, commas and other punctuation except '#' as spaces; single spaces. */
const normalise = (line: string) =>
	line
		.toUpperCase()
		.replace(/[^A-Z0-9#]+/g, ' ')
		.trim();

/** A box number, after an optional 'NO', 'NUMBER' or '#'. */
const NUMBER = String.raw`(?:(?:NO|NUMBER)\b\s*)?#?\s*\d`;

const PO_BOX_PATTERNS: readonly RegExp[] = [
	// PO BOX, P O BOX (from P.O. Box), P0 BOX (a zero typed for the O), PO DRAWER.
	/\bP ?[O0] (?:BOX|DRAWER)\b/,
	/\bPOST OFFICE (?:BOX|DRAWER)\b/,
	// Glued spellings and the POB abbreviation only with a number, so that street names pass.
	new RegExp(String.raw`\b(?:P[O0]BOX|P ?O ?B)\s*${NUMBER}`),
	// 'Box 123' opening the line; further in ('RR 2 Box 15', 'Unit 2050 Box 4190') it is not one.
	new RegExp(String.raw`^BOX\s*${NUMBER}`),
];

/** Whether an address line is a post-office box ('PO Box 12', 'P.O. Box 12', 'Box 123', …). */
export function isPoBox(addressLine: string): boolean {
	const line = normalise(addressLine);
	return PO_BOX_PATTERNS.some((pattern) => pattern.test(line));
}
