// Provided under the share key '@openshift-console/dynamic-plugin-sdk' by the loader-test host.
// The published SDK cannot run outside console: its lib/ requires '@console/internal/...' and
// '@console/shared/...' modules that only exist inside the console build. The loader test only needs the
// key to be present (the placeholder pages do not call the SDK at runtime); pages that call SDK hooks
// while rendering need these stubs extended, or a host with a fuller implementation.
export const isLoaderTestStub = true;

export const useActiveNamespace = () => ['#ALL_NS#', () => undefined];
