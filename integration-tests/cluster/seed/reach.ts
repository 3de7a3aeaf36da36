// What "Reach this VM" (#15) needs: a second, small MetalLB pool; LoadBalancer Services holding some pool
// addresses (their status.loadBalancer.ingress written through the status subresource, as MetalLB's controller
// would); a Service already exposing tenant-a-dev/vm-00000; two stopped VMs in `default` sharing a MAC. The
// MAC-pool opt-out label is on tenant-b (rbac.ts TENANT_NAMESPACES), since namespaces are applied there.
import type { KubeClient, KubeObject } from '../../support/k8s';
import { applyObject, applyStatus, createOrApply } from './apply';
import { obj } from './kinds';

export const REACH = {
  smallPool: { name: 'vm-services-small', range: '192.168.122.100-192.168.122.103' },
  /** Pool addresses in use, by Service (namespace/name). */
  used: [
    { namespace: 'tenant-b', name: 'tenant-b-web', ip: '192.168.122.200', pool: 'vm-services' },
    {
      namespace: 'default',
      name: 'legacy-lb',
      ip: '192.168.122.201',
      pool: 'vm-services',
      oldAnnotations: true,
    },
    { namespace: 'tenant-a-dev', name: 'vm-00000-http', ip: '192.168.122.100', pool: 'vm-services-small' },
  ],
  /** The Service of tenant-a-dev that already selects vm-00000. */
  exposedVM: { namespace: 'tenant-a-dev', vm: 'vm-00000', service: 'vm-00000-http' },
  duplicateMac: { namespace: 'default', vms: ['vm-dup-mac-a', 'vm-dup-mac-b'], mac: '02:de:ad:be:ef:01' },
};

/**
 * tenant-a may read the pools (a Role in metallb-system, as an administrator may delegate; metallb-system exists
 * only once the seed made it, so this is seed data, not bootstrap RBAC). tenant-b may not.
 */
const buildPoolReader = (): KubeObject[] => [
  obj('Role', {
    metadata: { name: 'ipaddresspool-reader', namespace: 'metallb-system' },
    rules: [{ apiGroups: ['metallb.io'], resources: ['ipaddresspools'], verbs: ['get', 'list', 'watch'] }],
  }),
  obj('RoleBinding', {
    metadata: { name: 'tenant-a-ipaddresspool-reader', namespace: 'metallb-system' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'ipaddresspool-reader' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'tenant-a' }],
  }),
];

const buildSmallPool = (): KubeObject =>
  obj('IPAddressPool', {
    metadata: { name: REACH.smallPool.name, namespace: 'metallb-system' },
    spec: { addresses: [REACH.smallPool.range], autoAssign: false },
  });

const buildLoadBalancer = (u: (typeof REACH.used)[number]): KubeObject => {
  const prefix = 'oldAnnotations' in u && u.oldAnnotations ? 'metallb.universe.tf' : 'metallb.io';
  return obj('Service', {
    metadata: {
      name: u.name,
      namespace: u.namespace,
      annotations: { [`${prefix}/address-pool`]: u.pool, [`${prefix}/loadBalancerIPs`]: u.ip },
    },
    spec: {
      type: 'LoadBalancer',
      selector:
        u.name === REACH.exposedVM.service ? { 'kubevirt.io/domain': REACH.exposedVM.vm } : { app: u.name },
      ports: [
        u.name === REACH.exposedVM.service
          ? { name: 'http', protocol: 'TCP', port: 80, targetPort: 80 }
          : { name: 'https', protocol: 'TCP', port: 443, targetPort: 8443 },
      ],
    },
  });
};

const buildDuplicateMacVM = (name: string): KubeObject =>
  obj('VirtualMachine', {
    metadata: { name, namespace: REACH.duplicateMac.namespace, labels: { app: name } },
    spec: {
      runStrategy: 'Halted',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': name } },
        spec: {
          domain: {
            devices: {
              disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
              interfaces: [
                { name: 'default', masquerade: {}, model: 'virtio' },
                { name: 'vlan100', bridge: {}, model: 'virtio', macAddress: REACH.duplicateMac.mac },
              ],
            },
            resources: { requests: { memory: '1Gi' } },
          },
          networks: [
            { name: 'default', pod: {} },
            { name: 'vlan100', multus: { networkName: 'br1-vlan100' } },
          ],
          volumes: [{ name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
        },
      },
    },
  });

export const seedReach = async (client: KubeClient): Promise<void> => {
  await applyObject(client, buildSmallPool());
  for (const o of buildPoolReader()) await applyObject(client, o);
  for (const u of REACH.used) {
    await applyObject(client, buildLoadBalancer(u), {
      loadBalancer: { ingress: [{ ip: u.ip, ipMode: 'VIP' }] },
    });
  }
  for (const name of REACH.duplicateMac.vms) {
    const vm = await createOrApply(client, buildDuplicateMacVM(name));
    await applyStatus(client, vm, { printableStatus: 'Stopped', ready: false, runStrategy: 'Halted' });
  }
};
