/**
 * Graph ids. Underlay ids carry node + nmstate type + name, so the same interface name on two nodes, or a bond
 * and a bridge of one name on one node, never collide (the nmstate console plugin shipped that bug: OCPBUGS-42859).
 * ':' and '/' cannot appear in Linux interface names, node names or Kubernetes object names, so ids are unambiguous.
 */
export const POD_NETWORK_ID = 'pod-network';
export const namespaceId = (ns: string): string => `ns:${ns}`;
export const vmId = (ns: string, name: string): string => `vm:${ns}/${name}`;
export const vmGroupId = (ns: string): string => `vmgroup:${ns}`;
export const udnId = (ns: string, name: string): string => `udn:${ns}/${name}`;
export const cudnId = (name: string): string => `cudn:${name}`;
export const nadId = (ns: string, name: string): string => `nad:${ns}/${name}`;
export const missingNadId = (ns: string, name: string): string => `missing:${ns}/${name}`;
export const sriovNetworkId = (ns: string, name: string): string => `sriovnet:${ns}/${name}`;
export const nodeId = (node: string): string => `node:${node}`;
export const ifaceId = (node: string, type: string, name: string): string => `if:${node}:${type}:${name}`;
export const bridgeMappingId = (node: string, localnet: string): string => `bm:${node}:${localnet}`;

/**
 * Ids and names in one fixed order, code unit by code unit (not the locale's), so the same input gives the same
 * graph, groups and layout everywhere.
 */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const byId = (a: { id: string }, b: { id: string }): number => cmp(a.id, b.id);
