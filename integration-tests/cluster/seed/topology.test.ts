// The topology fixtures must each be a real problem against the rest of the seed, or the demo shows nothing.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../support/k8s';
import {
  buildCudnNads,
  buildMigrationNad,
  buildSriovNad,
  buildSriovNetwork,
  buildUdnNad,
  buildUserNads,
  CUDNS,
  buildPrimaryUdn,
  SRIOV_NETWORKS,
} from './networks';
import { POLICIES } from './nmstate';
import { buildNode, currentState, PARTIAL_BRIDGE, workerName } from './nodes';
import { buildSriovPolicies } from './sriov';
import {
  buildNoNodeSriovPolicy,
  buildTopologyNads,
  buildTopologySriovNetworks,
  buildTopologyVMI,
  rolloutEnactmentStatus,
  rolloutPolicyStatus,
  rolloutState,
  topologyPlans,
  topologyVMStatus,
  TOPOLOGY_PROBLEMS as P,
} from './topology';
import { buildVM, vmPlan } from './vms';

type Iface = { name: string; type: string; controller?: string };
const MANY = 40; // the most workers the seed makes
const nodes = [...Array(MANY).keys()];
const ifaces = (i: number) => currentState(i).interfaces as Iface[];
const nadConfig = (o: KubeObject) =>
  JSON.parse((o.spec as { config: string }).config) as Record<string, unknown>;
const owner = { apiVersion: 'x/v1', kind: 'X', metadata: { name: 'x', uid: 'u' } };
const allNads = (): KubeObject[] => [
  ...buildUserNads(),
  buildMigrationNad(),
  buildUdnNad(buildPrimaryUdn()),
  ...CUDNS.flatMap((c) => buildCudnNads(c, owner)),
  ...SRIOV_NETWORKS.map(buildSriovNad),
  ...buildTopologyNads(),
  ...buildTopologySriovNetworks().filter((o) => o.kind === 'NetworkAttachmentDefinition'),
];
const findNad = (namespace: string, name: string) =>
  allNads().find((n) => n.metadata?.namespace === namespace && n.metadata?.name === name);
const plan = (name: string) => topologyPlans().find((p) => p.name === name)!;
const vmNetworks = (o: KubeObject) =>
  (o.spec as { template: { spec: { networks: { name: string; multus?: { networkName: string } }[] } } })
    .template.spec.networks;

describe('topology problem fixtures', () => {
  it('a VM interface refers to a NAD that no seeded NAD is', () => {
    const { namespace, vm, interface: iface, nad } = P.danglingNad;
    expect(findNad(namespace, nad)).toBeUndefined();
    expect(vmNetworks(buildVM(plan(vm)))).toContainEqual({ name: iface, multus: { networkName: nad } });
  });

  it('one Linux-bridge NAD uses a bridge on no node, another a bridge on some nodes only', () => {
    const onNodes = (bridge: string) =>
      nodes.filter((i) => ifaces(i).some((f) => f.type === 'linux-bridge' && f.name === bridge));
    const nowhere = findNad(P.bridgeOnNoNode.namespace, P.bridgeOnNoNode.nad)!;
    expect(nadConfig(nowhere).bridge).toBe(P.bridgeOnNoNode.bridge);
    expect(onNodes(P.bridgeOnNoNode.bridge)).toEqual([]);
    const partial = findNad(P.bridgeOnSomeNodes.namespace, P.bridgeOnSomeNodes.nad)!;
    expect(nadConfig(partial).bridge).toBe(P.bridgeOnSomeNodes.bridge);
    expect(onNodes(P.bridgeOnSomeNodes.bridge).map(workerName)).toEqual(P.bridgeOnSomeNodes.nodes);
    // br1, which the other bridge NADs use, is on every node: the partial one stands out.
    expect(onNodes('br1')).toEqual(nodes);
    // Its VM runs where the bridge is; the spare NIC is there (unbridged) on the others.
    expect(P.bridgeOnSomeNodes.nodes).toContain(plan(P.bridgeOnSomeNodes.vm).node);
    expect(ifaces(1).find((f) => f.name === PARTIAL_BRIDGE.port)?.controller).toBeUndefined();
  });

  it('a localnet NAD names a physical network no node maps and no NNCP maps', () => {
    const { namespace, nad, physicalNetworkName } = P.unmappedLocalnet;
    const config = nadConfig(findNad(namespace, nad)!);
    expect(config).toMatchObject({ type: 'ovn-k8s-cni-overlay', topology: 'localnet', physicalNetworkName });
    const mapped = [
      ...nodes.flatMap((i) => currentState(i).ovn['bridge-mappings'].map((m) => m.localnet)),
      ...POLICIES.flatMap(
        (p) =>
          (p.desiredState.ovn as { 'bridge-mappings': { localnet: string }[] } | undefined)?.[
            'bridge-mappings'
          ] ?? [],
      ).map((m) => m.localnet),
    ];
    expect(mapped).toContain('physnet-ext');
    expect(mapped).not.toContain(physicalNetworkName);
  });

  it('one SriovNetwork has no policy for its resource; one policy matches no node', () => {
    const policies = [...buildSriovPolicies(), buildNoNodeSriovPolicy()];
    const resources = policies.map((p) => (p.spec as { resourceName: string }).resourceName);
    expect(resources).not.toContain(P.sriovNoPolicy.resourceName);
    expect(resources).toContain(P.sriovPolicyNoNode.resourceName);

    const matches = (selector: Record<string, string>, i: number) =>
      Object.entries(selector).every(([k, v]) => buildNode(i).metadata?.labels?.[k] === v);
    const selectorOf = (p: KubeObject) => (p.spec as { nodeSelector: Record<string, string> }).nodeSelector;
    expect(nodes.filter((i) => matches(selectorOf(buildNoNodeSriovPolicy()), i))).toEqual([]);
    expect(nodes.filter((i) => matches(selectorOf(buildSriovPolicies()[0]!), i))).not.toEqual([]);

    // Each SriovNetwork is rendered to a NAD in its target namespace asking for its resource.
    for (const s of [P.sriovNoPolicy, P.sriovPolicyNoNode]) {
      const network = buildTopologySriovNetworks().find(
        (o) => o.kind === 'SriovNetwork' && o.metadata?.name === s.network,
      );
      expect(network?.spec).toMatchObject({
        resourceName: s.resourceName,
        networkNamespace: s.targetNamespace,
      });
      expect(findNad(s.targetNamespace, s.network)?.metadata?.annotations).toMatchObject({
        'k8s.v1.cni.cncf.io/resourceName': `openshift.io/${s.resourceName}`,
      });
    }
    // The existing SR-IOV networks keep their resource.
    expect(buildSriovNetwork(SRIOV_NETWORKS[0]!).spec).toMatchObject({ resourceName: 'intelnics' });
  });
});

