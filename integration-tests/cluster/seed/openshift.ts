// OpenShift's cluster-scoped config objects (config.openshift.io Network and Infrastructure `cluster`), so the
// demo behaves like OpenShift: the wizards read the cluster and service networks from Network's status. The CRDs
// come from CRD_DIR (../shared/crds, see SOURCES.md there); where they are not installed, nothing is written.
import type { KubeClient, KubeObject } from '../../support/k8s';

const FIELD_MANAGER = 'local-cluster-seed';
const CONFIG = '/apis/config.openshift.io/v1';

export const OPENSHIFT_CLUSTER_NETWORK = '10.128.0.0/14';
export const OPENSHIFT_SERVICE_NETWORK = '172.30.0.0/16';

/** Network `cluster` as an OVN-Kubernetes cluster reports it (the seed's pod IPs are in 10.128.0.0/14). */
export const buildClusterNetwork = (): { obj: KubeObject; status: Record<string, unknown> } => {
  const networks = {
    clusterNetwork: [{ cidr: OPENSHIFT_CLUSTER_NETWORK, hostPrefix: 23 }],
    serviceNetwork: [OPENSHIFT_SERVICE_NETWORK],
    networkType: 'OVNKubernetes',
  };
  return {
    obj: {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Network',
      metadata: { name: 'cluster' },
      spec: { ...networks, externalIP: { policy: {} } },
    },
    status: { ...networks, clusterNetworkMTU: 1400 },
  };
};

/** Infrastructure `cluster`: a bare-metal platform (where OpenShift Virtualization usually runs). */
export const buildInfrastructure = (): { obj: KubeObject; status: Record<string, unknown> } => ({
  obj: {
    apiVersion: 'config.openshift.io/v1',
    kind: 'Infrastructure',
    metadata: { name: 'cluster' },
    spec: { platformSpec: { type: 'BareMetal', baremetal: {} } },
  },
  status: {
    infrastructureName: 'local-cluster',
    platform: 'BareMetal',
    platformStatus: { type: 'BareMetal', baremetal: {} },
    controlPlaneTopology: 'HighlyAvailable',
    infrastructureTopology: 'HighlyAvailable',
    apiServerURL: 'https://api.local-cluster.example:6443',
    apiServerInternalURI: 'https://api-int.local-cluster.example:6443',
    etcdDiscoveryDomain: '',
  },
});

const plural = { Network: 'networks', Infrastructure: 'infrastructures' } as const;

/** The Network CRD has no status subresource (status is written with the object); Infrastructure has one. */
const applyWithStatus = async (client: KubeClient, o: { obj: KubeObject; status: unknown }) => {
  const path = `${CONFIG}/${plural[o.obj.kind as keyof typeof plural]}/cluster`;
  const inline = o.obj.kind === 'Network';
  const put = await client.apply(path, inline ? { ...o.obj, status: o.status } : o.obj, FIELD_MANAGER);
  if (put.status >= 300) throw new Error(`apply ${path}: HTTP ${put.status} ${JSON.stringify(put.body)}`);
  if (inline) return;
  const status = await client.apply(
    `${path}/status`,
    { apiVersion: o.obj.apiVersion, kind: o.obj.kind, metadata: { name: 'cluster' }, status: o.status },
    FIELD_MANAGER,
  );
  if (status.status >= 300)
    throw new Error(`apply ${path}/status: HTTP ${status.status} ${JSON.stringify(status.body)}`);
};

/** Writes both objects when the cluster serves config.openshift.io (the CRDs were installed). */
export const seedOpenShiftConfig = async (client: KubeClient): Promise<boolean> => {
  const discovery = await client.get(CONFIG);
  if (discovery.status !== 200) return false;
  await applyWithStatus(client, buildClusterNetwork());
  await applyWithStatus(client, buildInfrastructure());
  return true;
};
