// Questions asked of the finished bundle: which chunks an exposed module can load, which modules end up
// where, and how big things are. Pure functions over a minimal view of rolldown's output bundle.
import { gzipSync } from 'node:zlib';

/** The parts of rolldown's OutputChunk / OutputAsset used here. */
export type BundleFile =
  | {
      type: 'chunk';
      fileName: string;
      code: string;
      imports: string[];
      dynamicImports: string[];
      moduleIds: string[];
    }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };
export type Bundle = Record<string, BundleFile>;

const chunkOf = (bundle: Bundle, file: string) => {
  const f = bundle[file];
  return f?.type === 'chunk' ? f : undefined;
};

/** `file` and every chunk it imports statically (and, with `dynamic`, through `import()` too). */
export const chunkClosure = (bundle: Bundle, file: string, dynamic: boolean): string[] => {
  const seen = new Set<string>();
  const visit = (f: string) => {
    const chunk = chunkOf(bundle, f);
    if (!chunk || seen.has(f)) return;
    seen.add(f);
    chunk.imports.forEach(visit);
    if (dynamic) chunk.dynamicImports.forEach(visit);
  };
  visit(file);
  return [...seen];
};

/** Module ids in a set of chunks. */
export const modulesIn = (bundle: Bundle, files: string[]): string[] =>
  files.flatMap((f) => chunkOf(bundle, f)?.moduleIds ?? []);

/**
 * A rule that keeps a heavy dependency out of every page but the ones allowed to load it.
 * `module` matches module ids (e.g. /\/node_modules\/cytoscape\//).
 */
export type IsolationRule = { module: RegExp; onlyIn: string[] };

/** Messages for each exposed module whose chunk graph (static and dynamic) breaks a rule. */
export const isolationViolations = (
  bundle: Bundle,
  exposedFiles: Record<string, string>,
  rules: IsolationRule[],
): string[] =>
  Object.entries(exposedFiles).flatMap(([name, file]) => {
    const modules = modulesIn(bundle, chunkClosure(bundle, file, true));
    return rules.flatMap((rule) => {
      const hit = modules.find((m) => rule.module.test(m));
      return hit && !rule.onlyIn.includes(name)
        ? [`${name} can load ${hit}, but ${rule.module} is only allowed in ${rule.onlyIn.join(', ')}`]
        : [];
    });
  });

export type FileSize = { fileName: string; raw: number; gzip: number };

export const sizeOf = (file: BundleFile): FileSize => {
  const content = file.type === 'chunk' ? file.code : file.source;
  const buf = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return { fileName: file.fileName, raw: buf.length, gzip: gzipSync(buf).length };
};

const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`.padStart(11);

/** The size table the build prints: one line per file, then the "entry + first page" total. */
export const formatSizeReport = (
  sizes: FileSize[],
  firstPage: { label: string; files: string[] },
): string => {
  const width = Math.max(...sizes.map((s) => s.fileName.length), firstPage.label.length);
  const lines = [...sizes]
    .sort((a, b) => a.fileName.localeCompare(b.fileName))
    .map((s) => `  ${s.fileName.padEnd(width)} ${kb(s.raw)} │ gzip ${kb(s.gzip)}`);
  const total = totalSize(sizes, firstPage.files);
  return [
    'console plugin output:',
    ...lines,
    `  ${firstPage.label.padEnd(width)} ${kb(total.raw)} │ gzip ${kb(total.gzip)}  (${firstPage.files.length} files)`,
  ].join('\n');
};

/** Sum of the given files' sizes (gzip per file, as the browser fetches them). */
export const totalSize = (sizes: FileSize[], files: string[]): { raw: number; gzip: number } =>
  sizes
    .filter((s) => files.includes(s.fileName))
    .reduce((acc, s) => ({ raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip }), { raw: 0, gzip: 0 });
