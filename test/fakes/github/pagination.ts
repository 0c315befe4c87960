/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100) and `page` (from 1), with
 * a `Link` header naming the prev/next/last/first pages
 * (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).
 */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function paginate<T>(items: T[], query: Record<string, unknown>, requestUrl: URL): Page<T> {
  const perPage = clamp(Number(query.per_page ?? 30), 1, 100, 30);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = clamp(Number(query.page ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(requestUrl, page, lastPage);
  return { items: slice, headers: link ? { link } : {} };
}

function linkHeader(requestUrl: URL, page: number, lastPage: number): string | undefined {
  const at = (n: number): string => {
    const url = new URL(requestUrl.href);
    url.searchParams.set("page", String(n));
    return url.href;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) parts.push(`<${at(page + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (page > 1) parts.push(`<${at(1)}>; rel="first"`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
