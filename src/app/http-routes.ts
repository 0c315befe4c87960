import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobQueue } from "../queue/review-job.js";
import type { AppMetrics } from "./metrics.js";

/** `/healthz` (liveness + queue depth) and `/metrics` (Prometheus) beside Probot's webhook route. */
export function createHttpHandler(deps: { queue: JobQueue; metrics: AppMetrics }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (path === "/healthz") {
      const depth = await deps.queue.depth().catch(() => undefined);
      const healthy = depth !== undefined;
      res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: healthy ? "ok" : "queue unavailable", queue: deps.queue.kind, depth }));
      return true;
    }
    if (path === "/metrics") {
      res.writeHead(200, { "content-type": deps.metrics.registry.contentType });
      res.end(await deps.metrics.registry.metrics());
      return true;
    }
    return false;
  };
}
