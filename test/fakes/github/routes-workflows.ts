import { GitHubHttpError, notFound } from "./github-errors.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { WorkflowRecord } from "./state-records.js";

/**
 * `POST /actions/workflows/{workflow_id}/dispatches`: the workflow must be seeded
 * (state.addWorkflow), by id or file name; the ref must exist (422 "No ref found for: x"); inputs
 * the workflow does not declare are refused (422), as GitHub does. 204 with no body, or 200 with
 * the run's ids when `return_run_details` is true.
 * (https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event)
 */
export const workflowRoutes: RouteDefinition[] = [
  {
    route: "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    auth: "installation",
    permission: { names: ["actions"], level: "write" },
    handle: (ctx) => {
      const workflow = findWorkflow(ctx);
      const ref = String(ctx.body.ref);
      if (!ctx.state.resolveRef(ctx.repo, ref)) {
        throw new GitHubHttpError(422, {
          message: `No ref found for: ${ref}`,
          documentation_url: ctx.operation.documentationUrl,
          status: "422",
        });
      }
      const inputs = (ctx.body.inputs ?? {}) as Record<string, unknown>;
      const unexpected = workflow.inputs ? Object.keys(inputs).filter((name) => !workflow.inputs?.includes(name)) : [];
      if (unexpected.length > 0) {
        throw new GitHubHttpError(422, {
          message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}`,
          documentation_url: ctx.operation.documentationUrl,
          status: "422",
        });
      }
      ctx.repo.dispatches.push({
        workflowId: workflow.id,
        workflowPath: workflow.path,
        ref,
        inputs,
        at: ctx.state.timestamp(),
      });
      if (ctx.body.return_run_details !== true) return { status: 204 };
      const runId = ctx.state.nextId();
      return {
        status: 200,
        body: {
          workflow_run_id: runId,
          run_url: `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}/actions/runs/${runId}`,
          html_url: `https://github.com/${ctx.repo.fullName}/actions/runs/${runId}`,
        },
      };
    },
  },
];

function findWorkflow(ctx: RouteContext): WorkflowRecord {
  const key = String(ctx.params.workflow_id);
  const found = ctx.repo.workflows.find(
    (workflow) => String(workflow.id) === key || workflow.path.split("/").pop() === key || workflow.path === key,
  );
  if (!found) throw notFound(ctx.operation.documentationUrl);
  return found;
}
