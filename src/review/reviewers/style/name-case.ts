/** The identifier spellings a codebase can settle on. */
export type NameCase = "camelCase" | "PascalCase" | "snake_case" | "UPPER_CASE";

/**
 * The cases a name is consistent with, ignoring leading/trailing `_`, `$` and `#`. A single
 * lowercase word (`load`) fits both camelCase and snake_case; a single uppercase word (`URL`) fits
 * UPPER_CASE and PascalCase; mixed spellings (`visit_Name`) and one-letter names fit none, so they
 * neither teach a convention nor break one.
 */
export function casesOf(name: string): NameCase[] {
  const core = name.replace(/^[_$#]+|[_$]+$/g, "");
  if (core.length < 2 || /\$/.test(core)) return [];
  if (/^[a-z][a-z0-9]*$/.test(core)) return ["camelCase", "snake_case"];
  if (/^[A-Z][A-Z0-9]*$/.test(core)) return ["UPPER_CASE", "PascalCase"];
  if (/^[a-z][a-zA-Z0-9]*$/.test(core)) return ["camelCase"];
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(core)) return ["snake_case"];
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(core)) return ["UPPER_CASE"];
  if (/^[A-Z][a-zA-Z0-9]*$/.test(core)) return ["PascalCase"];
  return [];
}

function words(name: string): string[] {
  return name
    .replace(/^[_$#]+|[_$]+$/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Respells a name in the given case, keeping its leading underscores (`_fetch_user` → `_fetchUser`). */
export function respell(name: string, target: NameCase): string {
  const prefix = /^[_$#]*/.exec(name)![0];
  const parts = words(name);
  let core: string;
  switch (target) {
    case "camelCase":
      core = parts.map((w, i) => (i === 0 ? w : capitalize(w))).join("");
      break;
    case "PascalCase":
      core = parts.map(capitalize).join("");
      break;
    case "snake_case":
      core = parts.join("_");
      break;
    case "UPPER_CASE":
      core = parts.join("_").toUpperCase();
      break;
  }
  return prefix + core;
}
