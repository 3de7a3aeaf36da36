/**
 * The plugin's own react-query cache. The console provides no QueryClient, so every exposed page is wrapped in
 * this provider; one client per plugin load (and per console impersonation) means pages share live lists
 * (watches) while the user navigates, and an admin who starts impersonating a tenant gets a fresh cache and
 * watches opened as the tenant (impersonation.ts), never the admin's data.
 */
import { useContext, useSyncExternalStore, type ComponentType, type FC } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ReactReduxContext } from 'react-redux';
import { setImpersonationSource } from './consoleClient';
import { impersonationKey, impersonationOf } from './impersonation';
import { defaultRetry } from './queries';

const clients = new Map<string, QueryClient>();

export const pluginQueryClient = (identity = ''): QueryClient => {
  let client = clients.get(identity);
  if (!client) {
    client = new QueryClient({
      defaultOptions: { queries: { retry: defaultRetry, refetchOnWindowFocus: false } },
    });
    clients.set(identity, client);
  }
  return client;
};

type StoreLike = { getState: () => unknown; subscribe: (cb: () => void) => () => void };
const noSubscribe = () => () => undefined;

/** The console's impersonation key ('' outside the console, where there is no redux store). */
const useConsoleIdentity = (): string => {
  // The console's react-redux is shared with plugins: this is the console's own store.
  const store = (useContext(ReactReduxContext) as { store?: StoreLike } | null)?.store;
  if (store) setImpersonationSource(() => impersonationOf(store.getState()));
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () =>
    store ? impersonationKey(impersonationOf(store.getState())) : '',
  );
};

/** Wraps an exposed page (a console extension's component) in the plugin's QueryClientProvider. */
export const withPluginQueries = <P extends object>(Page: ComponentType<P>): FC<P> => {
  const Wrapped: FC<P> = (props) => {
    const identity = useConsoleIdentity();
    return (
      <QueryClientProvider client={pluginQueryClient(identity)} key={identity}>
        <Page {...props} />
      </QueryClientProvider>
    );
  };
  Wrapped.displayName = `withPluginQueries(${Page.displayName ?? Page.name})`;
  return Wrapped;
};
