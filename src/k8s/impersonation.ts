/**
 * The console's impersonation ("Impersonate user/group" in the console), as the SDK keeps it in redux:
 * `state.sdkCore.impersonate = { kind, name, subprotocols, groups? }` (SDK lib/app/redux-types.d.ts,
 * ImpersonateKind). consoleFetch adds the Impersonate-* headers to requests by itself; WebSockets cannot carry
 * headers, so the console's own watches pass `subprotocols` to `new WebSocket(url, subprotocols)` (SDK
 * lib/app/k8s/actions/k8s.js, utils/k8s/ws-factory.js) and Bridge turns them back into headers. The plugin's watches
 * must do the same, or an admin impersonating a tenant sees lists updated by the admin's own watches.
 * Pure: no React, no SDK import.
 */
export type ConsoleImpersonation = { kind: string; name: string; subprotocols: string[]; groups?: string[] };

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** The impersonation in a console redux state, if any (anything malformed is none). */
export const impersonationOf = (state: unknown): ConsoleImpersonation | undefined => {
  const imp = (state as { sdkCore?: { impersonate?: unknown } } | null | undefined)?.sdkCore?.impersonate as
    Partial<Record<keyof ConsoleImpersonation, unknown>> | undefined;
  if (!imp || typeof imp.kind !== 'string' || typeof imp.name !== 'string' || !imp.name) return undefined;
  const groups = strings(imp.groups);
  return {
    kind: imp.kind,
    name: imp.name,
    subprotocols: strings(imp.subprotocols),
    ...(groups.length ? { groups } : {}),
  };
};

/** One key per identity: the plugin keeps a separate client and cache for each. '' when not impersonating. */
export const impersonationKey = (imp: ConsoleImpersonation | undefined): string =>
  imp ? JSON.stringify([imp.kind, imp.name, imp.groups ?? []]) : '';

/** The WebSocket subprotocols of a watch under this impersonation (none without). */
export const watchSubprotocols = (imp: ConsoleImpersonation | undefined): string[] => imp?.subprotocols ?? [];
