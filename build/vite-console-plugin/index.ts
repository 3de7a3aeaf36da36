// Vite plugin that builds an OpenShift console 4.22 dynamic plugin without webpack module federation.
//
// Output (see README.md in this folder): one ES-module chunk per exposed module, lazily loaded
// PatternFly fallback chunks, a classic `plugin-entry.<hash>.js` that registers with console's
// PluginLoader (entryRuntime.ts), plugin-manifest.json, and locales/. Console-shared singletons are never
// bundled: every import of one becomes a stub module reading the copy the entry runtime took from the
// host's webpack share scope.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { minifySync, parseAst, type Logger, type Plugin } from 'vite';
import {
  chunkClosure,
  formatSizeReport,
  isolationViolations,
  modulesIn,
  sizeOf,
  totalSize,
  type Bundle,
  type IsolationRule,
} from './bundleGraph';
import { renderEntryScript, type RuntimeConfig } from './entryRuntime';
import {
  loadExtensionsSchema,
  readExtensions,
  validateCodeRefs,
  validateExtensionsSchema,
  type EncodedExtension,
} from './extensions';
import {
  buildManifest,
  contentHash,
  pluginBaseURL,
  validateMetadata,
  type ConsolePluginMetadata,
} from './manifest';
import {
  loadDynamicModuleMaps,
  parseDynamicModuleRequest,
  rewritePatternFlyImports,
  type EstreeProgram,
} from './patternfly';
import { DYNAMIC, SHARED, isVendor, resolverPlugin } from './resolver';
import { sharedRequiredVersions, sharedVersionWarnings } from './sharedModules';

export type ConsolePluginOptions = {
  /** Folder with package.json, console-extensions.json and locales/ (default: cwd). */
  root?: string;
  /** Exposed module whose chunk graph, with the entry script, is reported as "entry + first page". */
  firstPage?: string;
  /** Fail the build when entry + first page exceeds this many gzip bytes. */
  firstPageBudgetGzip?: number;
  /** Heavy dependencies that only some exposed modules may load. */
  isolate?: IsolationRule[];
  /** Instead of package.json `consolePlugin` (tests build fixtures with it). */
  metadata?: ConsolePluginMetadata;
  /** Instead of console-extensions.json. */
  extensions?: EncodedExtension[];
};

