import Handlebars from 'handlebars';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { assertNever } from '../model.js';

/** The keys a layout reads, inferred from its Handlebars AST so a new layout file needs no code. */

export type KeyShape =
  /** isAttribute: shown inside a tag (aria-label="{{x}}"), so it gets plain text, never markup. */
  | { readonly kind: 'text'; readonly isUrl: boolean; readonly isAttribute: boolean }
  | { readonly kind: 'list'; readonly item: KeyShape }
  | { readonly kind: 'map'; readonly keys: ReadonlyMap<string, KeyUse> }
  | { readonly kind: 'any' };

export interface KeyUse {
  readonly shape: KeyShape;
  /** False when every use sits inside {{#if key}} / {{#unless key}} / {{#if key.length}} on that same key, or the key is only tested. */
  readonly isRequired: boolean;
  /** From the layout's header comment. */
  readonly description?: string;
}

export interface LayoutKeys {
  readonly name: string;
  /** First line of the header comment: what the layout shows. */
  readonly description?: string;
  readonly keys: ReadonlyMap<string, KeyUse>;
}

/** "An item of this list" in a key path: `{{#each terms}}{{term}}` uses terms[ITEM].term. */
const ITEM = Symbol('item');
type Segment = string | typeof ITEM;
type KeyPath = readonly Segment[];

interface Use {
  readonly path: KeyPath;
  readonly kind: 'text' | 'list' | 'map' | 'any' | 'test';
  readonly isUrl: boolean;
  readonly isAttribute: boolean;
  /** Ids of the keys tested by the {{#if}}/{{#unless}} blocks around this use. */
  readonly guards: ReadonlySet<string>;
}

interface Scope {
  /** The context of each enclosing each/with/partial, root first; null where it is no key (a literal, @index). */
  readonly contexts: readonly (KeyPath | null)[];
  /** Block params (`as |item|`) and a partial's hash arguments. */
  readonly aliases: ReadonlyMap<string, KeyPath | null>;
  readonly guards: ReadonlySet<string>;
  /** Partials being expanded: a partial that includes itself is not expanded again. */
  readonly expanding: readonly string[];
  /** Shared by every scope of one analysis. */
  readonly walk: Walk;
}

interface Walk {
  readonly file: string;
  readonly partials: ReadonlyMap<string, string>;
  readonly uses: Use[];
  /** The end of the HTML written so far, to tell whether a mustache starts an href/src value. */
  tail: string;
}

interface AstNodes {
  MustacheStatement: hbs.AST.MustacheStatement;
  BlockStatement: hbs.AST.BlockStatement;
  PartialStatement: hbs.AST.PartialStatement;
  PartialBlockStatement: hbs.AST.PartialBlockStatement;
  ContentStatement: hbs.AST.ContentStatement;
  CommentStatement: hbs.AST.CommentStatement;
  PathExpression: hbs.AST.PathExpression;
  SubExpression: hbs.AST.SubExpression;
}

// Handlebars types every node as { type: string }; `type` names its interface, which Handlebars' own visitor relies on.
function isNode<K extends keyof AstNodes>(node: hbs.AST.Node, type: K): node is AstNodes[K] {
  return node.type === type;
}

