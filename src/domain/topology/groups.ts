/**
 * VM groups: a namespace with more VMs than the page's threshold is drawn as one counted node, and its VMs'
 * interface edges as one edge per network, labelled with how many interfaces it stands for. One collector makes
 * them for both ways the page gets there: `collapse` (view.ts) over a built graph, and `buildDefaultView`
 * (build.ts), which feeds it the VMs of collapsed namespaces without making their nodes and edges first.
 */
import { cmp, namespaceId, vmGroupId } from './ids';
import type { TopologyProblem } from './problems';
import type { GraphEdge, GraphNode } from './types';

const problemKey = (p: TopologyProblem) => `${p.code}\n${JSON.stringify(p.params)}`;

/** Distinct problems, at most `max` (a group of 1,000 VMs must not carry 1,000 copies of one notice). */
export const mergeProblems = (lists: Iterable<readonly TopologyProblem[]>, max = 20): TopologyProblem[] => {
  const seen = new Map<string, TopologyProblem>();
  for (const list of lists) {
    for (const p of list) {
      if (seen.size >= max) return [...seen.values()];
      const k = problemKey(p);
      if (!seen.has(k)) seen.set(k, p);
    }
  }
  return [...seen.values()];
};

/** The namespaces drawn as a group: more VMs than `threshold` (VMs per namespace in `counts`), not expanded. */
export const groupedNamespaces = (
  counts: ReadonlyMap<string, number>,
  threshold: number,
  expanded: ReadonlySet<string>,
): Set<string> => {
  const grouped = new Set<string>();
  for (const [ns, c] of counts) if (c > threshold && !expanded.has(ns)) grouped.add(ns);
  return grouped;
};

/** One group edge while members arrive: the smallest member id orders it among the graph's edges. */
type Merged = {
  edge: GraphEdge;
  /** The smallest id of the interface edges it stands for. */
  first: string;
  count: number;
  /** Member edges that carry problems, with their ids: merged in id order, whatever order they came in. */
  problems: [string, readonly TopologyProblem[]][];
};

type Group = { count: number; vmProblems: (readonly TopologyProblem[])[]; byTarget: Map<string, Merged> };

export class VMGroups {
  private readonly groups = new Map<string, Group>();

  private group(ns: string): Group {
    let g = this.groups.get(ns);
    if (!g) this.groups.set(ns, (g = { count: 0, vmProblems: [], byTarget: new Map() }));
    return g;
  }

  /** A VM of `ns` joins the group; VMs must come in id order (their problems merge in that order). */
  addVM(ns: string, problems: readonly TopologyProblem[]): void {
    const g = this.group(ns);
    g.count++;
    if (problems.length) g.vmProblems.push(problems);
  }

  /**
   * An interface edge of a VM of `ns` (in any order). Returns the group's edge to `target` the first time that
   * target is seen, so a caller walking edges in id order can put it where its first member was.
   */
  addEdge(ns: string, member: Pick<GraphEdge, 'id' | 'target' | 'kind' | 'problems'>): GraphEdge | undefined {
    const g = this.group(ns);
    let m = g.byTarget.get(member.target);
    const fresh = !m;
    if (!m) {
      const source = vmGroupId(ns);
      const id = `interface:${source}->${member.target}`;
      m = {
        edge: { id, source, target: member.target, kind: member.kind, problems: [] },
        first: member.id,
        count: 0,
        problems: [],
      };
      g.byTarget.set(member.target, m);
    } else if (member.id < m.first) m.first = member.id;
    m.count++;
    if (member.problems.length) m.problems.push([member.id, member.problems]);
    return fresh ? m.edge : undefined;
  }

  /**
   * The group nodes (by namespace) and edges (by their smallest member id), labels and problems filled in. The
   * edges are the objects `addEdge` returned.
   */
  finish(): { nodes: GraphNode[]; edges: { edge: GraphEdge; first: string }[] } {
    const nodes: GraphNode[] = [];
    const edges: Merged[] = [];
    for (const ns of [...this.groups.keys()].sort()) {
      const g = this.groups.get(ns)!;
      nodes.push({
        id: vmGroupId(ns),
        kind: 'VMGroup',
        name: ns,
        namespace: ns,
        parent: namespaceId(ns),
        count: g.count,
        problems: mergeProblems(g.vmProblems),
        details: [],
      });
      for (const m of g.byTarget.values()) {
        m.edge.label = `${m.count}`;
        m.edge.ips = [];
        m.problems.sort((a, b) => cmp(a[0], b[0]));
        m.edge.problems = mergeProblems(m.problems.map(([, p]) => p));
        edges.push(m);
      }
    }
    return { nodes, edges: edges.sort((a, b) => cmp(a.first, b.first)) };
  }
}
