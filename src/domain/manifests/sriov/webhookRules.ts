/**
 * The SR-IOV network operator's admission rules for SriovNetworkNodePolicy and SriovNetwork, read rule by rule
 * from k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go (static and dynamic policy checks),
 * pkg/webhook/validate_networks.go (networkNamespace) and pkg/webhook/mutate.go (defaults). sriov.ts keeps the
 * older rules (resourceName, nicSelector, numVfs, RDMA vs vfio-pci); this file holds the rest:
 *
 * - policyFormRules: what the wizard's fields can break (namespace, netFilter exclusivity, supported NICs,
 *   node selection, VF ranges and root devices shared with other policies).
 * - policySpecRules: fields only a manifest carries (eSwitchMode, vdpaType, bridge, externallyManaged,
 *   excludeTopology); fields are manifest paths.
 */
import type { FieldIssue } from '../../issues';
import type { SriovNetworkNodePolicy } from '../../kube/networks';
import { err, matchesLabels, warn } from '../shared/check';
import type { ClusterContext } from '../shared/context';
import { type PfOption, getPfOptions, getSelectedNodeNames } from '../shared/options';
import type { SriovNetworkForm, SriovPolicyForm } from './sriov';

const OPERATOR_NAMESPACE = 'openshift-sriov-network-operator';

/**
 * PF vendor and device IDs of the operator's default supported-nic-ids ConfigMap (deploy/configmap.yaml). The
 * webhook refuses a nicSelector vendor / device outside it (compared exactly, lower-case hex) unless the
 * cluster's ConfigMap was extended, hence a warning.
 */
const SUPPORTED_PFS: readonly (readonly [string, string])[] = [
  ['8086', '158a'], ['8086', '158b'], ['8086', '1572'], ['8086', '1563'], ['8086', '10c9'], ['8086', '1589'],
  ['8086', '1581'], ['8086', '15ff'], ['8086', '0d58'], ['8086', '1583'], ['8086', '1592'], ['8086', '1593'],
  ['8086', '159b'], ['8086', '1599'], ['8086', '1591'], ['8086', '188a'], ['8086', '124d'], ['8086', '124c'],
  ['8086', '579c'], ['8086', '579d'], ['8086', '579e'], ['8086', '12d2'], ['8086', '12d3'], ['8086', '1249'],
  ['8086', '124a'], ['15b3', '1013'], ['15b3', '1015'], ['15b3', '1017'], ['15b3', '1019'], ['15b3', '101b'],
  ['15b3', '101d'], ['15b3', '101f'], ['15b3', '1021'], ['15b3', '1023'], ['15b3', '1025'], ['15b3', 'a2d6'],
  ['15b3', 'a2dc'], ['14e4', '16d7'], ['14e4', '1750'], ['1077', '1654'], ['1af4', '1000'], ['1af4', '1041'],
  ['177d', 'b200'], ['177d', 'b100'], ['177d', 'b600'], ['177d', 'b900'], ['177d', 'ba00'], ['1d0f', 'ec20'],
]; // prettier-ignore

/** IsSupportedVendor / IsSupportedModel / IsSupportedDevice of api/v1/helper.go, on the default list. */
export const nicSupportIssue = (vendor: string, deviceID: string): string | undefined => {
  if (vendor) {
    if (!SUPPORTED_PFS.some(([v]) => v === vendor)) return `vendor ${vendor}`;
    if (deviceID && !SUPPORTED_PFS.some(([v, d]) => v === vendor && d === deviceID))
      return `vendor/device ${vendor}/${deviceID}`;
    return undefined;
  }
  return deviceID && !SUPPORTED_PFS.some(([, d]) => d === deviceID) ? `device ${deviceID}` : undefined;
};

