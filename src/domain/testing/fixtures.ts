/**
 * Builders for tests and benches: small objects with only the fields a test talks about, instead of literal
 * 25 KB fixtures (the kubevirt-plugin anti-pattern). Everything here is deterministic.
 */
import type { Condition, K8sObject } from '../kube/meta';
import type { LinkState, VM, VMI, VMInterface, VMIStatusInterface, VMNetwork, Volume } from '../kube/vm';
import type { InterfaceForm } from '../interfaces/form';

/** A NIC in a VM spec. `network`: 'pod' or a NAD reference (`name` or `ns/name`). */
export type NicFixture = {
  name: string;
  network?: string;
  binding?: 'masquerade' | 'bridge' | 'sriov' | 'passt' | 'none' | (string & {});
  model?: string;
  mac?: string;
  state?: LinkState;
};

/** 'default' is the pod network with masquerade; any other name is a bridge NIC on NAD `<name>-net`. */
const nicOf = (n: string | NicFixture): NicFixture =>
  typeof n !== 'string'
    ? n
    : n === 'default'
      ? { name: n, network: 'pod', binding: 'masquerade' }
      : { name: n, network: `${n}-net`, binding: 'bridge' };

export const toSpecInterface = (n: NicFixture): VMInterface => {
  const b = n.binding ?? (n.network === 'pod' ? 'masquerade' : 'bridge');
  const iface: VMInterface = { name: n.name };
  if (b === 'masquerade' || b === 'bridge' || b === 'sriov') iface[b] = {};
  else if (b === 'passt') iface.binding = { name: 'passt' };
  else if (b !== 'none') iface.binding = { name: b };
  if (n.model) iface.model = n.model;
  if (n.mac) iface.macAddress = n.mac;
  if (n.state) iface.state = n.state;
  return iface;
};

export const toSpecNetwork = (n: NicFixture): VMNetwork =>
  (n.network ?? 'pod') === 'pod'
    ? { name: n.name, pod: {} }
    : { name: n.name, multus: { networkName: n.network ?? '' } };

export type VMFixture = {
  name?: string;
  namespace?: string;
  nics?: (string | NicFixture)[];
  running?: boolean;
  printableStatus?: string;
  restartRequired?: boolean;
  conditions?: Condition[];
  resourceVersion?: string;
  volumes?: Volume[];
  /** Leave `interfaces`/`networks` out of the spec entirely (KubeVirt then auto-attaches the pod network). */
  noNetworkArrays?: boolean;
};

export const aVM = (f: VMFixture = {}): VM => {
  const nics = (f.nics ?? ['default']).map(nicOf);
  const conditions = [...(f.conditions ?? [])];
  if (f.restartRequired) conditions.push({ type: 'RestartRequired', status: 'True' });
  const devices: VM['spec']['template']['spec']['domain']['devices'] = {};
  if (!f.noNetworkArrays) devices.interfaces = nics.map(toSpecInterface);
  const vm: VM = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: f.name ?? 'vm1',
      namespace: f.namespace ?? 'ns1',
      resourceVersion: f.resourceVersion ?? '1',
    },
    spec: {
      runStrategy: f.running ? 'Always' : 'Halted',
      template: { spec: { domain: { devices } } },
    },
    status: { printableStatus: f.printableStatus ?? (f.running ? 'Running' : 'Stopped'), conditions },
  };
  if (!f.noNetworkArrays) vm.spec.template.spec.networks = nics.map(toSpecNetwork);
  if (f.volumes) vm.spec.template.spec.volumes = f.volumes;
  return vm;
};

/** A NIC as the VMI reports it. `inSpec: false` makes it status-only (e.g. a guest-agent-only interface). */
export type VMINicFixture = VMIStatusInterface & {
  spec?: NicFixture;
  inSpec?: boolean;
  inStatus?: boolean;
  ips?: string[];
};

export type VMIFixture = {
  name?: string;
  namespace?: string;
  nics?: (string | VMINicFixture)[];
  phase?: string;
  /** AgentConnected condition: true / false / undefined (absent). */
  agent?: boolean;
};

