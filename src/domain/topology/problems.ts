/**
 * What can be wrong on the topology graph, as codes with parameters. The English templates are the i18n keys:
 * views translate them with t(template, params) (npm run i18n collects them), and `problemText` renders English
 * for tests and for the table view's copy.
 */
export const topologyMessages = {
  'nad-missing': 'NetworkAttachmentDefinition {{ref}} does not exist; this interface cannot attach',
  'nad-unreadable': 'NetworkAttachmentDefinition {{ref}} is in a namespace you cannot read; it may not exist',
  'bridge-on-no-node': 'Linux bridge {{bridge}} exists on no node; VMs on this network cannot start',
  'bridge-on-some-nodes':
    'Linux bridge {{bridge}} is missing on {{missing}} of {{total}} nodes ({{nodes}}); VMs there cannot attach',
  'no-bridge-mapping':
    'Physical network {{physnet}} has no OVN bridge mapping on any node; add one with a NodeNetworkConfigurationPolicy',
  'sriov-no-policy':
    'No SriovNetworkNodePolicy provides resource {{resource}}; VMs on this network cannot be scheduled',
  'sriov-policy-no-node': 'SriovNetworkNodePolicy {{policy}} matches no node',
  'nncp-failing': 'NodeNetworkConfigurationPolicy {{policy}} failed on {{node}}: {{message}}',
  'nncp-progressing': 'NodeNetworkConfigurationPolicy {{policy}} is being applied on {{node}}',
  'pending-hotplug': 'Interface {{iface}} is waiting to be hot-plugged',
  'pending-unplug': 'Interface {{iface}} is waiting to be hot-unplugged',
  'restart-required': 'A change to this VM (such as a network change) waits for a restart',
} as const;

export type TopologyProblemCode = keyof typeof topologyMessages;

export type TopologyProblem = {
  code: TopologyProblemCode;
  params: Record<string, string | number>;
  /** A pending change is a notice, not a fault: drawn dashed, not red. */
  severity: 'error' | 'warning' | 'info';
};

export const problem = (
  code: TopologyProblemCode,
  params: Record<string, string | number> = {},
  severity: TopologyProblem['severity'] = 'error',
): TopologyProblem => ({ code, params, severity });

/** English text of a problem (the template with its parameters filled in). */
export const problemText = (p: TopologyProblem): string =>
  topologyMessages[p.code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p.params[k] ?? ''));

/** The worst severity of a list, for the colour of an element; undefined when there is nothing to say. */
export const worstSeverity = (ps: readonly TopologyProblem[]): TopologyProblem['severity'] | undefined => {
  if (ps.some((p) => p.severity === 'error')) return 'error';
  if (ps.some((p) => p.severity === 'warning')) return 'warning';
  return ps.length ? 'info' : undefined;
};
