/** Small field checks shared by every manifest kind. Each returns `FieldIssue[]` for one field. */
import type { FieldIssue } from '../../issues';
import type { LabelSelector } from '../../kube/networks';
import type { IssueCode } from './messages';

type Params = Record<string, string | number>;

export const err = (field: string, code: IssueCode, params?: Params): FieldIssue =>
  params ? { field, code, severity: 'error', params } : { field, code, severity: 'error' };

export const warn = (field: string, code: IssueCode, params?: Params): FieldIssue =>
  params ? { field, code, severity: 'warning', params } : { field, code, severity: 'warning' };

export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

export const validateRequired = (field: string, value: string | undefined): FieldIssue[] =>
  isBlank(value) ? [err(field, 'required')] : [];

// k8s.io/apimachinery/pkg/util/validation: IsDNS1123Label / IsDNS1123Subdomain.
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const isDNS1123Label = (value: string): boolean => value.length <= 63 && LABEL.test(value);
export const isDNS1123Subdomain = (value: string): boolean => value.length <= 253 && SUBDOMAIN.test(value);

/**
 * Names of objects that VMs reference (NAD, UDN, CUDN, SriovNetwork): a DNS-1123 label, because KubeVirt's
 * `multus.networkName` parts and the generated NAD names must be labels (stricter than the API's subdomain).
 */
export const validateLabelName = (field: string, value: string | undefined): FieldIssue[] => {
  if (isBlank(value)) return [err(field, 'required')];
  return isDNS1123Label(value ?? '') ? [] : [err(field, 'dns1123-label')];
};

/**
 * A namespaced object needs an existing namespace (the API server refuses a create otherwise). Checked only when
 * the namespaces the user can see are known.
 */
export const validateNamespaceKnown = (
  field: string,
  namespace: string | undefined,
  ctx: { namespaces?: { name: string }[] },
): FieldIssue[] => {
  const ns = (namespace ?? '').trim();
  return ns && ctx.namespaces && !ctx.namespaces.some((n) => n.name === ns)
    ? [err(field, 'namespace-unknown', { namespace: ns })]
    : [];
};

/** Names of other objects: the API server's DNS-1123 subdomain rule for custom resources. */
export const validateSubdomainName = (field: string, value: string | undefined): FieldIssue[] => {
  if (isBlank(value)) return [err(field, 'required')];
  return isDNS1123Subdomain(value ?? '') ? [] : [err(field, 'dns1123-subdomain')];
};

// IsQualifiedName and IsValidLabelValue (apimachinery validation.go).
const QUALIFIED_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const isQualifiedName = (key: string): boolean => {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.length === 2 ? (parts[1] ?? '') : key;
  const prefix = parts.length === 2 ? (parts[0] ?? '') : undefined;
  if (prefix !== undefined && !isDNS1123Subdomain(prefix)) return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED_PART.test(name);
};

export const isLabelValue = (value: string): boolean =>
  value === '' || (value.length <= 63 && QUALIFIED_PART.test(value));

/** A `key: value` map used as a node selector or `matchLabels` (NNCP CEL: keys must be qualified names). */
export const validateLabelMap = (field: string, map: Record<string, string> | undefined): FieldIssue[] =>
  Object.entries(map ?? {}).flatMap(([key, value]) => [
    ...(isQualifiedName(key) ? [] : [err(`${field}.${key}`, 'qualified-name')]),
    ...(typeof value === 'string' && isLabelValue(value) ? [] : [err(`${field}.${key}`, 'label-value')]),
  ]);

/** metav1.LabelSelector validation (ValidateLabelSelector): operators and their values. */
export const validateLabelSelector = (field: string, selector: LabelSelector | undefined): FieldIssue[] => {
  const exprs = selector?.matchExpressions ?? [];
  const exprIssues = exprs.flatMap((e, i) => {
    const f = `${field}.matchExpressions[${i}]`;
    const keyIssues = isQualifiedName(e.key ?? '') ? [] : [err(`${f}.key`, 'qualified-name')];
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      const bad = values.findIndex((v) => !isLabelValue(v));
      return [
        ...keyIssues,
        ...(values.length === 0
          ? [err(`${f}.values`, 'selector-values', { operator: e.operator, need: 'values' })]
          : []),
        ...(bad >= 0 ? [err(`${f}.values[${bad}]`, 'label-value')] : []),
      ];
    }
    if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      return [
        ...keyIssues,
        ...(values.length > 0
          ? [err(`${f}.values`, 'selector-values', { operator: e.operator, need: 'no values' })]
          : []),
      ];
    }
    return [...keyIssues, err(`${f}.operator`, 'selector-operator')];
  });
  return [...validateLabelMap(`${field}.matchLabels`, selector?.matchLabels), ...exprIssues];
};

export const isInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

/** An optional integer within [min, max]; `code` names the range rule. */
export const validateIntRange = (
  field: string,
  value: number | undefined,
  min: number,
  max: number,
  code: IssueCode,
): FieldIssue[] => {
  if (value === undefined) return [];
  if (!isInteger(value)) return [err(field, 'not-an-integer')];
  return value >= min && value <= max ? [] : [err(field, code, { min, max })];
};

/** VLAN IDs 1–4094: 0 means untagged and 4095 is reserved (IEEE 802.1Q). */
export const validateVlan = (field: string, vlan: number | undefined, min = 1): FieldIssue[] =>
  validateIntRange(field, vlan, min, 4094, 'vlan-range');

/**
 * Linux interface names (kernel dev_valid_name): shorter than IFNAMSIZ (16), no "/", ":" or whitespace,
 * not "." or "..". nmstate and the bridge CNI pass the name to the kernel unchanged.
 */
export const isInterfaceName = (name: string): boolean =>
  name.length >= 1 && name.length <= 15 && !/[\s/:]/.test(name) && name !== '.' && name !== '..';

/** Indexes of entries that appeared earlier in the list. */
export const duplicateIndexes = <T>(items: readonly T[], key: (item: T) => string): number[] => {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [i];
    seen.add(k);
    return [];
  });
};

/** Does `labels` satisfy every `key: value` in `selector`? (an empty selector matches all). */
export const matchesLabels = (
  selector: Record<string, string>,
  labels: Record<string, string> = {},
): boolean => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** metav1.LabelSelector semantics: every matchLabels entry and every expression must hold. */
export const matchesSelector = (selector: LabelSelector, labels: Record<string, string> = {}): boolean =>
  matchesLabels(selector.matchLabels ?? {}, labels) &&
  (selector.matchExpressions ?? []).every((e) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return has && (e.values ?? []).includes(value ?? '');
      case 'NotIn':
        return !has || !(e.values ?? []).includes(value ?? '');
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });

export const isEmptySelector = (selector: LabelSelector): boolean =>
  Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
