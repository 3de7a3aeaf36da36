// RBAC the local cluster starts with: who the four users are, and the aggregated ClusterRoles the operators
// (KubeVirt, Multus, OVN-Kubernetes, ipamclaims) ship so that namespace admins, editors and viewers get their kinds.
import type { KubeObject } from '../support/k8s';

const RBAC = 'rbac.authorization.k8s.io/v1';
const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const READ = ['get', 'list', 'watch'];

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
type Level = 'admin' | 'edit' | 'view';

const aggregated = (name: string, levels: Level[], rules: Rule[]): KubeObject => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: {
    name,
    labels: Object.fromEntries(levels.map((l) => [`rbac.authorization.k8s.io/aggregate-to-${l}`, 'true'])),
  },
  rules,
});

const KUBEVIRT = [
  'virtualmachines',
  'virtualmachineinstances',
  'virtualmachineinstancemigrations',
  'virtualmachineinstancepresets',
  'virtualmachineinstancereplicasets',
];
const VM_ACTIONS = ['start', 'stop', 'restart', 'migrate', 'addvolume', 'removevolume', 'memorydump'];
const VMI_ACTIONS = [
  'console',
  'vnc',
  'portforward',
  'pause',
  'unpause',
  'softreboot',
  'addvolume',
  'removevolume',
];
const VMI_INFO = ['guestosinfo', 'userlist', 'filesystemlist'];
const sub = (kind: string, names: string[]) => names.map((n) => `${kind}/${n}`);

/** Modelled on virt-operator's kubevirt.io:{admin,edit,view}: full CRUD plus the action subresources. */
const kubevirtRoles = (): KubeObject[] => {
  const actions: Rule = {
    apiGroups: ['subresources.kubevirt.io'],
    resources: [...sub('virtualmachines', VM_ACTIONS), ...sub('virtualmachineinstances', VMI_ACTIONS)],
    verbs: ['get', 'update'],
  };
  const info: Rule = {
    apiGroups: ['subresources.kubevirt.io'],
    resources: [...sub('virtualmachines', ['expand-spec']), ...sub('virtualmachineinstances', VMI_INFO)],
    verbs: ['get'],
  };
  return [
    aggregated(
      'kubevirt.io:admin',
      ['admin'],
      [actions, info, { apiGroups: ['kubevirt.io'], resources: KUBEVIRT, verbs: ALL }],
    ),
    aggregated(
      'kubevirt.io:edit',
      ['edit'],
      [actions, info, { apiGroups: ['kubevirt.io'], resources: KUBEVIRT, verbs: ALL }],
    ),
    aggregated(
      'kubevirt.io:view',
      ['view'],
      [info, { apiGroups: ['kubevirt.io'], resources: KUBEVIRT, verbs: READ }],
    ),
  ];
};

/** NADs, namespaced UDNs and IPAMClaims: tenants manage them in their namespaces, viewers read them. */
const networkRoles = (): KubeObject[] => {
  const nad = { apiGroups: ['k8s.cni.cncf.io'], resources: ['network-attachment-definitions'] };
  const udn = { apiGroups: ['k8s.ovn.org'], resources: ['userdefinednetworks'] };
  const ipam = { apiGroups: ['k8s.cni.cncf.io'], resources: ['ipamclaims'] };
  return [
    aggregated('net-attach-def-project-admin', ['admin', 'edit'], [{ ...nad, verbs: ALL }]),
    aggregated('net-attach-def-project-view', ['view'], [{ ...nad, verbs: READ }]),
    aggregated('udn-project-admin', ['admin', 'edit'], [{ ...udn, verbs: ALL }]),
    aggregated('udn-project-view', ['view'], [{ ...udn, verbs: READ }]),
    // IPAMClaims are written by the KubeVirt IPAM controller; tenants only read them.
    aggregated('ipamclaims-project-view', ['admin', 'edit', 'view'], [{ ...ipam, verbs: READ }]),
    // Cluster-scoped network kinds, readable by holders of a *ClusterRoleBinding* to view (the viewer user), as
    // OpenShift's cluster-reader allows. A namespace RoleBinding never grants cluster-scoped kinds, so tenants
    // (admin of their namespaces) still get 403 on these.
    aggregated(
      'local-cluster:network-cluster-view',
      ['view'],
      [
        { apiGroups: ['k8s.ovn.org'], resources: ['clusteruserdefinednetworks'], verbs: READ },
        {
          apiGroups: ['nmstate.io'],
          resources: [
            'nodenetworkconfigurationpolicies',
            'nodenetworkstates',
            'nodenetworkconfigurationenactments',
          ],
          verbs: READ,
        },
        { apiGroups: ['sriovnetwork.openshift.io'], resources: ['*'], verbs: READ },
        { apiGroups: ['metallb.io', 'hco.kubevirt.io'], resources: ['*'], verbs: READ },
        { apiGroups: [''], resources: ['nodes'], verbs: READ },
      ],
    ),
  ];
};

const clusterBinding = (name: string, role: string, user: string): KubeObject => ({
  apiVersion: RBAC,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
});

const roleBinding = (namespace: string, user: string): KubeObject => ({
  apiVersion: RBAC,
  kind: 'RoleBinding',
  metadata: { name: `${user}-admin`, namespace },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
});

/** Tenant namespaces and who owns them. tenant-a is labelled for a primary UDN at creation, as OVN-K requires. */
export const TENANT_NAMESPACES: { name: string; owner: string; labels?: Record<string, string> }[] = [
  { name: 'tenant-a', owner: 'tenant-a', labels: { 'k8s.ovn.org/primary-user-defined-network': '' } },
  { name: 'tenant-a-dev', owner: 'tenant-a' },
  // Opted out of KubeMacPool (OpenShift Virtualization: `oc label namespace … mutatevirtualmachines.kubemacpool.io=ignore`).
  { name: 'tenant-b', owner: 'tenant-b', labels: { 'mutatevirtualmachines.kubemacpool.io': 'ignore' } },
];

export const namespaceObject = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

/** Everything `up` applies before any data: ClusterRoles, bindings, tenant namespaces and their RoleBindings. */
export const bootstrapObjects = (): KubeObject[] => [
  ...kubevirtRoles(),
  ...networkRoles(),
  clusterBinding('local-cluster:admin', 'cluster-admin', 'admin'),
  clusterBinding('local-cluster:viewer', 'view', 'viewer'),
  ...TENANT_NAMESPACES.flatMap((ns) => [namespaceObject(ns.name, ns.labels), roleBinding(ns.name, ns.owner)]),
];

/** The REST path of one bootstrap object (they are all core or rbac kinds). */
export const bootstrapPath = (obj: KubeObject): string => {
  const name = obj.metadata?.name ?? '';
  switch (obj.kind) {
    case 'Namespace':
      return `/api/v1/namespaces/${name}`;
    case 'RoleBinding':
      return `/apis/${RBAC}/namespaces/${obj.metadata?.namespace ?? ''}/rolebindings/${name}`;
    case 'ClusterRole':
      return `/apis/${RBAC}/clusterroles/${name}`;
    default:
      return `/apis/${RBAC}/clusterrolebindings/${name}`;
  }
};
