/**
 * Writes docs/rules.md from the rules catalogue (src/domain/manifests/rules/). `--check` exits 1 when the file
 * differs from what the code generates (src/domain/manifests/rules/catalogue.test.ts checks the same in
 * `npm run check`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown, rulesPerComponent } from '../src/domain/manifests/rules/markdown';

const file = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
const text = `${rulesMarkdown()}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current !== text) {
    console.error('docs/rules.md is out of date: run `npx tsx scripts/rules.ts`');
    process.exit(1);
  }
  console.log('docs/rules.md matches the rules catalogue');
} else {
  writeFileSync(file, text);
  console.log(`wrote docs/rules.md:`, rulesPerComponent());
}
