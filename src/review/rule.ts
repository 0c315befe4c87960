import type Parser from "tree-sitter";
import type { DiffFile, Side } from "../diff/diff-model.js";
import type { LanguageId } from "../code/languages.js";
import type { ParsedSource } from "../code/parse-source.js";
import type { Category, Severity } from "./finding.js";

/** What every static rule declares about itself. */
export interface RuleMeta {
  /** Stable id, `<category>/<kebab-name>`, e.g. `security/command-injection`. */
  id: string;
  category: Category;
  severity: Severity;
  /** Default confidence 0..1 (the gate's thresholds apply to it). */
  confidence: number;
  /** One line: why this matters. Shown in SARIF rule help and the summary. */
  rationale: string;
  /** Languages the rule understands; "text" rules run on any file, parsed or not. */
  languages: LanguageId[] | "any";
}

/** What a rule reports; the engine adds path, category, fingerprint and the meta defaults. */
export interface RawFinding {
  line: number;
  startLine?: number;
  /** Defaults to RIGHT (the new file). LEFT is for problems that are deletions. */
  side?: Side;
  message: string;
  suggestion?: string;
  confidence?: number;
  severity?: Severity;
}

/** A read-only view of the repository at the PR's head (files after the change). */
export interface RepoReader {
  /** Every file path in the repository (POSIX, relative to its root). */
  listFiles(): string[];
  /** The file's text, or undefined when absent or not text. */
  readFile(path: string): string | undefined;
}

/** One reviewable changed file as the rules see it. */
export interface FileContext {
  file: DiffFile;
  path: string;
  /** The new file's text (reconstructed from the diff's hunks when the repo lacks it). */
  newText: string;
  /** The old file's text (reverse-applied from the new text), "" for added files. */
  oldText: string;
  /** New-side syntax tree, when the language is parsed. */
  source?: ParsedSource;
  /** Old-side syntax tree, for diff-aware rules (deleted guards, deleted tests); parsed on first use. */
  readonly oldSource?: ParsedSource;
  /** New-side line numbers that the change adds. */
  addedLines: ReadonlySet<number>;
  /** Old-side line numbers that the change deletes. */
  deletedLines: ReadonlySet<number>;
  /** True when the file's new text was fully available (not reconstructed from hunks). */
  complete: boolean;
  /** The whole change, for rules that look across files. */
  change: ChangeContext;
  /** Contiguous runs of added lines, [first, last] (new side), in order. */
  addedRanges: ReadonlyArray<readonly [number, number]>;
  /** Contiguous runs of deleted lines, [first, last] (old side), in order. */
  deletedRanges: ReadonlyArray<readonly [number, number]>;
  /**
   * New-side nodes of these types that overlap an added line, in document order, each once.
   * Searches only the changed ranges: far cheaper than walking the whole tree (cached per call key).
   */
  addedNodes(types: string | string[]): Parser.SyntaxNode[];
  /** Old-side nodes of these types that overlap a deleted line (for diff-aware rules). */
  deletedNodes(types: string | string[]): Parser.SyntaxNode[];
  /** True when any line of the node (new side) is added by the change. */
  touchesAdded(node: Parser.SyntaxNode): boolean;
  /** Reports a finding for the rule being run. */
  report(finding: RawFinding): void;
}

export interface ChangeContext {
  files: FileContext[];
  repo: RepoReader;
  /** Finds a changed file by its new path. */
  fileAt(path: string): FileContext | undefined;
}

/** A static rule: per-file, per-change, or both. */
export interface Rule {
  meta: RuleMeta;
  checkFile?(ctx: FileContext): void;
  /** Whole-change check, run once; report through `reportAt`. */
  checkChange?(change: ChangeContext, reportAt: (path: string, finding: RawFinding) => void): void;
}
