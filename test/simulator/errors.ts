/**
 * Ingram's error bodies. There is no single shape; a client has to parse all of these:
 *
 * 1. The resellers services answer `{"errors":[{id, type, message, fields:[{field, value, message}]}]}`.
 *    Which id key they use depends on the service behind the endpoint: some say `id`
 *    (often "<correlation id>-<host>-<timestamp>"), some `traceid`.
 * 2. Renewals search, returns create and freight estimate wrap that object in an array:
 *    `[{"errors":[...]}]`.
 * 3. The Apigee gateway in front answers in its own shapes: `{"fault":{"faultstring","detail":{"errorcode"}}}`
 *    (token errors, 502/503/504) and `{"faultcode":"Server","faultstring":...}` (customer number
 *    that does not belong to the app), and 401 with an empty body.
 *
 * `DIALECTS` records, per operationId, the shape the spec's own error examples use, including how
 * each service words its 400s: order create misspells `messaage`, order search and cancel `1ype`;
 * catalog details and invoice search leak a .NET "Model Binding" message with type
 * `errors/bad-request`; renewals/deals/returns say `"message": null`; the array-wrapped ones omit
 * the message. The simulator reproduces all of it so a client's error parser meets every variant.
 */

export interface ErrorField {
	field: string | null;
	value?: unknown;
	message: string;
}

/** How a service words its 400 "validation failed" answers (from the spec's 400 examples). */
interface BadRequestStyle {
	type?: string;
	/** Replaces "Validation failed"; `null` sends `"message": null`. */
	message?: string | null;
	omitMessage?: boolean;
	/** Misspelt keys in Ingram's examples. */
	typeKey?: '1ype';
	messageKey?: 'messaage';
}

interface Dialect {
	idKey: 'id' | 'traceid';
	/** `[{"errors":[...]}]` instead of `{"errors":[...]}`. */
	arrayWrapped: boolean;
	badRequest?: BadRequestStyle;
}

const MODEL_BINDING: BadRequestStyle = {
	type: 'errors/bad-request',
	message:
		'Input passed is not in right or expected format. Model Binding Error Happens at Global Model Binding Exception Handler.',
};

const id = (badRequest?: BadRequestStyle): Dialect => ({
	idKey: 'id',
	arrayWrapped: false,
	badRequest,
});
const trace = (badRequest?: BadRequestStyle): Dialect => ({
	idKey: 'traceid',
	arrayWrapped: false,
	badRequest,
});
const traceWrapped: Dialect = {
	idKey: 'traceid',
	arrayWrapped: true,
	badRequest: { omitMessage: true },
};

const DIALECTS: Record<string, Dialect> = {
	'post-priceandavailability': id(),
	'get-reseller-v6-productsearch': id(),
	'get-reseller-v6-productdetailcmp': trace(MODEL_BINDING),
	'get-reseller-v6-productdetail': trace(MODEL_BINDING),
	'post-createorder_v6': id({ messageKey: 'messaage' }),
	'post-createorder_v7': trace({ message: 'customer validation failed' }),
	'put-ordermodify': id(),
	'get-orderdetails-v6.1': id(),
	'get-resellers-v6-ordersearch': id({ typeKey: '1ype' }),
	'delete-ordercancel': id({ typeKey: '1ype' }),
	'get-quotessearch_v6': id(),
	'get-resellers-v6-quotes': id(),
	quote_Create: id(),
	'get-reseller-v6-validateQuote': trace({ message: 'customer validation failed' }),
	'get-resellers-v6-invoicesearch': trace(MODEL_BINDING),
	'get-invoicedetails-v6.1': id(),
	'post-renewalssearch': traceWrapped,
	'get-resellers-v6-renewalsdetails': trace({ message: null }),
	'get-resellers-v6-dealssearch': trace({ message: null }),
	'get-resellers-v6-dealsdetails': trace({ message: null }),
	'get-resellers-v6-returnssearch': trace({ message: null }),
	'get-resellers-v6-returnsdetails': trace({ message: null }),
	'post-returnscreate': traceWrapped,
	'post-freightestimate': traceWrapped,
	'vendor-required-info': trace(),
};

export const ERROR_TYPES = {
	validationFailed: '/errors/validation-failed',
	validationError: '/errors/validation-error',
	systemErrors: '/errors/system-errors',
	notFound: '/errors/not-found',
	methodNotAllowed: '/errors/method-not-allowed',
} as const;

export interface IngramError {
	type: string;
	message: string | null;
	fields?: ErrorField[];
	/** Override the generated id (Ingram's catalog "No Records Found" uses the integer 123). */
	id?: string | number;
}

/**
 * Builds an Ingram error body in the dialect of `operationId`. The id echoes the caller's
 * IM-CorrelationID the way Ingram's ids do ("<correlation id>-<host>-<timestamp>"), so a support
 * ticket can quote it.
 */
export function ingramError(
	operationId: string | undefined,
	correlationId: string | undefined,
	error: IngramError,
	style: BadRequestStyle = {},
): unknown {
	const dialect = (operationId && DIALECTS[operationId]) || id();
	const errorId =
		error.id ??
		(dialect.idKey === 'id'
			? `${correlationId ?? ''}-sim0a10t1-${new Date().toISOString()}`
			: (correlationId ?? 'sim-trace'));
	const entry: Record<string, unknown> = {
		[dialect.idKey]: errorId,
		[style.typeKey ?? 'type']: style.type ?? error.type,
	};
	if (!style.omitMessage)
		entry[style.messageKey ?? 'message'] =
			style.message !== undefined ? style.message : error.message;
	if (error.fields) entry.fields = error.fields;
	const body = { errors: [entry] };
	return dialect.arrayWrapped ? [body] : body;
}

