import { describe, expect, it } from 'vitest';
import { chunkClosure, formatSizeReport, isolationViolations, totalSize, type Bundle } from './bundleGraph';

const chunk = (
  fileName: string,
  moduleIds: string[],
  imports: string[] = [],
  dynamicImports: string[] = [],
) => ({
  type: 'chunk' as const,
  fileName,
  code: 'x'.repeat(100),
  imports,
  dynamicImports,
  moduleIds,
});

// Two pages sharing jsx-runtime; the topology page loads the graph library lazily.
const bundle: Bundle = {
  'list.js': chunk('list.js', ['/p/src/List.tsx'], ['jsx.js']),
  'topo.js': chunk('topo.js', ['/p/src/Topo.tsx'], ['jsx.js'], ['graph.js']),
  'jsx.js': chunk('jsx.js', ['/p/node_modules/react/jsx-runtime.js']),
  'graph.js': chunk('graph.js', ['/p/node_modules/cytoscape/dist/cytoscape.esm.mjs']),
};
const rule = { module: /\/node_modules\/cytoscape\//, onlyIn: ['TopologyPage'] };

describe('chunkClosure', () => {
  it('follows static imports, and import() only when asked', () => {
    expect(chunkClosure(bundle, 'topo.js', false)).toEqual(['topo.js', 'jsx.js']);
    expect(chunkClosure(bundle, 'topo.js', true)).toEqual(['topo.js', 'jsx.js', 'graph.js']);
  });
});

describe('isolationViolations', () => {
  it('allows the library in the pages named by the rule', () => {
    expect(isolationViolations(bundle, { List: 'list.js', TopologyPage: 'topo.js' }, [rule])).toEqual([]);
  });

  it('flags any other page whose chunk graph reaches it, even through a shared chunk', () => {
    const leaky: Bundle = {
      ...bundle,
      'jsx.js': chunk('jsx.js', ['/p/node_modules/react/jsx-runtime.js'], ['graph.js']),
    };
    expect(isolationViolations(leaky, { List: 'list.js', TopologyPage: 'topo.js' }, [rule])).toEqual([
      'List can load /p/node_modules/cytoscape/dist/cytoscape.esm.mjs, but /\\/node_modules\\/cytoscape\\// is only allowed in TopologyPage',
    ]);
  });
});

describe('size report', () => {
  const sizes = [
    { fileName: 'plugin-entry.js', raw: 2048, gzip: 1024 },
    { fileName: 'list.js', raw: 1024, gzip: 512 },
    { fileName: 'graph.js', raw: 10240, gzip: 4096 },
  ];

  it('sums only the files of the first page', () => {
    expect(totalSize(sizes, ['plugin-entry.js', 'list.js'])).toEqual({ raw: 3072, gzip: 1536 });
  });

  it('prints every file and the first-page total', () => {
    const text = formatSizeReport(sizes, {
      label: 'entry + first page (List)',
      files: ['plugin-entry.js', 'list.js'],
    });
    expect(text.split('\n')).toEqual([
      'console plugin output:',
      '  graph.js                     10.00 kB │ gzip     4.00 kB',
      '  list.js                       1.00 kB │ gzip     0.50 kB',
      '  plugin-entry.js               2.00 kB │ gzip     1.00 kB',
      '  entry + first page (List)     3.00 kB │ gzip     1.50 kB  (2 files)',
    ]);
  });
});
