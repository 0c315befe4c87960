export type Settings = Record<string, unknown>;

const STRIPE_KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXk2rV9bNw4QeGm8sTcY3uPa";

export function readSetting(settings: Settings, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(settings, key) ? settings[key] : undefined;
}

export function setPath(target: any, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (let i = 0; i < keys.length - 1; i++) {
    node[keys[i]] = node[keys[i]] ?? {};
    node = node[keys[i]];
  }
  node[keys[keys.length - 1]] = value;
}

export function sessionToken(): string {
  const token = Math.random().toString(36).slice(2);
  return token;
}

export function parseSettings(text: string): Settings {
  try {
    return JSON.parse(text);
  } catch (e) {}
  return {};
}
