/**
 * One entry point for a manifest of any supported kind: recognises it, reads it into its form (or checks it at
 * manifest level for NNCP and VirtualMachine), runs the same validators the wizard uses, and reports each issue
 * at its manifest path ('spec.layer2.subnets[1]').
 */
import type { FieldIssue } from '../issues';
import type { K8sObject } from '../kube/meta';
import type { NetworkAttachmentDefinition } from '../kube/networks';
import type { VM } from '../kube/vm';
import { err, warn } from './shared/check';
import type { ClusterContext } from './shared/context';
import { ownerOf } from './shared/facts';
import { nadFormFromManifest } from './nad/nadManifest';
import { sriovNetworkFormFromManifest, sriovPolicyFormFromManifest } from './sriov/sriovManifest';
import { validateNAD } from './nad/nad';
import { validateNNCPManifest } from './nncp/nncpManifest';
import { type Adapted, isObject } from './shared/reader';
import { validateSriovNetwork, validateSriovPolicy } from './sriov/sriov';
import { policySpecRules } from './sriov/webhookRules';
import { validateUDN } from './udn/udnValidate';
import { udnFormFromManifest } from './udn/udnManifest';
import { nadIndex, validateVMNetworks } from './vm/vmNetworks';

export type ManifestKind =
  | 'NetworkAttachmentDefinition'
  | 'UserDefinedNetwork'
  | 'ClusterUserDefinedNetwork'
  | 'NodeNetworkConfigurationPolicy'
  | 'SriovNetwork'
  | 'SriovNetworkNodePolicy'
  | 'VirtualMachine';

/**
 * API group and served versions of each kind we check (the CRDs' `spec.versions[]` with `served: true`, as listed
 * in the README's CRD sources). Another version of a known kind is still checked by the same rules, with a
 * warning: without the cluster's CRDs we cannot know it is served (with them, the schema check says so as an error).
 */
const KINDS: Record<ManifestKind, { group: string; served: readonly string[] }> = {
  NetworkAttachmentDefinition: { group: 'k8s.cni.cncf.io', served: ['v1'] },
  UserDefinedNetwork: { group: 'k8s.ovn.org', served: ['v1'] },
  ClusterUserDefinedNetwork: { group: 'k8s.ovn.org', served: ['v1'] },
  NodeNetworkConfigurationPolicy: { group: 'nmstate.io', served: ['v1', 'v1beta1'] },
  SriovNetwork: { group: 'sriovnetwork.openshift.io', served: ['v1'] },
  SriovNetworkNodePolicy: { group: 'sriovnetwork.openshift.io', served: ['v1'] },
  VirtualMachine: { group: 'kubevirt.io', served: ['v1', 'v1alpha3'] },
};

const versionIssues = (kind: ManifestKind, apiVersion: string): FieldIssue[] => {
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const { served } = KINDS[kind];
  return served.includes(version)
    ? []
    : [warn('apiVersion', 'kind-version-unknown', { kind, apiVersion, served: served.join(', ') })];
};

