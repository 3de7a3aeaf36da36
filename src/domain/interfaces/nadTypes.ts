/**
 * What kind of network a NetworkAttachmentDefinition is, read from its CNI config (spec.config JSON).
 * The binding a VM interface may use follows from it (KubeVirt: bridge for bridge/layer2/localnet, sriov for
 * SR-IOV, l2bridge for the primary UDN, which attaches through the pod network and never as a secondary).
 */
import { parseCniConfig, type CNIConfig, type NetworkAttachmentDefinition } from '../kube/networks';

export type NadType =
  'bridge' | 'ovn-layer2' | 'ovn-localnet' | 'ovn-layer3' | 'ovn-primary' | 'sriov' | 'other';

/** A plugin list (`plugins: [...]`) is typed by its first plugin, which is the one that creates the interface. */
const mainPlugin = (cfg: CNIConfig): CNIConfig => {
  const plugins = cfg.plugins;
  return Array.isArray(plugins) && plugins.length > 0 ? (plugins[0] as CNIConfig) : cfg;
};

export const nadTypeOf = (nad: NetworkAttachmentDefinition): NadType => {
  const cfg = parseCniConfig(nad);
  if (!cfg) return 'other';
  const main = mainPlugin(cfg);
  switch (main.type) {
    case 'bridge':
    case 'cnv-bridge':
      return 'bridge';
    case 'sriov':
      return 'sriov';
    case 'ovn-k8s-cni-overlay':
      if (main.role === 'primary') return 'ovn-primary';
      if (main.topology === 'localnet') return 'ovn-localnet';
      if (main.topology === 'layer3') return 'ovn-layer3';
      return 'ovn-layer2';
    default:
      return 'other';
  }
};

/** Namespaces whose pod network is replaced by a primary UDN: OVN-K writes a NAD with `role: primary` there. */
export const primaryUdnNamespaces = (nads: readonly NetworkAttachmentDefinition[]): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const nad of nads) {
    if (nad.metadata.namespace && nadTypeOf(nad) === 'ovn-primary') out.add(nad.metadata.namespace);
  }
  return out;
};
