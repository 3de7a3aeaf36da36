/**
 * English text for every issue code the interface form validator emits (validate.ts, mac.ts, networkData.ts),
 * with `{{param}}` placeholders. The text is also the i18n key: the UI passes it to t() with the params, and
 * `npm run i18n` collects these values into the locale file.
 */
export const interfaceMessages = {
  required: 'Required',
  'too-long': 'At most {{max}} characters',
  'dns-label':
    'Must be a lowercase RFC 1123 label: letters, digits and "-", starting and ending alphanumeric',
  'name-taken': 'This VM already has an interface or network with this name',
  'network-unavailable': 'You cannot read this network, or it is not offered for this VM',
  'network-unreadable': 'You cannot read this network; the VM keeps using it as configured',
  'network-in-use': 'This network can be attached only once per VM',
  'network-unsupported': 'This network type cannot be attached to a VM',
  'binding-not-allowed': 'This network allows: {{allowed}}',
  'mac-format': 'Not a MAC address (six hex pairs separated by ":" or "-")',
  'mac-length': 'Only 6-byte (EUI-48) MAC addresses can be assigned to a VM interface',
  'mac-multicast': 'A multicast MAC address cannot be assigned to an interface',
  'mac-zero': 'KubeVirt accepts the all-zero MAC address, but the guest refuses it and uses a random one',
  'mac-in-use': 'Also used by VM {{vm}}',
  'static-ip-secondary-only': 'A static IP can be set only on a secondary network',
  'cidr-format': 'Enter an address with its prefix, like 192.0.2.10/24 or 2001:db8::10/64',
  'static-ip-outside-subnet': "Not inside the network's subnets ({{subnets}})",
  'static-ip-network-address': 'This is the network address; choose a host address',
  'static-ip-needs-match': 'Give a MAC address or the guest interface name so cloud-init can find the NIC',
  'guest-name-format': 'Guest interface names are 1–15 characters without spaces, "/" or ":"',
  'static-ip-no-cloud-init': 'This VM has no cloud-init volume to carry network data',
  'static-ip-unmanaged': 'The cloud-init network data comes from a Secret; edit it there',
  'static-ip-next-boot': 'cloud-init applies the address at the next boot',
  'network-data-invalid': 'The existing cloud-init network data is not valid YAML',
  'network-data-v1': 'The existing cloud-init network data is version 1; only version 2 can be edited',
  'network-data-taken': 'The cloud-init network data already configures this interface',
  'model-unknown': 'Unknown model',
  'link-state-unsupported': 'SR-IOV interfaces do not support link state',
} as const;

export type InterfaceIssueCode = keyof typeof interfaceMessages;
