// Demo objects for the network topology page (issue #10): one real fixture per kind of problem the page draws.
// The VMs are extra VMs named vm-topo-*, outside the numbered plans of vms.ts, so `--vms N` still means N plans
// plus this fixed handful. Status is written as the operators write it: kubernetes-nmstate
// (pkg/enactmentstatus/conditions/conditions.go, pkg/policyconditions/conditions.go: a progressing enactment has
// Progressing True and Available/Failing Unknown, a waiting one Pending True MaxUnavailableLimitReached) and
// KubeVirt (a VMI whose pod cannot be scheduled stays in phase Scheduling with PodScheduled False Unschedulable,
// and its VM shows ErrorUnschedulable).
import type { KubeClient, KubeObject } from '../../support/k8s';
import { applyObject, applyStatus, createOrApply, forEachLimit } from './apply';
import { obj } from './kinds';
import { buildSriovNad, buildSriovNetwork, linuxBridge, nad, type SriovNet } from './networks';
import { buildEnactment, POLICIES } from './nmstate';
import { PARTIAL_BRIDGE, SRIOV_NS, workerName } from './nodes';
import { buildVM, buildVMI, vmPlan, vmStatus, type VMPlan } from './vms';
import { SEED_TIME as NOW } from './time';

type Nic = VMPlan['profile']['nics'][number];

const ROLLOUT_POLICY = 'br2-ens9-policy';
/** The first worker the rollout of br2 has not finished on is the one it is progressing on. */
const progressingOn = (): number => {
  let i = 0;
  while (PARTIAL_BRIDGE.onWorkers.includes(i)) i++;
  return i;
};

const failing = POLICIES.find((p) => p.failsOn !== undefined);
const firstPlan = (match: (p: VMPlan) => boolean): VMPlan => {
  for (let i = 0; i < 40; i++) if (match(vmPlan(i))) return vmPlan(i);
  throw new Error('seed: no such VM plan within the first 40');
};
const hotplug = firstPlan((p) => p.scenario === 'hotplug');
const unplug = firstPlan((p) => p.scenario === 'absent');
const restart = firstPlan((p) => p.restartRequired);

/** What the demo shows for each kind of problem: names for browser tests and for the README. */
export const TOPOLOGY_PROBLEMS = {
  /** A VM interface whose NAD was deleted after the VM started (the VM still runs). */
  danglingNad: {
    namespace: 'tenant-a-dev',
    vm: 'vm-topo-dangling',
    interface: 'deleted',
    nad: 'topo-deleted-nad',
  },
  /** A Linux-bridge NAD on a bridge no NodeNetworkState has: its VM cannot be scheduled. */
  bridgeOnNoNode: {
    namespace: 'tenant-b',
    nad: 'topo-bridge-nowhere',
    bridge: 'br-nowhere',
    vm: 'vm-topo-bridge-nowhere',
    interface: 'nowhere',
  },
  /** A Linux-bridge NAD on br2, which only some workers have (its NNCP is still rolling out). */
  bridgeOnSomeNodes: {
    namespace: 'tenant-a-dev',
    nad: 'topo-bridge-partial',
    bridge: PARTIAL_BRIDGE.bridge,
    nodes: PARTIAL_BRIDGE.onWorkers.map(workerName),
    vm: 'vm-topo-bridge-partial',
    interface: 'partial',
  },
  /** An OVN-K localnet NAD whose physical network no node maps to an OVS bridge. */
  unmappedLocalnet: {
    namespace: 'tenant-b',
    nad: 'topo-localnet-unmapped',
    physicalNetworkName: 'physnet-unmapped',
    vm: 'vm-topo-localnet-unmapped',
    interface: 'unmapped',
  },
  /** An SriovNetwork whose resource no SriovNetworkNodePolicy provides. */
  sriovNoPolicy: {
    namespace: SRIOV_NS,
    network: 'topo-sriov-no-policy',
    resourceName: 'mellanox_nics',
    targetNamespace: 'tenant-b',
    vm: 'vm-topo-sriov-no-policy',
    interface: 'sriov',
  },
  /** A SriovNetworkNodePolicy whose nodeSelector matches no node, and an SriovNetwork on its resource. */
  sriovPolicyNoNode: {
    namespace: SRIOV_NS,
    policy: 'topo-cx6-no-node',
    nodeSelector: { 'node-role.kubernetes.io/sriov': '' },
    network: 'topo-sriov-no-node',
    resourceName: 'cx6_nics',
    targetNamespace: 'default',
    vm: 'vm-topo-sriov-no-node',
    interface: 'sriov',
  },
  /** An NNCP applied on some workers, progressing on one, pending on the rest. */
  nncpProgressing: {
    policy: ROLLOUT_POLICY,
    node: workerName(progressingOn()),
    doneOn: PARTIAL_BRIDGE.onWorkers.map(workerName),
  },
  /** The NNCP that failed on one worker (nmstate.ts). */
  nncpFailing: { policy: failing?.name ?? '', node: workerName(failing?.failsOn ?? 0) },
  /** Numbered VMs of vms.ts: a NIC waiting to be hot-plugged, one waiting to be unplugged, a restart needed. */
  pendingHotplug: {
    namespace: hotplug.profile.namespace,
    vm: hotplug.name,
    interface: hotplug.profile.hotplug?.name ?? '',
  },
  pendingUnplug: {
    namespace: unplug.profile.namespace,
    vm: unplug.name,
    interface: unplug.profile.nics[unplug.profile.nics.length - 1]?.name ?? '',
  },
  restartRequired: { namespace: restart.profile.namespace, vm: restart.name },
} as const;

