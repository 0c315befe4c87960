/**
 * GitHub REST route templates (`/repos/{owner}/{repo}/pulls/{pull_number}`) turned into matchers,
 * so the loopback stand-in can count requests the way GitHub's docs name them rather than by
 * concrete path (every PR number would otherwise be its own row).
 */

/** A compiled template: `{name}` takes one path segment, `{name+}` the rest of the path. */
export interface RouteTemplate {
  /** The template as GitHub writes it (`{path}`, without the `+`). */
  template: string;
  match(path: string): Record<string, string> | undefined;
}

/** Compiles a template; parameters are URL-decoded when matched (octokit encodes `/` in `{path}`). */
export function compileRoute(template: string): RouteTemplate {
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]);
      return param[2] ? "(.+)" : "([^/]+)";
    })
    .join("/");
  const pattern = new RegExp(`^${source}$`);
  return {
    template: template.replace(/\{(\w+)\+\}/g, "{$1}"),
    match(path) {
      const found = pattern.exec(path);
      if (!found) return undefined;
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
    },
  };
}
