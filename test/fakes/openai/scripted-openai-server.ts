import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ScriptedAnswer } from "./scripted-answers.js";

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body (undefined when it was not JSON). */
  body: any;
}

/** A running fake; `url` is the `/v1` base URL to hand the openai SDK. */
export interface ScriptedOpenAiServer {
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests the script had no answer for (each got a 500); tests assert this stays empty. */
  unexpected: RecordedRequest[];
  /** Appends answers to the script. */
  push(...answers: ScriptedAnswer[]): void;
  /** Answers not used yet. */
  remaining(): number;
  close(): Promise<void>;
}

/**
 * A loopback OpenAI-compatible server for tests: `POST /v1/chat/completions` replays the script
 * in order, answering in OpenAI's response shape; anything else is a 404 in OpenAI's error shape.
 */
export async function startScriptedOpenAiServer(script: ScriptedAnswer[] = []): Promise<ScriptedOpenAiServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  let sequence = 0;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const recorded: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: parseJson(raw) };
    requests.push(recorded);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      return send(res, 404, {}, { error: { message: `Unknown route ${req.method} ${req.url}`, type: "invalid_request_error", param: null, code: null } });
    }
    const answer = queue.shift();
    if (!answer) {
      unexpected.push(recorded);
      return send(res, 500, {}, { error: { message: "scripted server: script exhausted", type: "server_error", param: null, code: null } });
    }
    const reply = () => {
      if (answer.kind === "error") return send(res, answer.status, answer.headers ?? {}, { error: answer.error });
      sequence += 1;
      const usage = answer.usage ? { ...answer.usage, total_tokens: answer.usage.prompt_tokens + answer.usage.completion_tokens } : undefined;
      send(res, 200, { "x-request-id": `req_${sequence}` }, {
        id: `chatcmpl-fake-${sequence}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: answer.model ?? recorded.body?.model ?? "unknown",
        choices: [{ index: 0, message: { role: "assistant", content: answer.content, refusal: answer.refusal ?? null }, logprobs: null, finish_reason: answer.finishReason }],
        ...(usage ? { usage } : {}),
      });
    };
    if (!answer.delayMs) return reply();
    const timer = setTimeout(reply, answer.delayMs);
    // The client gave up (timeout or abort): drop the late answer instead of writing to a dead socket.
    res.on("close", () => clearTimeout(timer));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    unexpected,
    push: (...answers) => void queue.push(...answers),
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