const P = TOPOLOGY_PROBLEMS;

// ---- nmstate: br2 rolling out ----------------------------------------------------------------------------

const rolloutDesiredState = {
  interfaces: [
    {
      name: PARTIAL_BRIDGE.bridge,
      type: 'linux-bridge',
      state: 'up',
      ipv4: { enabled: false },
      bridge: { options: { stp: { enabled: false } }, port: [{ name: PARTIAL_BRIDGE.port }] },
    },
  ],
};

export const buildRolloutPolicy = (): KubeObject =>
  obj('NodeNetworkConfigurationPolicy', {
    metadata: { name: ROLLOUT_POLICY },
    spec: {
      nodeSelector: { 'node-role.kubernetes.io/worker': '' },
      maxUnavailable: 1,
      desiredState: rolloutDesiredState,
    },
  });

type CondStatus = 'True' | 'False' | 'Unknown';
const cond = (type: string, status: CondStatus, reason: string, message = '') => ({
  type,
  status,
  reason,
  message,
  lastHeartbeatTime: NOW,
  lastTransitionTime: NOW,
});

export const rolloutPolicyStatus = (workers: number) => {
  const finished = PARTIAL_BRIDGE.onWorkers.filter((i) => i < workers).length;
  const reason = 'ConfigurationProgressing';
  return {
    lastUnavailableNodeCountUpdate: NOW,
    unavailableNodeCount: 1,
    conditions: [
      cond('Available', 'Unknown', reason),
      cond('Degraded', 'Unknown', reason),
      cond('Progressing', 'True', reason, `Policy is progressing ${finished}/${workers} nodes finished`),
    ],
  };
};

export type RolloutState = 'available' | 'progressing' | 'pending';
export const rolloutState = (nodeIndex: number): RolloutState => {
  if (PARTIAL_BRIDGE.onWorkers.includes(nodeIndex)) return 'available';
  return nodeIndex === progressingOn() ? 'progressing' : 'pending';
};

/** Conditions in the order nmstate.ts writes them: Failing, Available, Progressing, Pending, Aborted. */
export const rolloutEnactmentStatus = (nodeIndex: number) => {
  const state = rolloutState(nodeIndex);
  const ok = 'SuccessfullyConfigured';
  const conditions = {
    available: [
      cond('Failing', 'False', ok),
      cond('Available', 'True', ok, 'successfully reconciled'),
      cond('Progressing', 'False', ok),
      cond('Pending', 'False', ok),
      cond('Aborted', 'False', ok),
    ],
    progressing: [
      cond('Failing', 'Unknown', 'ConfigurationProgressing'),
      cond('Available', 'Unknown', 'ConfigurationProgressing'),
      cond('Progressing', 'True', 'ConfigurationProgressing', 'Applying desired state'),
      cond('Pending', 'False', 'ConfigurationProgressing'),
      cond('Aborted', 'False', 'ConfigurationProgressing'),
    ],
    pending: [
      cond('Failing', 'False', 'MaxUnavailableLimitReached'),
      cond('Available', 'False', 'MaxUnavailableLimitReached'),
      cond('Progressing', 'False', 'MaxUnavailableLimitReached', 'Waiting for progressing nodes to finish'),
      cond('Pending', 'True', 'MaxUnavailableLimitReached', 'Waiting for progressing nodes to finish'),
      cond('Aborted', 'False', 'MaxUnavailableLimitReached'),
    ],
  }[state];
  return {
    desiredState: rolloutDesiredState,
    desiredStateMetaInfo: { time: NOW, version: '0' },
    policyGeneration: 1,
    features: [],
    conditions,
  };
};