/** A pfNames entry as ParseVfRange reads it: no range means the whole PF (compared as -1..-1 upstream). */
type PfRange = { pf: string; first: number; last: number };
const parsePf = (entry: string): PfRange | undefined => {
  const m = /^([^#]+)(?:#(\d+)-(\d+))?$/.exec(entry);
  if (!m?.[1]) return undefined;
  return m[2] === undefined
    ? { pf: m[1], first: -1, last: -1 }
    : { pf: m[1], first: Number(m[2]), last: Number(m[3]) };
};

/** Other policies (same namespace list the operator reads) that select at least one node this one selects. */
const neighbours = (
  name: string,
  nodeSelector: Record<string, string>,
  ctx: ClusterContext,
): SriovNetworkNodePolicy[] => {
  const mine = getSelectedNodeNames(ctx, nodeSelector);
  return (ctx.sriovPolicies ?? []).filter((p) => {
    if (p.metadata.name === name) return false;
    const theirs = p.spec.nodeSelector ?? {};
    // Without the node list, two policies can only be known to meet when their selectors are the same.
    if (!mine) return JSON.stringify(theirs) === JSON.stringify(nodeSelector);
    return (ctx.nodes ?? []).some((n) => mine.includes(n.name) && matchesLabels(theirs, n.labels));
  });
};

/**
 * validatePfNames: the first other policy naming the same PF decides — overlapping VF ranges (or both taking
 * the whole PF) are refused; a whole PF against a range is not compared (ParseVfRange gives -1..-1).
 */
const vfRangeIssues = (form: SriovPolicyForm, others: SriovNetworkNodePolicy[]): FieldIssue[] => {
  const mine = (form.nicSelector.pfNames ?? []).map((p) => p.trim());
  // Per other policy, the first PF name both give decides (validatePfNames returns there).
  nextPolicy: for (const other of others) {
    for (const [i, entry] of mine.entries()) {
      const cur = parsePf(entry);
      if (!cur) continue;
      for (const theirEntry of other.spec.nicSelector?.pfNames ?? []) {
        const pre = parsePf(theirEntry);
        if (!pre || pre.pf !== cur.pf) continue;
        if (cur.last < pre.first || cur.first > pre.last) continue nextPolicy;
        return [
          err(`nicSelector.pfNames[${i}]`, 'sriov-vf-range-overlap', {
            entry,
            policy: other.metadata.name,
          }),
        ];
      }
    }
  }
  return [];
};

/** Rules on the wizard's fields (field names are the form's: 'nicSelector.netFilter', 'namespace'…). */
export const policyFormRules = (form: SriovPolicyForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const s = form.nicSelector;
  const t = (v: string | undefined) => (v ?? '').trim();
  const out: FieldIssue[] = [];
  const ns = form.namespace.trim();
  // validateSriovNetworkNodePolicy: accepted with a warning, never used.
  if (ns && ns !== OPERATOR_NAMESPACE)
    out.push(warn('namespace', 'sriov-policy-namespace', { expected: OPERATOR_NAMESPACE }));
  if (t(s.netFilter)) {
    if (t(s.vendor) || t(s.deviceID) || s.pfNames?.length || s.rootDevices?.length)
      out.push(err('nicSelector.netFilter', 'sriov-netfilter-exclusive'));
    if (form.linkType && form.linkType.toLowerCase() !== 'eth')
      out.push(err('linkType', 'sriov-netfilter-link-type'));
  }
  const unsupported = nicSupportIssue(t(s.vendor), t(s.deviceID));
  if (unsupported)
    out.push(
      warn(t(s.vendor) ? 'nicSelector.vendor' : 'nicSelector.deviceID', 'sriov-nic-unsupported', {
        nic: unsupported,
      }),
    );
  // f900cbcf5 (2026-07) allowed "-"; earlier operators refuse it (`^[a-zA-Z0-9_]+$`).
  if (form.resourceName.includes('-')) out.push(warn('resourceName', 'resource-name-dash'));
  // dynamicValidateSriovNetworkNodePolicy: "no matched node is selected by the nodeSelector".
  const nodes = getSelectedNodeNames(ctx, form.nodeSelector);
  if (nodes && nodes.length === 0) out.push(err('nodeSelector', 'sriov-no-nodes'));
  const others = neighbours(form.name.trim(), form.nodeSelector, ctx);
  out.push(...vfRangeIssues(form, others));
  // validateRootDevices: a root device (PF PCI address) belongs to one policy.
  for (const other of others) {
    const theirs = other.spec.nicSelector?.rootDevices ?? [];
    const i = (s.rootDevices ?? []).findIndex((r) => theirs.includes(r.trim()));
    if (i >= 0) {
      out.push(
        err(`nicSelector.rootDevices[${i}]`, 'sriov-root-device-overlap', { policy: other.metadata.name }),
      );
      break;
    }
  }
  return out;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** PFs of the selected nodes that the policy's nicSelector picks (vendor, device, PF name, root device). */
const selectedPfs = (form: SriovPolicyForm, ctx: ClusterContext): PfOption[] => {
  const s = form.nicSelector;
  const names = (s.pfNames ?? []).map((p) => p.trim().split('#')[0]);
  return getPfOptions(ctx.sriovNodeStates ?? [], getSelectedNodeNames(ctx, form.nodeSelector)).filter(
    (pf) =>
      (!s.vendor || pf.vendor === s.vendor.trim()) &&
      (!s.deviceID || pf.deviceID === s.deviceID.trim()) &&
      (!names.length || names.includes(pf.name)) &&
      (!s.rootDevices?.length || s.rootDevices.some((r) => r.trim() === pf.pciAddress)),
  );
};

/** Rules on fields only a manifest carries; `spec` is the manifest's spec, fields are manifest paths. */
export const policySpecRules = (spec: Obj, form: SriovPolicyForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const out: FieldIssue[] = [];
  const eswitch = spec.eSwitchMode;
  const vdpa = spec.vdpaType;
  const bridge = isObj(spec.bridge) && Object.keys(spec.bridge).length > 0;
  const external = spec.externallyManaged === true;
  const switchdev = eswitch === 'switchdev';
  const netFilter = (form.nicSelector.netFilter ?? '').trim() !== '';
  if (netFilter && eswitch !== undefined && eswitch !== '')
    out.push(
      err('spec.eSwitchMode', 'field-not-allowed', { reason: 'not supported with nicSelector.netFilter' }),
    );
  if (netFilter && bridge)
    out.push(err('spec.bridge', 'field-not-allowed', { reason: 'not supported with nicSelector.netFilter' }));
  if (switchdev && form.linkType && form.linkType.toLowerCase() !== 'eth')
    out.push(err('spec.eSwitchMode', 'sriov-switchdev-eth'));
  if (vdpa === 'virtio' || vdpa === 'vhost') {
    if (form.deviceType !== 'netdevice') out.push(err('spec.vdpaType', 'sriov-vdpa-netdevice'));
    if (!switchdev) out.push(err('spec.vdpaType', 'sriov-needs-switchdev', { what: 'vdpaType' }));
  }
  if (bridge && !switchdev) out.push(err('spec.bridge', 'sriov-needs-switchdev', { what: 'bridge' }));
  if (bridge && external)
    out.push(err('spec.bridge', 'field-not-allowed', { reason: 'not with externallyManaged' }));
  const pfs = selectedPfs(form, ctx);
  if (external) {
    // validatePolicyForNodeState: an externally managed PF already has its VFs (its MTU: sriov.ts checks
    // every policy's MTU against the PF's).
    const fewer = pfs.find((pf) => pf.numVfs !== undefined && form.numVfs > pf.numVfs);
    if (fewer)
      out.push(
        err('spec.numVfs', 'sriov-external-numvfs', {
          pf: fewer.name ?? fewer.pciAddress,
          node: fewer.node,
          max: fewer.numVfs ?? 0,
        }),
      );
  }
  if (
    (vdpa === 'virtio' || vdpa === 'vhost') &&
    pfs.some((pf) => pf.vendor !== undefined && pf.vendor !== '15b3')
  )
    out.push(err('spec.vdpaType', 'sriov-vdpa-vendor'));
  const others = neighbours(form.name.trim(), form.nodeSelector, ctx);
  const mine = new Set((form.nicSelector.pfNames ?? []).map((p) => p.trim().split('#')[0]));
  for (const other of others) {
    // validateExternallyManage: one PF is externally managed for every policy or for none.
    const shares = (other.spec.nicSelector?.pfNames ?? []).some((p) => mine.has(p.split('#')[0]));
    if (shares && ((other.spec as Obj).externallyManaged === true) !== external) {
      out.push(err('spec.externallyManaged', 'sriov-external-inconsistent', { policy: other.metadata.name }));
      break;
    }
  }
  // validateExludeTopologyField: one resource name, one excludeTopology.
  const exclude = spec.excludeTopology === true;
  const clash = others.find(
    (p) =>
      p.spec.resourceName === form.resourceName.trim() &&
      ((p.spec as Obj).excludeTopology === true) !== exclude,
  );
  if (clash)
    out.push(
      err('spec.excludeTopology', 'sriov-exclude-topology', {
        policy: clash.metadata.name,
        resourceName: form.resourceName.trim(),
      }),
    );
  return out;
};

/** validate_networks.go validateNetworkNamespace: networkNamespace only on a SriovNetwork of the operator's namespace. */
export const networkFormRules = (form: SriovNetworkForm): FieldIssue[] =>
  form.namespace.trim() && form.namespace.trim() !== OPERATOR_NAMESPACE && form.networkNamespace.trim()
    ? [err('networkNamespace', 'sriov-network-namespace-field', { expected: OPERATOR_NAMESPACE })]
    : [];
