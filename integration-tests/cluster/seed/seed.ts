// The demo data set: infrastructure (nodes, nmstate, SR-IOV), networks of every kind, then N VMs with their VMIs.
import type { KubeClient, KubeObject } from '../../support/k8s';
import { namespaceObject, TENANT_NAMESPACES } from '../rbac';
import { applyObject, applyStatus, createOrApply, forEachLimit } from './apply';
import {
  buildCudn,
  buildCudnNads,
  buildHyperConverged,
  buildMetalLb,
  buildMigrationNad,
  buildPrimaryUdn,
  buildSriovNad,
  buildSriovNetwork,
  buildUdnNad,
  buildUserNads,
  CUDNS,
  cudnStatus,
  hcoStatus,
  SRIOV_NETWORKS,
  udnStatus,
} from './networks';
import { buildEnactment, buildPolicy, enactmentStatus, policyStatus, POLICIES } from './nmstate';
import {
  buildNode,
  buildNodeNetworkState,
  isSriovCapable,
  nodeNetworkStateStatus,
  nodeStatus,
  SRIOV_NS,
  workerName,
} from './nodes';
import { buildSriovNodeState, buildSriovPolicies, sriovNodeStateStatus } from './sriov';
import { seedTopologyProblems, topologyPlans } from './topology';
import { seedHostNetworks } from './hostnetworks';
import { buildVM, buildVMI, hasVMI, vmPlan, vmStatus } from './vms';
import { seedOpenShiftConfig } from './openshift';
import { seedReach } from './reach';

export type SeedOptions = { vms: number; concurrency?: number; log?: (line: string) => void };

const PLATFORM_NAMESPACES = ['default', SRIOV_NS, 'openshift-cnv', 'openshift-nmstate', 'metallb-system'];

/** Enough workers that VMs spread realistically, but at least 3. */
export const workerCount = (vms: number): number => Math.min(40, Math.max(3, Math.ceil(vms / 250)));

const seedInfrastructure = async (client: KubeClient, workers: number, limit: number): Promise<void> => {
  const apply = (o: KubeObject, status?: unknown) => applyObject(client, o, status);
  const indexes = [...Array(workers).keys()];
  await forEachLimit(indexes, limit, async (i) => {
    const node = await apply(buildNode(i), nodeStatus(i));
    await apply(buildNodeNetworkState(node, i), nodeNetworkStateStatus(i));
    if (isSriovCapable(i)) await apply(buildSriovNodeState(i), sriovNodeStateStatus(i));
  });
  for (const p of POLICIES) {
    const policy = await apply(buildPolicy(p), policyStatus(p, workers));
    await forEachLimit(indexes, limit, async (i) => {
      await apply(buildEnactment(policy, workerName(i)), enactmentStatus(p, i));
    });
  }
  for (const policy of buildSriovPolicies()) await apply(policy);
};

const seedNetworks = async (client: KubeClient): Promise<void> => {
  const apply = (o: KubeObject, status?: unknown) => applyObject(client, o, status);
  const udn = await apply(buildPrimaryUdn(), udnStatus());
  await apply(buildUdnNad(udn));
  for (const c of CUDNS) {
    const cudn = await apply(buildCudn(c), cudnStatus(c));
    for (const nad of buildCudnNads(c, cudn)) await apply(nad);
  }
  for (const s of SRIOV_NETWORKS) {
    await apply(buildSriovNetwork(s));
    await apply(buildSriovNad(s));
  }
  for (const nad of [...buildUserNads(), buildMigrationNad()]) await apply(nad);
  for (const o of buildMetalLb()) await apply(o);
  await apply(buildHyperConverged(), hcoStatus());
};

/** Applies the whole data set; safe to run again (server-side apply). */
export const seed = async (client: KubeClient, opts: SeedOptions): Promise<void> => {
  const log = opts.log ?? (() => undefined);
  const limit = opts.concurrency ?? 32;
  const workers = workerCount(opts.vms);
  for (const ns of TENANT_NAMESPACES) await applyObject(client, namespaceObject(ns.name, ns.labels));
  for (const ns of PLATFORM_NAMESPACES) await applyObject(client, namespaceObject(ns));
  if (await seedOpenShiftConfig(client)) log('  OpenShift config: Network and Infrastructure "cluster"');
  await seedInfrastructure(client, workers, limit);
  log(`  ${workers} worker nodes, ${POLICIES.length} NNCPs with enactments, SR-IOV policies and node states`);
  await seedNetworks(client);
  log('  networks: NADs of each kind, a primary UDN, CUDNs, SR-IOV networks, MetalLB, HyperConverged');
  const plans = Array.from({ length: opts.vms }, (_, i) => vmPlan(i));
  let done = 0;
  await forEachLimit(plans, limit, async (p) => {
    const vm = await createOrApply(client, buildVM(p));
    if (hasVMI(p)) await createOrApply(client, buildVMI(p, vm));
    await applyStatus(client, vm, vmStatus(p));
    if (++done % 1000 === 0) log(`  ${done}/${opts.vms} VMs`);
  });
  log(`  ${opts.vms} VMs (${plans.filter(hasVMI).length} running, with VMIs)`);
  await seedTopologyProblems(client, workers, limit);
  log(
    `  topology problems: ${topologyPlans().length} vm-topo-* VMs, their NADs and SR-IOV networks, a rolling NNCP`,
  );
  await seedHostNetworks(client);
  log(
    '  host networks: infra nodes with their own NIC layouts, NNCPs failing, aborted and matching no node, migration candidates and migrations',
  );
  await seedReach(client);
  log('  reach: a second MetalLB pool, LoadBalancer Services holding pool addresses, two VMs sharing a MAC');
};
