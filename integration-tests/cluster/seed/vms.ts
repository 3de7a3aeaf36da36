// VirtualMachines and the VMIs KubeVirt would run for them, with the status virt-controller and virt-handler write.
import type { KubeObject } from '../../support/k8s';
import { obj, ownerRef } from './kinds';
import { workerName } from './nodes';
import { SEED_TIME as NOW } from './time';

const hex = (n: number): string => (n & 255).toString(16).padStart(2, '0');

type Nic = {
  name: string;
  binding: 'masquerade' | 'l2bridge' | 'bridge' | 'sriov';
  nad?: string;
  ipv4?: string;
  ipv6?: string;
};
type Profile = { namespace: string; nics: Nic[]; hotplug?: Nic };

/** Per namespace, which interfaces its VMs have (and which one a pending hot-plug adds). */
export const PROFILES: Profile[] = [
  {
    namespace: 'tenant-a',
    nics: [{ name: 'default', binding: 'l2bridge', ipv4: '10.100', ipv6: '2001:db8:a::' }],
  },
  {
    namespace: 'tenant-a-dev',
    nics: [
      { name: 'default', binding: 'masquerade', ipv4: '10.129', ipv6: 'fd02:1::' },
      { name: 'dev-l2', binding: 'bridge', nad: 'dev-l2', ipv4: '10.201' },
      { name: 'cudn-l2', binding: 'bridge', nad: 'cudn-l2', ipv4: '10.210' },
    ],
    // A bridge NAD: an OVN overlay NAD (dev-l2) can be attached only once per VM.
    hotplug: { name: 'hot-dev', binding: 'bridge', nad: 'dev-vlan30', ipv4: '192.168.31' },
  },
  {
    namespace: 'tenant-b',
    nics: [
      { name: 'default', binding: 'masquerade', ipv4: '10.130', ipv6: 'fd02:2::' },
      { name: 'vlan20', binding: 'bridge', nad: 'bridge-vlan20', ipv4: '192.168.20', ipv6: '2001:db8:20::' },
      { name: 'sriov', binding: 'sriov', nad: 'sriov-tenant-b', ipv4: '192.168.50' },
      { name: 'cudn-localnet', binding: 'bridge', nad: 'cudn-localnet', ipv4: '192.168.30' },
    ],
    hotplug: { name: 'hot-l2', binding: 'bridge', nad: 'tenant-b-l2', ipv4: '10.202' },
  },
  {
    namespace: 'default',
    nics: [
      { name: 'default', binding: 'masquerade', ipv4: '10.131', ipv6: 'fd02:3::' },
      { name: 'vlan100', binding: 'bridge', nad: 'br1-vlan100', ipv4: '192.168.100', ipv6: '2001:db8:100::' },
      { name: 'physnet', binding: 'bridge', nad: 'localnet-physnet', ipv4: '192.168.200' },
      { name: 'overlay', binding: 'bridge', nad: 'l2-overlay', ipv4: '10.200' },
      { name: 'sriov', binding: 'sriov', nad: 'sriov-default', ipv4: '192.168.51' },
    ],
    hotplug: { name: 'hot-vlan', binding: 'bridge', nad: 'br1-vlan100', ipv4: '192.168.100' },
  },
];

export type Scenario = 'agent' | 'stopped' | 'no-agent' | 'hotplug' | 'absent';
const CYCLE: Scenario[] = [
  'agent',
  'stopped',
  'no-agent',
  'hotplug',
  'absent',
  'agent',
  'agent',
  'stopped',
  'agent',
  'agent',
];

/** What VM number `i` shows. Every scenario appears within the first 20 VMs of each namespace that has NADs. */
export const vmPlan = (i: number) => {
  const profile = PROFILES[i % PROFILES.length] as Profile;
  const k = Math.floor(i / PROFILES.length);
  let scenario = CYCLE[k % CYCLE.length] as Scenario;
  if ((scenario === 'hotplug' && !profile.hotplug) || (scenario === 'absent' && profile.nics.length < 2))
    scenario = 'agent';
  return {
    index: i,
    profile,
    scenario,
    name: `vm-${String(k).padStart(5, '0')}`,
    node: workerName(k % 3),
    restartRequired: i === 3, // exactly one VM (the first in `default`)
  };
};
export type VMPlan = ReturnType<typeof vmPlan>;

