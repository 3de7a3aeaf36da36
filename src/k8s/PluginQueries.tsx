/**
 * The plugin's own react-query cache. The console provides no QueryClient, so every exposed page is wrapped in
 * this provider; one client per plugin load means pages share live lists (watches) while the user navigates.
 */
import type { ComponentType, FC } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

let client: QueryClient | undefined;

export const pluginQueryClient = (): QueryClient =>
  (client ??= new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
  }));

/** Wraps an exposed page (a console extension's component) in the plugin's QueryClientProvider. */
export const withPluginQueries = <P extends object>(Page: ComponentType<P>): FC<P> => {
  const Wrapped: FC<P> = (props) => (
    <QueryClientProvider client={pluginQueryClient()}>
      <Page {...props} />
    </QueryClientProvider>
  );
  Wrapped.displayName = `withPluginQueries(${Page.displayName ?? Page.name})`;
  return Wrapped;
};