const ANY = { kind: 'any', isUrl: false, isAttribute: false } as const;
// The HTML written so far ends inside an open tag: the mustache is (part of) an attribute's value.
const INSIDE_TAG = /<[a-zA-Z][^<>]*$/;
const URL_VALUE_START = /\b(?:href|src)\s*=\s*["']?\s*$/i;
// Handlebars' own test for `this.x` / `./x`: such paths skip block params.
const SCOPED = /^\.|this\b/;

export function analyzeLayout(input: {
  name: string;
  source: string;
  partials: ReadonlyMap<string, string>;
  provided: ReadonlySet<string>;
}): LayoutKeys {
  const file = `templates/layouts/${input.name}.hbs`;
  const program = parseTemplate(file, input.source);
  const walk: Walk = { file, partials: input.partials, uses: [], tail: '' };
  walkProgram(program, { contexts: [[]], aliases: new Map(), guards: new Set(), expanding: [], walk });
  const header = readHeader(program);
  const uses = walk.uses.filter((use) => typeof use.path[0] !== 'string' || !input.provided.has(use.path[0]));
  const keys = keysAt(uses, [], header.keys);
  return header.description === undefined ? { name: input.name, keys } : { name: input.name, description: header.description, keys };
}

// Handlebars' parser takes ~1 ms a template once warm and far more cold; every layout includes the same partials,
// so each source is parsed once per process (the AST is only read, never changed).
const parsedSources = new Map<string, hbs.AST.Program>();

function parseTemplate(file: string, source: string): hbs.AST.Program {
  const known = parsedSources.get(source);
  if (known !== undefined) return known;
  try {
    const program = Handlebars.parse(source);
    parsedSources.set(source, program);
    return program;
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new DeckError({ code: 'template', ...messages.template(file, detail), file }, { cause: error });
  }
}

function walkProgram(program: hbs.AST.Program | undefined, scope: Scope): void {
  for (const node of program?.body ?? []) {
    if (isNode(node, 'ContentStatement')) scope.walk.tail = (scope.walk.tail + node.value).slice(-200);
    else if (isNode(node, 'MustacheStatement')) walkMustache(node, scope);
    else if (isNode(node, 'BlockStatement')) walkBlock(node, scope);
    else if (isNode(node, 'PartialStatement') || isNode(node, 'PartialBlockStatement')) walkPartial(node, scope);
    // Comments and decorators read no keys.
  }
}

function walkMustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
  if (node.params.length === 0 && isNode(node.path, 'PathExpression')) {
    useExpression(
      node.path,
      { kind: 'text', isUrl: URL_VALUE_START.test(scope.walk.tail), isAttribute: INSIDE_TAG.test(scope.walk.tail) },
      scope,
    );
  } else {
    // `lookup` and `log`, the only other helpers knownHelpersOnly lets through: their arguments say nothing about shape.
    for (const argument of argumentsOf(node)) useExpression(argument, ANY, scope);
  }
  // A placeholder, so a second mustache in the same attribute value does not count as its start.
  scope.walk.tail += '\u0000';
}

function walkBlock(block: hbs.AST.BlockStatement, scope: Scope): void {
  const program: hbs.AST.Program | undefined = block.program;
  const inverse: hbs.AST.Program | undefined = block.inverse;
  const subject = block.params[0];
  const use = (kind: Use['kind']) =>
    subject === undefined ? null : useExpression(subject, { kind, isUrl: false, isAttribute: false }, scope);
  const branches = (inner: Scope, otherwise: Scope): void => {
    const tail = scope.walk.tail;
    walkProgram(program, inner);
    scope.walk.tail = tail;
    walkProgram(inverse, otherwise);
  };
  switch (block.path.original) {
    case 'if':
    case 'unless': {
      const tested = use('test');
      const guarded = tested === null ? scope : { ...scope, guards: new Set([...scope.guards, keyId(tested)]) };
      return branches(guarded, guarded);
    }
    case 'each': {
      const list = use('list');
      const item: KeyPath | null = list === null ? null : [...list, ITEM];
      return branches(enter(scope, item, blockParams(program, [item])), scope);
    }
    case 'with': {
      const map = use('map');
      return branches(enter(scope, map, blockParams(program, [map])), scope);
    }
    default: {
      // `{{#x}}…{{/x}}` iterates, enters or tests x depending on its value at run time: the keys inside are unknowable.
      useExpression(block.path, ANY, scope);
      return branches(enter(scope, null, []), scope);
    }
  }
}

