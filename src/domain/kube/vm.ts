/**
 * KubeVirt VirtualMachine / VirtualMachineInstance shapes: only the fields the plugin reads or patches
 * (kubevirt.io/v1, see /work/shared/crds). Objects from the API carry more fields; index signatures keep
 * them when we spread an interface or volume back into a patch.
 */
import type { Condition, K8sObject } from './meta';

/** `state` on a spec interface: empty means up; `absent` asks KubeVirt to hot-unplug it. */
export type LinkState = 'up' | 'down' | 'absent';

export type VMInterface = {
  name: string;
  model?: string;
  macAddress?: string;
  state?: LinkState;
  bootOrder?: number;
  masquerade?: Record<string, unknown>;
  bridge?: Record<string, unknown>;
  sriov?: Record<string, unknown>;
  passtBinding?: Record<string, unknown>;
  /** Network binding plugin (e.g. `l2bridge` for a primary UDN), registered in the KubeVirt CR. */
  binding?: { name: string };
  [field: string]: unknown;
};

export type VMNetwork = {
  name: string;
  pod?: { vmIPv6NetworkCIDR?: string };
  /** `networkName` is `<name>` (VM namespace) or `<namespace>/<name>`. */
  multus?: { networkName: string; default?: boolean };
};

export type CloudInitSource = {
  userData?: string;
  userDataBase64?: string;
  networkData?: string;
  networkDataBase64?: string;
  networkDataSecretRef?: { name: string };
  [field: string]: unknown;
};

export type Volume = {
  name: string;
  cloudInitNoCloud?: CloudInitSource;
  cloudInitConfigDrive?: CloudInitSource;
  [field: string]: unknown;
};

export type VMISpec = {
  domain: {
    devices: { interfaces?: VMInterface[]; autoattachPodInterface?: boolean; [field: string]: unknown };
    [field: string]: unknown;
  };
  networks?: VMNetwork[];
  volumes?: Volume[];
  [field: string]: unknown;
};

export type RunStrategy = 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | 'Once' | 'WaitAsReceiver';

export type VM = K8sObject & {
  spec: {
    running?: boolean;
    runStrategy?: RunStrategy;
    template: { metadata?: { labels?: Record<string, string> }; spec: VMISpec };
    [field: string]: unknown;
  };
  status?: {
    printableStatus?: string;
    ready?: boolean;
    conditions?: Condition[];
    runStrategy?: string;
    [field: string]: unknown;
  };
};

/** One entry of VMI `status.interfaces`. `infoSource` is a comma-separated list (e.g. "domain, guest-agent"). */
export type VMIStatusInterface = {
  name?: string;
  mac?: string;
  ipAddress?: string;
  ipAddresses?: string[];
  infoSource?: string;
  interfaceName?: string;
  linkState?: string;
  podInterfaceName?: string;
  queueCount?: number;
};

export type VMIPhase =
  'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export type VMI = K8sObject & {
  spec: VMISpec;
  status?: {
    phase?: VMIPhase | string;
    nodeName?: string;
    interfaces?: VMIStatusInterface[];
    conditions?: Condition[];
    [field: string]: unknown;
  };
};

/** Key used to join VMs with their VMIs (a VMI has the same namespace and name as its VM). */
export const vmKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

export const getCondition = (
  obj: { status?: { conditions?: Condition[] } } | undefined,
  type: string,
): Condition | undefined => obj?.status?.conditions?.find((c) => c.type === type);

export const isConditionTrue = (obj: { status?: { conditions?: Condition[] } } | undefined, type: string) =>
  getCondition(obj, type)?.status === 'True';

/**
 * KubeVirt sets `RestartRequired` on the VM when a spec change cannot be applied live (e.g. a NIC whose binding
 * cannot be hot-plugged); it is the only authoritative signal, so we show it rather than guess.
 */
export const isRestartRequired = (vm: VM): boolean => isConditionTrue(vm, 'RestartRequired');

export type GuestAgentState = 'connected' | 'not-connected' | 'unknown';

/**
 * `AgentConnected` on the VMI. Without a VMI (stopped VM) we cannot know; a running VMI without the condition
 * means no agent has connected, so guest-reported IPs are unknown (not "none").
 */
