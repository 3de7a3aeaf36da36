/**
 * A manifest against its CRD's structural schema, the way the API server treats it on `kubectl apply
 * --validate=strict`: unknown fields (which the server would otherwise prune silently: a UDN's `spec.ipam` never
 * reaches OVN-Kubernetes), types, required fields and enums. Learned from kubernetes/apiextensions-apiserver
 * pkg/apiserver/schema (pruning, structural schema) and pkg/apiserver/validation; written here. CEL rules and
 * formats are not evaluated here (the wizard validators cover the CEL rules of the CRDs we know).
 */
import type { FieldIssue } from '../../issues';
import { err } from '../shared/check';
import { isObject } from '../shared/reader';

export type JSONSchema = {
  type?: string;
  properties?: Record<string, JSONSchema>;
  additionalProperties?: JSONSchema | boolean;
  items?: JSONSchema;
  required?: string[];
  enum?: unknown[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
};

/** The schema of each served kind: `group/Kind` → version → schema. */
export type SchemaSet = Map<string, Map<string, JSONSchema>>;

/** Schemas of CRD objects (apiextensions.k8s.io/v1 CustomResourceDefinition). */
export const schemasFromCrds = (crds: readonly unknown[]): SchemaSet => {
  const set: SchemaSet = new Map();
  for (const crd of crds) {
    if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec)) continue;
    const { group, names, versions } = crd.spec as {
      group?: unknown;
      names?: { kind?: unknown };
      versions?: unknown;
    };
    if (typeof group !== 'string' || typeof names?.kind !== 'string' || !Array.isArray(versions)) continue;
    const byVersion = new Map<string, JSONSchema>();
    for (const v of versions as unknown[]) {
      if (!isObject(v) || typeof v.name !== 'string' || !isObject(v.schema)) continue;
      if (v.served === false) continue; // not discoverable: the API server refuses it
      const schema = (v.schema as { openAPIV3Schema?: unknown }).openAPIV3Schema;
      if (isObject(schema)) byVersion.set(v.name, schema);
    }
    set.set(`${group}/${names.kind}`, byVersion);
  }
  return set;
};

/**
 * A published OpenAPI v3 schema made structural again: references (`$ref`, or `allOf: [{$ref}]`, which the API
 * server uses for ObjectMeta, validated by its own rules, not the CRD schema) accept anything; the rest is the
 * CRD's schema as served (apiextensions-apiserver pkg/controller/openapi/builder keeps properties, required,
 * enums, additionalProperties and the x-kubernetes extensions).
 */
const fromOpenApi = (node: unknown, depth = 0): JSONSchema => {
  if (!isObject(node) || depth > 64) return { 'x-kubernetes-preserve-unknown-fields': true };
  const refs = (k: string) =>
    Array.isArray(node[k]) && (node[k] as unknown[]).some((s) => isObject(s) && '$ref' in s);
  if ('$ref' in node || refs('allOf') || refs('anyOf') || refs('oneOf'))
    return { 'x-kubernetes-preserve-unknown-fields': true };
  const out: JSONSchema = { ...(node as JSONSchema) };
  if (isObject(node.properties))
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([k, v]) => [k, fromOpenApi(v, depth + 1)]),
    );
  if (isObject(node.items)) out.items = fromOpenApi(node.items, depth + 1);
  if (isObject(node.additionalProperties))
    out.additionalProperties = fromOpenApi(node.additionalProperties, depth + 1);
  return out;
};

/**
 * Schemas of the API server's OpenAPI v3 documents (`/openapi/v3/apis/<group>/<version>`, readable by any
 * authenticated user, unlike the CustomResourceDefinitions): each component schema that names its
 * group-version-kind (`x-kubernetes-group-version-kind`), lists excluded.
 */
