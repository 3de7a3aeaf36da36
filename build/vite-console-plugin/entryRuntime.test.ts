import { afterEach, describe, expect, it, vi } from 'vitest';
import { pluginEntryRuntime, renderEntryScript, type RuntimeConfig, type ShareScope } from './entryRuntime';
import { maxSatisfying, satisfies } from './semver';

const KEY_TITLE = '@patternfly/react-core/dist/dynamic/components/Title';

const config = (over: Partial<RuntimeConfig> = {}): RuntimeConfig => ({
  name: 'demo-plugin',
  callbackName: '__load_plugin_entry__',
  registryName: '__modules__/demo-plugin',
  baseURL: '/api/plugins/demo-plugin/',
  singletons: [{ key: 'react', requiredVersion: '^18.3.1' }],
  dynamic: { [KEY_TITLE]: { requiredVersion: '~6.4.2', fallback: 'chunks/pf-Title.abc.js' } },
  exposed: { Page: { file: 'exposed-Page.abc.js', css: ['assets/page.abc.css'], dynamic: [KEY_TITLE] } },
  ...over,
});

type EntryModule = { init: (scope: ShareScope) => Promise<void>; get: (m: string) => Promise<() => unknown> };

/** A window with just what the runtime touches. */
const fakeWindow = () => {
  const appended: string[] = [];
  const callback = vi.fn<(name: string, entry: EntryModule) => void>();
  const win = {
    __load_plugin_entry__: callback,
    location: { href: 'http://console.test/k8s/all-namespaces' },
    document: {
      currentScript: { src: 'http://console.test/api/plugins/demo-plugin/plugin-entry.1.js?cacheBuster=x' },
      querySelector: () => null,
      createElement: () => ({}) as { href?: string },
      head: { appendChild: (l: { href: string }) => appended.push(l.href) },
    },
  } as unknown as Window & Record<string, unknown>;
  return { win, callback, appended };
};

/** Share-scope entry; eager ones return the factory synchronously, like webpack's. */
const provided = (exports: unknown, eager = true) => ({
  get: eager ? () => () => exports : () => Promise.resolve(() => exports),
  from: 'host',
  eager,
  loaded: undefined as number | undefined,
});

afterEach(() => vi.restoreAllMocks());

describe('rendered entry script', () => {
  const run = (cfg: RuntimeConfig, win: Window) =>
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the rendered script as a browser would
    new Function('window', renderEntryScript(cfg))(win) as void;

  it('calls the entry callback synchronously, with the plugin name and {init, get}', () => {
    const { win, callback } = fakeWindow();
    run(config(), win);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]?.[0]).toBe('demo-plugin');
    expect(Object.keys(callback.mock.calls[0]?.[1] ?? {})).toEqual(['init', 'get']);
  });

  it('takes the highest singleton the host provides and exposes it to the stubs', async () => {
    const { win, callback } = fakeWindow();
    run(config(), win);
    const older = provided({ version: 'old' });
    const newer = provided({ version: 'new' }, false);
    await callback.mock.calls[0]?.[1].init({ react: { '18.3.0': older, '18.3.1': newer } });
    const registry = win['__modules__/demo-plugin'] as { require: (k: string) => unknown };
    expect(registry.require('react')).toEqual({ version: 'new' });
    expect(newer.loaded).toBe(1);
    expect(older.loaded).toBeUndefined();
    expect(() => registry.require('react-redux')).toThrow(/react-redux was used before it was resolved/);
  });

  it('fails init when the host lacks a console singleton, naming it', async () => {
    const { win, callback } = fakeWindow();
    run(config(), win);
    await expect(callback.mock.calls[0]?.[1].init({})).rejects.toThrow(
      /does not provide shared module react/,
    );
  });

  it('warns (but loads) when the singleton is outside the SDK range, like webpack singletons', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { win, callback } = fakeWindow();
    run(config(), win);
    await callback.mock.calls[0]?.[1].init({ react: { '17.0.2': provided({}) } });
    expect(warn).toHaveBeenCalledWith('demo-plugin: shared singleton react 17.0.2 does not satisfy ^18.3.1');
  });

  it('throws while loading when the host registered no callback, so the loader reports it', () => {
    const { win } = fakeWindow();
    delete (win as Record<string, unknown>).__load_plugin_entry__;
    expect(() => run(config(), win)).toThrow(/window.__load_plugin_entry__ is missing/);
  });
});

describe('get', () => {
  const start = (scope: ShareScope) => {
    const { win, appended } = fakeWindow();
    const imported: string[] = [];
    const importModule = (url: string) => {
      imported.push(url);
      return Promise.resolve({ default: `module at ${url}` });
    };
    const entry = pluginEntryRuntime(config(), { satisfies, maxSatisfying }, importModule, win);
    return {
      entry,
      imported,
      appended,
      registry: win['__modules__/demo-plugin'] as { require: (k: string) => unknown },
      init: entry.init(scope),
    };
  };
  const react = { '18.3.1': provided({}) };
  const base = 'http://console.test/api/plugins/demo-plugin/';

  it('uses the host PatternFly module when its version fits, then imports the exposed chunk', async () => {
    const hostTitle = { Title: 'host Title' };
    const s = start({ react, [KEY_TITLE]: { '6.4.3': provided(hostTitle) } });
    await s.init;
    const factory = await s.entry.get('Page');
    expect(factory()).toEqual({ default: `module at ${base}exposed-Page.abc.js` });
    expect(s.registry.require(KEY_TITLE)).toBe(hostTitle);
    expect(s.imported).toEqual([`${base}exposed-Page.abc.js`]);
    expect(s.appended).toEqual([`${base}assets/page.abc.css`]);
  });

  it.each([
    ['the host does not provide it', {}],
    ['the host version is outside the plugin range', { '6.3.0': provided({}) }],
  ])('loads the plugin fallback chunk when %s', async (_, versions) => {
    const s = start({ react, [KEY_TITLE]: versions });
    await s.init;
    await s.entry.get('Page');
    expect(s.imported).toEqual([`${base}chunks/pf-Title.abc.js`, `${base}exposed-Page.abc.js`]);
    expect(s.registry.require(KEY_TITLE)).toEqual({ default: `module at ${base}chunks/pf-Title.abc.js` });
  });

  it('retries a fallback that failed to download', async () => {
    const { win } = fakeWindow();
    let attempts = 0;
    const importModule = (url: string) =>
      url.includes('pf-Title') && ++attempts === 1
        ? Promise.reject(new Error('offline'))
        : Promise.resolve({ url });
    const entry = pluginEntryRuntime(config(), { satisfies, maxSatisfying }, importModule, win);
    await entry.init({ react });
    await expect(entry.get('Page')).rejects.toThrow('offline');
    await expect(entry.get('Page')).resolves.toBeTypeOf('function');
    expect(attempts).toBe(2);
  });

  it('rejects modules the plugin does not expose', async () => {
    const s = start({ react });
    await s.init;
    await expect(s.entry.get('Nope')).rejects.toThrow('demo-plugin: module Nope is not exposed');
  });
});
