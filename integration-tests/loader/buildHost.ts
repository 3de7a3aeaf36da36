// Builds the loader test's host page with webpack 5 ModuleFederationPlugin, sharing modules eagerly the
// way console's frontend/webpack.config.ts does, so the plugin meets a real webpack share scope
// (`scope[key][version] = {get, from, eager}`) rather than an imitation. Two variants: "with-pf" also
// shares the PatternFly dynamic modules the plugin uses; "without-pf" shares none, which forces the
// plugin onto its own fallback chunks.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webpack from 'webpack';

export type HostVariant = 'with-pf' | 'without-pf';

const root = resolve(import.meta.dirname, '../..');
const nodeModules = join(root, 'node_modules');
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(join(nodeModules, pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** The PatternFly share keys the built plugin asks for: the dynamic-module keys in its entry script. */
export const pluginDynamicModuleKeys = (pluginDir: string): string[] => {
  const entry = readdirSync(pluginDir).find((f) => /^plugin-entry\.[0-9a-f]+\.js$/.test(f));
  if (!entry) throw new Error(`no plugin-entry.<hash>.js in ${pluginDir}; build the plugin first`);
  const code = readFileSync(join(pluginDir, entry), 'utf8');
  const keys = [...code.matchAll(/"(@patternfly\/[a-z-]+\/dist\/dynamic\/[^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  if (keys.length === 0) throw new Error(`${entry}: no PatternFly dynamic modules found`);
  return [...new Set(keys)].sort();
};

const eager = (version?: string) => ({
  eager: true,
  singleton: true,
  requiredVersion: false as const,
  version,
});

export const buildHost = async (variant: HostVariant, pluginDir: string, outDir: string): Promise<void> => {
  mkdirSync(outDir, { recursive: true });
  const pfKeys = variant === 'with-pf' ? pluginDynamicModuleKeys(pluginDir) : [];
  // webpack only provides a shared key the host build imports, so the host imports each PF module.
  const pfModules = join(outDir, 'pf-modules.js');
  writeFileSync(
    pfModules,
    [
      ...pfKeys.map((k, i) => `import * as m${i} from '${k}';`),
      `export const providedPatternFly = { ${pfKeys.map((k, i) => `'${k}': m${i}`).join(', ')} };`,
      '',
    ].join('\n'),
  );
  const pfShared = Object.fromEntries(
    pfKeys.map((k) => {
      const pkg = k.slice(0, k.indexOf('/dist/dynamic/'));
      return [k, { ...eager(versionOf(pkg)), singleton: false }];
    }),
  );

  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: { main: join(import.meta.dirname, 'host/main.js') },
    output: {
      path: outDir,
      publicPath: `/${variant}/`,
      filename: '[name].js',
      uniqueName: `loader-host-${variant}`,
    },
    devtool: false,
    optimization: { minimize: false },
    performance: { hints: false },
    cache: { type: 'filesystem', cacheDirectory: join(root, '.cache/loader-host/webpack', variant) },
    resolve: {
      alias: {
        'loader-host-pf-modules$': pfModules,
        '@openshift-console/dynamic-plugin-sdk$': join(import.meta.dirname, 'host/consoleSdkStub.js'),
      },
    },
    // Our package.json says "type": "module", which makes webpack demand file extensions in imports.
    module: { rules: [{ test: /\.m?js$/, resolve: { fullySpecified: false } }] },
    plugins: [
      // Console loads PatternFly's CSS itself; the test does not need styles.
      new webpack.NormalModuleReplacementPlugin(/\.css$/, join(import.meta.dirname, 'host/empty.js')),
      new webpack.container.ModuleFederationPlugin({
        name: `host_${variant.replace('-', '_')}`,
        shared: {
          react: eager(versionOf('react')),
          'react-dom': eager(versionOf('react-dom')), // host only: console does not share it
          'react-router': eager(versionOf('react-router')),
          'react-i18next': eager(versionOf('react-i18next')),
          redux: eager(versionOf('redux')),
          'react-redux': eager(versionOf('react-redux')),
          '@openshift/dynamic-plugin-sdk': eager(versionOf('@openshift/dynamic-plugin-sdk')),
          // A stub under the real key (host/consoleSdkStub.js says why).
          '@openshift-console/dynamic-plugin-sdk': eager('4.22.0'),
          ...pfShared,
        },
      }),
    ],
  });
  await new Promise<void>((done, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) fail(err);
      else if (stats?.hasErrors())
        fail(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      else done();
    }),
  );
};
