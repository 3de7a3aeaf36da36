/**
 * The topology page's state in the URL, so a view can be bookmarked and shared:
 * ?ns=…&kind=…&node=… (filters, repeatable), q= (search), sel= (selected element), open= (expanded namespaces),
 * view=table (the table instead of the graph).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { NetworkFlavor } from '../../domain/topology/types';

export type TopologyState = {
  namespaces: string[];
  flavors: NetworkFlavor[];
  nodes: string[];
  search: string;
  selected: string;
  expanded: string[];
  table: boolean;
};

const LISTS = { namespaces: 'ns', flavors: 'kind', nodes: 'node', expanded: 'open' } as const;

export const useTopologyState = (): [TopologyState, (patch: Partial<TopologyState>) => void] => {
  const [params, setParams] = useSearchParams();
  const state = useMemo<TopologyState>(
    () => ({
      namespaces: params.getAll('ns'),
      flavors: params.getAll('kind') as NetworkFlavor[],
      nodes: params.getAll('node'),
      search: params.get('q') ?? '',
      selected: params.get('sel') ?? '',
      expanded: params.getAll('open'),
      table: params.get('view') === 'table',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<TopologyState>) => {
      const next = { ...state, ...patch };
      const p = new URLSearchParams();
      for (const [field, key] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
        for (const v of next[field]) p.append(key, v);
      }
      if (next.search) p.set('q', next.search);
      if (next.selected) p.set('sel', next.selected);
      if (next.table) p.set('view', 'table');
      setParams(p, { replace: true });
    },
    [state, setParams],
  );
  return [state, update];
};
