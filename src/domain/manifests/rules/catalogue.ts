/**
 * The rules catalogue: for every issue code the manifest validators emit (shared/messages.ts), which component
 * enforces it, at which level, and where in that component's source the rule lives. docs/rules.md is generated
 * from this table and messages.ts by scripts/rules.ts (`npm run rules:check` in CI finds drift); a unit test makes
 * sure no code is left out.
 *
 * Levels: `error` — the component refuses the object (or it cannot work); `warning` — accepted but probably
 * wrong; `support` — the API accepts it, OpenShift Virtualization does not support it (always a warning, and its
 * message says so); `tool` — about the run of vm-network-lint itself.
 */
import type { IssueCode } from '../shared/messages';

export type Component =
  | 'Kubernetes API server'
  | 'OVN-Kubernetes'
  | 'KubeVirt'
  | 'SR-IOV network operator'
  | 'kubernetes-nmstate'
  | 'Linux kernel / CNI plugins'
  | 'Multus CNI'
  | 'OpenShift Virtualization (support)'
  | 'vm-network-lint';

export type Level = 'error' | 'warning' | 'error or warning' | 'support' | 'tool';

export type RuleEntry = { component: Component; level: Level; source: string };

const K8S_VALIDATION = 'kubernetes/apimachinery pkg/util/validation/validation.go';
const K8S_META = 'kubernetes/apimachinery pkg/apis/meta/v1/validation/validation.go';
const APISERVER = 'kubernetes/apiserver pkg/endpoints/handlers (decoding, field validation)';
const UDN_CRD = 'ovn-org/ovn-kubernetes go-controller/pkg/crd/userdefinednetwork/v1/shared.go (CEL)';
const UDN_CTRL =
  'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/userdefinednetwork/template/net-attach-def-template.go';
const OVN_NAD = 'ovn-org/ovn-kubernetes go-controller/pkg/util/multi_network.go';
const OVN_CNI_CONF = 'ovn-org/ovn-kubernetes go-controller/pkg/config/cni.go';
const OVN_CONFIG = 'ovn-org/ovn-kubernetes go-controller/pkg/config/config.go (reserved ranges)';
const OVN_LOCALNET =
  'ovn-org/ovn-kubernetes go-controller/pkg/ovn/base_network_controller_secondary.go (localnet port)';
const KV_VM = 'kubevirt/kubevirt pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go';
const KV_HOTPLUG = 'kubevirt/kubevirt pkg/network/admitter/admit.go (validateInterfaceStateValue)';
const KV_IFACE = 'kubevirt/kubevirt pkg/network/admitter/netiface.go';
const KV_BINDING = 'kubevirt/kubevirt pkg/network/admitter/binding.go';
const KV_DRA = 'kubevirt/kubevirt pkg/network/admitter/dra.go';
const MULTUS = 'k8snetworkplumbingwg/multus-cni pkg/k8sclient/k8sclient.go (parsePodNetworkObjectName)';
const SRIOV = 'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate.go';
const SRIOV_MUTATE = 'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/mutate.go';
const SRIOV_MLX_LINK =
  'k8snetworkplumbingwg/sriov-network-operator pkg/vendors/mellanox/mellanox.go (HandleLinkType: only Mellanox ports switch, with a reboot)';
const SRIOV_TYPES = 'k8snetworkplumbingwg/sriov-network-operator api/v1/sriovnetworknodepolicy_types.go';
const SRIOV_NET = 'k8snetworkplumbingwg/sriov-network-operator api/v1/sriovnetwork_types.go';
const NMSTATE_API = 'nmstate/kubernetes-nmstate api/v1/nodenetworkconfigurationpolicy_types.go';
const NMSTATE_VAP =
  'nmstate/kubernetes-nmstate deploy/handler/operator.yaml (nncp-validation-policy; before 2026-03 pkg/webhook/nodenetworkconfigurationpolicy/validation.go)';
const NMSTATE = 'nmstate/nmstate rust/src/lib/ifaces';
const KERNEL = 'torvalds/linux net/core/dev.c (dev_valid_name)';
const BRIDGE_CNI = 'containernetworking/plugins plugins/main/bridge/bridge.go';
const OWN = 'vm-network-lint (this project)';

