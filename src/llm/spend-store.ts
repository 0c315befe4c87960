/**
 * Spend per installation and UTC day, shared by every review of the process. An interface so a
 * database (the feedback store) can back it later and share it between workers.
 */
export interface InstallationSpendStore {
  /** USD spent by `installationId` on `day` (`YYYY-MM-DD`, UTC). */
  spentUsd(installationId: number, day: string): Promise<number>;
  /** Adds `usd` to `installationId`'s spend on `day`. */
  add(installationId: number, day: string, usd: number): Promise<void>;
}

/** The in-process store: counters keyed by installation and day; other days are forgotten. */
export class MemorySpendStore implements InstallationSpendStore {
  private readonly spent = new Map<string, number>();
  private day = "";

  async spentUsd(installationId: number, day: string): Promise<number> {
    return this.spent.get(`${installationId}:${day}`) ?? 0;
  }

  async add(installationId: number, day: string, usd: number): Promise<void> {
    // Only today's counters matter; dropping the rest keeps the map from growing for ever.
    if (day !== this.day) {
      for (const key of this.spent.keys()) if (!key.endsWith(`:${day}`)) this.spent.delete(key);
      this.day = day;
    }
    const key = `${installationId}:${day}`;
    this.spent.set(key, (this.spent.get(key) ?? 0) + usd);
  }
}

/** The store of this process, used when no other is given. */
export const sharedSpendStore: InstallationSpendStore = new MemorySpendStore();

/** The UTC day of `time` as `YYYY-MM-DD`. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