describe('the br2 NNCP rollout', () => {
  it.each([3, MANY])('on %i workers: done on worker-0, progressing on worker-1, pending on the rest', (n) => {
    const states = [...Array(n).keys()].map(rolloutState);
    expect(states.slice(0, 2)).toEqual(['available', 'progressing']);
    expect(new Set(states.slice(2))).toEqual(new Set(['pending']));
    expect(workerName(states.indexOf('progressing'))).toBe(P.nncpProgressing.node);
    const progressing = rolloutPolicyStatus(n).conditions.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({
      status: 'True',
      message: `Policy is progressing 1/${n} nodes finished`,
    });
  });

  it('writes the enactment conditions kubernetes-nmstate writes for each state', () => {
    const status = (i: number, type: string) =>
      rolloutEnactmentStatus(i).conditions.find((c) => c.type === type)?.status;
    expect([status(0, 'Available'), status(0, 'Progressing')]).toEqual(['True', 'False']);
    expect([status(1, 'Available'), status(1, 'Progressing'), status(1, 'Failing')]).toEqual([
      'Unknown',
      'True',
      'Unknown',
    ]);
    expect([status(2, 'Pending'), status(2, 'Progressing')]).toEqual(['True', 'False']);
  });

  it('keeps the failing NNCP of nmstate.ts', () => {
    expect(P.nncpFailing).toEqual({ policy: 'bond0-policy', node: 'worker-1' });
  });
});

describe('topology VMs', () => {
  const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'x', uid: 'u1' } };

  it('are named vm-topo-*, once each, with MACs no numbered VM has', () => {
    const names = topologyPlans().map((p) => `${p.profile.namespace}/${p.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.split('/')[1]!.startsWith('vm-topo-'))).toBe(true);
    const macs = (o: KubeObject) =>
      (
        o.spec as { template: { spec: { domain: { devices: { interfaces: { macAddress: string }[] } } } } }
      ).template.spec.domain.devices.interfaces.map((i) => i.macAddress);
    const numbered = new Set(Array.from({ length: 10_000 }, (_, i) => macs(buildVM(vmPlan(i)))).flat());
    const extra = topologyPlans().flatMap((p) => macs(buildVM(p)));
    expect(new Set(extra).size).toBe(extra.length);
    expect(extra.filter((m) => numbered.has(m))).toEqual([]);
  });

  it('a VM asking for a device no node has waits in Scheduling, with the scheduler message', () => {
    const p = plan(P.sriovNoPolicy.vm);
    const vmi = buildTopologyVMI(p, vm, 3);
    expect(vmi.status).toMatchObject({ phase: 'Scheduling' });
    expect(vmi.status).not.toHaveProperty('nodeName');
    expect(vmi.metadata?.labels).not.toHaveProperty(['kubevirt.io/nodeName']);
    const scheduled = (topologyVMStatus(p, 3).conditions as { type: string; message?: string }[]).find(
      (c) => c.type === 'PodScheduled',
    );
    expect(scheduled?.message).toContain('3 Insufficient openshift.io/mellanox_nics');
    expect(topologyVMStatus(p, 3)).toMatchObject({ printableStatus: 'ErrorUnschedulable' });
  });

  it('the dangling and localnet VMs run, with the problem interface in the VMI', () => {
    for (const [name, iface] of [
      [P.danglingNad.vm, P.danglingNad.interface],
      [P.unmappedLocalnet.vm, P.unmappedLocalnet.interface],
    ] as const) {
      const vmi = buildTopologyVMI(plan(name), vm, 3);
      const status = vmi.status as { phase: string; nodeName: string; interfaces: { name: string }[] };
      expect(status.phase).toBe('Running');
      expect(status.nodeName).toMatch(/^worker-[0-2]$/);
      expect(status.interfaces.map((i) => i.name)).toContain(iface);
    }
  });

  it('points at numbered VMs that show a pending hot-plug, a pending unplug and RestartRequired', () => {
    const find = (ns: string, name: string) =>
      Array.from({ length: 40 }, (_, i) => vmPlan(i)).find(
        (p) => p.profile.namespace === ns && p.name === name,
      );
    expect(find(P.pendingHotplug.namespace, P.pendingHotplug.vm)?.scenario).toBe('hotplug');
    expect(find(P.pendingUnplug.namespace, P.pendingUnplug.vm)?.scenario).toBe('absent');
    expect(find(P.restartRequired.namespace, P.restartRequired.vm)?.restartRequired).toBe(true);
  });
});