function walkPartial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope): void {
  const name = isNode(node.name, 'PathExpression') && !node.name.data ? node.name.original : undefined;
  const source = name === undefined ? undefined : scope.walk.partials.get(name);
  const fallback: hbs.AST.Program | undefined = isNode(node, 'PartialBlockStatement') ? node.program : undefined;
  if (isNode(node.name, 'SubExpression')) useExpression(node.name, ANY, scope);
  const [context] = node.params;
  const target = context === undefined ? undefined : useExpression(context, ANY, scope);
  if (name !== undefined && source === undefined && fallback === undefined) {
    throw new DeckError({
      code: 'template',
      ...messages.template(scope.walk.file, `The partial ${name} could not be found`),
      file: scope.walk.file,
    });
  }
  if (name !== undefined && source !== undefined && !scope.expanding.includes(name)) {
    const pairs: readonly hbs.AST.HashPair[] | undefined = node.hash?.pairs;
    const aliases = new Map((pairs ?? []).map((pair) => [pair.key, aliasOf(pair.value, scope)]));
    const contexts = target === undefined ? scope.contexts : [...scope.contexts, target];
    walkProgram(parseTemplate(`templates/partials/${name}.hbs`, source), {
      ...scope,
      contexts,
      aliases,
      expanding: [...scope.expanding, name],
    });
  }
  walkProgram(fallback, scope);
}

// `{{> card title=heading}}`: inside the partial, {{title}} reads heading; a literal or helper result is no key.
function aliasOf(value: hbs.AST.Expression, scope: Scope): KeyPath | null {
  if (isNode(value, 'PathExpression')) return resolvePath(value, scope);
  if (isNode(value, 'SubExpression')) useExpression(value, ANY, scope);
  return null;
}

function enter(scope: Scope, context: KeyPath | null, params: readonly (readonly [string, KeyPath | null])[]): Scope {
  return { ...scope, contexts: [...scope.contexts, context], aliases: new Map([...scope.aliases, ...params]) };
}

// `as |item index|`: the second name is @index, not a key.
function blockParams(program: hbs.AST.Program | undefined, values: readonly (KeyPath | null)[]): [string, KeyPath | null][] {
  const names: readonly string[] | undefined = program?.blockParams;
  return (names ?? []).map((name, index) => [name, values[index] ?? null]);
}

function argumentsOf(node: { readonly params: readonly hbs.AST.Expression[]; readonly hash?: hbs.AST.Hash }): hbs.AST.Expression[] {
  const pairs: readonly hbs.AST.HashPair[] | undefined = node.hash?.pairs;
  return [...node.params, ...(pairs ?? []).map((pair) => pair.value)];
}

/** Records the use of a path (or of a subexpression's arguments) and returns the key path it names, if any. */
function useExpression(node: hbs.AST.Expression, how: Pick<Use, 'kind' | 'isUrl' | 'isAttribute'>, scope: Scope): KeyPath | null {
  if (isNode(node, 'SubExpression')) {
    for (const argument of argumentsOf(node)) useExpression(argument, ANY, scope);
    return null;
  }
  const resolved = isNode(node, 'PathExpression') ? resolvePath(node, scope) : null;
  // The root itself (`{{> header this}}`) is a context but not a key.
  if (resolved === null || resolved.length === 0) return resolved;
  // `x.length` asks about x (a list's size), not about a key named length.
  const isLength = resolved.length > 1 && resolved.at(-1) === 'length' && how.kind !== 'list' && how.kind !== 'map';
  const path = isLength ? resolved.slice(0, -1) : resolved;
  const kind = isLength && how.kind !== 'test' ? 'any' : how.kind;
  scope.walk.uses.push({ path, kind, isUrl: how.isUrl && !isLength, isAttribute: how.isAttribute && !isLength, guards: scope.guards });
  return path;
}

function resolvePath(path: hbs.AST.PathExpression, scope: Scope): KeyPath | null {
  const parts = path.parts.map((part): Segment => (/^\d+$/.test(part) ? ITEM : part));
  // @index, @first, @last, @key are Handlebars' own; only @root leads to keys.
  if (path.data) return path.parts[0] === 'root' ? parts.slice(1) : null;
  const head = path.parts[0];
  const alias = head === undefined ? undefined : scope.aliases.get(head);
  if (alias !== undefined && path.depth === 0 && !SCOPED.test(path.original)) return alias === null ? null : [...alias, ...parts.slice(1)];
  // `../` climbs one each/with/partial context; an {{#if}} adds none, as in Handlebars 4.
  const context = scope.contexts[Math.max(0, scope.contexts.length - 1 - path.depth)];
  return context === undefined || context === null ? null : [...context, ...parts];
}

