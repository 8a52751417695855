import type { IDataObject } from 'n8n-workflow';

/**
 * One kind of reply file Ingram leaves in the outgoing (or test) folder, seen the same way by
 * Get Many, Parse and the trigger: how to recognise it, read it and turn it into output items.
 */
export interface ReplyKind {
	/** For messages: "acknowledgement", "ship notice", "invoice". */
	label: string;
	/** Default file name pattern (case-insensitive). */
	pattern: string;
	/** Items of one file, or the reason Ingram gave for "check back later". */
	read(text: string, fileName: string): { pending: string } | { items: IDataObject[] };
}

/** `*.fbc` → /^.*\.fbc$/i; `?` is one character. */
export function patternToRegExp(pattern: string): RegExp {
	const escaped = pattern
		.trim()
		.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		.replace(/\*/g, '.*')
		.replace(/\?/g, '.');
	return new RegExp(`^${escaped}$`, 'i');
}
