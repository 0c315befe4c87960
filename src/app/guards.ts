/** The parts of a webhook sender the guards look at. */
export interface Sender {
  login: string;
  type?: string;
}

/** Bots (including this App) never trigger reviews or commands: no loops, no bot-driven spend. */
export function isBot(sender: Sender | null | undefined): boolean {
  if (!sender) return true;
  return sender.type === "Bot" || sender.login.endsWith("[bot]");
}
