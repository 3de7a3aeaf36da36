/**
 * Maps the field paths of a failed dry run (Status.details.causes[].field, e.g. `spec.network.layer2.subnets[1]`)
 * back to the wizard's form fields, so a server refusal shows under the field the user typed into. Paths we
 * cannot place (a CEL rule on a whole object, `spec.config` of a NAD) land on REVIEW_FIELD.
 */
import type { FieldIssue } from '../../domain/issues';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';

/** Issues shown on the review step rather than under one field. */
export const REVIEW_FIELD = 'review';

const UDN_LAYER = /^spec\.(?:network\.)?(?:layer2|layer3|localnet)\.(.+)$/;

const udnField = (rest: string): string =>
  rest
    .replace(/^subnets\[(\d+)\]\.cidr$/, 'subnets[$1]')
    .replace(/^ipam\.lifecycle$/, 'persistentIPs')
    .replace(/^ipam\.mode$/, 'ipamMode')
    .replace(/^ipam$/, 'ipamMode')
    .replace(/^vlan(\.access(\.id)?)?$/, 'vlan');

const udnPath = (path: string): string | undefined => {
  const layer = UDN_LAYER.exec(path);
  if (layer?.[1]) return udnField(layer[1]);
  if (/^spec\.(network\.)?topology$/.test(path)) return 'topology';
  if (path.startsWith('spec.namespaceSelector')) return 'namespaceSelector';
  return undefined;
};

const nncpPath = (path: string): string | undefined => {
  if (path.startsWith('spec.nodeSelector')) return 'nodeSelector';
  if (path === 'spec.maxUnavailable') return 'maxUnavailable';
  if (path.startsWith('spec.desiredState.ovn')) return 'physicalNetworkName';
  return undefined;
};

// SriovNetwork / SriovNetworkNodePolicy spec fields have the form's names (spec.numVfs → numVfs).
const sriovPath = (path: string): string | undefined => {
  const m = /^spec\.(.+)$/.exec(path);
  if (!m?.[1]) return undefined;
  return m[1].startsWith('nicSelector') ? m[1].replace(/\[\d+\]$/, '') : m[1].replace(/\..*$/, '');
};

const METADATA: Record<string, string> = {
  'metadata.name': 'name',
  'metadata.namespace': 'namespace',
  'metadata.annotations.description': 'description',
};

/** The form field for a server path of `kind`'s manifest; undefined when it belongs to no single field. */
export const formFieldOf = (kind: NetworkKind, path: string): string | undefined => {
  const p = path.trim();
  if (METADATA[p]) return METADATA[p];
  if (kind.startsWith('udn-') || kind.startsWith('cudn-')) return udnPath(p);
  if (kind === 'nncp') return nncpPath(p);
  if (kind.startsWith('sriov-')) return sriovPath(p);
  return undefined; // NAD: everything else is inside the spec.config JSON string.
};

/** Server issues re-addressed to form fields; the original path is kept in params for the review list. */
export const mapServerIssues = (kind: NetworkKind, issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({
    ...i,
    field: formFieldOf(kind, i.field) ?? REVIEW_FIELD,
    params: { ...i.params, path: i.field },
  }));
