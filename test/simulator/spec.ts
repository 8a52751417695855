/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The OpenAPI document the simulator validates requests against.
 *
 * Ingram publishes two copies of the XI Reseller spec and neither is complete on its own:
 *  - the YAML (test/fixtures/ingram-micro-reseller-api.yaml, Nov 2025) is the current truth and is
 *    valid OAS 3.0, but commit 8429e16 ("Freight Estimate Bug Fix") dropped Quote Create;
 *  - the JSON (test/fixtures/ingram-micro-reseller-api-2025-04.json) still has
 *    `POST /resellers/v6/quotes/create`, but that operation is invalid OAS.
 *
 * So the simulator serves the YAML plus the quote-create path (and the schemas it references)
 * copied from the JSON, with the JSON's invalid bits repaired. Every repair is listed in
 * `SPEC_REPAIRS` so a test (or a curious reader) can see exactly what differs from Ingram's files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OpenAPIBackend } from 'openapi-backend';

import { V5_FORMATS, V5_SPEC_REPAIRS, v5Spec } from './v5/spec';

// js-yaml is only present transitively (eslint and openapi-backend depend on it) and has no
// @types package installed, so it is loaded untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { load(text: string): unknown } = require('js-yaml');

type Json = Record<string, unknown>;

const FIXTURES = path.join(__dirname, '../fixtures');
const YAML_SPEC = path.join(FIXTURES, 'ingram-micro-reseller-api.yaml');
const JSON_SPEC = path.join(FIXTURES, 'ingram-micro-reseller-api-2025-04.json');

const QUOTE_CREATE_PATH = '/resellers/v6/quotes/create';

/** What the simulator changed relative to Ingram's published files, one line per change. */
export const SPEC_REPAIRS: string[] = [];

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects every `#/components/schemas/<name>` referenced (transitively) from `root`. */
function referencedSchemas(root: unknown, schemas: Json, found = new Set<string>()): Set<string> {
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) {
			node.forEach(visit);
			return;
		}
		if (!isObject(node)) return;
		const ref = node.$ref;
		if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
			const name = ref.slice('#/components/schemas/'.length);
			if (!found.has(name)) {
				found.add(name);
				visit(schemas[name]);
			}
		}
		Object.values(node).forEach(visit);
	};
	visit(root);
	return found;
}

/**
 * Repairs the two kinds of invalid OAS that the JSON's quote-create schemas contain
 * (swagger-parser reports 46 errors for them):
 *
 * 1. `type: date` (not an OAS type) on `quote_create_webhook_response.resource.ingramQuoteDate`,
 *    `lastModifiedDate`, `specialBidExpirationDate` and, clearly by copy-paste, `status`.
 *    Dates become `type: string, format: date`; `status` becomes a plain string.
 * 2. `required: true` on the `CustomerContact` property of `quote_create_request` (OAS wants a
 *    `required: [...]` list on the parent). The flag is dropped rather than moved to the parent:
 *    Ingram's own request examples send `customercontact` (lower case), which their .NET model
 *    binding accepts case-insensitively but a JSON Schema `required` would reject. The quote
 *    create route enforces "a customer contact in any letter case" itself instead.
 */
function repairJsonSchema(node: unknown, where: string): void {
	if (Array.isArray(node)) {
		node.forEach((child, i) => repairJsonSchema(child, `${where}/${i}`));
		return;
	}
	if (!isObject(node)) return;
	if (node.type === 'date') {
		if (where.endsWith('/status')) {
			node.type = 'string';
			SPEC_REPAIRS.push(`${where}: "type: date" -> "type: string" (a status is not a date)`);
		} else {
			node.type = 'string';
			node.format = 'date';
			SPEC_REPAIRS.push(`${where}: "type: date" -> "type: string, format: date"`);
		}
	}
	if (node.required === true) {
		delete node.required;
		SPEC_REPAIRS.push(`${where}: dropped "required: true" on a property (invalid OAS)`);
	}
	for (const [key, child] of Object.entries(node)) {
		if (key === 'example' || key === 'examples') continue;
		repairJsonSchema(child, `${where}/${key}`);
	}
}