// ---- networks ------------------------------------------------------------------------------------------------

const SRIOV_NO_POLICY: SriovNet = {
  name: P.sriovNoPolicy.network,
  target: P.sriovNoPolicy.targetNamespace,
  vlan: 60,
  resourceName: P.sriovNoPolicy.resourceName,
};
const SRIOV_NO_NODE: SriovNet = {
  name: P.sriovPolicyNoNode.network,
  target: P.sriovPolicyNoNode.targetNamespace,
  vlan: 70,
  resourceName: P.sriovPolicyNoNode.resourceName,
};

/** The SR-IOV policy that matches no node (a role label no worker carries). */
export const buildNoNodeSriovPolicy = (): KubeObject =>
  obj('SriovNetworkNodePolicy', {
    metadata: { name: P.sriovPolicyNoNode.policy, namespace: SRIOV_NS },
    spec: {
      resourceName: P.sriovPolicyNoNode.resourceName,
      nodeSelector: { ...P.sriovPolicyNoNode.nodeSelector },
      numVfs: 8,
      priority: 50,
      mtu: 9000,
      deviceType: 'netdevice',
      isRdma: true,
      nicSelector: { vendor: '15b3', deviceID: '101d', pfNames: ['ens2f0'] },
    },
  });

/** SriovNetworks and the NADs sriov-network-operator renders for them (as networks.ts does for the others). */
export const buildTopologySriovNetworks = (): KubeObject[] =>
  [SRIOV_NO_POLICY, SRIOV_NO_NODE].flatMap((s) => [buildSriovNetwork(s), buildSriovNad(s)]);

/** The NADs with a problem (the dangling reference has, by design, no NAD). */
export const buildTopologyNads = (): KubeObject[] => [
  linuxBridge(P.bridgeOnNoNode.namespace, P.bridgeOnNoNode.nad, 'cnv-bridge', P.bridgeOnNoNode.bridge, 40),
  linuxBridge(
    P.bridgeOnSomeNodes.namespace,
    P.bridgeOnSomeNodes.nad,
    'cnv-bridge',
    P.bridgeOnSomeNodes.bridge,
    0,
  ),
  nad(P.unmappedLocalnet.namespace, P.unmappedLocalnet.nad, {
    cniVersion: '0.3.1',
    name: P.unmappedLocalnet.nad,
    type: 'ovn-k8s-cni-overlay',
    topology: 'localnet',
    physicalNetworkName: P.unmappedLocalnet.physicalNetworkName,
    netAttachDefName: `${P.unmappedLocalnet.namespace}/${P.unmappedLocalnet.nad}`,
    vlanID: 400,
    subnets: '192.168.40.0/24',
  }),
];

// ---- VMs ---------------------------------------------------------------------------------------------------------

/** Indexes far above any numbered plan, 4 apart: MACs and addresses (vms.ts macOf, ipsOf) stay unique. */
const INDEX_BASE = 0xf00000;
const POD_NIC: Record<string, Nic> = {
  'tenant-a-dev': { name: 'default', binding: 'masquerade', ipv4: '10.129.250' },
  'tenant-b': { name: 'default', binding: 'masquerade', ipv4: '10.130.250' },
  default: { name: 'default', binding: 'masquerade', ipv4: '10.131.250' },
};

type TopologyVM = {
  namespace: string;
  name: string;
  nic: Nic;
  /** Runs on this worker; without one the VM waits for a node that has `unschedulable` (a device resource). */
  node?: number;
  unschedulable?: string;
};

const TOPOLOGY_VMS: TopologyVM[] = [
  {
    namespace: P.danglingNad.namespace,
    name: P.danglingNad.vm,
    nic: { name: P.danglingNad.interface, binding: 'bridge', nad: P.danglingNad.nad, ipv4: '192.168.41' },
    node: 2,
  },
  {
    namespace: P.bridgeOnNoNode.namespace,
    name: P.bridgeOnNoNode.vm,
    nic: { name: P.bridgeOnNoNode.interface, binding: 'bridge', nad: P.bridgeOnNoNode.nad },
    unschedulable: `bridge.network.kubevirt.io/${P.bridgeOnNoNode.bridge}`,
  },
  {
    namespace: P.bridgeOnSomeNodes.namespace,
    name: P.bridgeOnSomeNodes.vm,
    nic: {
      name: P.bridgeOnSomeNodes.interface,
      binding: 'bridge',
      nad: P.bridgeOnSomeNodes.nad,
      ipv4: '192.168.42',
    },
    node: PARTIAL_BRIDGE.onWorkers[0],
  },
  {
    // It starts, but its localnet port has no uplink: the guest gets no address there.
    namespace: P.unmappedLocalnet.namespace,
    name: P.unmappedLocalnet.vm,
    nic: { name: P.unmappedLocalnet.interface, binding: 'bridge', nad: P.unmappedLocalnet.nad },
    node: 1,
  },
  {
    namespace: P.sriovNoPolicy.targetNamespace,
    name: P.sriovNoPolicy.vm,
    nic: { name: P.sriovNoPolicy.interface, binding: 'sriov', nad: P.sriovNoPolicy.network },
    unschedulable: `openshift.io/${P.sriovNoPolicy.resourceName}`,
  },
  {
    namespace: P.sriovPolicyNoNode.targetNamespace,
    name: P.sriovPolicyNoNode.vm,
    nic: { name: P.sriovPolicyNoNode.interface, binding: 'sriov', nad: P.sriovPolicyNoNode.network },
    unschedulable: `openshift.io/${P.sriovPolicyNoNode.resourceName}`,
  },
];