export const consolePlugin = (options: ConsolePluginOptions = {}): Plugin[] => {
  const root = resolve(options.root ?? process.cwd());
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    consolePlugin: ConsolePluginMetadata;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const meta = options.metadata ?? pkg.consolePlugin;
  const extensions = options.extensions ?? readExtensions(join(root, 'console-extensions.json'));
  const maps = loadDynamicModuleMaps(root);
  const required = sharedRequiredVersions(root);
  const registryName = `__console_plugin_modules__/${meta.name}`;
  const exposedPaths = Object.fromEntries(
    Object.entries(meta.exposedModules).map(([m, p]) => [m, resolve(root, p)]),
  );
  const fallbackRefs = new Map<string, string>(); // dynamic-module key -> emitted chunk reference
  const rel = (id: string) => relative(root, id);
  let logger: Logger | undefined;
  let minify = true;
  let entryFile = '';
  const exposedFiles: Record<string, string> = {};

  const resolver = resolverPlugin(root, registryName, fallbackRefs);

  const builder: Plugin = {
    name: 'console-plugin:build',
    apply: 'build',
    config: (_, { mode }) => ({
      base: pluginBaseURL(meta.name),
      // Bundled React helpers (jsx-runtime) must match the console's production React; vite would take
      // NODE_ENV from the environment (e.g. "test" under vitest) and bundle their development builds.
      define: {
        'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production'),
      },
      build: {
        target: 'es2021',
        modulePreload: false, // the entry runtime decides what loads; no preload polyfill in pages
        reportCompressedSize: false, // this plugin prints its own table, including the entry script
        rolldownOptions: {
          input: Object.fromEntries(Object.entries(exposedPaths).map(([m, p]) => [`exposed-${m}`, p])),
          preserveEntrySignatures: 'exports-only',
          output: {
            format: 'es',
            entryFileNames: '[name].[hash].js',
            chunkFileNames: 'chunks/[name].[hash].js',
            assetFileNames: 'assets/[name].[hash][extname]',
          },
        },
      },
    }),
    configResolved(config) {
      logger = config.logger;
      minify = config.build.minify !== false;
    },
    buildStart() {
      const errors = [
        ...validateMetadata(meta),
        ...validateExtensionsSchema(extensions, loadExtensionsSchema(root)),
        ...validateCodeRefs(extensions, meta.exposedModules),
      ];
      if (errors.length > 0) this.error(`invalid console plugin metadata:\n  ${errors.join('\n  ')}`);
      sharedVersionWarnings(root, required).forEach((w) => this.warn(w));
    },
    transform(code, id) {
      if (id.startsWith('\0') || isVendor(id) || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      if (!code.includes('@patternfly/react-')) return null;
      try {
        const program = parseAst(code, { lang: 'js' }) as unknown as EstreeProgram;
        const out = rewritePatternFlyImports(code, program, maps, rel(id));
        return out === undefined ? null : { code: out, map: null };
      } catch (e) {
        return this.error((e as Error).message);
      }
    },
    generateBundle(_, output) {
      const bundle = output as unknown as Bundle;
      for (const [m, path] of Object.entries(exposedPaths)) {
        const chunk = Object.values(output).find((f) => f.type === 'chunk' && f.facadeModuleId === path);
        if (!chunk) this.error(`no chunk was built for exposed module ${m} (${rel(path)})`);
        exposedFiles[m] = chunk.fileName;
      }
      const exportsOf = (m: string) => {
        const f = output[exposedFiles[m] ?? ''];
        return f?.type === 'chunk' ? f.exports : undefined;
      };
      const errors = [
        ...validateCodeRefs(extensions, meta.exposedModules, exportsOf),
        ...isolationViolations(bundle, exposedFiles, options.isolate ?? []),
      ];
      if (errors.length > 0) this.error(`console plugin bundle check failed:\n  ${errors.join('\n  ')}`);

      const allModules = modulesIn(bundle, Object.keys(bundle));
      const keysIn = (ids: string[], prefix: string) =>
        [...new Set(ids.filter((i) => i.startsWith(prefix)).map((i) => i.slice(prefix.length)))].sort();
      const runtime: RuntimeConfig = {
        name: meta.name,
        callbackName: '__load_plugin_entry__',
        registryName,
        baseURL: pluginBaseURL(meta.name),
        singletons: keysIn(allModules, SHARED).map((key) => ({ key, requiredVersion: required[key] })),
        dynamic: Object.fromEntries(
          [...fallbackRefs].map(([key, ref]) => {
            const pf = parseDynamicModuleRequest(key)?.pkg ?? '';
            const range = pkg.dependencies?.[pf] ?? pkg.devDependencies?.[pf];
            return [key, { requiredVersion: range, fallback: this.getFileName(ref) }];
          }),
        ),
        exposed: Object.fromEntries(
          Object.entries(exposedFiles).map(([m, file]) => [
            m,
            {
              file,
              css: cssOf(output, chunkClosure(bundle, file, false)),
              dynamic: keysIn(modulesIn(bundle, chunkClosure(bundle, file, true)), DYNAMIC),
            },
          ]),
        ),
      };
      const script = minify ? minifyScript(renderEntryScript(runtime)) : renderEntryScript(runtime);
      entryFile = `plugin-entry.${contentHash(script)}.js`;
      this.emitFile({ type: 'asset', fileName: entryFile, source: script });
      const manifest = buildManifest(
        meta,
        extensions,
        entryFile,
        contentHash(script, JSON.stringify(extensions)),
      );
      this.emitFile({
        type: 'asset',
        fileName: 'plugin-manifest.json',
        source: JSON.stringify(manifest, null, 2),
      });
      for (const file of listFiles(join(root, 'locales'))) {
        const fileName = `locales/${relative(join(root, 'locales'), file).split('\\').join('/')}`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
    writeBundle(_, output) {
      const bundle = output as unknown as Bundle;
      const sizes = Object.values(bundle).map(sizeOf);
      const first = options.firstPage ?? Object.keys(exposedFiles)[0] ?? '';
      const pageFiles = chunkClosure(bundle, exposedFiles[first] ?? '', false);
      const files = [entryFile, ...pageFiles, ...cssOf(output, pageFiles)];
      logger?.info(formatSizeReport(sizes, { label: `entry + first page (${first})`, files }));
      const budget = options.firstPageBudgetGzip;
      const total = totalSize(sizes, files).gzip;
      if (budget !== undefined && total > budget) {
        this.error(`entry + first page (${first}) is ${total} bytes gzip, over the ${budget}-byte budget`);
      }
    },
  };
  return [resolver, builder];
};

/** Stylesheets vite extracted for the given chunks (it does not inject them for entry chunks). */
type OutputLike = Record<string, { type: string; viteMetadata?: { importedCss: Set<string> } }>;
const cssOf = (output: OutputLike, files: string[]) =>
  files.flatMap((f) => [...(output[f]?.viteMetadata?.importedCss ?? [])]);

const minifyScript = (code: string): string => {
  const result = minifySync('plugin-entry.js', code, { compress: true, mangle: true });
  if (result.errors.length > 0)
    throw new Error(`minifying the entry script failed: ${result.errors[0]?.message}`);
  return result.code;
};

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort();
  } catch {
    return []; // no locales/ folder
  }
};