function loadMergedSpec(): Json {
	const spec = structuredClone(publishedSpec());
	const legacy = JSON.parse(fs.readFileSync(JSON_SPEC, 'utf8')) as Json;

	const paths = spec.paths as Json;
	const schemas = (spec.components as Json).schemas as Json;
	const legacyPaths = legacy.paths as Json;
	const legacySchemas = (legacy.components as Json).schemas as Json;

	// 1. Quote create, from the JSON.
	const quoteCreate = structuredClone(legacyPaths[QUOTE_CREATE_PATH]);
	paths[QUOTE_CREATE_PATH] = quoteCreate;
	SPEC_REPAIRS.push(`${QUOTE_CREATE_PATH}: copied from the 2025-04 JSON (the YAML dropped it)`);
	for (const name of referencedSchemas(quoteCreate, legacySchemas)) {
		if (name in schemas) {
			throw new Error(`quote-create schema ${name} collides with a YAML schema`);
		}
		schemas[name] = structuredClone(legacySchemas[name]);
		repairJsonSchema(schemas[name], `#/components/schemas/${name}`);
	}

	// 2. The nine v5 operations (legacy; gone from the YAML since 2024-02), unchanged from Ingram's
	//    2024-02 file apart from the repairs v5/spec.ts lists. Their schema names do not collide.
	const v5 = v5Spec();
	for (const [p, item] of Object.entries(v5.paths as Json)) paths[p] = structuredClone(item);
	for (const [name, schema] of Object.entries(((v5.components as Json).schemas ?? {}) as Json)) {
		if (name in schemas) throw new Error(`v5 schema ${name} collides with a current schema`);
		schemas[name] = structuredClone(schema);
	}
	const securitySchemes = ((spec.components as Json).securitySchemes ??= {}) as Json;
	for (const [name, scheme] of Object.entries(
		((v5.components as Json).securitySchemes ?? {}) as Json,
	))
		securitySchemes[name] ??= structuredClone(scheme);
	SPEC_REPAIRS.push(
		`/resellers/v5/*: the nine v5 operations from the 2024-02 YAML (${V5_SPEC_REPAIRS.length} repair(s) listed in v5/spec.ts)`,
	);

	// 3. The two webhook "operations" are the portal's try-it relay for webhooks Ingram sends to
	//    you; a client never calls them, they have no operationId and their schemas require a
	//    field that does not exist. They are not served.
	for (const p of Object.keys(paths)) {
		if (p.startsWith('/resellers/v1/webhooks/')) {
			delete paths[p];
			SPEC_REPAIRS.push(`${p}: not served (webhook try-it relay, not a client API)`);
		}
	}
	return spec;
}

let publishedYaml: Json | undefined;

/** Ingram's YAML exactly as published (parsed once): the webhook examples live only here. */
export function publishedSpec(): Json {
	publishedYaml ??= yaml.load(fs.readFileSync(YAML_SPEC, 'utf8')) as Json;
	return publishedYaml;
}

let mergedSpec: Json | undefined;

/** The merged, repaired spec (parsed once per process; callers get their own deep copy). */
export function xiSpec(): Json {
	mergedSpec ??= loadMergedSpec();
	return structuredClone(mergedSpec);
}

/**
 * Formats used by the spec that OAS does not define. Without them Ajv logs "unknown format"
 * warnings. (The Ajv type comes from openapi-backend: the hoisted `ajv` package is v6, theirs v8.) `date` is OAS's full-date; `Date` (capitalised, P&A response only) and the
 * `decimal`/`deciaml` (sic) number formats are accepted as-is.
 */
type AjvInstance = Parameters<
	NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]['customizeAjv']>
>[0];

function addIngramFormats(ajv: AjvInstance): AjvInstance {
	ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
	ajv.addFormat('Date', true);
	ajv.addFormat('decimal', { type: 'number', validate: () => true });
	ajv.addFormat('deciaml', { type: 'number', validate: () => true });
	return ajv;
}

/**
 * Builds an openapi-backend instance over the merged spec.
 *
 * - `allErrors: true`: Ajv stops at the first violation by default; Ingram lists every field.
 * - `quick: true`: validators are compiled lazily per operation (about 30 ms each on first use)
 *   instead of ~1.3 s up front, which matters because every test file starts its own simulator.
 *   Quick mode also skips checking the document itself; `validateXiSpecDocument` does that, and
 *   the simulator's own test runs it.
 */
export function createXiBackend(options: BackendOptions = {}): OpenAPIBackend {
	// The merged document carries the v5 paths, whose string amounts use number formats.
	return createBackend(xiSpec(), { ...options, formats: { ...V5_FORMATS, ...options.formats } });
}

export interface BackendOptions {
	quick?: boolean;
	strict?: boolean;
	validate?: boolean;
	/** Formats besides Ingram's usual ones (the v5 file has a few of its own). */
	formats?: Record<string, Parameters<AjvInstance['addFormat']>[1]>;
}

/** An openapi-backend over any of Ingram's documents, with the settings described above. */
export function createBackend(definition: Json, options: BackendOptions = {}): OpenAPIBackend {
	return new OpenAPIBackend({
		definition: definition as never,
		quick: options.quick ?? true,
		strict: options.strict ?? false,
		validate: options.validate ?? true,
		ajvOpts: { allErrors: true, logger: false },
		customizeAjv: (ajv) => {
			addIngramFormats(ajv);
			for (const [name, format] of Object.entries(options.formats ?? {}))
				ajv.addFormat(name, format);
			return ajv;
		},
	});
}

let sharedBackend: Promise<OpenAPIBackend> | undefined;

/** One initialised backend per process, shared by every simulator (validation is stateless). */
export function xiBackend(): Promise<OpenAPIBackend> {
	sharedBackend ??= createXiBackend().init();
	return sharedBackend;
}

/**
 * Throws when the merged document is not valid OAS 3.0: a non-quick, strict init checks the document
 * (openapi-schema-validator) and resolves every $ref; `validate: false` skips compiling validators.
 */
export async function validateXiSpecDocument(): Promise<void> {
	await createXiBackend({ quick: false, strict: true, validate: false }).init();
}
