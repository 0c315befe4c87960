import { readFileSync } from "node:fs";
import { ConfigError } from "../config/config-error.js";
import { DiffParseError } from "../diff/diff-error.js";
import { REVIEW_USAGE, runReviewCommand, type CommandIo } from "./review-command.js";
import { runWorkerCommand } from "./worker-command.js";
import { UsageError } from "./usage-error.js";
import { packageVersion } from "./package-version.js";

const USAGE = `Usage: patchwarden <command> [options]

Commands:
  review     review a change (a diff file, stdin, or your branch against its base)
  worker     run review workers on the Redis queue (scale-out beside the App)

Run 'patchwarden <command> --help' for a command's options.

${REVIEW_USAGE}`;

const defaultIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0, "utf8"),
  cwd: process.cwd(),
};

/** Runs the CLI and returns the exit status; bad input is one line on stderr and status 2. */
export async function main(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "review":
        return await runReviewCommand(rest, io);
      case "worker":
        return await runWorkerCommand(rest, io);
      case "--version":
      case "-v":
        io.stdout(`${packageVersion()}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}' (try 'patchwarden --help')`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof DiffParseError) {
      io.stderr(`patchwarden: ${err.message.split("\n")[0]}\n`);
      return 2;
    }
    throw err;
  }
}
