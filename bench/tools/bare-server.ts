import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A running HTTP server on 127.0.0.1 and how to stop it. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Stops a node:http server, dropping kept-alive connections so close() does not wait on them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * The limit intake is measured against: a bare node:http server that reads each request's body
 * (a webhook receiver cannot answer before it has the delivery) and answers 202, nothing else.
 */
export async function startBareServer(): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(202, { "content-type": "text/plain", "content-length": 9 });
      res.end("accepted\n");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/github/webhooks`, close: () => closeServer(server) };
}
