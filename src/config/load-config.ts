import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "./config-error.js";
import { configSchema, type PatchwardenConfig } from "./schema.js";

/** The config with every default filled in (what an empty file means). */
export function defaultConfig(): PatchwardenConfig {
  return configSchema.parse({});
}

/**
 * Validates an already-parsed config object. Throws ConfigError whose message lists every bad
 * field path, so a repository owner can fix all of them in one edit.
 */
export function parseConfig(raw: unknown, source = ".github/patchwarden.yml"): PatchwardenConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new ConfigError(`invalid ${source}: ${issues.join("; ")}`, issues);
}

/** Parses YAML text into a validated config. */
export function parseConfigText(text: string, source = ".github/patchwarden.yml"): PatchwardenConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ConfigError(`invalid ${source}: not valid YAML (${reason})`, [`(root): ${reason}`]);
  }
  if (raw !== null && raw !== undefined && (typeof raw !== "object" || Array.isArray(raw))) {
    throw new ConfigError(`invalid ${source}: expected a mapping at the top level`, ["(root): expected a mapping"]);
  }
  return parseConfig(raw, source);
}

/** Reads and validates a config file from disk. */
export async function loadConfigFile(path: string): Promise<PatchwardenConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseConfigText(text, path);
}
