import type Parser from "tree-sitter";

type Node = Parser.SyntaxNode;

/**
 * The property name a literal key denotes, normalized so that keys which reach the same slot
 * compare equal (`a`, `"a"`, `'a'`; `1`, `"1"`, `0x1`). Undefined when we can't tell statically:
 * computed keys, escapes, interpolation, prefixed Python strings.
 */
export function literalKeyName(key: Node | null | undefined): string | undefined {
  if (!key) return undefined;
  switch (key.type) {
    case "property_identifier":
    case "private_property_identifier":
    case "shorthand_property_identifier":
    case "identifier":
      return key.text;
    case "number": {
      const value = Number(key.text.replace(/_/g, ""));
      return Number.isFinite(value) ? String(value) : undefined;
    }
    case "integer": {
      // Python int keys: only plain decimals, so 1 / 1.0 / True aliasing never enters into it.
      return /^[0-9]+$/.test(key.text) ? String(BigInt(key.text)) : undefined;
    }
    case "string":
      return stringKey(key);
    default:
      return undefined;
  }
}

function stringKey(key: Node): string | undefined {
  if (key.descendantsOfType(["escape_sequence", "interpolation"]).length) return undefined;
  const start = key.namedChildren[0];
  if (start?.type === "string_start") {
    // Python: only unprefixed (or u"") strings; b"a" and "a" are different keys.
    if (!/^[uU]?["']+$/.test(start.text)) return undefined;
    return key.namedChildren.filter((c) => c.type === "string_content").map((c) => c.text).join("");
  }
  return key.text.slice(1, -1);
}
