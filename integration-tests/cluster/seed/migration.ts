// The dedicated live-migration network (issue #16, point 4): candidate NADs in the HyperConverged CR's namespace
// (openshift-cnv), one of each kind the settings page tells apart, and migrations of a few numbered VMs: the VMI's
// status.migrationState (VMIs have no status subresource; written here under a field manager of its own, so the
// seed's full apply of the VMI keeps it) and VirtualMachineInstanceMigrations. The HyperConverged CR itself and its
// current network (migration-net, whereabouts 10.250.0.0/24 on br1) are in networks.ts.
// Target addresses follow KubeVirt: virt-handler's migration0 address when the migration network is attached
// (pkg/virt-handler/migration.go FindMigrationIP), its pod IP otherwise.
import type { KubeClient, KubeObject } from '../../support/k8s';
import { applyObject } from './apply';
import { nad } from './networks';
import { PARTIAL_BRIDGE, workerName } from './nodes';
import { SEED_TIME } from './time';
import { vmPlan } from './vms';

export const HCO_NAMESPACE = 'openshift-cnv';
/** The network networks.ts configures, and its range. */
export const MIGRATION_NETWORK = { name: 'migration-net', range: '10.250.0.0/24' } as const;

const whereabouts = (name: string, config: Record<string, unknown>, range: string) =>
  nad(HCO_NAMESPACE, name, {
    cniVersion: '0.3.1',
    name,
    ...config,
    ipam: { type: 'whereabouts', range },
  });

/** Each candidate, what the settings page says of it. */
export const MIGRATION_CANDIDATES = {
  /** Usable: a Linux bridge on every worker (br1, VLAN 301), a free whereabouts range. */
  good: { name: 'migration-vlan301', bridge: 'br1', range: '10.251.0.0/24' },
  /** On br2, which only some workers have (its NNCP is still rolling out). */
  partialBridge: {
    name: 'migration-br2',
    bridge: PARTIAL_BRIDGE.bridge,
    range: '10.252.0.0/24',
    missingOn: [1, 2].map(workerName),
  },
  /** A macvlan on ens5 whose range overlaps default/l2-overlay (10.200.0.0/16). */
  overlapping: {
    name: 'migration-overlap',
    nic: 'ens5',
    range: '10.200.128.0/24',
    overlaps: '10.200.0.0/16',
  },
  /** Static IPAM: every virt-handler would get the same address. */
  staticIpam: { name: 'migration-static', bridge: 'br1' },
} as const;

const C = MIGRATION_CANDIDATES;

export const buildMigrationCandidates = (): KubeObject[] => [
  whereabouts(C.good.name, { type: 'cnv-bridge', bridge: C.good.bridge, vlan: 301 }, C.good.range),
  whereabouts(
    C.partialBridge.name,
    { type: 'cnv-bridge', bridge: C.partialBridge.bridge, vlan: 0 },
    C.partialBridge.range,
  ),
  whereabouts(
    C.overlapping.name,
    { type: 'macvlan', master: C.overlapping.nic, mode: 'bridge' },
    C.overlapping.range,
  ),
  nad(HCO_NAMESPACE, C.staticIpam.name, {
    cniVersion: '0.3.1',
    name: C.staticIpam.name,
    type: 'cnv-bridge',
    bridge: C.staticIpam.bridge,
    vlan: 302,
    ipam: { type: 'static', addresses: [{ address: '10.253.0.10/24' }] },
  }),
];