export const getGuestAgentState = (vmi: VMI | undefined): GuestAgentState => {
  if (!vmi) return 'unknown';
  const c = getCondition(vmi, 'AgentConnected');
  if (c?.status === 'True') return 'connected';
  if (vmi.status?.phase !== 'Running' && !c) return 'unknown';
  return 'not-connected';
};

export const specInterfaces = (vm: VM): VMInterface[] =>
  vm.spec.template.spec.domain.devices.interfaces ?? [];
export const specNetworks = (vm: VM): VMNetwork[] => vm.spec.template.spec.networks ?? [];
export const specVolumes = (vm: VM): Volume[] => vm.spec.template.spec.volumes ?? [];

/** Binding method or binding-plugin name (`l2bridge` for a primary UDN, any other registered plugin). */
export type Binding = 'masquerade' | 'bridge' | 'sriov' | 'passt' | 'l2bridge' | (string & {});

/**
 * Every key of a spec interface that names how it binds: KubeVirt's binding methods (InterfaceBindingMethod), the
 * `binding` plugin reference, and the discontinued ones older manifests still carry (slirp, macvtap, passt).
 */
export const BINDING_KEYS = [
  'masquerade',
  'bridge',
  'sriov',
  'slirp',
  'macvtap',
  'passt',
  'passtBinding',
  'binding',
] as const;
export type BindingKey = (typeof BINDING_KEYS)[number];

/** The binding keys an interface carries (KubeVirt accepts exactly one). */
export const bindingKeysOf = (iface: VMInterface): BindingKey[] =>
  BINDING_KEYS.filter((b) => iface[b] !== undefined);

/** No binding given: KubeVirt treats the interface as bridge (its default `defaultNetworkInterface`). */
export const getBinding = (iface: VMInterface): Binding => {
  if (iface.masquerade) return 'masquerade';
  if (iface.bridge) return 'bridge';
  if (iface.sriov) return 'sriov';
  if (iface.passtBinding) return 'passt';
  return iface.binding?.name ?? 'bridge';
};

/** A NAD reference without a namespace means the VM's namespace (KubeVirt `multus.networkName`). */
export const parseNadRef = (ref: string, vmNamespace: string): { namespace: string; name: string } => {
  const slash = ref.indexOf('/');
  return slash < 0
    ? { namespace: vmNamespace, name: ref }
    : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
};

/** KubeVirt attaches `default` (pod, masquerade) only while the VM declares no interface and no network. */
export const hasImplicitPodInterface = (vm: VM): boolean =>
  specInterfaces(vm).length === 0 &&
  specNetworks(vm).length === 0 &&
  vm.spec.template.spec.domain.devices.autoattachPodInterface !== false;

/** The interface and network KubeVirt attaches when `hasImplicitPodInterface` (fresh objects each call). */
export const implicitPodEntry = (): { iface: VMInterface; net: VMNetwork } => ({
  iface: { name: 'default', masquerade: {} },
  net: { name: 'default', pod: {} },
});

export type RunState = {
  /** Human-readable status: the VM's printableStatus when present, otherwise derived. */
  status: string;
  /** A VMI exists and is Running: interfaces can be hot-plugged and status is live. */
  running: boolean;
};

const vmiPhaseStatus: Record<string, string> = {
  Pending: 'Starting',
  Scheduling: 'Starting',
  Scheduled: 'Starting',
  Running: 'Running',
  Succeeded: 'Stopped',
  Failed: 'Stopped',
};

/**
 * Prefer the controller's `printableStatus` (cheap and authoritative; the console's own computed status was a CPU
 * hot spot, openshift/console#10572), then the VMI phase, then the requested run strategy.
 */
export const getRunState = (vm: VM, vmi?: VMI): RunState => {
  const running = vmi?.status?.phase === 'Running';
  const printable = vm.status?.printableStatus;
  if (printable) return { status: printable, running };
  const phase = vmi?.status?.phase;
  if (phase) return { status: vmiPhaseStatus[phase] ?? phase, running };
  const strategy = vm.spec.runStrategy ?? (vm.spec.running ? 'Always' : 'Halted');
  return { status: strategy === 'Always' || strategy === 'RerunOnFailure' ? 'Starting' : 'Stopped', running };
};
