import { invalidRequest, notFound, unprocessable } from "./github-errors.js";
import { checkRunJson } from "./json-views-app.js";
import { paginate } from "./pagination.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { AnnotationRecord, CheckRunRecord } from "./state-records.js";

const READ = { names: ["checks"], level: "read" as const };
const WRITE = { names: ["checks"], level: "write" as const };
// "The Checks API limits the number of annotations to a maximum of 50 per API request. To create
// more than 50 annotations, you have to make multiple requests to the Update a check run endpoint.
// Each time you update the check run, annotations are appended to the list of annotations that
// already exist." (https://docs.github.com/rest/checks/runs#update-a-check-run)
const MAX_ANNOTATIONS_PER_REQUEST = 50;

/** Check runs (https://docs.github.com/rest/checks/runs). */
export const checkRunRoutes: RouteDefinition[] = [
  {
    route: "POST /repos/{owner}/{repo}/check-runs",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const headSha = String(ctx.body.head_sha);
      if (!ctx.state.resolveRef(ctx.repo, headSha)) {
        throw unprocessable([`No commit found for SHA: ${headSha}`], ctx.operation.documentationUrl);
      }
      const run: CheckRunRecord = {
        id: ctx.state.nextId(),
        repo: ctx.repo.fullName,
        name: String(ctx.body.name),
        headSha,
        status: "queued",
        conclusion: null,
        startedAt: ctx.state.timestamp(),
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        actions: [],
        checkSuiteId: ctx.state.stableId(`check-suite:${ctx.repo.fullName}:${headSha}`),
        appId: ctx.state.options.appId,
        requests: [],
      };
      applyChanges(ctx, run);
      ctx.state.checkRunsById.set(run.id, run);
      return { status: 201, body: checkRunJson(ctx.views, run) };
    },
  },
  {
    route: "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const run = requireRun(ctx);
      applyChanges(ctx, run);
      return { status: 200, body: checkRunJson(ctx.views, run) };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/check-runs/{check_run_id}",
    auth: "installation",
    permission: READ,
    handle: (ctx) => ({ status: 200, body: checkRunJson(ctx.views, requireRun(ctx)) }),
  },
  {
    route: "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const page = paginate(requireRun(ctx).annotations, ctx.query, ctx.url);
      return {
        status: 200,
        body: page.items.map((annotation) => ({ ...annotation, blob_href: "", start_column: annotation.start_column ?? null, end_column: annotation.end_column ?? null })),
        headers: page.headers,
      };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const sha = ctx.state.resolveRef(ctx.repo, String(ctx.params.ref));
      if (!sha) throw notFound(ctx.operation.documentationUrl);
      let runs = [...ctx.state.checkRunsById.values()]
        .filter((run) => run.repo === ctx.repo.fullName && run.headSha === sha)
        .filter((run) => ctx.query.check_name === undefined || run.name === ctx.query.check_name)
        .filter((run) => ctx.query.status === undefined || run.status === ctx.query.status)
        .sort((a, b) => b.id - a.id);
      // `filter=latest` (the default) keeps the most recent run of each name.
      if (ctx.query.filter !== "all") {
        const latest = new Map<string, CheckRunRecord>();
        for (const run of runs) if (!latest.has(run.name)) latest.set(run.name, run);
        runs = [...latest.values()];
      }
      const page = paginate(runs, ctx.query, ctx.url);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: page.items.map((run) => checkRunJson(ctx.views, run)) },
        headers: page.headers,
      };
    },
  },
];

/**
 * Applies a create/update body. "Providing conclusion will automatically set the status
 * parameter to completed"; a completed run needs a conclusion; annotations append.
 */
function applyChanges(ctx: RouteContext, run: CheckRunRecord): void {
  const body = ctx.body;
  const output = body.output as
    | { title?: string; summary?: string; text?: string; annotations?: AnnotationRecord[] }
    | undefined;
  const annotations = output?.annotations ?? [];
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
    throw invalidRequest(
      [`For 'properties/output/properties/annotations', ${annotations.length} items is more than the maximum of ${MAX_ANNOTATIONS_PER_REQUEST}.`],
      ctx.operation.documentationUrl,
    );
  }
  const conclusion = typeof body.conclusion === "string" ? body.conclusion : run.conclusion;
  const status = typeof body.conclusion === "string" ? "completed" : typeof body.status === "string" ? body.status : run.status;
  if (status === "completed" && !conclusion) {
    throw invalidRequest([`"conclusion" wasn't supplied.`], ctx.operation.documentationUrl);
  }
  run.requests.push(structuredClone(body));
  if (typeof body.name === "string") run.name = body.name;
  if (typeof body.details_url === "string") run.detailsUrl = body.details_url;
  if (typeof body.external_id === "string") run.externalId = body.external_id;
  if (typeof body.started_at === "string") run.startedAt = body.started_at;
  run.status = status;
  run.conclusion = status === "completed" ? conclusion : null;
  if (status === "completed") {
    run.completedAt = typeof body.completed_at === "string" ? body.completed_at : (run.completedAt ?? ctx.state.timestamp());
  }
  if (output) {
    if (output.title !== undefined) run.output.title = output.title;
    if (output.summary !== undefined) run.output.summary = output.summary;
    if (output.text !== undefined) run.output.text = output.text;
    run.annotations.push(...annotations);
  }
  if (Array.isArray(body.actions)) run.actions = body.actions as CheckRunRecord["actions"];
}

function requireRun(ctx: RouteContext): CheckRunRecord {
  const run = ctx.state.checkRunsById.get(Number(ctx.params.check_run_id));
  if (!run || run.repo !== ctx.repo.fullName) throw notFound(ctx.operation.documentationUrl);
  return run;
}