function keyId(path: KeyPath): string {
  return JSON.stringify(path.map((segment) => (segment === ITEM ? null : segment)));
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return path.length >= prefix.length && prefix.every((segment, index) => path[index] === segment);
}

/** The keys under `prefix`, in the order the template first uses them. */
function keysAt(uses: readonly Use[], prefix: KeyPath, docs: ReadonlyMap<string, string>): Map<string, KeyUse> {
  const names = [...new Set(uses.flatMap((use) => (startsWith(use.path, prefix) ? [use.path[prefix.length]] : [])))];
  const keys = new Map<string, KeyUse>();
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const path = [...prefix, name];
    const description = docs.get(path.filter((segment) => segment !== ITEM).join('.'));
    const shape = shapeAt(uses, path, docs);
    const isRequired = uses.some((use) => isRequiring(use, path));
    keys.set(name, description === undefined ? { shape, isRequired } : { shape, isRequired, description });
  }
  return keys;
}

// A test of the key itself tolerates its absence; a test of key.y still reads key (strict mode throws on a missing parent).
function isRequiring(use: Use, path: KeyPath): boolean {
  if (!startsWith(use.path, path) || use.guards.has(keyId(path))) return false;
  return use.kind !== 'test' || use.path.length > path.length;
}

/** A list wins over a map, a map over text: the more structure a template reads, the more a slide must give. */
function shapeAt(uses: readonly Use[], path: KeyPath, docs: ReadonlyMap<string, string>): KeyShape {
  const here = uses.filter((use) => use.path.length === path.length && startsWith(use.path, path));
  const below = uses.filter((use) => use.path.length > path.length && startsWith(use.path, path));
  if (here.some((use) => use.kind === 'list') || below.some((use) => use.path[path.length] === ITEM)) {
    return { kind: 'list', item: shapeAt(uses, [...path, ITEM], docs) };
  }
  if (here.some((use) => use.kind === 'map') || below.length > 0) return { kind: 'map', keys: keysAt(uses, path, docs) };
  const texts = here.filter((use) => use.kind === 'text');
  return texts.length > 0
    ? { kind: 'text', isUrl: texts.some((use) => use.isUrl), isAttribute: texts.some((use) => use.isAttribute || use.isUrl) }
    : { kind: 'any' };
}

