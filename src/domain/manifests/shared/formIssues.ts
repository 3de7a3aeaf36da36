/**
 * Which of a form's issues a wizard shows, and where each belongs: errors of a field show once the user has left
 * it (or pressed Create), not while the form is still empty; warnings once the user has left any field. A field's issues include those
 * of its entries (`subnets` owns `subnets[1]` and `subnets[0].hostSubnet`).
 */
import type { FieldIssue } from '../../issues';

/** `issueField` is `field` itself or one of its entries / sub-fields. */
export const belongsTo = (issueField: string, field: string): boolean =>
  issueField === field || issueField.startsWith(`${field}[`) || issueField.startsWith(`${field}.`);

/**
 * The issues to show: errors of touched fields (all of them once `submitted`), and warnings once the user has
 * left any field (an untouched form warns about nothing: its defaults are not the user's choice yet).
 */
export const shownIssues = (
  issues: readonly FieldIssue[],
  touched: ReadonlySet<string>,
  submitted: boolean,
): FieldIssue[] =>
  issues.filter(
    (i) =>
      submitted ||
      (i.severity === 'warning' && touched.size > 0) ||
      [...touched].some((f) => belongsTo(i.field, f)),
  );

/** The errors among `issues` that belong to one of `fields`, in the fields' order. */
export const errorsOfFields = (issues: readonly FieldIssue[], fields: readonly string[]): FieldIssue[] =>
  fields.flatMap((f) => issues.filter((i) => i.severity === 'error' && belongsTo(i.field, f)));

/** The step (by id) whose fields own `issueField`: the first such step, as the user meets it. */
export const stepOfField = (
  steps: readonly { id: string; fields: readonly string[] }[],
  issueField: string,
): string | undefined => steps.find((s) => s.fields.some((f) => belongsTo(issueField, f)))?.id;

/** The form field that owns `issueField` in `steps` (`subnets[1]` → `subnets`). */
export const ownerField = (
  steps: readonly { fields: readonly string[] }[],
  issueField: string,
): string | undefined => {
  for (const s of steps) for (const f of s.fields) if (belongsTo(issueField, f)) return f;
  return undefined;
};

/** The position of a list entry in an issue's field (`subnets[1]` → 1, `subnets[0].hostSubnet` → 0). */
export const entryIndex = (issueField: string): number | undefined => {
  const m = /\[(\d+)\]/.exec(issueField);
  return m ? Number(m[1]) : undefined;
};

/**
 * The form fields an issue may belong to, most specific first: `bond.ports[1]` → `bond.ports[1]`, `bond.ports`,
 * `bond`. A wizard takes the first one it has an input (and a label) for.
 */
export const fieldCandidates = (issueField: string): string[] => {
  const out: string[] = [];
  let f = issueField;
  while (f) {
    if (!out.includes(f)) out.push(f);
    const cut = Math.max(f.lastIndexOf('['), f.lastIndexOf('.'));
    if (cut <= 0) break;
    f = f.slice(0, cut);
  }
  return out;
};
