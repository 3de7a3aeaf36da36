// The classic entry script (`plugin-entry.<hash>.js`) that console's PluginLoader injects.
//
// Why a classic script: lib-core injects `loadScripts` as `<script async>` (not type=module) and requires
// `window.__load_plugin_entry__(name, {init, get})` to have been called by the time the script's load
// event fires (contract §1, §8). So the runtime registers synchronously and only then uses `import()`
// (allowed in classic scripts) to fetch the ES-module chunks that vite wrote.
//
// `pluginEntryRuntime` is real TypeScript (type-checked, unit-tested) serialized with toString into the
// script. It must stay self-contained: it may use only its parameters and browser globals. The one
// `import()` lives in the template text itself, because test runners rewrite `import()` in module code.
import { SEMVER_FUNCTIONS, maxSatisfying, satisfies } from './semver';

/** A webpack 5 share-scope entry (`scope[key][version]`). */
type ShareScopeEntry = { get: () => unknown; from?: string; eager?: boolean; loaded?: number };
export type ShareScope = Record<string, Record<string, ShareScopeEntry> | undefined>;

/** What the build tells the runtime. All file names are relative to the plugin's base URL. */
export type RuntimeConfig = {
  /** Plugin name, first argument of the entry callback. */
  name: string;
  /** Global callback registered by lib-core's PluginLoader. */
  callbackName: string;
  /** Global property holding the module registry that the shared-module stubs read. */
  registryName: string;
  /** Used when `document.currentScript` is unavailable. */
  baseURL: string;
  /** Console-provided singletons the bundle imports; resolved at init, no fallback. */
  singletons: { key: string; requiredVersion?: string }[];
  /** PatternFly dynamic modules: share-scope key -> the plugin's range and its own fallback chunk. */
  dynamic: Record<string, { requiredVersion?: string; fallback: string }>;
  /** Exposed module -> its chunk, CSS, and the dynamic modules its chunk graph reads. */
  exposed: Record<string, { file: string; css: string[]; dynamic: string[] }>;
};

type Semver = {
  satisfies: (version: string, range: string) => boolean;
  maxSatisfying: (versions: string[], range: string | undefined) => string | undefined;
};

/** The runtime; returns the entry module it registered (handy for tests). */
export function pluginEntryRuntime(
  cfg: RuntimeConfig,
  semver: Semver,
  importModule: (url: string) => Promise<Record<string, unknown>>,
  win: Window & Record<string, unknown>,
) {
  const script = win.document.currentScript as HTMLScriptElement | null;
  // currentScript is only set while this script runs synchronously, so read it now.
  const base = new URL(script?.src ? '.' : cfg.baseURL, script?.src || win.location.href).href;
  const modules = Object.create(null) as Record<string, unknown>;
  const pending = Object.create(null) as Record<string, Promise<void>>;
  let scope: ShareScope | undefined;

  // Read by the generated stub modules (`module.exports = registry.require(key)`).
  win[cfg.registryName] = {
    require(key: string) {
      if (!(key in modules))
        throw new Error(`${cfg.name}: shared module ${key} was used before it was resolved`);
      return modules[key];
    },
  };

  const fromScope = async (key: string, version: string) => {
    const entry = (scope?.[key] as Record<string, ShareScopeEntry>)[version] as ShareScopeEntry;
    const factory = (await entry.get()) as () => unknown; // eager entries return the factory itself
    entry.loaded = 1;
    modules[key] = factory();
  };

  // Console singletons: like webpack's `singleton: true, import: false`, take the highest version the
  // host provides and only warn when it does not satisfy the SDK's range.
  const resolveSingleton = async ({ key, requiredVersion }: RuntimeConfig['singletons'][number]) => {
    const version = semver.maxSatisfying(Object.keys(scope?.[key] ?? {}), undefined);
    if (!version) throw new Error(`${cfg.name}: the host does not provide shared module ${key}`);
    if (requiredVersion && !semver.satisfies(version, requiredVersion)) {
      console.warn(`${cfg.name}: shared singleton ${key} ${version} does not satisfy ${requiredVersion}`);
    }
    await fromScope(key, version);
  };

  // PatternFly dynamic modules: the host's copy when its version fits, else the plugin's own chunk.
  // A failure (say, a fallback chunk that did not download) is forgotten, so opening the page again retries.
  const resolveDynamic = (key: string) =>
    (pending[key] ??= (async () => {
      const spec = cfg.dynamic[key];
      if (!spec) throw new Error(`${cfg.name}: unknown dynamic module ${key}`);
      const version = semver.maxSatisfying(Object.keys(scope?.[key] ?? {}), spec.requiredVersion);
      if (version) return fromScope(key, version);
      modules[key] = await importModule(base + spec.fallback);
    })().catch((e: unknown) => {
      delete pending[key];
      throw e;
    }));

  const addStylesheet = (file: string) => {
    const href = base + file;
    if (win.document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
    const link = win.document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    win.document.head.appendChild(link);
  };

  const entryModule = {
    async init(shareScope: ShareScope) {
      scope = shareScope;
      await Promise.all(cfg.singletons.map(resolveSingleton));
    },
    async get(moduleName: string) {
      const exposed = cfg.exposed[moduleName];
      if (!exposed) throw new Error(`${cfg.name}: module ${moduleName} is not exposed`);
      if (!scope) throw new Error(`${cfg.name}: get(${moduleName}) called before init`);
      await Promise.all(exposed.dynamic.map(resolveDynamic));
      exposed.css.forEach(addStylesheet);
      const namespace = await importModule(base + exposed.file);
      return () => namespace;
    },
  };

  const callback = win[cfg.callbackName];
  if (typeof callback !== 'function') throw new Error(`${cfg.name}: window.${cfg.callbackName} is missing`);
  (callback as (name: string, entry: typeof entryModule) => void)(cfg.name, entryModule);
  return entryModule;
}

/** Renders the entry script text. */
export const renderEntryScript = (cfg: RuntimeConfig): string =>
  [
    `/* ${cfg.name} console plugin entry (generated by build/vite-console-plugin) */`,
    '(function () {',
    '"use strict";',
    ...SEMVER_FUNCTIONS.map(String),
    `(${String(pluginEntryRuntime)})(`,
    `  ${JSON.stringify(cfg)},`,
    `  { satisfies: ${satisfies.name}, maxSatisfying: ${maxSatisfying.name} },`,
    '  function (url) { return import(url); },',
    '  window',
    ');',
    '})();',
    '',
  ].join('\n');
