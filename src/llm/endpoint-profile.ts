/** What an OpenAI-compatible endpoint accepts, learned from its 400 answers. */
export interface EndpointProfile {
  /** `json_schema` (structured outputs) until the endpoint rejects it; then `json_object` (JSON mode). */
  structuredOutput: "json_schema" | "json_object";
  /**
   * OpenAI's reasoning models refuse the deprecated `max_tokens`; many self-hosted servers know only
   * `max_tokens`. Starts from a guess by host and switches once when the endpoint names the other.
   */
  tokenLimitParam: "max_completion_tokens" | "max_tokens";
}

const MAX_PROFILES = 500;

/**
 * Endpoint profiles per base URL and model, kept for the life of the process so only the first
 * review against a JSON-mode-only server pays for the rejected request. One shared instance by
 * default; tests pass their own.
 */
export class EndpointProfiles {
  private readonly learned = new Map<string, EndpointProfile>();

  /** The profile to use for the next request. */
  get(baseURL: string, model: string): EndpointProfile {
    return this.learned.get(profileKey(baseURL, model)) ?? guessProfile(baseURL);
  }

  /** Records what a rejection taught about the endpoint. */
  learn(baseURL: string, model: string, change: Partial<EndpointProfile>): void {
    const key = profileKey(baseURL, model);
    const profile = { ...this.get(baseURL, model), ...change };
    // Model names come from repository config: bound the memory; forgetting costs one extra 400.
    if (!this.learned.has(key) && this.learned.size >= MAX_PROFILES) this.learned.delete(this.learned.keys().next().value as string);
    this.learned.set(key, profile);
  }
}

/** The profiles of this process. */
export const sharedEndpointProfiles = new EndpointProfiles();

/** True for OpenAI's own API and Azure OpenAI, which follow OpenAI's current parameter names. */
export function isOpenAiHosted(baseURL: string): boolean {
  const host = safeHost(baseURL);
  return host === "api.openai.com" || isAzureHost(host);
}

/** True for Azure OpenAI / Azure AI Foundry resource hosts. */
export function isAzureHost(host: string): boolean {
  return /\.(openai|cognitiveservices|services\.ai)\.azure\.com$/i.test(host);
}

/** The host of a URL, or "" when it is not one. */
export function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

function guessProfile(baseURL: string): EndpointProfile {
  return { structuredOutput: "json_schema", tokenLimitParam: isOpenAiHosted(baseURL) ? "max_completion_tokens" : "max_tokens" };
}

function profileKey(baseURL: string, model: string): string {
  return `${baseURL.replace(/\/+$/, "")} ${model}`;
}
