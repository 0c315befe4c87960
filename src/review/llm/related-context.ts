import { posix } from "node:path";
import { resolveImportTargets, type ImportRef } from "../../code/imports.js";
import { parseSource, type ParsedSource } from "../../code/parse-source.js";
import { splitLines } from "../file-context.js";
import type { ChangeContext, FileContext } from "../rule.js";
import { isTestFile, isVendoredOrGenerated } from "../reviewers/coverage/path-roles.js";
import { matchesByName } from "../reviewers/coverage/test-reach.js";
import { calledNames, definitionsOf, importsOf, pickDefinition, type Definition } from "./code-lookup.js";
import { shownLine } from "./file-view.js";

/** A piece of repository code shown beside a change: a definition it calls, or a related test. */
export interface Snippet {
  path: string;
  /** The definition's name, or the test file's path. */
  name: string;
  startLine: number;
  endLine: number;
  text: string;
}

// A definition longer than this is shown by its first lines: callers need its signature.
const DEFINITION_HEAD_LINES = 8;
// Bounds the unchanged repository files one review parses to look for definitions.
const MAX_PARSED = 200;

/** Definitions and parsed files of one change, looked up lazily and cached across packing runs. */
export class RelatedContext {
  private readonly parsed = new Map<string, { source?: ParsedSource; defs: Map<string, Definition[]>; imports?: ImportRef[] }>();
  private pathSet: Set<string> | undefined;
  private listing: string[] | undefined;

  constructor(private readonly change: ChangeContext) {}

  // The repository listing is read only when a lookup needs it.
  private get paths(): Set<string> {
    this.pathSet ??= new Set(this.change.repo.listFiles());
    return this.pathSet;
  }

  private load(path: string) {
    let entry = this.parsed.get(path);
    if (entry) return entry;
    const changed = this.change.fileAt(path);
    if (!changed && this.parsed.size >= MAX_PARSED) return undefined;
    const source = changed ? changed.source : parseRepoFile(path, this.change.repo.readFile(path));
    entry = { source, defs: source ? definitionsOf(source) : new Map<string, Definition[]>() };
    this.parsed.set(path, entry);
    return entry;
  }

  /**
   * Definitions of the functions and classes called on `lines` of `ctx`, in order of first call:
   * found in the file itself, else in the repository modules it imports the name from. Names
   * without a definition in reach (built-ins, packages) are passed over.
   */
  calledDefinitions(ctx: FileContext, lines: ReadonlySet<number>): Snippet[] {
    const own = this.load(ctx.path);
    if (!own?.source) return [];
    const found: Snippet[] = [];
    for (const { name, member } of calledNames(ctx, lines)) {
      const local = pickDefinition(own.defs.get(name), member);
      if (local) {
        found.push(this.snippetOf(ctx.path, own.source, local));
        continue;
      }
      own.imports ??= importsOf(own.source);
      const remote = this.importedDefinition(ctx.path, own.imports, name, member);
      if (remote) found.push(remote);
    }
    return found;
  }

  private importedDefinition(fromPath: string, imports: ImportRef[], name: string, member: boolean): Snippet | undefined {
    const fileExists = (p: string) => this.paths.has(p) || this.change.fileAt(p) !== undefined;
    for (const ref of imports) {
      if (!ref.names.includes(name) && !ref.names.includes("*")) continue;
      for (const target of resolveImportTargets(fromPath, ref, fileExists)) {
        const entry = this.load(target);
        const def = entry?.source && pickDefinition(entry.defs.get(name), member);
        if (def && entry?.source) return this.snippetOf(target, entry.source, def);
      }
    }
    return undefined;
  }

  private snippetOf(path: string, source: ParsedSource, def: Definition): Snippet {
    const lines = splitLines(source.text);
    const shown = lines.slice(def.startLine - 1, Math.min(def.endLine, def.startLine - 1 + DEFINITION_HEAD_LINES)).map(shownLine);
    const rest = def.endLine - def.startLine + 1 - shown.length;
    if (rest > 0) shown.push(`  ⋮ (${rest} more lines)`);
    return { path, name: def.name, startLine: def.startLine, endLine: def.endLine, text: shown.join("\n") };
  }

  /**
   * The test file paired with a source file by name (`foo.ts` ↔ `foo.test.ts`, `test_foo.py`),
   * the nearest one when several are; undefined for tests themselves and unpaired files.
   */
  relatedTest(sourcePath: string): string | undefined {
    if (isTestFile(sourcePath) || isVendoredOrGenerated(sourcePath)) return undefined;
    this.listing ??= [...this.paths].filter((p) => isTestFile(p) && !isVendoredOrGenerated(p)).sort();
    const dir = posix.dirname(sourcePath);
    const candidates = this.listing.filter((p) => p !== sourcePath && matchesByName(p, sourcePath));
    const distance = (p: string) => (posix.dirname(p) === dir ? 0 : posix.dirname(posix.dirname(p)) === dir ? 1 : 2);
    candidates.sort((a, b) => distance(a) - distance(b) || a.length - b.length || a.localeCompare(b));
    return candidates[0];
  }

  /** A test file's text: whole when short, else only the lines that name its tests. */
  testSnippet(path: string, maxLines: number): Snippet | undefined {
    const text = this.change.fileAt(path)?.newText ?? this.change.repo.readFile(path);
    if (text === undefined) return undefined;
    const lines = splitLines(text);
    if (lines.length <= maxLines) return { path, name: path, startLine: 1, endLine: lines.length, text: lines.map(shownLine).join("\n") };
    const outline = lines.filter((l) => TEST_TITLE.test(l)).slice(0, maxLines).map(shownLine);
    return { path, name: path, startLine: 1, endLine: lines.length, text: [`(test names only: the file has ${lines.length} lines)`, ...outline].join("\n") };
  }
}

// Lines that open a suite or a test in the usual JavaScript and Python frameworks.
const TEST_TITLE = /^\s*(?:(?:describe|context|suite|it|test)(?:\.\w+)*\s*\(|(?:async\s+)?def\s+test_|class\s+Test)/;

function parseRepoFile(path: string, text: string | undefined): ParsedSource | undefined {
  return text === undefined ? undefined : parseSource(path, text);
}