export const macOf = (i: number, nic: number): string =>
  `02:${hex(i >> 16)}:${hex(i >> 8)}:${hex(i)}:00:${hex(nic)}`;

const specNics = (p: VMPlan): (Nic & { absent?: boolean })[] => {
  const nics: (Nic & { absent?: boolean })[] = p.profile.nics.map((n) => ({ ...n }));
  if (p.scenario === 'hotplug' && p.profile.hotplug) nics.push(p.profile.hotplug);
  if (p.scenario === 'absent') (nics[nics.length - 1] as Nic & { absent?: boolean }).absent = true;
  return nics;
};

const interfaceSpec = (p: VMPlan, n: Nic & { absent?: boolean }, j: number) => ({
  name: n.name,
  macAddress: macOf(p.index, j),
  ...(n.binding === 'l2bridge' ? { binding: { name: 'l2bridge' } } : { [n.binding]: {} }),
  ...(n.binding === 'sriov' ? {} : { model: 'virtio' }),
  ...(n.absent ? { state: 'absent' } : {}),
});

const networkSpec = (n: Nic) =>
  n.nad ? { name: n.name, multus: { networkName: n.nad } } : { name: n.name, pod: {} };

const templateSpec = (p: VMPlan, nics: (Nic & { absent?: boolean })[]) => ({
  architecture: 'amd64',
  domain: {
    cpu: { cores: 1, sockets: 1, threads: 1 },
    memory: { guest: '2Gi' },
    machine: { type: 'pc-q35-rhel9.6.0' },
    devices: {
      disks: [
        { name: 'rootdisk', disk: { bus: 'virtio' } },
        { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
      ],
      interfaces: nics.map((n, j) => interfaceSpec(p, n, j)),
      rng: {},
    },
    resources: { requests: { memory: '2Gi' } },
  },
  networks: nics.map(networkSpec),
  terminationGracePeriodSeconds: 180,
  volumes: [
    { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
    {
      name: 'cloudinitdisk',
      cloudInitNoCloud: {
        userData: '#cloud-config\nuser: fedora\npassword: fedora\nchpasswd: { expire: False }\n',
      },
    },
  ],
});

const running = (p: VMPlan): boolean => p.scenario !== 'stopped';

export const buildVM = (p: VMPlan): KubeObject =>
  obj('VirtualMachine', {
    metadata: {
      name: p.name,
      namespace: p.profile.namespace,
      labels: { app: p.name, 'vm.kubevirt.io/template': 'fedora-server-small' },
      annotations: {
        'kubevirt.io/latest-observed-api-version': 'v1',
        'kubevirt.io/storage-observed-api-version': 'v1',
      },
    },
    spec: {
      runStrategy: running(p) ? 'Always' : 'Halted',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': p.name, 'kubevirt.io/size': 'small' } },
        spec: templateSpec(p, specNics(p)),
      },
    },
  });

const condition = (type: string, status: boolean, extra: Record<string, string> = {}) => ({
  type,
  status: status ? 'True' : 'False',
  lastTransitionTime: NOW,
  ...extra,
});

const agent = (p: VMPlan): boolean => p.scenario !== 'no-agent';

export const vmStatus = (p: VMPlan) => ({
  printableStatus: running(p) ? 'Running' : 'Stopped',
  ready: running(p),
  created: running(p),
  runStrategy: running(p) ? 'Always' : 'Halted',
  desiredGeneration: 1,
  observedGeneration: 1,
  volumeSnapshotStatuses: [
    {
      name: 'rootdisk',
      enabled: false,
      reason: 'Snapshot is not supported for this volumeSource type [rootdisk]',
    },
    {
      name: 'cloudinitdisk',
      enabled: false,
      reason: 'Snapshot is not supported for this volumeSource type [cloudinitdisk]',
    },
  ],
  conditions: running(p)
    ? [
        condition('Ready', true),
        condition(
          'LiveMigratable',
          p.profile.nics.every((n) => n.binding !== 'sriov'),
          {},
        ),
        ...(agent(p) ? [condition('AgentConnected', true)] : []),
        ...(p.restartRequired
          ? [
              condition('RestartRequired', true, {
                message: 'a non-live-updatable field was changed in the template spec',
              }),
            ]
          : []),
      ]
    : [condition('Ready', false, { reason: 'VMINotExists', message: 'VMI does not exist' })],
});

export const hasVMI = running;

const ipsOf = (p: VMPlan, n: Nic): string[] => {
  const host = 2 + Math.floor(p.index / PROFILES.length);
  // A /16 prefix ("10.100") takes two more octets, a /24 prefix one (kept in 2..251).
  const suffix =
    n.ipv4?.split('.').length === 2 ? `${(host >> 8) & 255}.${host & 255}` : `${2 + ((host - 2) % 250)}`;
  const v4 = n.ipv4 ? [`${n.ipv4}.${suffix}`] : [];
  const v6 = n.ipv6 ? [`${n.ipv6}${host.toString(16)}`] : [];
  return [...v4, ...v6];
};

/** status.interfaces as KubeVirt reports them: domain always; guest-agent adds IPs; multus-status for secondaries. */
const interfaceStatus = (p: VMPlan, n: Nic, j: number) => {
  const sources = ['domain', ...(agent(p) ? ['guest-agent'] : []), ...(n.nad ? ['multus-status'] : [])];
  const ips = agent(p) ? ipsOf(p, n) : [];
  return {
    name: n.name,
    ...(agent(p) ? { interfaceName: `eth${j}` } : {}),
    mac: macOf(p.index, j),
    infoSource: sources.join(', '),
    linkState: 'up',
    queueCount: 1,
    ...(n.nad ? { podInterfaceName: `pod${hex(p.index >> 8)}${hex(p.index)}${hex(j)}a1b2c3` } : {}),
    ...(ips.length ? { ipAddress: ips[0], ipAddresses: ips } : {}),
  };
};

export const buildVMI = (p: VMPlan, vm: KubeObject): KubeObject => {
  // The VMI lacks a hot-plugged NIC until the VM migrates; an `absent` NIC stays until then too.
  const nics = specNics(p);
  const live = p.scenario === 'hotplug' ? nics.slice(0, -1) : nics;
  return obj('VirtualMachineInstance', {
    metadata: {
      name: p.name,
      namespace: p.profile.namespace,
      labels: { 'kubevirt.io/domain': p.name, 'kubevirt.io/size': 'small', 'kubevirt.io/nodeName': p.node },
      annotations: { 'kubevirt.io/latest-observed-api-version': 'v1', 'kubevirt.io/vm-generation': '1' },
      ownerReferences: [ownerRef(vm)],
    },
    spec: templateSpec(
      p,
      live.map((n) => ({ ...n, absent: false })),
    ),
    status: {
      phase: 'Running',
      nodeName: p.node,
      conditions: [condition('Ready', true), ...(agent(p) ? [condition('AgentConnected', true)] : [])],
      interfaces: live.map((n, j) => interfaceStatus(p, n, j)),
      ...(agent(p)
        ? {
            guestOSInfo: {
              id: 'fedora',
              name: 'Fedora Linux',
              prettyName: 'Fedora Linux 41 (Cloud Edition)',
              version: '41 (Cloud Edition)',
              versionId: '41',
              kernelRelease: '6.11.4-301.fc41.x86_64',
            },
          }
        : {}),
      machine: { type: 'pc-q35-rhel9.6.0' },
      migrationMethod: 'BlockMigration',
      migrationTransport: 'Unix',
      qosClass: 'Burstable',
      launcherContainerImageVersion:
        'registry.redhat.io/container-native-virtualization/virt-launcher-rhel9:v4.22.0',
      currentCPUTopology: { cores: 1, sockets: 1, threads: 1 },
      memory: { guestAtBoot: '2Gi', guestCurrent: '2Gi', guestRequested: '2Gi' },
      volumeStatus: [
        { name: 'cloudinitdisk', target: 'vdb', size: 1048576 },
        { name: 'rootdisk', target: 'vda' },
      ],
      runtimeUser: 107,
      selinuxContext: 'none',
    },
  });
};