export const schemasFromOpenApi = (docs: readonly unknown[]): SchemaSet => {
  const set: SchemaSet = new Map();
  for (const doc of docs) {
    const components = isObject(doc) && isObject(doc.components) ? doc.components.schemas : undefined;
    if (!isObject(components)) continue;
    for (const schema of Object.values(components)) {
      const gvks = isObject(schema) ? schema['x-kubernetes-group-version-kind'] : undefined;
      if (!Array.isArray(gvks)) continue;
      for (const gvk of gvks as unknown[]) {
        if (!isObject(gvk) || typeof gvk.kind !== 'string' || typeof gvk.version !== 'string') continue;
        if (gvk.kind.endsWith('List')) continue;
        const key = `${typeof gvk.group === 'string' ? gvk.group : ''}/${gvk.kind}`;
        const byVersion = set.get(key) ?? new Map<string, JSONSchema>();
        byVersion.set(gvk.version, fromOpenApi(schema));
        set.set(key, byVersion);
      }
    }
  }
  return set;
};

const typeOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v;

const typeMatches = (schema: JSONSchema, v: unknown): boolean => {
  if (schema['x-kubernetes-int-or-string']) return typeof v === 'string' || typeOf(v) === 'integer';
  const t = schema.type;
  if (!t) return true;
  const actual = typeOf(v);
  return t === actual || (t === 'number' && actual === 'integer');
};

// metadata is validated by the API server's ObjectMeta rules, not the CRD schema.
const SKIP_ROOT = new Set(['apiVersion', 'kind', 'metadata', 'status']);

const walk = (schema: JSONSchema, v: unknown, path: string, out: FieldIssue[]): void => {
  if (v === null || v === undefined) return; // null: the server drops it (nullable or not, kubectl sends none)
  if (!typeMatches(schema, v)) {
    out.push(
      err(path, 'schema-type', {
        expected: schema['x-kubernetes-int-or-string'] ? 'integer or string' : (schema.type ?? ''),
      }),
    );
    return;
  }
  if (schema.enum && !schema.enum.includes(v)) {
    out.push(err(path, 'enum-value', { allowed: schema.enum.map(String).join(', ') }));
  }
  if (Array.isArray(v) && schema.items) {
    v.forEach((item, i) => walk(schema.items as JSONSchema, item, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(v)) return;
  for (const r of schema.required ?? []) {
    if (v[r] === undefined) out.push(err(path ? `${path}.${r}` : r, 'required'));
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] || schema['x-kubernetes-embedded-resource']) {
    // Known properties are still checked; the rest is kept as is.
    for (const [k, sub] of Object.entries(schema.properties ?? {}))
      walk(sub, v[k], path ? `${path}.${k}` : k, out);
    return;
  }
  for (const [k, val] of Object.entries(v)) {
    if (!path && SKIP_ROOT.has(k)) continue;
    const field = path ? `${path}.${k}` : k;
    const sub = schema.properties?.[k];
    if (sub) walk(sub, val, field, out);
    else if (isObject(schema.additionalProperties)) walk(schema.additionalProperties, val, field, out);
    else if (schema.additionalProperties !== true) out.push(err(field, 'schema-unknown-field'));
  }
};

/**
 * Issues of `obj` against its kind's schema; undefined when the set has no schema for its group, kind and version
 * (the caller says the check was skipped).
 */
export const validateAgainstSchema = (obj: unknown, schemas: SchemaSet): FieldIssue[] | undefined => {
  if (!isObject(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const versions = schemas.get(`${group}/${obj.kind}`);
  const schema = versions?.get(version ?? '');
  // The kind is there but not this version: the API server has no such resource (kubectl: "no matches for kind").
  if (versions && !schema)
    return [
      err('apiVersion', 'schema-version-not-served', {
        kind: obj.kind,
        apiVersion: obj.apiVersion,
        served: [...versions.keys()].join(', '),
      }),
    ];
  if (!schema) return undefined;
  const out: FieldIssue[] = [];
  walk(schema, obj, '', out);
  return out;
};
