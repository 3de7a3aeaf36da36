/** Console URLs (the shell serves the same paths). */
export const vmPath = (namespace: string, name: string) =>
  `/k8s/ns/${namespace}/kubevirt.io~v1~VirtualMachine/${name}/vm-network-interfaces`;

export const nadPath = (namespace: string, name: string) =>
  `/k8s/ns/${namespace}/k8s.cni.cncf.io~v1~NetworkAttachmentDefinition/${name}`;

export const vmNetworksPath = (namespace?: string) =>
  namespace ? `/vm-networks/ns/${namespace}` : '/vm-networks/all-namespaces';
