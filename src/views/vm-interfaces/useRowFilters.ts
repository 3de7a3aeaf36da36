/**
 * Filter state of the VM networks page, kept in the URL (?ns=…&net=…&binding=…&noip=1&pending=1&dupmac=1&q=…) so a
 * filtered view can be bookmarked and shared.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RowFilters } from '../../domain/interfaces/search';

export type FilterState = Required<Pick<RowFilters, 'namespaces' | 'networks' | 'bindings'>> & {
  noIp: boolean;
  pendingChanges: boolean;
  /** Rows whose MAC another VM uses (#15). */
  duplicateMac: boolean;
  search: string;
};

export const useRowFilters = (): [FilterState, (patch: Partial<FilterState>) => void, () => void] => {
  const [params, setParams] = useSearchParams();
  const state = useMemo<FilterState>(
    () => ({
      namespaces: params.getAll('ns'),
      networks: params.getAll('net'),
      bindings: params.getAll('binding'),
      noIp: params.get('noip') === '1',
      pendingChanges: params.get('pending') === '1',
      duplicateMac: params.get('dupmac') === '1',
      search: params.get('q') ?? '',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<FilterState>) => {
      const next = { ...state, ...patch };
      const p = new URLSearchParams();
      next.namespaces.forEach((v) => p.append('ns', v));
      next.networks.forEach((v) => p.append('net', v));
      next.bindings.forEach((v) => p.append('binding', v));
      if (next.noIp) p.set('noip', '1');
      if (next.pendingChanges) p.set('pending', '1');
      if (next.duplicateMac) p.set('dupmac', '1');
      if (next.search) p.set('q', next.search);
      setParams(p, { replace: true });
    },
    [state, setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return [state, update, clear];
};

/**
 * A value typed by the user, kept locally and written to the URL after `delay` ms without typing. The URL still
 * wins when it changes from outside (back button, a shared link).
 */
export const useDebouncedUrlValue = (
  urlValue: string,
  write: (v: string) => void,
  delay = 400,
): [string, (v: string) => void] => {
  const [value, setValue] = useState(urlValue);
  const writeRef = useRef(write);
  writeRef.current = write;
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastWritten = useRef(urlValue);
  useEffect(() => {
    if (urlValue !== lastWritten.current) {
      lastWritten.current = urlValue;
      setValue(urlValue);
    }
  }, [urlValue]);
  useEffect(() => () => clearTimeout(pending.current), []);
  const update = useCallback(
    (v: string) => {
      setValue(v);
      clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        lastWritten.current = v;
        writeRef.current(v);
      }, delay);
    },
    [delay],
  );
  return [value, update];
};
