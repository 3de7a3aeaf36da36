import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../shared/messages';
import { CATALOGUE } from './catalogue';
import { rulesMarkdown } from './markdown';

const root = join(import.meta.dirname, '..', '..', '..', '..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.includes('.test.') ? [p] : [];
  });

describe('rules catalogue', () => {
  it('names every issue code the validators can emit, and nothing else', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual(Object.keys(messages).sort());
  });

  it('docs/rules.md is what the catalogue generates (run `npx tsx scripts/rules.ts` after changing a rule)', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(`${rulesMarkdown()}\n`);
  });

  it('support-level rules are only ever warnings, and their message says OpenShift Virtualization does not support it', () => {
    const code = sources(join(root, 'src', 'domain'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const support = Object.entries(CATALOGUE).filter(([, r]) => r.level === 'support');
    expect(support.length).toBeGreaterThan(0);
    for (const [id] of support) {
      expect(messages[id as keyof typeof messages]).toMatch(/OpenShift Virtualization does not support/);
      expect(code).toContain(`'${id}'`);
      // Emitted through warn(), never err().
      expect(code).not.toMatch(new RegExp(`err\\([^()]*'${id}'`));
    }
  });
});
