import { readFileSync } from "node:fs";

let version: string | undefined;

/** patchwarden's own version, from its package.json. */
export function packageVersion(): string {
  if (!version) {
    const url = new URL("../../../package.json", import.meta.url);
    try {
      version = (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
    } catch {
      version = "0.0.0";
    }
  }
  return version;
}
