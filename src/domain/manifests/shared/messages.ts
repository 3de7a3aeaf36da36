/**
 * English text for every issue code the manifest validators emit, with `{{param}}` placeholders. The CLI prints
 * these; the UI maps the same codes to translated strings. `IssueCode` is derived from this map, so a validator
 * cannot emit a code that has no text.
 */
export const messages = {
  required: 'Required',
  'yaml-syntax': 'YAML syntax error: {{message}}',
  'not-an-object': 'Must be a mapping (key: value pairs)',
  'kind-unknown': '{{kind}} ({{apiVersion}}) is not checked by vm-network-lint',
  'kind-missing': 'The document has no apiVersion/kind',
  'cluster-checks-skipped': 'Cluster checks skipped: {{reason}}',
  'not-an-integer': 'Must be a whole number',
  'not-a-string': 'Must be a string',
  'surrounding-space':
    'Has spaces or line breaks around it; the API server checks the value exactly as written',
  'schema-unknown-field':
    'Unknown field: the API server drops it without applying it (kubectl apply --validate=strict refuses it)',
  'schema-type': 'Must be of type {{expected}} (CRD schema)',
  'schema-checks-skipped': 'Schema checks skipped: {{reason}}',
  'kind-wrong-group': '{{kind}} belongs to API group {{group}}; this apiVersion is not served for it',
  'kind-version-unknown':
    '{{kind}} is served as {{served}} by the CRDs vm-network-lint knows; {{apiVersion}} may not exist on your cluster (checked with the rules of {{served}}; give --crd-dir or --kubeconfig to know)',
  'schema-version-not-served':
    'The API server serves {{kind}} as {{served}} only; {{apiVersion}} is refused (no matches for kind)',
  'ovn-topology': 'OVN-Kubernetes supports topology layer3, layer2 or localnet',
  'ovn-role': 'role must be primary or secondary',
  'ovn-localnet-role': 'A localnet network is always secondary; role cannot be {{role}}',
  'ovn-ipam-key':
    'OVN-Kubernetes refuses a CNI ipam block with a type; give the range in subnets (OVN-Kubernetes IPAM)',
  'ovn-persistent-layer3': 'Layer3 networks do not support persistent IPs',
  'ovn-localnet-join-subnet': 'A localnet network has no join subnet (it carries no services)',
  'ovn-primary-needs-subnets': 'A primary layer2 network needs subnets',
  'ovn-name-required':
    'The CNI config needs a name (the network name), other than the reserved default and ovn-kubernetes',
  'not-a-boolean': 'Must be true or false',
  'not-a-list': 'Must be a list',
  'int-range': 'Must be a whole number {{min}}–{{max}}',
  'int-min': 'Must be a whole number of at least {{min}}',
  'enum-value': 'Must be one of: {{allowed}}',
  'field-not-allowed': 'Not allowed here: {{reason}}',
  'dns1123-label': 'Must be a lowercase RFC 1123 label: letters, digits and "-", at most 63 characters',
  'dns1123-subdomain':
    'Must be a lowercase RFC 1123 subdomain: letters, digits, "-" and ".", at most 253 characters',
  'name-exists': '{{kind}} {{name}} already exists; choose another name',
  'create-denied-kind': 'You may not create {{kind}} anywhere; you can still copy or download the YAML',
  'create-denied-namespace':
    'You may not create {{kind}} in namespace {{namespace}}; you may in: {{allowed}}',
  'namespace-unknown': 'Namespace {{namespace}} does not exist (or you cannot see it)',
  'qualified-name':
    'Must be a qualified name ([prefix/]name; name ≤ 63 characters of letters, digits, "-", "_", ".")',
  'label-value':
    'Must be empty or ≤ 63 characters of letters, digits, "-", "_", "." starting and ending alphanumeric',
  'selector-empty': 'An empty selector matches every {{what}}',
  'selector-operator': 'Operator must be In, NotIn, Exists or DoesNotExist',
  'selector-values': '{{operator}} needs {{need}}',
  'selector-matches-none': 'Matches no {{what}} (a bare word selects a label key; write key=value)',
  'selector-openshift-namespaces':
    'The selector can match openshift-* namespaces: the API accepts it, OpenShift Virtualization does not support user-defined networks there',
  'too-many': 'At most {{max}} entries',
  'too-long': 'At most {{max}} characters',
  'vlan-range': 'VLAN ID must be {{min}}–{{max}}',
  'mtu-range': 'MTU must be {{min}}–{{max}}',
  'mtu-above-cluster-network':
    'MTU {{mtu}} is above the cluster network MTU {{max}}; an overlay cannot carry larger frames',
  'mtu-above-jumbo': 'Above {{max}}, the largest MTU common SR-IOV NICs support; check the PF',
  'sriov-pf-device-type':
    'Policy {{policy}} already gives VFs of {{pf}} device type {{deviceType}}; use another PF or a separate VF range (pf#first-last)',
  'mtu-ipv6-min': 'MTU must be at least 1280 when an IPv6 subnet is used',
  'mtu-above-uplink': 'MTU {{mtu}} is above the MTU {{uplinkMtu}} of {{uplink}} on node {{node}}',
  'mtu-above-overlay':
    'MTU {{mtu}} leaves no room for the Geneve overhead on {{uplink}} (MTU {{uplinkMtu}}; use ≤ {{max}})',
  'cidr-invalid': 'Not a valid IPv4 or IPv6 CIDR (address/prefix)',
  'cidr-host-bits': 'Host bits are set; did you mean {{canonical}}?',
  'cidr-family-cluster':
    'IPv{{family}} is not enabled on this cluster (cluster IP families: {{clusterFamilies}})',
  'cidr-family-missing': 'The cluster is dual-stack; a primary network needs an IPv{{family}} subnet too',
  'subnets-same-family': 'Two subnets must be one IPv4 and one IPv6',
  'subnet-overlap': 'Overlaps {{other}} ({{range}}) in this form',
  'subnet-duplicate': 'Same CIDR as {{other}}',
  'subnet-overlaps-cluster': 'Overlaps the cluster network {{range}}',
  'subnet-overlaps-service': 'Overlaps the service network {{range}}',
  'subnet-contains-pod-ip':
    'Contains {{ip}}, a pod-network address of VM {{owner}}: this range is in use by the pod network',
  'subnet-overlaps-default-cluster':
    "Overlaps OpenShift's default cluster network {{range}} (this cluster's could not be read)",
  'subnet-overlaps-default-service':
    "Overlaps OpenShift's default service network {{range}} (this cluster's could not be read)",
  'subnet-overlaps-reserved': 'Overlaps the OVN-Kubernetes {{name}} subnet {{range}}',
  'subnet-overlaps-existing': 'Overlaps {{range}} of {{owner}}',
  'exclude-outside-subnets': 'Excluded range is not inside any subnet',
  'outside-subnets': 'Must be inside one of the network subnets',
  'gateway-per-family': 'Give one default gateway IP for each subnet, one per IP family',
  'ip-invalid': 'Not a valid IPv4 or IPv6 address',
  'exclude-needs-subnets': 'Excluded subnets need subnets',
  'host-subnet-range': 'Host subnet must be larger than the CIDR prefix /{{prefix}} and at most {{max}}',
  'host-subnet-mismatch': 'Subnets of the same IP family must use the same host subnet',
  'secondary-subnet-count': 'A secondary network may have at most 2 subnets',
  'ipam-disabled-subnets': 'Subnets must be empty when IPAM is disabled',
  'ipam-disabled-primary': 'IPAM can be disabled only on a secondary network',
  'persistent-needs-ipam': 'Persistent IPs need IPAM enabled',
  'join-subnets-primary-only': 'Join subnets are only for primary networks',
  'join-subnet-overlap': 'Join subnet overlaps the network subnet {{range}}',
  'localnet-cluster-only': 'Localnet is available only as a ClusterUserDefinedNetwork',
  'localnet-secondary-only': 'A localnet network can only be secondary',
  'physical-network-name': 'Must be 1–253 characters without "," or ":"',
  'physical-network-unknown':
    'No NodeNetworkConfigurationPolicy maps "{{name}}" to a bridge (known: {{known}})',
  'primary-udn-namespace-label':
    'A primary network needs its namespace labelled k8s.ovn.org/primary-user-defined-network when the namespace is created',
  'primary-udn-namespace-unlabelled':
    'Namespace {{namespace}} lacks the label k8s.ovn.org/primary-user-defined-network, which can only be set at creation',
  'kind-unavailable': '{{kind}} is not available: {{reason}}',
  'nad-config-json': 'spec.config is not valid JSON: {{message}}',
  'nad-type-unchecked': 'CNI type "{{type}}" is not checked',
  'nad-netattachdefname': 'netAttachDefName must be "{{expected}}"',
  'nad-shared-network-name':
    'Network name "{{networkName}}" is also used by {{owner}}: both NADs join one L2 network across namespaces',
  'bridge-name': 'Bridge name must be 1–15 characters without spaces, "/" or ":"',
  'bridge-unknown': 'Bridge {{bridge}} is not present on node {{node}}',
  'iface-name': 'Interface name must be 1–15 characters without spaces, "/" or ":", and not "." or ".."',
  'iface-exists': 'Interface {{iface}} already exists on node {{node}}',
  'nic-missing': 'NIC {{nic}} is not present on node {{node}}',
  'nic-is-machine-network':
    '{{nic}} carries the machine network (br-ex) on node {{node}}; it cannot join another bridge',
  'nic-in-use': '{{nic}} is already a port of {{controller}} on node {{node}}',
  'nic-duplicate': '{{nic}} is listed twice',
  'bond-mode': 'Bond mode must be one of: {{allowed}}',
  'bond-mode-vm':
    'Bond mode {{mode}} for virtual machine traffic over a bridge: nmstate accepts it, OpenShift Virtualization does not support it',
  'bond-option': 'Unknown bond option {{option}}',
  'bond-option-value': 'Bond option {{option}} must be a non-negative whole number',
  'bond-single-port': 'A bond with one port gives no redundancy',
  'vlan-trunk': 'Trunk VLANs must be IDs or ranges (e.g. "100,200-299") within 1–4094',
  'max-unavailable': 'Must be a positive whole number or a percentage 1%–100%',
  'ip-address-format': 'Must be an address with its prefix length, e.g. {{example}}',
  'ip-family': '{{address}} is not an address of this family; nmstate refuses it in the {{section}} section',
  'ip-prefix-range': 'Prefix length must be 0–{{max}}',
  'ip-static-needs-address': 'Static addressing needs at least one address',
  'ip-static-with-dhcp':
    'Static addresses next to DHCP: nmstate only logs them; for static addressing set dhcp: false',
  'ip-autoconf-ipv4': 'autoconf is an IPv6 setting; nmstate refuses it under ipv4',
  'ip-autoconf-without-dhcp':
    'IPv6 autoconf needs dhcp: true (nmstate: autoconf without DHCP is not supported)',
  'ip-on-port': '{{iface}} is a port of {{controller}}: a port cannot have IP enabled (nmstate refuses it)',
  'ip-duplicate': 'Address {{ip}} is also set on {{other}}',
  'ip-listed-twice': 'Address {{ip}} is listed twice',
  'ip-static-many-nodes':
    'The policy selects {{count}} nodes: each of them gets the same static address {{ip}}, a conflict on the network',
  'node-selector-no-nodes': 'The node selector matches no node',
  'bridge-mapping-duplicate': 'Physical network {{name}} is already mapped to bridge {{bridge}} by {{owner}}',
  'resource-name':
    'Resource name must be at most 63 letters, digits, "_" or "-", starting and ending with a letter or digit',
  'resource-name-unknown': 'No SriovNetworkNodePolicy provides resource "{{resourceName}}"',
  'numvfs-range': 'Number of VFs must be at least 1',
  'numvfs-above-total': '{{numVfs}} VFs requested, but {{pf}} on node {{node}} supports at most {{max}}',
  'numvfs-mellanox': 'Mellanox NICs support at most {{max}} VFs per policy',
  'nic-selector-empty': 'Set at least one of vendor, device ID, PF names, root devices or netFilter',
  'nic-selector-hex': 'Must be a 4-digit hexadecimal PCI ID',
  'pf-name': 'PF name must be an interface name, optionally with a VF range "#first-last"',
  'pf-vf-range': 'VF range {{range}} must be within 0–{{max}}',
  'pci-address': 'Must be a PCI address like 0000:3b:00.0',
  'pf-no-match': 'No PF on the selected nodes matches the NIC selector',
  'rdma-vfio': 'RDMA cannot be used with deviceType vfio-pci',
  'sriov-dpdk-device-type':
    'The DPDK preset needs deviceType vfio-pci: the VM gets the VF through vfio-pci and its guest DPDK drives it',
  'sriov-link-type-fixed':
    '{{pf}} on node {{node}} reports link type {{current}}; only Mellanox NICs can switch theirs, so VFs of link type {{wanted}} cannot be set up there',
  'sriov-link-type-switch':
    '{{pf}} on node {{node}} reports link type {{current}}: the SR-IOV operator switches this Mellanox port to {{wanted}} in firmware and reboots the node',
  'sriov-ib-rdma':
    'With linkType ib and deviceType netdevice, the SR-IOV operator turns isRdma on (InfiniBand VFs on the kernel driver need RDMA)',
  'sriov-netdevice-vm':
    'Virtual machines need VFs bound to vfio-pci: the API accepts netdevice VFs, OpenShift Virtualization does not support them for VMs',
  'priority-range': 'Priority must be a whole number 0–99 (0 is the highest priority)',
  'ipam-json': 'IPAM must be a JSON object: {{message}}',
  'tx-rate-order': 'Minimum TX rate must not exceed the maximum TX rate',
  'sriov-network-namespace': 'The SR-IOV operator reads SriovNetworks only from {{expected}}',
  'vm-iface-no-network': 'Interface {{name}} has no network of the same name',
  'vm-network-no-iface': 'Network {{name}} has no interface of the same name',
  'vm-duplicate-name': 'Name {{name}} is used twice',
  'vm-binding-count': 'Choose exactly one binding (found: {{found}})',
  'vm-binding-network': 'Binding {{binding}} cannot be used with {{network}}',
  'vm-network-source': 'A network needs exactly one of pod or multus',
  'vm-pod-network-twice': 'Only one pod network (or multus default) is allowed',
  'vm-network-name': 'networkName must be <name> or <namespace>/<name>, each an RFC 1123 label',
  'vm-nad-overlay-twice':
    'An OVN-Kubernetes overlay network can be attached only once per VM (also used by {{other}})',
  'mac-format': 'Not a MAC address (six hex pairs separated by ":" or "-")',
  'mac-length': 'Only 6-byte (EUI-48) MAC addresses can be assigned to a VM interface',
  'mac-multicast': 'A multicast MAC address cannot be assigned to an interface',
  'mac-zero': 'KubeVirt accepts the all-zero MAC address, but the guest refuses it and uses a random one',
  'mac-duplicate': 'MAC address also used by {{other}}',
  'vm-absent-binding':
    'Only bridge-bound interfaces on secondary networks can be hot-unplugged (state: absent)',
  'vm-link-state': 'state must be up, down or absent',
  'vm-link-state-sriov':
    'An SR-IOV interface takes no link state (up or down): KubeVirt cannot set it on a VF',
  // KubeVirt VM admission (vm/admitterRules.ts)
  'vm-iface-name': 'Interface name may contain only letters, digits, "-" and "_"',
  'vm-iface-model': 'Model must be one of: {{allowed}}',
  'vm-pci-address': 'Must be a PCI address like 0000:81:00.1 (domain:bus:slot.function)',
  'vm-binding-discontinued':
    'The {{binding}} binding was discontinued in KubeVirt 1.3; KubeVirt refuses a VM created with it',
  'mac-reserved': '{{mac}} is reserved for the in-pod bridge of the masquerade binding; choose another MAC',
  'vm-dhcp-option-range': 'DHCP private options must be 224–254',
  'vm-dhcp-option-duplicate': 'This DHCP private option is given twice',
  'vm-ntp-server': 'NTP servers must be IPv4 addresses',
  'vm-port-name-duplicate': 'Port name {{name}} is used twice',
  'vm-port-name':
    'Port name must be an IANA service name: at most 15 lowercase letters, digits and "-", with a letter',
  'vm-port-range': 'Port must be 1–65535',
  'vm-port-protocol': 'Protocol must be TCP or UDP',
  'vm-port-ranges-gate':
    'portRanges needs the PortRangesSpec feature gate in the KubeVirt configuration; without it KubeVirt refuses the VM',
  'vm-port-ranges-with-ports': 'Give either ports or portRanges, not both',
  'vm-port-ranges-masquerade': 'portRanges work only with the masquerade binding',
  'vm-port-range-order': 'The start of a port range must not be above its end',
  'vm-port-ranges-overlap': 'This {{protocol}} port range overlaps {{other}}',
  'vm-boot-order': 'Boot order must be 1 or more',
  'vm-boot-order-duplicate': 'Boot order already used by {{other}}',
  'vm-probe-pod-network': 'An httpGet or tcpSocket probe needs the pod network; this VM has none',
  'vm-dra-sriov': 'A resourceClaim (DRA) network needs an interface with the sriov binding',
  'vm-dra-claim-unknown': 'Claim {{claim}} is not declared in spec.template.spec.resourceClaims',
  'vm-dra-duplicate': 'Same claim and request as {{other}}',
  'vm-dra-multus': 'Multus networks cannot be mixed with resourceClaim (DRA) networks in one VM',
  // SR-IOV network operator webhook (sriov/webhookRules.ts)
  'sriov-policy-namespace':
    'The SR-IOV operator only uses policies in {{expected}}; this one is accepted and ignored',
  'sriov-netfilter-exclusive':
    'With netFilter, the nicSelector cannot also set vendor, deviceID, pfNames or rootDevices',
  'sriov-netfilter-link-type': 'With netFilter, linkType can only be eth',
  'sriov-nic-unsupported':
    "{{nic}} is not in the SR-IOV operator's supported NIC list (ConfigMap supported-nic-ids): its webhook refuses it unless that list was extended",
  'resource-name-dash':
    'SR-IOV network operators before the 2026-07 webhook change refuse "-" in a resource name; use "_" for older clusters',
  'sriov-no-nodes': 'The node selector matches no node; the SR-IOV operator refuses the policy',
  'sriov-vf-range-overlap': 'VFs of {{entry}} overlap those of policy {{policy}} on the same PF',
  'sriov-root-device-overlap': 'Root device already selected by policy {{policy}}',
  'sriov-switchdev-eth': 'eSwitchMode switchdev works only with ethernet links (linkType eth)',
  'sriov-vdpa-netdevice': 'vdpaType needs deviceType netdevice',
  'sriov-needs-switchdev': '{{what}} needs eSwitchMode: switchdev',
  'sriov-external-numvfs':
    'The PF {{pf}} on node {{node}} is managed externally with {{max}} VFs; the policy cannot ask for more',
  'sriov-vdpa-vendor': 'vDPA is supported only on NVIDIA (Mellanox, 15b3) NICs',
  'sriov-external-inconsistent': 'externallyManaged differs from policy {{policy}} on the same PF',
  'sriov-exclude-topology':
    'excludeTopology differs from policy {{policy}}, which gives the same resource {{resourceName}}',
  'sriov-network-namespace-field':
    'networkNamespace can only be set on a SriovNetwork in {{expected}}; elsewhere the NAD is created in its own namespace',
  // kubernetes-nmstate admission policy (nncp/webhookRules.ts)
  'nncp-name-length': 'A policy name is also a label value: at most {{max}} characters',
  'nncp-in-progress': 'Policy {{name}} is still being applied; its spec cannot change until it finishes',
  'nncp-capture-immutable': 'spec.capture of an existing policy cannot be changed',
  // The "Required" audit: accepted by the component, with a fallback (#14 point 2)
  'nad-config-from-file':
    'No spec.config: Multus uses the CNI config file named {{name}} on each node, which vm-network-lint cannot check',
  'bridge-default-cni0':
    'No bridge: the bridge CNI plugin uses cni0, which it creates on each node unconnected to any NIC',
  'nncp-desired-state-empty': 'No desiredState: kubernetes-nmstate accepts the policy and changes nothing',
  'nmstate-type-from-current':
    'No type: nmstate takes it from the existing interface of this name; a new interface needs a type',
} as const;

export type IssueCode = keyof typeof messages;

/** Fills `{{param}}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export const formatMessage = (code: IssueCode, params: Record<string, string | number> = {}): string =>
  messages[code].replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
