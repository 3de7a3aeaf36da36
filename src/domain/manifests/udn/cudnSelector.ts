/**
 * The ClusterUserDefinedNetwork's namespace selector: which namespaces get the network, checked against the
 * namespaces the user can see. The rest of a CUDN is checked with the UDN rules (udnValidate.ts, `scope: 'cluster'`).
 */
import type { FieldIssue } from '../../issues';
import type { LabelSelector } from '../../kube/networks';
import { err, isEmptySelector, matchesSelector, validateLabelSelector, warn } from '../shared/check';
import type { ClusterContext } from '../shared/context';

/** Names of the namespaces a CUDN selector picks; undefined when the namespaces cannot be read. */
export const selectedNamespaces = (ctx: ClusterContext, selector: LabelSelector): string[] | undefined =>
  ctx.namespaces?.filter((n) => matchesSelector(selector, n.labels)).map((n) => n.name);

export const validateCudnSelector = (
  selector: LabelSelector | undefined,
  ctx: ClusterContext,
): FieldIssue[] => {
  if (!selector) return [err('namespaceSelector', 'required')];
  // Stricter than the CRD: an empty selector selects every namespace (openshift-docs #85165).
  if (isEmptySelector(selector)) return [err('namespaceSelector', 'selector-empty', { what: 'namespace' })];
  const hitsOpenshift = (ctx.namespaces ?? []).some(
    (n) => n.name.startsWith('openshift-') && matchesSelector(selector, n.labels),
  );
  const matched = selectedNamespaces(ctx, selector);
  const selectorIssues = validateLabelSelector('namespaceSelector', selector);
  return [
    ...selectorIssues,
    ...(hitsOpenshift ? [warn('namespaceSelector', 'selector-openshift-namespaces')] : []),
    // "tenant-a" alone selects namespaces carrying a label key "tenant-a": usually not what was meant.
    ...(matched && matched.length === 0 && !selectorIssues.length
      ? [warn('namespaceSelector', 'selector-matches-none', { what: 'namespace' })]
      : []),
  ];
};
