#!/usr/bin/env node
// The package's executable: runs the built CLI (`npm run build` first).
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`patchwarden: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