export const recognize = (obj: unknown): ManifestKind | undefined => {
  if (!isObject(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') return undefined;
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const kind = obj.kind as ManifestKind;
  return KINDS[kind] !== undefined && KINDS[kind].group === group ? kind : undefined;
};

/** Objects other manifests refer to (NADs for VM bindings), from the files being checked and the cluster. */
export type Peers = { nads: NetworkAttachmentDefinition[] };

/** A manifest may leave out metadata.namespace: `kubectl apply -n` or kustomize sets it. */
const namespaceOptional = (i: FieldIssue): boolean =>
  !(i.field === 'metadata.namespace' && i.code === 'required');

const mapped = <F>(adapted: Adapted<F>, validate: (form: F) => FieldIssue[]): FieldIssue[] =>
  [
    ...adapted.issues,
    ...(adapted.form ? validate(adapted.form).map((i) => ({ ...i, field: adapted.pathOf(i.field) })) : []),
  ].filter(namespaceOptional);

/** The context for one object: its own subnets and network name are not in conflict with itself. */
const contextFor = (obj: K8sObject, ctx: ClusterContext): ClusterContext => ({
  ...ctx,
  selfOwner: ownerOf(obj),
});

/** One NAD index per peer list (built once, not once per VM). */
const nadIndexes = new WeakMap<readonly NetworkAttachmentDefinition[], ReturnType<typeof nadIndex>>();
const nadIndexOf = (nads: NetworkAttachmentDefinition[]) => {
  let index = nadIndexes.get(nads);
  if (!index) {
    index = nadIndex(nads);
    nadIndexes.set(nads, index);
  }
  return index;
};

const VM_PATHS: [RegExp, string][] = [
  [/^interfaces/, 'spec.template.spec.domain.devices.interfaces'],
  [/^networks/, 'spec.template.spec.networks'],
  [/^disks/, 'spec.template.spec.domain.devices.disks'],
  [/^(readinessProbe|livenessProbe)/, 'spec.template.spec.$1'],
];

const validateVM = (obj: Record<string, unknown>, peers: Peers): FieldIssue[] => {
  const spec = obj.spec;
  if (!isObject(spec) || !isObject(spec.template)) return [err('spec.template', 'required')];
  const nested = [
    [
      'spec.template.spec.domain.devices.interfaces',
      (spec.template.spec as VM['spec']['template']['spec'] | undefined)?.domain?.devices?.interfaces,
    ],
    [
      'spec.template.spec.networks',
      (spec.template.spec as VM['spec']['template']['spec'] | undefined)?.networks,
    ],
  ] as const;
  // The fields the network rules read, type-checked first (null entries, a number for a name).
  const shape = nested.flatMap(([path, v]) => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return [err(path, 'not-a-list')];
    return (v as unknown[]).flatMap((entry, i) => {
      if (!isObject(entry)) return [err(`${path}[${i}]`, 'not-an-object')];
      return typeof entry.name === 'string' ? [] : [err(`${path}[${i}].name`, 'not-a-string')];
    });
  });
  if (shape.length) return shape;
  return validateVMNetworks(obj as unknown as VM, nadIndexOf(peers.nads)).map((i) => {
    const rule = VM_PATHS.find(([re]) => re.test(i.field));
    return rule ? { ...i, field: i.field.replace(rule[0], rule[1]) } : i;
  });
};

/** Issues of one parsed manifest; `field` is the manifest path. Unknown kinds get one `kind-unknown` warning. */
export const validateManifest = (
  obj: unknown,
  ctx: ClusterContext = {},
  peers: Peers = { nads: [] },
): FieldIssue[] => {
  if (!isObject(obj)) return [err('', 'not-an-object')];
  const kind = recognize(obj);
  if (!kind) {
    if (typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string')
      return [err('kind', 'kind-missing')];
    const group = (KINDS[obj.kind as ManifestKind] as (typeof KINDS)[ManifestKind] | undefined)?.group;
    // A kind we know under another group is a mistake the server refuses (no such resource), not another kind.
    if (group !== undefined) return [err('apiVersion', 'kind-wrong-group', { kind: obj.kind, group })];
    return [warn('kind', 'kind-unknown', { kind: obj.kind, apiVersion: obj.apiVersion })];
  }
  return [...versionIssues(kind, obj.apiVersion as string), ...validateKnown(kind, obj, ctx, peers)];
};

const validateKnown = (
  kind: ManifestKind,
  obj: Record<string, unknown>,
  ctx: ClusterContext,
  peers: Peers,
): FieldIssue[] => {
  const meta = isObject(obj.metadata) ? obj.metadata : undefined;
  if (!meta) return [err('metadata', 'required')];
  const own = contextFor(obj as unknown as K8sObject, ctx);
  switch (kind) {
    case 'NetworkAttachmentDefinition':
      return mapped(nadFormFromManifest(obj), (f) => validateNAD(f, own));
    case 'UserDefinedNetwork':
    case 'ClusterUserDefinedNetwork':
      return mapped(udnFormFromManifest(obj), (f) => validateUDN(f, own));
    case 'SriovNetwork':
      return mapped(sriovNetworkFormFromManifest(obj), (f) => validateSriovNetwork(f, own));
    case 'SriovNetworkNodePolicy': {
      const adapted = sriovPolicyFormFromManifest(obj);
      const spec = isObject(obj.spec) ? obj.spec : undefined;
      return [
        ...mapped(adapted, (f) => validateSriovPolicy(f, own)),
        // Fields the wizard has no input for (eSwitchMode, vdpaType, bridge, externallyManaged…).
        ...(adapted.form && spec ? policySpecRules(spec, adapted.form, own) : []),
      ];
    }
    case 'NodeNetworkConfigurationPolicy':
      return validateNNCPManifest(obj, own);
    case 'VirtualMachine':
      return validateVM(obj, peers);
  }
};
