/**
 * Which labels a Service may select a VM by. KubeVirt's virt-controller renders the virt-launcher pod with every
 * label of the VMI (which the VM controller copies from `spec.template.metadata.labels`), then sets its own:
 * `kubevirt.io: virt-launcher`, `kubevirt.io/created-by: <VMI uid>` and `vm.kubevirt.io/name: <hostname>`, the
 * hostname being `spec.hostname` or else the VMI name (kubevirt/kubevirt pkg/virt-controller/services/template.go,
 * `podLabels`). So a template label under one of those keys never reaches the pod with the template's value, and
 * `vm.kubevirt.io/name` is on the pod even when the template does not have it.
 */
import type { VM, VMI } from '../kube/vm';

export const VM_NAME_LABEL = 'vm.kubevirt.io/name';
/** The label KubeVirt's common templates give each VM (`kubevirt.io/domain: <name>`), not set by KubeVirt itself. */
export const DOMAIN_LABEL = 'kubevirt.io/domain';
/** Keys KubeVirt overwrites on the pod (template.go podLabels). */
const OVERWRITTEN = new Set(['kubevirt.io', 'kubevirt.io/created-by', VM_NAME_LABEL]);

/** The VM's hostname as KubeVirt sets it on the pod: `spec.hostname` or the name (cut to a DNS label). */
export const hostnameOf = (vm: VM): string => {
  const h = vm.spec.template.spec.hostname;
  return (typeof h === 'string' && h !== '' ? h : vm.metadata.name).slice(0, 63);
};

/** The labels the VM's virt-launcher pod carries (from the running VMI when there is one, else the template). */
export const podLabelsOf = (vm: VM, vmi?: VMI): Record<string, string> => {
  const source = vmi?.metadata.labels ?? vm.spec.template.metadata?.labels ?? {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (!OVERWRITTEN.has(k)) labels[k] = v;
  labels['kubevirt.io'] = 'virt-launcher';
  labels[VM_NAME_LABEL] = hostnameOf(vm);
  return labels;
};

export type Selector = Record<string, string>;

/** A Service selector matches a pod when every key/value is among its labels; an empty selector selects nothing. */
export const selectorMatches = (selector: Selector | undefined, labels: Record<string, string>): boolean =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

export type SelectorChoice =
  /** A label of the VM template, unique to this VM in its namespace: select by it, nothing to change. */
  | { kind: 'template'; key: string; value: string }
  /** No template label is unique; KubeVirt's own `vm.kubevirt.io/name` is, on the running pod. */
  | { kind: 'kubevirt'; key: string; value: string }
  /**
   * Nothing unique: add `key: value` to the template. `live` says whether the running pod already carries it (the
   * label KubeVirt sets itself), otherwise the VM must restart before the Service reaches it.
   */
  | { kind: 'add'; key: string; value: string; live: boolean };

type Peer = { vm: VM; vmi?: VMI };

const rank = (key: string): number => (key === DOMAIN_LABEL ? 0 : key === VM_NAME_LABEL ? 1 : 2);

/**
 * The selector a new Service should use for `me`: a template label no other VM's pod in the namespace carries
 * with the same value (well-known keys first), else KubeVirt's `vm.kubevirt.io/name`, else a label to add.
 */
export const chooseSelector = (me: Peer, others: readonly Peer[]): SelectorChoice => {
  const ns = me.vm.metadata.namespace;
  const peers = others.filter(
    (o) => o.vm.metadata.namespace === ns && o.vm.metadata.name !== me.vm.metadata.name,
  );
  const peerLabels = peers.map((p) => podLabelsOf(p.vm, p.vmi));
  const unique = (k: string, v: string) => peerLabels.every((l) => l[k] !== v);
  const template = me.vm.spec.template.metadata?.labels ?? {};
  const candidates = Object.entries(template)
    .filter(([k, v]) => !OVERWRITTEN.has(k) && unique(k, v))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  const first = candidates[0];
  if (first) return { kind: 'template', key: first[0], value: first[1] };
  const host = hostnameOf(me.vm);
  if (unique(VM_NAME_LABEL, host)) return { kind: 'kubevirt', key: VM_NAME_LABEL, value: host };
  // Another VM has the same hostname: the KubeVirt label is shared. `kubevirt.io/domain: <name>` is free unless a
  // peer's template uses it for this name too; then a key of our own, named after the VM.
  const name = me.vm.metadata.name;
  if (unique(DOMAIN_LABEL, name)) return { kind: 'add', key: DOMAIN_LABEL, value: name, live: false };
  return { kind: 'add', key: 'vm-network-console-plugin/vm', value: name, live: false };
};

/** JSON patch adding `key: value` to the VM template's labels (creating the map when the template has none). */
export const addTemplateLabelPatch = (vm: VM, key: string, value: string) => {
  const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
  const meta = vm.spec.template.metadata;
  if (!meta)
    return [{ op: 'add' as const, path: '/spec/template/metadata', value: { labels: { [key]: value } } }];
  if (!meta.labels)
    return [{ op: 'add' as const, path: '/spec/template/metadata/labels', value: { [key]: value } }];
  return [{ op: 'add' as const, path: `/spec/template/metadata/labels/${escaped}`, value }];
};
