/**
 * A problem with one field of a form or manifest. Views map `code` to translated text; `params` fill it in.
 * Server errors (422 causes of a dry run) use code `server` with `params.message`.
 */
export type FieldIssue = {
  field: string;
  code: string;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
};

export const hasErrors = (issues: readonly FieldIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');

export const issuesFor = (issues: readonly FieldIssue[], field: string): FieldIssue[] =>
  issues.filter((i) => i.field === field);
