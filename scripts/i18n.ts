/**
 * Keeps locales/en/plugin__vm-network-console-plugin.json in step with the source: every literal key passed to
 * `t('…')` in src/ and every `%plugin__vm-network-console-plugin~…%` in console-extensions.json. Keys are the
 * English text (console convention), so the English file maps each key to itself. The English issue texts of
 * the domain validators (domain/interfaces/messages.ts and domain/manifests/shared/messages.ts) are keys as well.
 *   npm run i18n          rewrite the file
 *   npm run i18n:check    fail (exit 1) naming missing and unused keys
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractKeys } from './i18nKeys';
import { interfaceMessages } from '../src/domain/interfaces/messages';
import { messages as manifestMessages } from '../src/domain/manifests/shared/messages';
import { DETAIL_LABELS, topologyMessages } from '../src/domain/topology/problems';
import { bridgeVsLocalnet, chooserTexts } from '../src/domain/guidance/chooser';
import { reachTexts } from '../src/domain/guidance/reach';

const LOCALE = 'locales/en/plugin__vm-network-console-plugin.json';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });

const keys = new Set<string>();
for (const file of [...sources('src'), 'console-extensions.json']) {
  for (const k of extractKeys(readFileSync(file, 'utf8'))) keys.add(k);
}
// Issue texts are keys too: the UI translates them with t(message, params) (src/components/IssueText.tsx).
for (const m of [
  ...Object.values(interfaceMessages),
  ...Object.values(manifestMessages),
  ...Object.values(topologyMessages),
  ...DETAIL_LABELS,
  ...chooserTexts,
  ...reachTexts,
  ...bridgeVsLocalnet.flat(),
])
  keys.add(m);
const sorted = [...keys].sort((a, b) => a.localeCompare(b, 'en'));
const wanted = JSON.stringify(Object.fromEntries(sorted.map((k) => [k, k])), null, 2) + '\n';

if (process.argv.includes('--check')) {
  const current = JSON.parse(readFileSync(LOCALE, 'utf8')) as Record<string, string>;
  const missing = sorted.filter((k) => !(k in current));
  const unused = Object.keys(current).filter((k) => !keys.has(k));
  if (missing.length || unused.length) {
    for (const k of missing) console.error(`missing in ${LOCALE}: ${JSON.stringify(k)}`);
    for (const k of unused) console.error(`unused in ${LOCALE}: ${JSON.stringify(k)}`);
    console.error('Run "npm run i18n" and commit locales/.');
    process.exit(1);
  }
  console.log(`i18n: ${sorted.length} keys, locales in step with the source.`);
} else {
  writeFileSync(LOCALE, wanted);
  console.log(`i18n: wrote ${sorted.length} keys to ${LOCALE}`);
}