const e = (component: Component, source: string, level: Level = 'error'): RuleEntry => ({
  component,
  level,
  source,
});
const w = (component: Component, source: string): RuleEntry => ({ component, level: 'warning', source });
const support = (source: string): RuleEntry => ({
  component: 'OpenShift Virtualization (support)',
  level: 'support',
  source,
});
const tool = (): RuleEntry => ({ component: 'vm-network-lint', level: 'tool', source: OWN });

export const CATALOGUE: Record<IssueCode, RuleEntry> = {
  required: e('Kubernetes API server', 'CRD schemas (required) and each component below'),
  'yaml-syntax': e(
    'Kubernetes API server',
    'kubernetes/apimachinery pkg/util/yaml/decoder.go, go-yaml v2 (kubectl)',
  ),
  'not-an-object': e('Kubernetes API server', APISERVER),
  'kind-unknown': tool(),
  'kind-missing': e('Kubernetes API server', APISERVER),
  'cluster-checks-skipped': tool(),
  'not-an-integer': e(
    'Kubernetes API server',
    `CRD structural schema (type: integer); in a NAD config, the CNI plugins' Go int fields (ovn-org/ovn-kubernetes go-controller/pkg/cni/types/types.go, ${BRIDGE_CNI})`,
  ),
  'not-a-string': e('Kubernetes API server', 'CRD structural schema (type: string)'),
  'surrounding-space': e('Kubernetes API server', 'CRD patterns and CEL rules see the raw value'),
  'schema-unknown-field': e(
    'Kubernetes API server',
    'kubernetes/apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm.go',
  ),
  'schema-type': e(
    'Kubernetes API server',
    'kubernetes/apiextensions-apiserver pkg/apiserver/validation/validation.go',
  ),
  'schema-checks-skipped': tool(),
  'kind-wrong-group': e('Kubernetes API server', 'kubernetes/apiserver discovery (no such resource)'),
  'kind-version-unknown': w('Kubernetes API server', "the CRDs' spec.versions[].served (no such resource)"),
  'schema-version-not-served': e(
    'Kubernetes API server',
    'kubernetes/apiextensions-apiserver: only spec.versions[] with served: true are discoverable',
  ),
  'ovn-topology': e('OVN-Kubernetes', OVN_NAD),
  'ovn-role': e('OVN-Kubernetes', OVN_NAD),
  'ovn-localnet-role': e('OVN-Kubernetes', OVN_NAD),
  'ovn-ipam-key': e('OVN-Kubernetes', OVN_NAD),
  'ovn-persistent-layer3': e('OVN-Kubernetes', OVN_NAD),
  'ovn-localnet-join-subnet': e('OVN-Kubernetes', OVN_NAD),
  'ovn-primary-needs-subnets': e('OVN-Kubernetes', OVN_NAD),
  'ovn-name-required': e('OVN-Kubernetes', OVN_CNI_CONF),
  'not-a-boolean': e('Kubernetes API server', 'CRD structural schema (type: boolean)'),
  'not-a-list': e('Kubernetes API server', 'CRD structural schema (type: array)'),
  'int-range': e('Kubernetes API server', 'CRD schemas (minimum/maximum)'),
  'int-min': e('Kubernetes API server', 'CRD schemas (minimum)'),
  'enum-value': e('Kubernetes API server', 'CRD schemas (enum)'),
  'field-not-allowed': e('Kubernetes API server', `${UDN_CRD}; ${SRIOV}`, 'error or warning'),
  'dns1123-label': e('Kubernetes API server', K8S_VALIDATION),
  'dns1123-subdomain': e('Kubernetes API server', K8S_VALIDATION),
  'name-exists': e(
    'Kubernetes API server',
    'kubernetes/apiserver pkg/registry/generic/registry/store.go (AlreadyExists)',
  ),
  'create-denied-kind': tool(),
  'create-denied-namespace': tool(),
  'namespace-unknown': e(
    'Kubernetes API server',
    'kubernetes/kubernetes plugin/pkg/admission/namespace/lifecycle',
  ),
  'qualified-name': e('Kubernetes API server', K8S_VALIDATION),
  'label-value': e('Kubernetes API server', K8S_VALIDATION),
  'selector-empty': w('vm-network-lint', OWN),
  'selector-operator': e('Kubernetes API server', K8S_META),
  'selector-values': e('Kubernetes API server', K8S_META),
  'selector-matches-none': w('vm-network-lint', OWN),
  'selector-openshift-namespaces': support(
    'openshift/ovn-kubernetes docs: UDNs are not for openshift-* namespaces',
  ),
  'too-many': e('Kubernetes API server', 'CRD schemas (maxItems)'),
  'too-long': e('Kubernetes API server', 'CRD schemas (maxLength)'),
  'vlan-range': e('Kubernetes API server', `${UDN_CRD}; ${BRIDGE_CNI}; ${SRIOV_NET}`),
  'mtu-range': e('Kubernetes API server', `${UDN_CRD}; ${SRIOV_TYPES}`),
  'mtu-above-cluster-network': e(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/util/net.go (overlay MTU)',
  ),
  'mtu-above-jumbo': w('vm-network-lint', 'NIC datasheets (9216)'),
  'sriov-pf-device-type': e('SR-IOV network operator', SRIOV),
  'mtu-ipv6-min': e('Linux kernel / CNI plugins', 'torvalds/linux net/ipv6/addrconf.c (IPV6_MIN_MTU)'),
  'mtu-above-uplink': e('OVN-Kubernetes', OVN_LOCALNET),
  'mtu-above-overlay': w(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/util/net.go (Geneve overhead)',
  ),
  'cidr-invalid': e('Kubernetes API server', 'kubernetes/apiserver pkg/cel/library/cidr.go (isCIDR)'),
  'cidr-host-bits': e('OVN-Kubernetes', UDN_CRD),
  'cidr-family-cluster': e('OVN-Kubernetes', UDN_CTRL, 'error or warning'),
  'cidr-family-missing': w('OVN-Kubernetes', UDN_CTRL),
  'subnets-same-family': e('Kubernetes API server', UDN_CRD),
  'subnet-overlap': e('OVN-Kubernetes', UDN_CRD),
  'subnet-duplicate': e('OVN-Kubernetes', UDN_CRD),
  'subnet-overlaps-cluster': e(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/userdefinednetwork/controller.go',
  ),
  'subnet-overlaps-service': e(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/userdefinednetwork/controller.go',
  ),
  'subnet-contains-pod-ip': w('vm-network-lint', OWN),
  'subnet-overlaps-default-cluster': w('OVN-Kubernetes', OVN_CONFIG),
  'subnet-overlaps-default-service': w('OVN-Kubernetes', OVN_CONFIG),
  'subnet-overlaps-reserved': e('OVN-Kubernetes', OVN_CONFIG),
  'subnet-overlaps-existing': w('vm-network-lint', OWN),
  'exclude-outside-subnets': e('OVN-Kubernetes', OVN_NAD),
  'outside-subnets': e('Kubernetes API server', UDN_CRD),
  'gateway-per-family': e('Kubernetes API server', UDN_CRD),
  'ip-invalid': e('Kubernetes API server', 'kubernetes/apiserver pkg/cel/library/ip.go (isIP)'),
  'exclude-needs-subnets': e('Kubernetes API server', UDN_CRD),
  'host-subnet-range': e('Kubernetes API server', UDN_CRD),
  'host-subnet-mismatch': e('Kubernetes API server', UDN_CRD),
  'secondary-subnet-count': e('Kubernetes API server', UDN_CRD),
  'ipam-disabled-subnets': e('Kubernetes API server', UDN_CRD),
  'ipam-disabled-primary': e('Kubernetes API server', UDN_CRD),
  'persistent-needs-ipam': e('Kubernetes API server', `${UDN_CRD}; ${OVN_NAD}`),
  'join-subnets-primary-only': e('Kubernetes API server', UDN_CRD),
  'join-subnet-overlap': e('OVN-Kubernetes', UDN_CRD),
  'localnet-cluster-only': e('Kubernetes API server', UDN_CRD),
  'localnet-secondary-only': e('Kubernetes API server', UDN_CRD),
  'physical-network-name': e('Kubernetes API server', UDN_CRD),
  'physical-network-unknown': w('OVN-Kubernetes', OVN_LOCALNET),
  'primary-udn-namespace-label': w(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/userdefinednetwork/controller.go',
  ),
  'primary-udn-namespace-unlabelled': e(
    'OVN-Kubernetes',
    'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/userdefinednetwork/controller.go',
  ),
  'kind-unavailable': e('Kubernetes API server', 'discovery: the CRD or operator is not installed'),
  'nad-config-json': e('OVN-Kubernetes', 'containernetworking/cni libcni (config parsing); multus'),
  'nad-type-unchecked': tool(),
  'nad-netattachdefname': e('OVN-Kubernetes', OVN_NAD),
  'nad-shared-network-name': w('OVN-Kubernetes', OVN_NAD),
  'bridge-name': e('Linux kernel / CNI plugins', KERNEL),
  'bridge-unknown': w('Linux kernel / CNI plugins', BRIDGE_CNI),
  'iface-name': e('kubernetes-nmstate', `${NMSTATE}; ${KERNEL}`),
  'iface-exists': e('kubernetes-nmstate', NMSTATE),
  'nic-missing': e('kubernetes-nmstate', NMSTATE),
  'nic-is-machine-network': e(
    'kubernetes-nmstate',
    'nmstate/kubernetes-nmstate pkg/probe (connectivity probe rollback)',
  ),
  'nic-in-use': e('kubernetes-nmstate', NMSTATE),
  'nic-duplicate': e('kubernetes-nmstate', NMSTATE),
  'bond-mode': e('kubernetes-nmstate', `${NMSTATE}/bond.rs`),
  'bond-mode-vm': support('OpenShift Virtualization docs: bond modes for VM traffic over a bridge'),
  'bond-option': e('kubernetes-nmstate', `${NMSTATE}/bond.rs`),
  'bond-option-value': e('kubernetes-nmstate', `${NMSTATE}/bond.rs`),
  'bond-single-port': w('vm-network-lint', OWN),
  'vlan-trunk': e('kubernetes-nmstate', `${NMSTATE}/bridge.rs`),
  'max-unavailable': e('kubernetes-nmstate', NMSTATE_API),
  'ip-address-format': e('kubernetes-nmstate', 'nmstate/nmstate rust/src/lib/ip.rs (InterfaceIpAddr)'),
  'ip-family': e('kubernetes-nmstate', 'nmstate/nmstate rust/src/lib/ip.rs (sanitize)'),
  'ip-prefix-range': e('kubernetes-nmstate', 'nmstate/nmstate rust/src/lib/ip.rs (sanitize)'),
  'ip-static-needs-address': e(
    'kubernetes-nmstate',
    'nmstate/nmstate rust/src/lib/ip.rs (empty address = disabled)',
  ),
  'ip-static-with-dhcp': w('kubernetes-nmstate', 'nmstate/nmstate rust/src/lib/ip.rs (sanitize logs them)'),
  'ip-autoconf-ipv4': e(
    'kubernetes-nmstate',
    'nmstate/nmstate rust/src/lib/ip.rs (InterfaceIpv4 deserialize)',
  ),
  'ip-autoconf-without-dhcp': e('kubernetes-nmstate', 'nmstate/nmstate rust/src/lib/nm/ip.rs'),
  'ip-on-port': e('kubernetes-nmstate', `${NMSTATE}/inter_ifaces_controller.rs`),
  'ip-duplicate': e('vm-network-lint', OWN),
  'ip-listed-twice': e('vm-network-lint', OWN),
  'ip-static-many-nodes': w('vm-network-lint', OWN),
  'node-selector-no-nodes': w(
    'kubernetes-nmstate',
    'nmstate/kubernetes-nmstate controllers/handler (Ignored condition when no node matches, OPNET-81)',
  ),
  'bridge-mapping-duplicate': w('OVN-Kubernetes', 'nmstate/nmstate rust/src/lib/ovn.rs'),
  'resource-name': e('SR-IOV network operator', SRIOV),
  'resource-name-unknown': w('SR-IOV network operator', SRIOV),
  'numvfs-range': e('SR-IOV network operator', SRIOV),
  'numvfs-above-total': e('SR-IOV network operator', SRIOV),
  'numvfs-mellanox': e('SR-IOV network operator', SRIOV),
  'nic-selector-empty': e('SR-IOV network operator', SRIOV),
  'nic-selector-hex': e('SR-IOV network operator', SRIOV),
  'pf-name': e('SR-IOV network operator', SRIOV),
  'pf-vf-range': e('SR-IOV network operator', SRIOV),
  'pci-address': e('SR-IOV network operator', SRIOV),
  'pf-no-match': e('SR-IOV network operator', SRIOV),
  'rdma-vfio': e('SR-IOV network operator', SRIOV),
  'sriov-dpdk-device-type': e(
    'KubeVirt',
    'kubevirt/kubevirt pkg/network/deviceinfo (SR-IOV VMs use vfio-pci VFs); OpenShift Virtualization docs: DPDK with SR-IOV',
  ),
  'sriov-ib-rdma': w('SR-IOV network operator', SRIOV_MUTATE),
  'sriov-link-type-fixed': e('SR-IOV network operator', SRIOV_MLX_LINK),
  'sriov-link-type-switch': w('SR-IOV network operator', SRIOV_MLX_LINK),
  'sriov-netdevice-vm': support('kubevirt/kubevirt pkg/network/deviceinfo (SR-IOV VMs use vfio-pci VFs)'),
  'priority-range': e(
    'Kubernetes API server',
    `${SRIOV_TYPES} (minimum 0, maximum 99); api/v1/helper.go ByPriority (lower wins)`,
  ),
  'ipam-json': e(
    'SR-IOV network operator',
    'k8snetworkplumbingwg/sriov-network-operator controllers/sriovnetwork_controller.go',
  ),
  'tx-rate-order': e('SR-IOV network operator', SRIOV),
  'sriov-network-namespace': w('SR-IOV network operator', SRIOV_NET),
  'vm-iface-no-network': e('KubeVirt', KV_IFACE),
  'vm-network-no-iface': e('KubeVirt', KV_IFACE),
  'vm-duplicate-name': e('KubeVirt', KV_IFACE),
  'vm-binding-count': e('KubeVirt', KV_BINDING),
  'vm-binding-network': e(
    'KubeVirt',
    `${KV_BINDING} and passt.go (masquerade, passtBinding: pod network only); sriov vs the NAD's CNI type: virt-controller`,
  ),
  'vm-network-source': e('KubeVirt', 'kubevirt/kubevirt pkg/network/admitter/netsource.go'),
  'vm-pod-network-twice': e('KubeVirt', 'kubevirt/kubevirt pkg/network/admitter/netsource.go'),
  'vm-network-name': e('Multus CNI', MULTUS),
  'vm-nad-overlay-twice': e(
    'OVN-Kubernetes',
    'kubevirt-ui/kubevirt-plugin #3355 (one pod attachment per OVN-Kubernetes network)',
  ),
  'mac-format': e('KubeVirt', `${KV_IFACE}; kubevirt/kubevirt pkg/network/link/mac.go (net.ParseMAC)`),
  'mac-length': e('KubeVirt', 'kubevirt/kubevirt pkg/network/link/mac.go (ValidateMacAddress)'),
  // KubeVirt's admitter accepts these; libvirt refuses a multicast MAC when virt-launcher defines the domain.
  'mac-multicast': e(
    'KubeVirt',
    'libvirt src/conf/domain_conf.c (expected unicast mac address), in virt-launcher',
  ),
  'mac-zero': w(
    'Linux kernel / CNI plugins',
    'torvalds/linux drivers/net/virtio_net.c (invalid MAC: a random one is used)',
  ),
  'mac-duplicate': e(
    'KubeVirt',
    'k8snetworkplumbingwg/kubemacpool pkg/pool-manager (a MAC is allocated once)',
  ),
  'vm-absent-binding': e('KubeVirt', KV_HOTPLUG),
  'vm-link-state': e('KubeVirt', KV_HOTPLUG),
  'vm-link-state-sriov': e('KubeVirt', KV_HOTPLUG),
  // KubeVirt VM admission, read rule by rule (vm/admitterRules.ts)
  'vm-iface-name': e('KubeVirt', KV_IFACE),
  'vm-iface-model': e('KubeVirt', KV_IFACE),
  'vm-pci-address': e('KubeVirt', `${KV_IFACE}; kubevirt/kubevirt pkg/util/hardware/hw_utils.go`),
  'vm-binding-discontinued': e('KubeVirt', 'kubevirt/kubevirt pkg/network/admitter/discontinued.go'),
  'mac-reserved': e('KubeVirt', `${KV_BINDING}; kubevirt/kubevirt pkg/network/link/mac.go`),
  'vm-dhcp-option-range': e('KubeVirt', KV_IFACE),
  'vm-dhcp-option-duplicate': e('KubeVirt', KV_IFACE),
  'vm-ntp-server': e('KubeVirt', KV_IFACE),
  'vm-port-name-duplicate': e('KubeVirt', KV_IFACE),
  'vm-port-name': e('KubeVirt', `${KV_IFACE}; ${K8S_VALIDATION} (IsValidPortName)`),
  'vm-port-range': e('KubeVirt', KV_IFACE),
  'vm-port-protocol': e('KubeVirt', KV_IFACE),
  'vm-port-ranges-gate': w('KubeVirt', `${KV_IFACE} (PortRangesSpec feature gate)`),
  'vm-port-ranges-with-ports': e('KubeVirt', KV_IFACE),
  'vm-port-ranges-masquerade': e('KubeVirt', KV_IFACE),
  'vm-port-range-order': e('KubeVirt', KV_IFACE),
  'vm-port-ranges-overlap': e('KubeVirt', KV_IFACE),
  'vm-boot-order': e('KubeVirt', KV_VM),
  'vm-boot-order-duplicate': e('KubeVirt', KV_VM),
  'vm-probe-pod-network': e('KubeVirt', KV_VM),
  'vm-dra-sriov': e('KubeVirt', KV_DRA),
  'vm-dra-claim-unknown': e('KubeVirt', KV_DRA),
  'vm-dra-duplicate': e('KubeVirt', KV_DRA),
  'vm-dra-multus': e('KubeVirt', KV_DRA),
  // SR-IOV network operator webhook, read rule by rule (sriov/webhookRules.ts)
  'sriov-policy-namespace': w('SR-IOV network operator', SRIOV),
  'sriov-netfilter-exclusive': e('SR-IOV network operator', SRIOV),
  'sriov-netfilter-link-type': e('SR-IOV network operator', SRIOV),
  'sriov-nic-unsupported': w(
    'SR-IOV network operator',
    `${SRIOV}; k8snetworkplumbingwg/sriov-network-operator deploy/configmap.yaml (supported-nic-ids)`,
  ),
  'resource-name-dash': w('SR-IOV network operator', `${SRIOV} (f900cbcf5)`),
  'sriov-no-nodes': e('SR-IOV network operator', SRIOV),
  'sriov-vf-range-overlap': e('SR-IOV network operator', SRIOV),
  'sriov-root-device-overlap': e('SR-IOV network operator', SRIOV),
  'sriov-switchdev-eth': e('SR-IOV network operator', SRIOV),
  'sriov-vdpa-netdevice': e('SR-IOV network operator', SRIOV),
  'sriov-needs-switchdev': e('SR-IOV network operator', SRIOV),
  'sriov-external-numvfs': e('SR-IOV network operator', SRIOV),
  'sriov-vdpa-vendor': e('SR-IOV network operator', SRIOV),
  'sriov-external-inconsistent': e('SR-IOV network operator', SRIOV),
  'sriov-exclude-topology': e('SR-IOV network operator', SRIOV),
  'sriov-network-namespace-field': e(
    'SR-IOV network operator',
    'k8snetworkplumbingwg/sriov-network-operator pkg/webhook/validate_networks.go',
  ),
  // kubernetes-nmstate admission policy (nncp/webhookRules.ts)
  'nncp-name-length': e('kubernetes-nmstate', NMSTATE_VAP),
  'nncp-in-progress': e('kubernetes-nmstate', NMSTATE_VAP),
  'nncp-capture-immutable': e('kubernetes-nmstate', NMSTATE_VAP),
  // The "Required" audit (#14 point 2)
  'nad-config-from-file': w(
    'Multus CNI',
    'k8snetworkplumbingwg/multus-cni pkg/k8sclient/k8sclient.go (GetCNIConfig)',
  ),
  'bridge-default-cni0': w('Linux kernel / CNI plugins', `${BRIDGE_CNI} (defaultBrName)`),
  'nncp-desired-state-empty': w('kubernetes-nmstate', 'nmstate/kubernetes-nmstate pkg/client/client.go'),
  'nmstate-type-from-current': w(
    'kubernetes-nmstate',
    'nmstate/nmstate rust/src/lib/ifaces/inter_ifaces.rs (unknown type)',
  ),
};
