// plugin-manifest.json as console 4.22 expects it (contract §2; SDK-webpack schema/plugin-manifest.json,
// which has additionalProperties: false, so only known fields are written).
import { createHash } from 'node:crypto';
import type { EncodedExtension } from './extensions';

/** package.json `consolePlugin` (the same metadata ConsoleRemotePlugin reads). */
export type ConsolePluginMetadata = {
  name: string;
  version: string;
  displayName?: string;
  description?: string;
  exposedModules: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  disableStaticPlugins?: string[];
};

export type PluginManifest = {
  name: string;
  version: string;
  baseURL: string;
  loadScripts: string[];
  registrationMethod: 'callback';
  buildHash: string;
  extensions: EncodedExtension[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  customProperties?: {
    console: { displayName?: string; description?: string; disableStaticPlugins?: string[] };
  };
};

/** Console serves plugin assets from here (Bridge proxies it to the plugin's service). */
export const pluginBaseURL = (name: string) => `/api/plugins/${name}/`;

/** Short content hash used in file names and as buildHash. */
export const contentHash = (...parts: string[]): string => {
  const h = createHash('sha256');
  parts.forEach((p) => h.update(p).update('\0'));
  return h.digest('hex').slice(0, 16);
};

// lib-core's name rule, plus the DNS-subdomain rule console adds (it must match the ConsolePlugin name).
const NAME = /^[a-zA-Z]+(?:[-.]?[a-zA-Z0-9]+)*$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Metadata problems console would reject at load time. */
export const validateMetadata = (meta: ConsolePluginMetadata): string[] => [
  ...(NAME.test(meta.name) && DNS_SUBDOMAIN.test(meta.name) && meta.name.length <= 253
    ? []
    : [`consolePlugin.name "${meta.name}" must be a DNS subdomain name`]),
  ...(SEMVER.test(meta.version) ? [] : [`consolePlugin.version "${meta.version}" must be valid semver`]),
  ...Object.keys(meta.exposedModules ?? {}).flatMap((m) =>
    /^[^.\s]+$/.test(m)
      ? []
      : [`exposed module "${m}" may not contain dots or spaces (code refs split on ".")`],
  ),
];

/** The manifest; fields that are empty are left out rather than written as {}. */
export const buildManifest = (
  meta: ConsolePluginMetadata,
  extensions: EncodedExtension[],
  entryScript: string,
  buildHash: string,
): PluginManifest => {
  const { displayName, description, disableStaticPlugins } = meta;
  const console = Object.fromEntries(
    Object.entries({ displayName, description, disableStaticPlugins }).filter(([, v]) => v !== undefined),
  );
  return {
    name: meta.name,
    version: meta.version,
    baseURL: pluginBaseURL(meta.name),
    loadScripts: [entryScript],
    registrationMethod: 'callback',
    buildHash,
    extensions,
    ...(meta.dependencies && { dependencies: meta.dependencies }),
    ...(meta.optionalDependencies && { optionalDependencies: meta.optionalDependencies }),
    ...(Object.keys(console).length > 0 && { customProperties: { console } }),
  };
};
