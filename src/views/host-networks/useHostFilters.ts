/**
 * The node network state page's filters in the URL (?node=…&type=…&state=… repeatable, q= search), so a view can
 * be bookmarked and shared; the same `node` parameter as the topology page.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { NodeStateFilters } from '../../domain/hostnetworks/nodeState';

const LISTS = { nodes: 'node', types: 'type', states: 'state' } as const;

export const useHostFilters = (): [NodeStateFilters, (patch: Partial<NodeStateFilters>) => void] => {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<NodeStateFilters>(
    () => ({
      nodes: params.getAll('node'),
      types: params.getAll('type'),
      states: params.getAll('state'),
      search: params.get('q') ?? '',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<NodeStateFilters>) => {
      const next = { ...filters, ...patch };
      const p = new URLSearchParams();
      for (const [field, key] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
        for (const v of next[field]) p.append(key, v);
      }
      if (next.search) p.set('q', next.search);
      setParams(p, { replace: true });
    },
    [filters, setParams],
  );
  return [filters, update];
};
