/**
 * Console URLs (the shell serves the same paths). Names come from object data (a VM's `multus.networkName` is
 * free text its owner writes), so every value is one encoded path segment: `/`, `?`, `#` and `%` are escaped, and a
 * segment of only dots (`.`, `..`, which URL parsers resolve, also as `%2e`) has its dots escaped twice so it stays
 * a name. A hostile name can only lead to a "not found" page of the same kind, never to another console path.
 */
export const pathSegment = (value: string): string =>
  /^\.{1,2}$/.test(value) ? value.replace(/\./g, '%252E') : encodeURIComponent(value);

export const vmPath = (namespace: string, name: string) =>
  `/k8s/ns/${pathSegment(namespace)}/kubevirt.io~v1~VirtualMachine/${pathSegment(name)}/vm-network-interfaces`;

/** The VM's Network interfaces tab with its "Reach this VM" card open on one tab (views/reach/ReachCard.tsx). */
export type ReachTab = 'services' | 'ssh' | 'dns' | 'mesh';
export const REACH_TABS: readonly ReachTab[] = ['services', 'ssh', 'dns', 'mesh'];
export const reachPath = (namespace: string, name: string, tab: ReachTab) =>
  `${vmPath(namespace, name)}?reach=${tab}`;

export const nadPath = (namespace: string, name: string) =>
  `/k8s/ns/${pathSegment(namespace)}/k8s.cni.cncf.io~v1~NetworkAttachmentDefinition/${pathSegment(name)}`;

export const vmNetworksPath = (namespace?: string) =>
  namespace ? `/vm-networks/ns/${pathSegment(namespace)}` : '/vm-networks/all-namespaces';
