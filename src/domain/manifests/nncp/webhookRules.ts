/**
 * kubernetes-nmstate's admission rules for a NodeNetworkConfigurationPolicy. Until 2026-03 they were the
 * validating webhook pkg/webhook/nodenetworkconfigurationpolicy/validation.go; since bf2cc4d11 the same rules are a
 * ValidatingAdmissionPolicy (deploy/handler/operator.yaml, nncp-validation-policy) plus CRD CEL on
 * spec.nodeSelector (api/shared/nodenetworkconfigurationpolicy_types.go):
 * - create: the name must also be a label value (≤ 63 characters), as enactments and labels carry it;
 * - update: a changed spec is refused while the policy is still in progress (its Available condition has no
 *   reason yet, or ConfigurationProgressing);
 * - update: spec.capture cannot change;
 * - nodeSelector: at most 256 entries, keys qualified names, values label values (shared/check validateLabelMap).
 */
import type { FieldIssue } from '../../issues';
import type { NodeNetworkConfigurationPolicy } from '../../kube/networks';
import { err } from '../shared/check';
import type { ClusterContext } from '../shared/context';

export const NNCP_NAME_MAX = 63;
export const NNCP_NODE_SELECTOR_MAX = 256;

/** Stable JSON (sorted keys) so two specs compare by value, as CEL's `==` does. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );

/** Is the policy still being rolled out (the VAP's "still in progress")? */
export const isPolicyInProgress = (policy: NodeNetworkConfigurationPolicy): boolean => {
  const available = policy.status?.conditions?.find((c) => c.type === 'Available');
  return !available?.reason || available.reason === 'ConfigurationProgressing';
};

/** On create (no policy of that name yet): the name is also a label value, so at most 63 characters. */
export const nncpNameRule = (name: string, field: string, ctx: ClusterContext = {}): FieldIssue[] =>
  name.length > NNCP_NAME_MAX && !(ctx.nncps ?? []).some((p) => p.metadata.name === name)
    ? [err(field, 'nncp-name-length', { max: NNCP_NAME_MAX })]
    : [];

/**
 * Applying a manifest over an existing policy (from the cluster, ctx.nncps) is an update: a changed spec is
 * refused while the current policy is in progress, and spec.capture may not change. Manifest paths.
 */
export const nncpUpdateRules = (name: string, spec: unknown, ctx: ClusterContext = {}): FieldIssue[] => {
  const current = (ctx.nncps ?? []).find((p) => p.metadata.name === name);
  if (!current || typeof spec !== 'object' || spec === null) return [];
  const before = current.spec as unknown as Record<string, unknown>;
  const after = spec as Record<string, unknown>;
  if (canonical(before) === canonical(after)) return [];
  return [
    ...(isPolicyInProgress(current) ? [err('spec', 'nncp-in-progress', { name })] : []),
    ...(canonical(before.capture) !== canonical(after.capture)
      ? [err('spec.capture', 'nncp-capture-immutable')]
      : []),
  ];
};