const DOC_LINE = /^([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*)\s*:\s*(\S.*)$/;

/** `{{!-- What the layout shows \n key: what it is \n terms.term: … --}}` at the top of a layout. */
function readHeader(program: hbs.AST.Program): { description?: string; keys: ReadonlyMap<string, string> } {
  const first = program.body.find((node) => !isNode(node, 'ContentStatement') || node.value.trim() !== '');
  if (first === undefined || !isNode(first, 'CommentStatement')) return { keys: new Map() };
  const [description, ...lines] = first.value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const keys = new Map(
    lines.flatMap((line): [string, string][] => {
      const match = DOC_LINE.exec(line);
      return match?.[1] === undefined || match[2] === undefined ? [] : [[match[1], match[2].trim()]];
    }),
  );
  return description === undefined ? { keys } : { description, keys };
}

export interface KeyProblem {
  readonly kind:
    | 'unknown-key'
    | 'missing-key'
    | 'expected-text'
    | 'expected-list'
    | 'expected-map'
    | 'empty-text'
    | 'empty-list'
    | 'not-http-url';
  /** Full data path, e.g. ['slides', 3, 'terms', 0, 'term']; for a key problem it ends with that key. */
  readonly path: readonly (string | number)[];
  /** For unknown/missing. */
  readonly key?: string;
  /** The keys allowed at that spot, for "did you mean". */
  readonly allowed?: readonly string[];
}

type DataPath = readonly (string | number)[];

/** Check one slide's value (an unknown parsed from YAML) against the layout's keys. `skip` names keys the caller validates itself (layout, notes, table, chart…). */
export function checkSlideKeys(input: {
  layout: LayoutKeys;
  slide: unknown;
  path: readonly (string | number)[];
  skip: ReadonlySet<string>;
}): KeyProblem[] {
  const keys = new Map([...input.layout.keys].filter(([key]) => !input.skip.has(key)));
  return checkMap({ value: input.slide, keys, path: input.path, skip: input.skip });
}

/** Present keys in the order the slide writes them, then the missing ones in the order the layout uses them. */
function checkMap(input: { value: unknown; keys: ReadonlyMap<string, KeyUse>; path: DataPath; skip: ReadonlySet<string> }): KeyProblem[] {
  const { value, keys, path, skip } = input;
  if (!isRecord(value)) return [{ kind: 'expected-map', path }];
  const allowed = [...keys.keys(), ...skip];
  const present = Object.entries(value).filter(([key]) => !skip.has(key));
  const checked = present.flatMap(([key, item]): KeyProblem[] => {
    const use = keys.get(key);
    if (use === undefined) return [{ kind: 'unknown-key', path: [...path, key], key, allowed }];
    // `key:` with nothing after it in YAML is null: the same as leaving the key out.
    return item === null || item === undefined ? [] : checkValue(item, use.shape, [...path, key]);
  });
  const missing = [...keys].filter(([key, use]) => use.isRequired && isAbsent(value, key));
  return [...checked, ...missing.map(([key]): KeyProblem => ({ kind: 'missing-key', path: [...path, key], key }))];
}

function checkValue(value: unknown, shape: KeyShape, path: DataPath): KeyProblem[] {
  switch (shape.kind) {
    case 'text':
      return checkText(value, shape.isUrl, path);
    case 'list':
      if (!Array.isArray(value)) return [{ kind: 'expected-list', path }];
      if (value.length === 0) return [{ kind: 'empty-list', path }];
      return value.flatMap((item: unknown, index) => checkValue(item, shape.item, [...path, index]));
    case 'map':
      return checkMap({ value, keys: shape.keys, path, skip: new Set() });
    case 'any':
      return [];
    default:
      return assertNever(shape);
  }
}

function checkText(value: unknown, isUrl: boolean, path: DataPath): KeyProblem[] {
  // An empty list item (`- `) is null: an empty text, not a wrong type.
  if (value === null) return [{ kind: 'empty-text', path }];
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return [{ kind: 'expected-text', path }];
  const text = String(value).trim();
  if (text === '') return [{ kind: 'empty-text', path }];
  return isUrl && !/^https?:\/\//i.test(text) ? [{ kind: 'not-http-url', path }] : [];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsent(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return !Object.hasOwn(record, key) || record[key] === null || record[key] === undefined;
}

/** A JSON Schema (draft-07) object for a slide of this layout; `extra` adds the properties the caller validates itself (layout, notes…). */
export function layoutJsonSchema(layout: LayoutKeys, extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const map = mapSchema(new Map([...layout.keys].filter(([key]) => !Object.hasOwn(extra, key))));
  const properties = isRecord(map.properties) ? map.properties : {};
  return {
    title: layout.name,
    ...(layout.description === undefined ? {} : { description: layout.description }),
    ...map,
    properties: { ...extra, ...properties },
  };
}

function mapSchema(keys: ReadonlyMap<string, KeyUse>): Record<string, unknown> {
  const properties = Object.fromEntries(
    [...keys].map(([key, use]) => [
      key,
      use.description === undefined ? shapeSchema(use.shape) : { description: use.description, ...shapeSchema(use.shape) },
    ]),
  );
  const required = [...keys].filter(([, use]) => use.isRequired).map(([key]) => key);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function shapeSchema(shape: KeyShape): Record<string, unknown> {
  switch (shape.kind) {
    case 'text':
      // YAML reads `2024` or `yes` as a number or boolean; the template prints them all the same.
      return shape.isUrl
        ? { type: 'string', format: 'uri', pattern: '^https?://' }
        : { type: ['string', 'number', 'boolean'], pattern: '\\S' };
    case 'list':
      return { type: 'array', minItems: 1, items: shapeSchema(shape.item) };
    case 'map':
      return mapSchema(shape.keys);
    case 'any':
      return {};
    default:
      return assertNever(shape);
  }
}
