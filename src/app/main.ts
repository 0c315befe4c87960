import { run } from "probot";
import app from "./index.js";

// `npm start`: Probot's own runner reads its standard environment (APP_ID, PRIVATE_KEY,
// WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL, GHE_HOST, ...) and, with no credentials yet, serves the
// setup page that registers the App from app.yml (manifest flow).
await run(app);
