import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { getMetadataStorage } from 'class-validator';
import ts from 'typescript';
import { RESOURCES } from '../access/access-rules';
import { CONSTRAINT_MESSAGES, customMessageKey } from '../common/errors/validation-messages';
import { CATALOGS } from './translator';

/** Loads a DTO module by path, as jest's module system does. */
const load = createRequire(__filename);

const APP = join(__dirname, '..');

/** Which argument of which helper is a message (`notFound` builds "<subject> was not found."). */
const MESSAGE_ARGUMENTS: Record<string, { index: number; key?: (literal: string) => string }> = {
  msg: { index: 0 },
  fieldError: { index: 1 },
  forbidden: { index: 0 },
  invalidState: { index: 0 },
  DomainError: { index: 1 },
  notFound: { index: 0, key: (subject) => `${subject} was not found.` },
  requireInScope: { index: 3, key: (subject) => `${subject} was not found.` },
};
/** The helpers themselves pass their parameters on. */
const HELPER_FILES = new Set(['common/errors/domain-error.ts']);

function sourceFiles(): string[] {
  return readdirSync(APP, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => join(APP, file));
}

interface Found {
  keys: Set<string>;
  problems: string[];
}

function scanSource(): Found {
  const found: Found = { keys: new Set(), problems: [] };
  for (const path of sourceFiles()) {
    const name = relative(APP, path);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) =>
      `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const take = (node: ts.Expression, key: (literal: string) => string = (literal) => literal): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        found.keys.add(key(node.text));
      else if (ts.isConditionalExpression(node))
        [node.whenTrue, node.whenFalse].forEach((branch) => take(branch, key));
      else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((element) => take(element, key));
      else if (ts.isParenthesizedExpression(node)) take(node.expression, key);
      else if (ts.isTemplateExpression(node) || ts.isBinaryExpression(node)) {
        if (!HELPER_FILES.has(name)) {
          found.problems.push(`${where(node)}: build the message with msg('… {placeholder} …', { … })`);
        }
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const helper = ts.isIdentifier(callee) ? MESSAGE_ARGUMENTS[callee.text] : undefined;
        const argument = helper ? node.arguments?.[helper.index] : undefined;
        if (helper && argument) take(argument, helper.key);
      }
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'messages' &&
        ts.isArrayLiteralExpression(node.initializer)
      ) {
        take(node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Every DTO's constraints: their messages by constraint name, or the DTO's own message. */
function scanValidation(): Found {
  const found: Found = { keys: new Set(), problems: [] };
  for (const make of Object.values(CONSTRAINT_MESSAGES)) found.keys.add(make([1]).key);
  const dtos = sourceFiles().filter((path) => /[/\\]dto[/\\].+\.dto\.ts$/.test(path));
  for (const path of dtos) {
    const exports = load(path) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function') continue;
      for (const metadata of getMetadataStorage().getTargetValidationMetadatas(value, '', true, false)) {
        if (metadata.type !== 'nestedValidation' && typeof metadata.message === 'string')
          found.keys.add(customMessageKey(metadata.message));
        else if (
          metadata.type === 'customValidation' &&
          metadata.name &&
          !CONSTRAINT_MESSAGES[metadata.name]
        ) {
          found.problems.push(`${relative(APP, path)}: no message for the constraint ${metadata.name}`);
        }
      }
    }
  }
  return found;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      Object.values(element.options).forEach((option) => argumentsOf(option.value, into));
    }
  }
  return into;
}

describe('API message catalogs', () => {
  const source = scanSource();
  const validation = scanValidation();
  // The access service answers `notFound(<resource label>)` for any record kind it guards.
  const notFoundOfResources = Object.values(RESOURCES).map((resource) => `${resource.label} was not found.`);
  const keys = new Set([...source.keys, ...validation.keys, ...notFoundOfResources]);

  it('should find the messages of the error helpers and the DTOs when it scans the source', () => {
    expect(keys).toContain('Email or password is incorrect.');
    expect(keys).toContain('Brief was not found.');
    expect(keys).toContain('You cannot assign the role {role}.');
    expect(keys).toContain('{property} must be text.');
    expect(keys).toContain('A version needs at least one file.');
  });

  it('should find the texts of the notices and e-mails when it scans the source', () => {
    expect(keys).toContain('New brief: {briefTitle}');
    expect(keys).toContain('Estimated budget: {amount}.');
    expect(keys).toContain('Hello {name},');
    expect(keys).toContain('Set your password with this link. It works once, until {expiresAt}:');
  });

  it('should build every message from a literal or msg() when a message has values in it', () => {
    expect([...source.problems, ...validation.problems]).toEqual([]);
  });

  it.each(['ko', 'id'] as const)(
    'should translate every message and nothing else when the language is %s',
    (locale) => {
      const catalog = CATALOGS[locale];
      const missing = [...keys].filter((key) => !catalog[key]?.trim()).sort();
      const stale = Object.keys(catalog)
        .filter((key) => !keys.has(key))
        .sort();
      expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    },
  );

  it.each(['ko', 'id'] as const)(
    'should keep the placeholders of the English when the language is %s',
    (locale) => {
      const mismatched = Object.entries(CATALOGS[locale])
        .filter(([key, translation]) => {
          const english = [...argumentsOf(parse(key, { ignoreTag: true }))].sort();
          const translated = [...argumentsOf(parse(translation, { ignoreTag: true }))].sort();
          return english.join() !== translated.join();
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    },
  );
});
