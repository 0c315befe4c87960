import type { DiffModel } from "../../src/diff/diff-model.js";

/**
 * Every structural promise of a parsed DiffModel, as a list of violations (empty when it holds):
 * kinds carry the right line numbers, numbers grow on each side, hunk bodies match their
 * headers, counts add up, and files without text carry no hunks.
 */
export function modelViolations(model: DiffModel): string[] {
  const problems: string[] = [];
  for (const file of model.files) {
    const where = (what: string) => problems.push(`${file.path}: ${what}`);
    if (!file.path) where("empty path");
    if ((file.binary || file.status === "mode-changed") && file.hunks.length) where("binary/mode-only file with hunks");
    let lastOld = 0;
    let lastNew = 0;
    let adds = 0;
    let dels = 0;
    for (const hunk of file.hunks) {
      let oldCount = 0;
      let newCount = 0;
      for (const line of hunk.lines) {
        const { kind, oldLine, newLine } = line;
        if (kind === "add" && (newLine === undefined || oldLine !== undefined)) where(`add line numbered ${oldLine}/${newLine}`);
        if (kind === "del" && (oldLine === undefined || newLine !== undefined)) where(`del line numbered ${oldLine}/${newLine}`);
        if (kind === "context" && (oldLine === undefined || newLine === undefined)) where(`context line numbered ${oldLine}/${newLine}`);
        if (oldLine !== undefined) {
          if (!Number.isSafeInteger(oldLine) || oldLine <= lastOld) where(`old line ${oldLine} after ${lastOld}`);
          if (oldLine < hunk.oldStart || oldLine >= hunk.oldStart + hunk.oldLines) where(`old line ${oldLine} outside its hunk`);
          lastOld = oldLine;
          oldCount++;
        }
        if (newLine !== undefined) {
          if (!Number.isSafeInteger(newLine) || newLine <= lastNew) where(`new line ${newLine} after ${lastNew}`);
          if (newLine < hunk.newStart || newLine >= hunk.newStart + hunk.newLines) where(`new line ${newLine} outside its hunk`);
          lastNew = newLine;
          newCount++;
        }
        if (kind === "add") adds++;
        if (kind === "del") dels++;
        if (/[\r\n]$/.test(line.content)) where("content ends with CR/LF");
      }
      if (oldCount !== hunk.oldLines || newCount !== hunk.newLines) where(`hunk body ${oldCount}/${newCount} vs header ${hunk.oldLines}/${hunk.newLines}`);
    }
    if (adds !== file.additions || dels !== file.deletions) where(`counts ${file.additions}/${file.deletions} vs lines ${adds}/${dels}`);
  }
  return problems;
}
