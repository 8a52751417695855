import type { IDataObject } from 'n8n-workflow';

/** One problem Ingram reported, normalised from the several shapes its services use. */
export interface IngramProblem {
	message: string;
	type?: string;
	id?: string;
	fields: Array<{ field?: string; value?: unknown; message?: string }>;
}

export interface ParsedIngramError {
	/** The most specific human message Ingram gave, or '' when the body said nothing useful. */
	message: string;
	problems: IngramProblem[];
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== ''
		? value.trim()
		: typeof value === 'number'
			? String(value)
			: undefined;

function parseBodyText(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** `errors[]` may sit at the top level or inside a top-level array (renewals, returns, freight). */
function collectErrorEntries(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.flatMap(collectErrorEntries);
	if (!isObject(body)) return [];
	if (Array.isArray(body.errors)) return body.errors.filter(isObject);
	// Some services answer a single error object without the `errors` wrapper.
	if (text(body.type) || text(body['1ype']) || text(body.traceid)) return [body];
	return [];
}

function toProblem(entry: IDataObject): IngramProblem {
	const fields = Array.isArray(entry.fields)
		? entry.fields.filter(isObject).map((field) => ({
				field: text(field.field),
				value: field.value,
				message: text(field.message) ?? text(field.messaage),
			}))
		: [];
	return {
		// Ingram's own examples misspell these keys (`messaage`, `1ype`) and alternate `id`/`traceid`.
		message: text(entry.message) ?? text(entry.messaage) ?? '',
		type: text(entry.type) ?? text(entry['1ype']),
		id: text(entry.id) ?? text(entry.traceid),
		fields,
	};
}

/**
 * Reads every error body shape XI produces: `{errors:[…]}`, `[{errors:[…]}]`, Apigee
 * `{fault:{faultstring}}` / `{faultcode, faultstring}`, `{message}`, plain text, or nothing (401).
 */
export function parseIngramError(rawBody: unknown): ParsedIngramError {
	const body = parseBodyText(rawBody);
	const problems = collectErrorEntries(body).map(toProblem);
	const firstFieldMessage = problems.flatMap((p) => p.fields).find((f) => f.message)?.message;
	let message = problems.find((p) => p.message)?.message ?? firstFieldMessage ?? '';

	if (!message && isObject(body)) {
		const fault = isObject(body.fault) ? body.fault : undefined;
		message =
			text(fault?.faultstring) ??
			text(body.faultstring) ??
			text(body.message) ??
			text(body.error_description) ??
			text(body.error) ??
			'';
	}
	if (!message && typeof body === 'string') message = body.trim().slice(0, 500);
	// "Validation failed" alone tells the user nothing: lead with what failed.
	if (
		firstFieldMessage &&
		message &&
		message !== firstFieldMessage &&
		/^validation failed\.?$/i.test(message)
	) {
		message = `${message}: ${firstFieldMessage}`;
	}
	return { message, problems };
}

/**
 * One line per field-level problem, e.g. `customerOrderNumber: must NOT have more than 35 characters`,
 * plus any further problem whose message is not already the headline.
 */
export function describeProblems(problems: IngramProblem[], headline = ''): string[] {
	return problems.flatMap((problem) =>
		problem.fields.length
			? problem.fields.map((f) => [f.field, f.message].filter(Boolean).join(': '))
			: problem.message && problem.message !== headline
				? [problem.type ? `${problem.message} (${problem.type})` : problem.message]
				: [],
	);
}
