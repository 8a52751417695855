/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The OpenAPI document for Ingram Micro's legacy Reseller API v5.
 *
 * Ingram removed the v5 operations from its published spec in February 2024; the copy in
 * test/fixtures/ingram-micro-reseller-api-2024-02-with-v5.yaml is the last one that has them. This
 * module cuts that file down to the eight `/resellers/v5/...` paths (nine operations) plus the
 * components they reference, directly or through other components, and leaves every kept node as
 * Ingram wrote it. Anything the simulator had to change so openapi-backend (Ajv) accepts the
 * document is listed in `V5_SPEC_REPAIRS`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OpenAPIBackend } from 'openapi-backend';

import { createBackend } from '../spec';

// js-yaml is only present transitively and has no @types package, so it is loaded untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { load(text: string): unknown } = require('js-yaml');

type Json = Record<string, unknown>;

const V5_YAML = path.join(
	__dirname,
	'../../fixtures/ingram-micro-reseller-api-2024-02-with-v5.yaml',
);

export const V5_PATH_PREFIX = '/resellers/v5/';

/** The nine v5 operations, by operationId, with their method and path in the spec. */
export const V5_OPERATIONS = {
	MultiSKUPriceAndStock: { method: 'post', path: '/resellers/v5/Catalog/priceandavailability' },
	'get-v5-catalog-productsearch': { method: 'get', path: '/resellers/v5/Catalog' },
	'post-v5-orders-create': { method: 'post', path: '/resellers/v5/Orders' },
	'get-orders-search': { method: 'get', path: '/resellers/v5/Orders/search' },
	'get-v5-orders-details': { method: 'get', path: '/resellers/v5/Orders/{ordernumber}' },
	'delete-orders-orderNumber': { method: 'delete', path: '/resellers/v5/Orders/{ordernumber}' },
	'get-invoices': { method: 'get', path: '/resellers/v5/invoices/{invoiceNumber}' },
	'post-v5-quotes-search': { method: 'post', path: '/resellers/v5/quote/search' },
	'get-v5-quotes-details': { method: 'get', path: '/resellers/v5/quote/{quoteNumber}' },
} as const;

export type V5OperationId = keyof typeof V5_OPERATIONS;

/** What the simulator changed relative to Ingram's file, one line per change. */
export const V5_SPEC_REPAIRS: string[] = [];

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local JSON pointer such as `#/components/schemas/orderCreateRequest`. */
function resolvePointer(root: Json, ref: string): unknown {
	let node: unknown = root;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		node = isObject(node) ? node[key] : undefined;
	}
	return node;
}

/** Every local `$ref` reachable from `start`, following references into the components. */
function reachableRefs(root: Json, start: unknown): Set<string> {
	const found = new Set<string>();
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) {
			node.forEach(visit);
			return;
		}
		if (!isObject(node)) return;
		const ref = node.$ref;
		if (typeof ref === 'string' && ref.startsWith('#/') && !found.has(ref)) {
			found.add(ref);
			visit(resolvePointer(root, ref));
		}
		Object.values(node).forEach(visit);
	};
	visit(start);
	return found;
}