/** The vms.ts plan of an extra VM: the pod network of its namespace plus the interface that has the problem. */
export const topologyPlans = (): (VMPlan & { unschedulable?: string })[] =>
  TOPOLOGY_VMS.map((v, k) => ({
    index: INDEX_BASE + 4 * k,
    profile: { namespace: v.namespace, nics: [POD_NIC[v.namespace] as Nic, v.nic] },
    scenario: 'agent',
    name: v.name,
    node: workerName(v.node ?? 0),
    restartRequired: false,
    unschedulable: v.unschedulable,
  }));

/** The scheduler's message for a pod that asks for a device resource no node has. */
export const unschedulableMessage = (resource: string, workers: number): string =>
  `0/${workers} nodes are available: ${workers} Insufficient ${resource}. preemption: 0/${workers} nodes are ` +
  `available: ${workers} No preemption victims found for incoming pod.`;

const vmCond = (type: string, status: CondStatus, reason: string, message: string) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: NOW,
});
const unschedulableConditions = (resource: string, workers: number) => [
  vmCond('Ready', 'False', 'GuestNotRunning', 'Guest VM is not reported as running'),
  vmCond('PodScheduled', 'False', 'Unschedulable', unschedulableMessage(resource, workers)),
];

export const topologyVMStatus = (p: ReturnType<typeof topologyPlans>[number], workers: number) =>
  p.unschedulable
    ? {
        printableStatus: 'ErrorUnschedulable',
        ready: false,
        created: true,
        runStrategy: 'Always',
        desiredGeneration: 1,
        observedGeneration: 1,
        conditions: unschedulableConditions(p.unschedulable, workers),
      }
    : vmStatus(p);

/** The VMI: running as vms.ts builds it, or waiting in phase Scheduling (no node, no interfaces yet). */
export const buildTopologyVMI = (
  p: ReturnType<typeof topologyPlans>[number],
  vm: KubeObject,
  workers: number,
): KubeObject => {
  const vmi = buildVMI(p, vm);
  if (!p.unschedulable) return vmi;
  const labels = { ...vmi.metadata?.labels };
  delete labels['kubevirt.io/nodeName'];
  return {
    ...vmi,
    metadata: { ...vmi.metadata, labels },
    status: {
      phase: 'Scheduling',
      phaseTransitionTimestamps: [
        { phase: 'Pending', phaseTransitionTimestamp: NOW },
        { phase: 'Scheduling', phaseTransitionTimestamp: NOW },
      ],
      conditions: unschedulableConditions(p.unschedulable, workers),
      guestOSInfo: {},
      qosClass: 'Burstable',
      runtimeUser: 107,
    },
  };
};

/** Applies every fixture above; safe to run again. */
export const seedTopologyProblems = async (client: KubeClient, workers: number, limit: number) => {
  const apply = (o: KubeObject, status?: unknown) => applyObject(client, o, status);
  const policy = await apply(buildRolloutPolicy(), rolloutPolicyStatus(workers));
  await forEachLimit([...Array(workers).keys()], limit, async (i) => {
    await apply(buildEnactment(policy, workerName(i)), rolloutEnactmentStatus(i));
  });
  await apply(buildNoNodeSriovPolicy());
  for (const o of [...buildTopologySriovNetworks(), ...buildTopologyNads()]) await apply(o);
  await forEachLimit(topologyPlans(), limit, async (p) => {
    const vm = await createOrApply(client, buildVM(p));
    await createOrApply(client, buildTopologyVMI(p, vm, workers));
    await applyStatus(client, vm, topologyVMStatus(p, workers));
  });
};
