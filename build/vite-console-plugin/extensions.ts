// console-extensions.json checks. The console only finds out about a bad extension when a user opens
// the page ("Missing module export" in the browser console), so the build checks what it can:
// the SDK's JSON schema, and that every `$codeRef` names an exposed module and an export it has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

export type EncodedExtension = { type: string; properties: Record<string, unknown>; flags?: unknown };

/** lib-core's code-ref syntax: `<module>` (default export) or `<module>.<export>`. */
const CODE_REF = /^([^.\s]+)(?:\.([^.\s]+))?$/;

/** Parses JSONC (console-extensions.json may carry comments, as with SDK-webpack). */
export const parseJsonc = (text: string): unknown => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // Copy a string literal verbatim, honouring escapes, so `//` inside strings survives.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  // Trailing commas are allowed in JSONC as well.
  return JSON.parse(out.replace(/,(\s*[\]}])/g, '$1'));
};

export const readExtensions = (file: string): EncodedExtension[] => {
  const parsed = parseJsonc(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must contain an array of extensions`);
  return parsed as EncodedExtension[];
};

type SchemaNode = { $ref?: string; anyOf?: SchemaNode[]; properties?: { type?: { const?: string } } };
type ExtensionsSchema = { definitions: Record<string, SchemaNode> };

/** Extension type -> its schema definition, walking SupportedExtension's nested anyOf groups. */
export const knownExtensionTypes = (schema: object): Map<string, string> => {
  const defs = (schema as ExtensionsSchema).definitions;
  const types = new Map<string, string>();
  const visit = (name: string) => {
    const def = defs[name];
    const type = def?.properties?.type?.const;
    if (type) types.set(type, name);
    def?.anyOf?.forEach((n) => n.$ref && visit(n.$ref.replace('#/definitions/', '')));
  };
  visit('SupportedExtension');
  return types;
};

/**
 * Schema errors, naming the extension index. The SDK schema is `anyOf [SupportedExtension,
 * CustomExtension]`, and CustomExtension accepts any type with any properties, so validating the file as
 * a whole never fails for a wrong property. Each extension of a known type is therefore validated
 * against its own definition; an unknown `console.*` type is most likely a typo.
 */
export const validateExtensionsSchema = (extensions: unknown[], schema: object): string[] => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'extensions');
  const types = knownExtensionTypes(schema);
  return extensions.flatMap((ext, index) => {
    const type = (ext as Partial<EncodedExtension> | null)?.type;
    const where = `console-extensions.json[${index}] (${typeof type === 'string' ? type : '?'})`;
    const def = (typeof type === 'string' && types.get(type)) || 'CustomExtension';
    const validate = ajv.getSchema(`extensions#/definitions/${def}`);
    if (!validate) throw new Error(`schema definition ${def} is missing`);
    const errors = validate(ext)
      ? []
      : (validate.errors ?? []).map((e) => {
          const extra =
            e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
          return `${where}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
        });
    if (def === 'CustomExtension' && typeof type === 'string' && type.startsWith('console.')) {
      errors.push(`${where}: unknown console extension type "${type}"`);
    }
    return errors;
  });
};

export const loadExtensionsSchema = (root: string): object =>
  JSON.parse(
    readFileSync(
      join(root, 'node_modules/@openshift-console/dynamic-plugin-sdk-webpack/schema/console-extensions.json'),
      'utf8',
    ),
  ) as object;

export type CodeRefUse = { index: number; path: string; ref: string };

/** Every `{"$codeRef": ...}` in the extensions, with where it sits. */
export const findCodeRefs = (extensions: EncodedExtension[]): CodeRefUse[] => {
  const found: CodeRefUse[] = [];
  const walk = (value: unknown, index: number, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, index, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      const ref = (value as Record<string, unknown>).$codeRef;
      if (ref !== undefined)
        found.push({ index, path, ref: typeof ref === 'string' ? ref : JSON.stringify(ref) });
      else Object.entries(value).forEach(([k, v]) => walk(v, index, `${path}.${k}`));
    }
  };
  extensions.forEach((e, index) => walk(e.properties, index, 'properties'));
  return found;
};

/**
 * Code-ref errors. `exportsOf(module)` lists a module's exports, or is undefined before the bundle exists
 * (then only the module names are checked).
 */
export const validateCodeRefs = (
  extensions: EncodedExtension[],
  exposedModules: Record<string, string>,
  exportsOf?: (module: string) => string[] | undefined,
): string[] =>
  findCodeRefs(extensions).flatMap(({ index, path, ref }) => {
    const where = `console-extensions.json[${index}] (${extensions[index]?.type ?? '?'}) ${path}: $codeRef "${ref}"`;
    const m = CODE_REF.exec(ref);
    if (!m) return [`${where} is not "<module>" or "<module>.<export>"`];
    const [, module = '', exportName = 'default'] = m;
    if (!(module in exposedModules)) {
      return [`${where} names module "${module}", which is not in consolePlugin.exposedModules`];
    }
    const exports = exportsOf?.(module);
    if (exports && !exports.includes(exportName)) {
      return [`${where}: module ${module} (${exposedModules[module]}) has no export "${exportName}"`];
    }
    return [];
  });