/** Names of the security schemes the operations (or the document) ask for. */
function usedSecuritySchemes(paths: Json, topLevel: unknown): Set<string> {
	const names = new Set<string>();
	const add = (requirements: unknown) => {
		if (!Array.isArray(requirements)) return;
		for (const requirement of requirements)
			if (isObject(requirement)) Object.keys(requirement).forEach((n) => names.add(n));
	};
	add(topLevel);
	for (const item of Object.values(paths)) {
		if (!isObject(item)) continue;
		for (const operation of Object.values(item)) if (isObject(operation)) add(operation.security);
	}
	return names;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Minimal repairs, each recorded in V5_SPEC_REPAIRS.
 *
 * `explode: false` on a query parameter whose schema is a single string (Orders search's
 * `startcreatetimestamp`) means nothing in OAS, but openapi-backend reads it as "comma separated
 * list" and hands Ajv an array, so every valid date-time (`2025-01-01T00:00:00Z`) would fail
 * "must be string". The flag is dropped on such primitive parameters; arrays keep it.
 */
function repair(spec: Json): void {
	for (const [p, item] of Object.entries(spec.paths as Json)) {
		if (!isObject(item)) continue;
		const levels: [string, unknown][] = [[p, item.parameters]];
		for (const method of HTTP_METHODS) {
			const operation = item[method];
			if (isObject(operation))
				levels.push([`${String(operation.operationId ?? method)}`, operation.parameters]);
		}
		for (const [where, parameters] of levels) {
			if (!Array.isArray(parameters)) continue;
			for (const parameter of parameters) {
				if (!isObject(parameter) || parameter.in !== 'query' || parameter.explode !== false)
					continue;
				const schema = isObject(parameter.schema) ? parameter.schema : {};
				if (schema.type === 'array' || schema.type === 'object') continue;
				delete parameter.explode;
				V5_SPEC_REPAIRS.push(
					`${where} query "${String(parameter.name)}": dropped "explode: false" on a ${String(schema.type)} parameter (openapi-backend would split the value into an array)`,
				);
			}
		}
	}
}

function loadV5Spec(): Json {
	const full = yaml.load(fs.readFileSync(V5_YAML, 'utf8')) as Json;
	const allPaths = full.paths as Json;
	const paths: Json = {};
	for (const [p, item] of Object.entries(allPaths))
		if (p.startsWith(V5_PATH_PREFIX)) paths[p] = structuredClone(item);

	const components: Json = {};
	for (const ref of reachableRefs(full, paths)) {
		const [, section, kind, name] = ref.split('/');
		if (section !== 'components' || !kind || !name) continue;
		const bucket = (components[kind] ??= {}) as Json;
		bucket[name] = structuredClone(resolvePointer(full, ref));
	}
	const fullSchemes = ((full.components as Json).securitySchemes ?? {}) as Json;
	const schemes: Json = {};
	for (const name of usedSecuritySchemes(paths, full.security))
		if (name in fullSchemes) schemes[name] = structuredClone(fullSchemes[name]);
	if (Object.keys(schemes).length) components.securitySchemes = schemes;

	const usedTags = new Set<string>();
	for (const item of Object.values(paths)) {
		if (!isObject(item)) continue;
		for (const method of HTTP_METHODS) {
			const operation = item[method];
			if (isObject(operation) && Array.isArray(operation.tags))
				for (const tag of operation.tags) usedTags.add(String(tag));
		}
	}
	const tags = Array.isArray(full.tags)
		? full.tags.filter((t) => isObject(t) && usedTags.has(String(t.name)))
		: undefined;

	const spec: Json = {
		openapi: full.openapi,
		info: structuredClone(full.info),
		...(full.servers ? { servers: structuredClone(full.servers) } : {}),
		...(full.security ? { security: structuredClone(full.security) } : {}),
		...(tags ? { tags: structuredClone(tags) } : {}),
		paths,
		components,
	};
	repair(spec);
	return spec;
}

let v5Document: Json | undefined;

/** The v5-only document (parsed once per process; every caller gets its own deep copy). */
export function v5Spec(): Record<string, unknown> {
	v5Document ??= loadV5Spec();
	return structuredClone(v5Document);
}

/** The invoice schema puts number formats on string amounts ("61.22"). */
const numericText = { type: 'string' as const, validate: (s: string) => !Number.isNaN(Number(s)) };

/** Formats the v5 file uses besides Ingram's usual ones (also given to the merged XI backend). */
export const V5_FORMATS = { double: numericText, float: numericText };

/** An initialised openapi-backend over the v5 document, built like the XI simulator's. */
export function createV5Backend(
	options: { quick?: boolean; strict?: boolean; validate?: boolean } = {},
): Promise<OpenAPIBackend> {
	return createBackend(v5Spec(), {
		...options,
		formats: V5_FORMATS,
	}).init();
}

/** Throws when the v5 document is not valid OAS 3.0 (non-quick, strict init). */
export async function validateV5SpecDocument(): Promise<void> {
	await createV5Backend({ quick: false, strict: true, validate: false });
}
