// PatternFly "dynamic modules" (contract §3): console shares each module listed in a PF package's
// dist/dynamic-modules.json under the key `<pkg>/dist/dynamic/<path>`, and a plugin falls back to its
// own copy when the host's version does not fit. Like SDK-webpack's DynamicModuleImportPlugin, index
// imports in plugin sources (`import { Title } from '@patternfly/react-core'`) are rewritten into
// per-module imports, which the vite plugin then turns into share-scope stubs.
//
// Individual icon imports (`@patternfly/react-icons/dist/esm/icons/x-icon`) are bundled as they are:
// an icon is a few hundred bytes of SVG data, less than the share-scope lookup and fallback chunk.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Packages console shares as dynamic modules (SDK-webpack `dynamicModulePatternFlyPackages`). */
export const PF_DYNAMIC_PACKAGES = [
  '@patternfly/react-core',
  '@patternfly/react-data-view',
  '@patternfly/react-icons',
  '@patternfly/react-table',
  '@patternfly/react-templates',
] as const;

/** Package -> (export name -> `dist/dynamic/...` path), from each installed package. */
export type DynamicModuleMaps = Record<string, Record<string, string>>;

export const loadDynamicModuleMaps = (root: string): DynamicModuleMaps =>
  Object.fromEntries(
    PF_DYNAMIC_PACKAGES.flatMap((pkg) => {
      const file = join(root, 'node_modules', pkg, 'dist/dynamic-modules.json');
      return existsSync(file)
        ? [[pkg, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>]]
        : [];
    }),
  );

/** `<pkg>/dist/dynamic/<path>` -> its parts; undefined for anything else. */
export const parseDynamicModuleRequest = (id: string): { pkg: string; path: string } | undefined => {
  const pkg = PF_DYNAMIC_PACKAGES.find((p) => id.startsWith(`${p}/dist/dynamic/`));
  return pkg ? { pkg, path: id.slice(pkg.length + 1) } : undefined;
};

/**
 * The ES-module file behind a dynamic module, used as the plugin's fallback chunk. It must be the
 * directory package.json's `module` field: `main` is the CommonJS build (4x larger, and it requires
 * react-dom), contract §8.
 */
export const resolveFallbackFile = (root: string, key: string): string => {
  const parsed = parseDynamicModuleRequest(key);
  if (!parsed) throw new Error(`${key} is not a PatternFly dynamic module`);
  const pkgJson = join(root, 'node_modules', parsed.pkg, parsed.path, 'package.json');
  if (!existsSync(pkgJson)) throw new Error(`PatternFly dynamic module ${key} does not exist (${pkgJson})`);
  const { module } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { module?: string };
  if (!module) throw new Error(`${pkgJson} has no "module" field`);
  return resolve(dirname(pkgJson), module);
};

/** True for PF stylesheets: console already loads PatternFly's CSS, so plugins must not ship it. */
export const isPatternFlyCss = (id: string, importer?: string): boolean =>
  id.endsWith('.css') &&
  (id.startsWith('@patternfly/react-styles/') ||
    id.includes('/node_modules/@patternfly/react-styles/') ||
    (!!importer && id.startsWith('.') && importer.includes('/node_modules/@patternfly/react-styles/')));

// The few ESTree shapes the rewrite reads (from rolldown's parseAst / this.parse).
type Name = { type: string; name?: string; value?: unknown };
type Specifier = { type: string; imported?: Name; local?: Name; exported?: Name };
export type EstreeNode = {
  type: string;
  start: number;
  end: number;
  source?: { value?: unknown } | null;
  specifiers?: Specifier[];
  importKind?: string;
  exportKind?: string;
};
export type EstreeProgram = { body: EstreeNode[] };

const nameOf = (n: Name | undefined): string => n?.name ?? (typeof n?.value === 'string' ? n.value : '');

/**
 * Rewrites PF index imports and re-exports in one module. Returns the new code, or undefined when there
 * is nothing to rewrite. Throws (with the file name) on imports that cannot be mapped: a namespace or
 * default import would pull in the whole index and share nothing.
 */
export const rewritePatternFlyImports = (
  code: string,
  program: EstreeProgram,
  maps: DynamicModuleMaps,
  file: string,
): string | undefined => {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of program.body) {
    const source = node.source?.value;
    if (typeof source !== 'string' || !(source in maps)) continue;
    if (node.importKind === 'type' || node.exportKind === 'type') continue;
    const map = maps[source] as Record<string, string>;
    const where = `${file}: ${code.slice(node.start, node.end).split('\n')[0]}`;
    if (node.type === 'ExportAllDeclaration')
      throw new Error(`${where}: export * from ${source} is not supported`);
    const statements = (node.specifiers ?? []).map((s) => {
      if (s.type !== 'ImportSpecifier' && s.type !== 'ExportSpecifier') {
        throw new Error(`${where}: use named imports from ${source} so each one maps to a dynamic module`);
      }
      const imported = nameOf(node.type === 'ImportDeclaration' ? s.imported : s.local);
      const alias = nameOf(node.type === 'ImportDeclaration' ? s.local : s.exported);
      const path = map[imported];
      if (!path) throw new Error(`${where}: ${source} has no dynamic module exporting ${imported}`);
      const binding = imported === alias ? imported : `${imported} as ${alias}`;
      const keyword = node.type === 'ImportDeclaration' ? 'import' : 'export';
      return `${keyword} { ${binding} } from '${source}/${path}';`;
    });
    // A bare `import '@patternfly/react-core'` has no effect worth keeping (styles are console's).
    edits.push({ start: node.start, end: node.end, text: statements.join(' ') });
  }
  if (edits.length === 0) return undefined;
  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), code);
};
