/**
 * Where each form field lives in its manifest: one table per kind, read both ways. The manifest readers report a
 * form validator's issue at its manifest path (`pathOfField`: 'subnets[1]' → 'spec.layer3.subnets[1].cidr'), and
 * the wizards place a server refusal (a dry run's Status cause path) under the form field the user typed into
 * (`fieldOfPath`, manifests/serverFields.ts). One table, so the two directions cannot drift.
 */

export type FieldRename = {
  /** The form field; `[]` stands for any list index (`subnets[]`). */
  field: string;
  /** Its manifest path; each `[]` takes the field's index, in order. */
  path: string;
  /** Server paths below `path` still belong to `field` itself (a selector, a vlan block the form edits whole). */
  leaf?: boolean;
  /** Only read from the server side: an object holding the field (`…ipam` holds `…ipam.mode`). */
  alias?: boolean;
  /** The field itself only, not its sub-fields (`subnets[1]` moves to `…subnets[1].cidr`, `subnets[1].hostSubnet` stays). */
  exact?: boolean;
};

export type FieldTable = {
  renames: readonly FieldRename[];
  /** Where the fields not listed live: `${rest}.${field}`. Without it they have no manifest path of their own. */
  rest?: string;
  /** From the server side, how many segments below `rest` name a form field (default: all of them). */
  restDepth?: number;
};

/** name, namespace and description: the same place in every manifest. */
export const META_RENAMES: readonly FieldRename[] = [
  { field: 'name', path: 'metadata.name' },
  { field: 'namespace', path: 'metadata.namespace' },
  { field: 'description', path: 'metadata.annotations.description' },
  // The API server limits all annotations together (256 KiB) and names only `metadata.annotations`; the one
  // annotation a user types is the description (apimachinery pkg/api/validation/objectmeta.go ValidateAnnotations).
  { field: 'description', path: 'metadata.annotations', alias: true, exact: true },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cache = new Map<string, RegExp>();
/** `pattern` or anything below it (`.x`, `[1]`); captures each `[]` index, then the remainder. */
const matcher = (pattern: string): RegExp => {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('[]').map(escape).join('\\[(\\d+)\\]')}((?:[.[].*)?)$`);
    cache.set(pattern, re);
  }
  return re;
};

/** `to` with its `[]` filled by `indexes`, then `rest`. */
const fill = (to: string, indexes: readonly string[], rest: string): string => {
  let i = 0;
  return to.replace(/\[\]/g, () => `[${indexes[i++] ?? 0}]`) + rest;
};

const rename = (
  from: string,
  to: string,
  value: string,
  r: FieldRename,
  leaf = false,
): string | undefined => {
  const m = matcher(from).exec(value);
  if (!m) return undefined;
  const groups = m.slice(1);
  const rest = groups.pop() ?? '';
  if (r.exact && rest !== '') return undefined;
  return fill(to, groups, leaf ? '' : rest);
};

/** Form field → manifest path; undefined when the table does not place it. */
export const pathOfField = (table: FieldTable, field: string): string | undefined => {
  for (const r of table.renames) {
    if (r.alias) continue;
    const path = rename(r.field, r.path, field, r);
    if (path !== undefined) return path;
  }
  return table.rest === undefined ? undefined : `${table.rest}.${field}`;
};

/** Manifest (server) path → form field; undefined when it belongs to no single field. */
export const fieldOfPath = (table: FieldTable, path: string): string | undefined => {
  for (const r of table.renames) {
    const field = rename(r.path, r.field, path, r, r.leaf);
    if (field !== undefined) return field;
  }
  const { rest } = table;
  if (rest === undefined || !path.startsWith(`${rest}.`)) return undefined;
  const below = path.slice(rest.length + 1);
  if (table.restDepth === undefined) return below;
  return below.split('.').slice(0, table.restDepth).join('.');
};