/** A 400 in the operation's own wording (see DIALECTS); the details are always in `fields`. */
export function validationFailed(
	operationId: string | undefined,
	correlationId: string | undefined,
	fields: ErrorField[],
): unknown {
	const style = (operationId && DIALECTS[operationId]?.badRequest) || {};
	return ingramError(
		operationId,
		correlationId,
		{ type: ERROR_TYPES.validationFailed, message: 'Validation failed', fields },
		style,
	);
}

export function systemError(
	operationId: string | undefined,
	correlationId: string | undefined,
): unknown {
	return ingramError(operationId, correlationId, {
		type: ERROR_TYPES.systemErrors,
		message: 'Some unexpected error occured, please contact support team for more details.',
		fields: [],
	});
}

/** Gateway (Apigee) bodies. */
export const APIGEE = {
	invalidCustomerNumber: {
		faultcode: 'Server',
		faultstring:
			'Invalid customer number. The customer number provided on the API call does not match the registered customer number.',
	},
	invalidClient: {
		fault: {
			faultstring: 'Invalid client identifier {0}',
			detail: { errorcode: 'oauth.v2.InvalidClientIdentifier' },
		},
	},
	tokenServerError: {
		fault: {
			faultstring: 'Internal Server Error',
			detail: { errorcode: 'oauth.v2.InternalServerError' },
		},
	},
	502: {
		fault: {
			faultstring: 'Unexpected EOF at target',
			detail: { errorcode: 'messaging.adaptors.http.flow.UnexpectedEOFAtTarget' },
		},
	},
	503: {
		fault: {
			faultstring: 'The Service is temporarily unavailable',
			detail: { errorcode: 'messaging.adaptors.http.flow.ServiceUnavailable' },
		},
	},
	504: {
		fault: {
			faultstring: 'Gateway Timeout',
			detail: { errorcode: 'messaging.adaptors.http.flow.GatewayTimeout' },
		},
	},
} as const;

/** The body Ingram's gateway sends with 429. */
export const TOO_MANY_REQUESTS = { errors: [{ field: null, message: 'too many requests' }] };

// ---------------------------------------------------------------------------------------------
// openapi-backend (Ajv) errors -> Ingram "fields"
// ---------------------------------------------------------------------------------------------

export interface AjvError {
	instancePath: string;
	keyword: string;
	message?: string;
	params: Record<string, unknown>;
}

interface ValidatedRequest {
	headers: Record<string, string>;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	body: unknown;
}

/** Unknown query parameters are ignored (as the real gateway does), not reported. */
export function isIgnorableValidationError(error: AjvError): boolean {
	return error.keyword === 'additionalProperties' && error.instancePath === '/query';
}

function valueAt(root: unknown, pointer: string[]): unknown {
	let node = root;
	for (const key of pointer) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}

/** JSON pointer segments -> `lines[0].quantity`. */
function bodyPath(segments: string[]): string {
	return segments.reduce(
		(out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
		'',
	);
}

/**
 * Maps Ajv errors from openapi-backend to Ingram's `fields` entries: header names in the spec's
 * casing (`IM-CorrelationID`, not `im-correlationid`), query/path parameter names, and body paths
 * like `lines[0].quantity`; `value` is what the caller sent.
 */
export function toIngramFields(
	errors: AjvError[],
	request: ValidatedRequest,
	headerNames: string[],
): ErrorField[] {
	const headerName = (lower: string) => headerNames.find((h) => h.toLowerCase() === lower) ?? lower;
	// A body that is not JSON is reported once, not again as "must be object".
	const unparsable = errors.some((e) => e.keyword === 'parse');
	const fields: ErrorField[] = [];
	for (const error of errors) {
		if (isIgnorableValidationError(error)) continue;
		if (unparsable && error.keyword !== 'parse' && error.instancePath.startsWith('/requestBody'))
			continue;
		const [, section = '', ...rest] = error.instancePath
			.split('/')
			.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
		const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
		let message = error.message ?? 'is invalid';
		if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
			message = `${message}: ${(error.params.allowedValues as unknown[]).join(', ')}`;
		}
		if (error.keyword === 'parse') {
			fields.push({ field: 'requestBody', value: null, message: `Malformed JSON: ${message}` });
			continue;
		}
		if (section === '') {
			// e.g. a required request body that was not sent
			fields.push({
				field: missing ?? 'request',
				value: null,
				message: missing === 'requestBody' ? 'Request body is required' : message,
			});
			continue;
		}
		if (section === 'header') {
			const name = headerName(missing ?? rest[0]);
			if (missing) message = `must have required property '${name}'`;
			fields.push({
				field: name,
				value: missing ? null : (request.headers[rest[0]] ?? null),
				message,
			});
		} else if (section === 'query' || section === 'path') {
			const name = missing ?? rest[0];
			const source = section === 'query' ? request.query : request.params;
			fields.push({ field: name, value: missing ? null : (source[name] ?? null), message });
		} else if (section === 'requestBody') {
			const pointer = missing ? [...rest, missing] : rest;
			fields.push({
				field: bodyPath(pointer) || 'requestBody',
				value: missing ? null : (valueAt(request.body, rest) ?? null),
				message,
			});
		} else {
			fields.push({ field: error.instancePath, value: null, message });
		}
	}
	return fields;
}
