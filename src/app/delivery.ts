import type { EmitterWebhookEvent, EmitterWebhookEventName } from "@octokit/webhooks";
import type { Probot } from "probot";
import type { GitHubClient } from "../github/github-client.js";

/**
 * One verified webhook delivery as a handler sees it: the delivery id, the event name, the
 * parsed payload, and an installation client made only when the handler asks for one. Most
 * handlers never do (they guard on the payload and enqueue), so the fast intake path builds no
 * Octokit for them; Probot's path passes the one its Context already holds.
 */
export interface Delivery<E extends EmitterWebhookEventName> {
  id: string;
  name: E;
  payload: EmitterWebhookEvent<E>["payload"];
  octokit(): Promise<GitHubClient>;
}

export type DeliveryHandler<E extends EmitterWebhookEventName> = (delivery: Delivery<E>) => Promise<void>;

/**
 * What the App answers, keyed `event.action` (e.g. `pull_request.opened`). The one table both
 * intake paths read: the webhook front (`webhook-front.ts`) dispatches on it directly, and the
 * same handlers are registered with Probot for `probot.receive` and Probot's own server.
 */
export class DeliveryRoutes {
  readonly #routes = new Map<string, DeliveryHandler<never>>();

  on<E extends EmitterWebhookEventName>(names: E | readonly E[], handler: DeliveryHandler<E>): this {
    for (const name of typeof names === "string" ? [names] : names) {
      if (this.#routes.has(name)) throw new Error(`a handler for ${name} is already registered`);
      this.#routes.set(name, handler as DeliveryHandler<never>);
    }
    return this;
  }

  /** The handler for an event name and payload action, if the App answers it. */
  find(event: string, action: unknown): DeliveryHandler<never> | undefined {
    return (typeof action === "string" ? this.#routes.get(`${event}.${action}`) : undefined) ?? this.#routes.get(event);
  }

  names(): string[] {
    return [...this.#routes.keys()];
  }

  /** Registers every route with Probot, handing each handler the Context's own Octokit. */
  registerWith(probot: Probot): void {
    for (const [name, handler] of this.#routes) {
      probot.on(name as EmitterWebhookEventName, async (context) => {
        await handler({
          id: context.id,
          name: context.name as never,
          payload: context.payload as never,
          octokit: async () => context.octokit as unknown as GitHubClient,
        });
      });
    }
  }
}