/** A time `minutes` before the seed ran (RFC 3339, whole seconds). */
const ago = (minutes: number): string =>
  new Date(Date.parse(SEED_TIME) - minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

/** The migration0 address of a worker's virt-handler, and its pod IP (the pod network, 10.128.0.0/14). */
const migrationAddress = (worker: number) => `10.250.0.${10 + worker}`;
const handlerPodIp = (worker: number) => `10.128.${worker * 2}.${20 + worker}`;

type Migration = {
  /** The numbered VM plan (vms.ts); every one chosen runs (scenario agent). */
  plan: number;
  /** What the VMI reports of its last migration. */
  vmi?: { from: number; to: number; address: string; minutesAgo: number; network: 'migration' | 'pod' };
  /** A VirtualMachineInstanceMigration, newer than what the VMI reports. */
  vmim?: { name: string; phase: string; from?: number; to?: number; address?: string; minutesAgo: number };
};

/** The VMs the page lists and what it says: over migration-net, over the pod network, failed, not known yet. */
export const MIGRATIONS: Migration[] = [
  { plan: 0, vmi: { from: 1, to: 0, address: migrationAddress(0), minutesAgo: 30, network: 'migration' } },
  { plan: 3, vmi: { from: 2, to: 0, address: handlerPodIp(0), minutesAgo: 300, network: 'pod' } },
  {
    plan: 2,
    vmi: { from: 1, to: 0, address: handlerPodIp(0), minutesAgo: 600, network: 'pod' },
    vmim: {
      name: 'mig-failed',
      phase: 'Failed',
      from: 0,
      to: 1,
      address: migrationAddress(1),
      minutesAgo: 20,
    },
  },
  { plan: 1, vmim: { name: 'mig-pending', phase: 'Pending', minutesAgo: 1 } },
];

/** VM namespace/name of a migration entry (the numbered VMs of vms.ts). */
export const migratedVM = (m: Migration): { namespace: string; name: string } => {
  const p = vmPlan(m.plan);
  return { namespace: p.profile.namespace, name: p.name };
};

const FIELD_MANAGER = 'local-cluster-seed-migration';
const VMIS = (ns: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances`;
const VMIMS = (ns: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstancemigrations`;

const must = (what: string, r: { status: number; body: KubeObject }) => {
  if (r.status >= 300)
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body.message ?? r.body)}`);
  return r.body;
};

const state = (
  from: number,
  to: number,
  address: string,
  minutesAgo: number,
  extra: Record<string, unknown>,
) => ({
  sourceNode: workerName(from),
  targetNode: workerName(to),
  targetNodeAddress: address,
  startTimestamp: ago(minutesAgo + 2),
  endTimestamp: ago(minutesAgo),
  ...extra,
});

export const seedMigrations = async (client: KubeClient): Promise<void> => {
  for (const o of buildMigrationCandidates()) await applyObject(client, o);
  for (const m of MIGRATIONS) {
    const { namespace, name } = migratedVM(m);
    if (m.vmi) {
      const v = m.vmi;
      must(
        `migration state of VMI ${namespace}/${name}`,
        await client.apply(
          `${VMIS(namespace)}/${name}`,
          {
            apiVersion: 'kubevirt.io/v1',
            kind: 'VirtualMachineInstance',
            metadata: { name, namespace },
            status: {
              migrationState: state(v.from, v.to, v.address, v.minutesAgo, {
                completed: true,
                failed: false,
                mode: 'PreCopy',
                migrationNetworkType: v.network,
              }),
            },
          },
          FIELD_MANAGER,
        ),
      );
    }
    if (m.vmim) {
      const x = m.vmim;
      const path = `${VMIMS(namespace)}/${x.name}`;
      const base = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstanceMigration' };
      must(
        `VirtualMachineInstanceMigration ${namespace}/${x.name}`,
        await client.apply(
          path,
          { ...base, metadata: { name: x.name, namespace }, spec: { vmiName: name } },
          FIELD_MANAGER,
        ),
      );
      const failed = x.phase === 'Failed';
      must(
        `status of VirtualMachineInstanceMigration ${namespace}/${x.name}`,
        await client.apply(
          `${path}/status`,
          {
            ...base,
            metadata: { name: x.name, namespace },
            status: {
              phase: x.phase,
              phaseTransitionTimestamps: [{ phase: x.phase, phaseTransitionTimestamp: ago(x.minutesAgo) }],
              ...(x.from !== undefined && x.to !== undefined && x.address
                ? {
                    migrationState: state(x.from, x.to, x.address, x.minutesAgo, {
                      completed: false,
                      failed,
                      migrationNetworkType: 'migration',
                    }),
                  }
                : {}),
            },
          },
          FIELD_MANAGER,
        ),
      );
    }
  }
};
