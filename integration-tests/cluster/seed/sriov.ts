// SR-IOV as sriov-network-operator shows it: node policies, and per node the PFs and VFs the config daemon reports.
import type { KubeObject } from '../../support/k8s';
import { obj } from './kinds';
import { mac, SRIOV_CAPABLE, SRIOV_NS, workerName } from './nodes';

const pfNames = ['ens1f0', 'ens1f1'];
const pci = (pf: number, vf?: number): string =>
  vf === undefined ? `0000:3b:00.${pf}` : `0000:3b:${(2 + pf).toString(16).padStart(2, '0')}.${vf}`;

export const buildSriovPolicies = (): KubeObject[] => [
  obj('SriovNetworkNodePolicy', {
    metadata: { name: 'intel-ens1f0-netdevice', namespace: SRIOV_NS },
    spec: {
      resourceName: 'intelnics',
      nodeSelector: { [SRIOV_CAPABLE]: 'true' },
      numVfs: 8,
      priority: 99,
      mtu: 1500,
      deviceType: 'netdevice',
      nicSelector: { vendor: '8086', deviceID: '158b', pfNames: ['ens1f0'] },
    },
  }),
  obj('SriovNetworkNodePolicy', {
    metadata: { name: 'intel-ens1f1-dpdk', namespace: SRIOV_NS },
    spec: {
      resourceName: 'intel_dpdk',
      nodeSelector: { [SRIOV_CAPABLE]: 'true' },
      numVfs: 4,
      priority: 90,
      deviceType: 'vfio-pci',
      nicSelector: { vendor: '8086', deviceID: '158b', pfNames: ['ens1f1'] },
    },
  }),
];

const vfGroups = [
  {
    resourceName: 'intelnics',
    deviceType: 'netdevice',
    policyName: 'intel-ens1f0-netdevice',
    numVfs: 8,
    driver: 'iavf',
  },
  {
    resourceName: 'intel_dpdk',
    deviceType: 'vfio-pci',
    policyName: 'intel-ens1f1-dpdk',
    numVfs: 4,
    driver: 'vfio-pci',
  },
];

export const buildSriovNodeState = (i: number): KubeObject =>
  obj('SriovNetworkNodeState', {
    metadata: { name: workerName(i), namespace: SRIOV_NS },
    spec: {
      interfaces: vfGroups.map((g, pf) => ({
        name: pfNames[pf],
        pciAddress: pci(pf),
        numVfs: g.numVfs,
        vfGroups: [
          {
            resourceName: g.resourceName,
            deviceType: g.deviceType,
            policyName: g.policyName,
            vfRange: `0-${g.numVfs - 1}`,
            isRdma: false,
          },
        ],
      })),
    },
  });

export const sriovNodeStateStatus = (i: number) => ({
  syncStatus: 'Succeeded',
  interfaces: vfGroups.map((g, pf) => ({
    name: pfNames[pf],
    pciAddress: pci(pf),
    vendor: '8086',
    deviceID: '158b',
    driver: 'i40e',
    mac: mac(i, 16 + pf),
    mtu: 1500,
    linkSpeed: '25000 Mb/s',
    linkType: 'ETH',
    linkAdminState: 'up',
    eSwitchMode: 'legacy',
    totalvfs: 64,
    numVfs: g.numVfs,
    Vfs: [...Array(g.numVfs).keys()].map((vf) => ({
      vfID: vf,
      pciAddress: pci(pf, vf),
      vendor: '8086',
      deviceID: '154c',
      driver: g.driver,
      mtu: 1500,
      ...(g.deviceType === 'netdevice' ? { name: `${pfNames[pf]}v${vf}`, mac: mac(i, 0x20 + vf) } : {}),
    })),
  })),
});
