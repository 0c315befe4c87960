import type { EmitterWebhookEvent, EmitterWebhookEventName } from "@octokit/webhooks";
import type { Logger } from "probot";
import type { GitHubClient } from "../github/github-client.js";
import type { ReviewJob } from "../queue/review-job.js";

/** One verified webhook delivery: its id (`X-GitHub-Delivery`), event name and parsed payload. */
export interface Delivery<E extends EmitterWebhookEventName> {
  id: string;
  name: E;
  payload: EmitterWebhookEvent<E>["payload"];
}

/**
 * What the App does with a delivery. `jobs` and `skip` are final; `ask-github` means the payload
 * alone cannot decide (a `/review` needs the author's permission) and the route's `resolve`
 * finishes on the main thread with an installation client.
 */
export type Decision =
  | { kind: "jobs"; event: string; jobs: ReviewJob[] }
  | { kind: "skip"; event: string; reason: string; details?: Record<string, unknown> }
  | { kind: "ask-github"; event: string };

/** What `resolve` gets besides the delivery: a client made on demand, and the log. */
export interface ResolveContext {
  octokit(): Promise<GitHubClient>;
  log: Logger;
}

export interface Route<E extends EmitterWebhookEventName> {
  /**
   * Decides on the payload alone. Pure (no I/O, no shared state), so the intake threads can run
   * it beside signature verification and parsing.
   */
  triage(delivery: Delivery<E>, context: TriageContext): Decision;
  /** Finishes an `ask-github` decision; needed only by routes that can return one. */
  resolve?(delivery: Delivery<E>, context: ResolveContext & TriageContext): Promise<Decision>;
}

/** Settings triage reads (plain data: it is copied to the intake threads). */
export interface TriageContext {
  /** The App's check run name (check_run.rerequested on other checks is not ours). */
  checkName: string;
}

/** Shorthands the routes use. */
export const skip = (event: string, reason: string, details?: Record<string, unknown>): Decision => ({ kind: "skip", event, reason, details });
export const jobs = (event: string, list: ReviewJob[]): Decision => ({ kind: "jobs", event, jobs: list });

/**
 * What the App answers, keyed `event.action` (e.g. `pull_request.opened`) or by event name. The
 * one table every intake path reads: the webhook front runs `triage` on its intake threads, and
 * `registerWith` wires the same routes into Probot for `probot.receive` and Probot's own server.
 */
export class DeliveryRoutes {
  readonly #routes = new Map<string, Route<never>>();

  on<E extends EmitterWebhookEventName>(names: E | readonly E[], route: Route<E>): this {
    for (const name of typeof names === "string" ? [names] : names) {
      if (this.#routes.has(name)) throw new Error(`a route for ${name} is already registered`);
      this.#routes.set(name, route as unknown as Route<never>);
    }
    return this;
  }

  /** The route for an event name and payload action, if the App answers it. */
  find(event: string, action: unknown): Route<never> | undefined {
    return (typeof action === "string" ? this.#routes.get(`${event}.${action}`) : undefined) ?? this.#routes.get(event);
  }

  names(): string[] {
    return [...this.#routes.keys()];
  }

  /**
   * Decides a delivery end to end: triage, then `resolve` when triage asks GitHub. `octokit` is
   * called only then. Undefined when no route answers the event.
   */
  async decide(delivery: Delivery<never>, context: ResolveContext & TriageContext): Promise<Decision | undefined> {
    const route = this.find(delivery.name, (delivery.payload as { action?: unknown }).action);
    if (!route) return undefined;
    const decision = route.triage(delivery, context);
    return decision.kind === "ask-github" ? resolveWith(route, delivery, context) : decision;
  }
}

/** Runs a route's `resolve` for an `ask-github` decision. */
export async function resolveWith(route: Route<never>, delivery: Delivery<never>, context: ResolveContext & TriageContext): Promise<Decision> {
  if (!route.resolve) throw new Error(`the route for ${delivery.name} asked GitHub but has no resolve step`);
  const decision = await route.resolve(delivery, context);
  if (decision.kind === "ask-github") throw new Error(`the route for ${delivery.name} asked GitHub twice`);
  return decision;
}
