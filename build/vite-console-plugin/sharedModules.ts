// Modules the console shares with its plugins as singletons without a plugin fallback
// (SDK-webpack lib/shared-modules/shared-modules-meta.js; contract §3). The plugin never bundles them:
// each import becomes a stub that reads the host's copy, resolved from the share scope at init.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from './semver';

export const CONSOLE_SHARED_MODULES = [
  '@openshift/dynamic-plugin-sdk',
  '@openshift-console/dynamic-plugin-sdk',
  '@openshift-console/dynamic-plugin-sdk-internal',
  '@patternfly/react-topology',
  'react',
  'react-i18next',
  'react-redux',
  'react-router',
  'react-router-dom',
  'react-router-dom-v5-compat',
  'redux',
  'redux-thunk',
] as const;

/** Subpaths of shared packages that plugins bundle: jsx-runtime only calls into the shared React. */
const BUNDLED_SUBPATHS = new Set(['react/jsx-runtime', 'react/jsx-dev-runtime']);

export type SharedRequest =
  { kind: 'shared'; key: string } | { kind: 'bundle' } | { kind: 'subpath'; key: string };

/** Classifies an import specifier against the console-shared list. */
export const classifySharedRequest = (id: string): SharedRequest => {
  if ((CONSOLE_SHARED_MODULES as readonly string[]).includes(id)) return { kind: 'shared', key: id };
  if (BUNDLED_SUBPATHS.has(id)) return { kind: 'bundle' };
  const key = CONSOLE_SHARED_MODULES.find((m) => id.startsWith(`${m}/`));
  // A deep import would bundle a second copy of a singleton (or all of the SDK); webpack's share
  // config would not catch it either, so the build refuses it.
  return key ? { kind: 'subpath', key } : { kind: 'bundle' };
};

type PackageJson = { version?: string; peerDependencies?: Record<string, string> };

/** Reads an installed package's package.json (hoisted layout; some packages do not export it). */
export const readPackageJson = (root: string, name: string): PackageJson | undefined => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
};

/**
 * requiredVersion of each shared module = the console SDK's peerDependencies, exactly what
 * ConsoleRemotePlugin passes to webpack. Modules the SDK does not list get no range.
 */
export const sharedRequiredVersions = (root: string): Record<string, string | undefined> => {
  const sdk = readPackageJson(root, '@openshift-console/dynamic-plugin-sdk');
  if (!sdk)
    throw new Error('@openshift-console/dynamic-plugin-sdk is not installed; it defines the shared versions');
  const peers = sdk.peerDependencies ?? {};
  return Object.fromEntries(CONSOLE_SHARED_MODULES.map((m) => [m, peers[m]]));
};

/**
 * Warnings for installed shared packages the console will not match: the plugin is type-checked and
 * tested against the installed copy but runs against the console's.
 */
export const sharedVersionWarnings = (root: string, required: Record<string, string | undefined>): string[] =>
  CONSOLE_SHARED_MODULES.flatMap((m) => {
    const range = required[m];
    const installed = readPackageJson(root, m)?.version;
    return range && installed && !satisfies(installed, range)
      ? [`console provides ${m} ${range} but ${installed} is installed`]
      : [];
  });
