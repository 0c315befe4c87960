/**
 * A bounded set of recently seen ids: remembers the last `capacity` ids added, forgetting the
 * oldest first. A Map keeps insertion order, so re-adding an id moves it to the young end.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 10_000) {
    if (!(capacity >= 1)) throw new RangeError(`RecentIds capacity must be at least 1, got ${capacity}`);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value as string;
      this.ids.delete(oldest);
    }
  }

  delete(id: string): void {
    this.ids.delete(id);
  }

  get size(): number {
    return this.ids.size;
  }
}
