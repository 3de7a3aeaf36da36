/**
 * A small RFC 6902 applier: what the API server does with a JSON patch, including `test` failures (how it turns a
 * concurrent edit into a 409/422). The staged change plan (interfaces/plan.ts) builds each edit's patch on the VM
 * the edits before it produce; tests assert on the VM a patch produces.
 */
import type { PatchOp } from './meta';
import { jsonEqual } from '../interfaces/equal';

export class PatchTestFailed extends Error {
  constructor(readonly path: string) {
    super(`JSON patch test failed at ${path}`);
  }
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

type Container = Record<string, unknown> | unknown[];

const parentOf = (doc: unknown, path: string): { parent: Container; key: string } => {
  const parts = path.split('/').slice(1).map(unescape);
  const key = parts.pop();
  if (key === undefined) throw new Error(`JSON patch path must not be empty: "${path}"`);
  let cur: unknown = doc;
  for (const p of parts) {
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as Record<string, unknown> | undefined)?.[p];
    if (typeof cur !== 'object' || cur === null) throw new Error(`JSON patch path not found: "${path}"`);
  }
  return { parent: cur as Container, key };
};

const get = (parent: Container, key: string): unknown =>
  Array.isArray(parent) ? parent[Number(key)] : parent[key];

/** Returns a patched deep copy of `doc`; throws PatchTestFailed when a `test` op does not match. */
export const applyPatch = <T>(doc: T, ops: readonly PatchOp[]): T => {
  const out = structuredClone(doc);
  for (const op of ops) {
    const { parent, key } = parentOf(out, op.path);
    if (op.op === 'test') {
      if (!jsonEqual(get(parent, key), op.value)) throw new PatchTestFailed(op.path);
    } else if (op.op === 'remove') {
      if (get(parent, key) === undefined)
        throw new Error(`JSON patch remove of a missing path: "${op.path}"`);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) {
      const value = structuredClone(op.value);
      if (key === '-') parent.push(value);
      else if (op.op === 'add') parent.splice(Number(key), 0, value);
      else parent[Number(key)] = value;
    } else {
      if (op.op === 'replace' && !(key in parent))
        throw new Error(`JSON patch replace of a missing path: "${op.path}"`);
      parent[key] = structuredClone(op.value);
    }
  }
  return out;
};
