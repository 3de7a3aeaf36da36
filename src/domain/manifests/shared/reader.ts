/**
 * Typed reads from an untrusted manifest (parsed YAML). A value of the wrong type becomes an issue at its
 * manifest path and reads as undefined, so the form validators then see what is usable.
 */
import type { FieldIssue } from '../../issues';
import { err } from './check';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The steps of a field path, split once per distinct path (the checks read the same paths for every object). */
const pathSteps = new Map<string, readonly string[]>();
const stepsOf = (path: string): readonly string[] => {
  let steps = pathSteps.get(path);
  if (!steps) {
    steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    if (pathSteps.size >= 10_000) pathSteps.clear();
    pathSteps.set(path, steps);
  }
  return steps;
};

export class ManifestReader {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly root: unknown) {}

  /**
   * Manifest values are checked as the API server sees them: names, CIDRs, MACs and enums with spaces or line
   * breaks around them fail its patterns and CEL rules, although the form validators would trim them. JSON or
   * free-text fields (CNI configs, SR-IOV ipam, descriptions) may have any spacing.
   */
  private exact(path: string, value: string): void {
    if (/(^|\.)(config|ipam|description)$/.test(path)) return;
    if (value !== value.trim()) this.issues.push(err(path, 'surrounding-space'));
  }

  /** Value at a path like 'spec.layer2.subnets[1]'; undefined if any step is missing. */
  get(path: string): unknown {
    const steps = stepsOf(path);
    return steps.reduce<unknown>((node, step) => {
      if (step.startsWith('[')) return Array.isArray(node) ? node[Number(step.slice(1, -1))] : undefined;
      return isRecord(node) ? node[step] : undefined;
    }, this.root);
  }

  string(path: string): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') {
      this.exact(path, v);
      return v;
    }
    this.issues.push(err(path, 'not-a-string'));
    return undefined;
  }

  int(path: string): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.issues.push(err(path, 'not-an-integer'));
    return undefined;
  }

  bool(path: string): boolean | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.issues.push(err(path, 'not-a-boolean'));
    return undefined;
  }

  /** A list of strings; non-string entries are reported and skipped. */
  strings(path: string): string[] | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.issues.push(err(path, 'not-a-list'));
      return undefined;
    }
    return v.flatMap((item, i) => {
      if (typeof item === 'string') {
        this.exact(`${path}[${i}]`, item);
        return [item];
      }
      this.issues.push(err(`${path}[${i}]`, 'not-a-string'));
      return [];
    });
  }

  list(path: string): unknown[] | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v as unknown[];
    this.issues.push(err(path, 'not-a-list'));
    return undefined;
  }

  /** A string map (labels, node selectors); values must be strings. */
  stringMap(path: string): Record<string, string> | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v)) {
      this.issues.push(err(path, 'not-an-object'));
      return undefined;
    }
    return Object.fromEntries(
      Object.entries(v).flatMap(([k, val]) => {
        if (typeof val === 'string') return [[k, val]];
        this.issues.push(err(`${path}.${k}`, 'not-a-string'));
        return [];
      }),
    );
  }

  /** One of `allowed`; anything else is reported (CRD enum). */
  oneOf<T extends string>(path: string, allowed: readonly T[]): T | undefined {
    const v = this.string(path);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.issues.push(err(path, 'enum-value', { allowed: allowed.join(', ') }));
    return undefined;
  }

  /** Reports a missing required value. */
  require(path: string): void {
    const v = this.get(path);
    if (v === undefined || v === null || v === '') this.issues.push(err(path, 'required'));
  }
}

export const isObject = isRecord;

/** A form read from a manifest: issues found while reading, and where each form field lives in the manifest. */
export type Adapted<F> = { form?: F; issues: FieldIssue[]; pathOf: (field: string) => string };