export const aVMI = (f: VMIFixture = {}): VMI => {
  const nics: VMINicFixture[] = (f.nics ?? ['default']).map((n) => (typeof n === 'string' ? { name: n } : n));
  const conditions: Condition[] =
    f.agent === undefined ? [] : [{ type: 'AgentConnected', status: f.agent ? 'True' : 'False' }];
  const inSpec = nics.filter((n) => n.inSpec !== false && n.name);
  const specs = inSpec.map((n) => n.spec ?? nicOf(n.name ?? ''));
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: f.name ?? 'vm1', namespace: f.namespace ?? 'ns1', resourceVersion: '1' },
    spec: {
      domain: { devices: { interfaces: specs.map(toSpecInterface) } },
      networks: specs.map(toSpecNetwork),
    },
    status: {
      phase: f.phase ?? 'Running',
      conditions,
      interfaces: nics
        .filter((n) => n.inStatus !== false)
        .map(({ spec: _s, inSpec: _i, inStatus: _t, ips, ...s }) => {
          const out: VMIStatusInterface = { infoSource: f.agent ? 'domain, guest-agent' : 'domain', ...s };
          if (ips) {
            out.ipAddresses = ips;
            if (ips[0]) out.ipAddress = ips[0];
          }
          return out;
        }),
    },
  };
};

export type NADConfig = { type: string; topology?: string; role?: string; [field: string]: unknown };

export type NADFixture = K8sObject & { spec?: { config?: string } };

/** A NetworkAttachmentDefinition whose `spec.config` is the given CNI config (or a raw string, to test bad JSON). */
export const aNAD = (
  name: string,
  namespace = 'ns1',
  config: NADConfig | string = { type: 'bridge' },
): NADFixture => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name, namespace, resourceVersion: '1' },
  spec: {
    config: typeof config === 'string' ? config : JSON.stringify({ cniVersion: '0.4.0', name, ...config }),
  },
});

const hex2 = (n: number) => (n & 0xff).toString(16).padStart(2, '0');

/**
 * `n` VMs with `nicsPerVM` NICs each (the first on the pod network, the rest bridge NICs on NADs), spread over 10
 * namespaces. Three of four VMs run; running VMs report IPv4 + IPv6 + link-local addresses; every 7th VMI has no
 * guest agent and every 11th running VM has a NIC pending hot-plug. Same input, same output.
 */
export const manyVMs = (n: number, nicsPerVM: number): { vms: VM[]; vmis: VMI[] } => {
  const vms: VM[] = [];
  const vmis: VMI[] = [];
  for (let i = 0; i < n; i++) {
    const name = `vm-${String(i).padStart(5, '0')}`;
    const namespace = `ns-${i % 10}`;
    const running = i % 4 !== 3;
    const nics: NicFixture[] = [];
    for (let j = 0; j < nicsPerVM; j++) {
      const mac = `02:${hex2(i >> 16)}:${hex2(i >> 8)}:${hex2(i)}:00:${hex2(j)}`;
      nics.push(
        j === 0
          ? { name: 'default', network: 'pod', binding: 'masquerade', mac }
          : { name: `nic${j}`, network: `net-${j % 3}`, binding: 'bridge', mac, model: 'virtio' },
      );
    }
    vms.push(aVM({ name, namespace, running, nics, resourceVersion: String(1000 + i) }));
    if (!running) continue;
    const agent = i % 7 !== 0;
    const plugged = i % 11 === 0 ? nics.slice(0, -1) : nics;
    vmis.push(
      aVMI({
        name,
        namespace,
        agent,
        nics: plugged.map((nic, j) => ({
          name: nic.name,
          spec: nic,
          mac: nic.mac,
          interfaceName: `eth${j}`,
          ips: agent
            ? [
                `10.${j}.${(i >> 8) & 0xff}.${i & 0xff}`,
                `fd00:${j}::${i.toString(16)}`,
                `fe80::${j}:${i.toString(16)}`,
              ]
            : undefined,
        })),
      }),
    );
  }
  return { vms, vmis };
};

/** The add/edit interface form: by default a bridge NIC `nic2` on NAD `ns1/br-net`, virtio. */
export const anInterfaceForm = (f: Partial<InterfaceForm> = {}): InterfaceForm => ({
  name: 'nic2',
  networkId: 'ns1/br-net',
  binding: 'bridge',
  model: 'virtio',
  ...f,
});
