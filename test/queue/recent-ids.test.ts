import { RecentIds } from "../../src/queue/recent-ids.js";

describe("RecentIds", () => {
  it("forgets the least recently added id beyond its capacity", () => {
    const ids = new RecentIds(2);
    ids.add("a");
    ids.add("b");
    ids.add("a"); // refreshes a
    ids.add("c"); // evicts b
    expect([ids.has("a"), ids.has("b"), ids.has("c")]).toEqual([true, false, true]);
    expect(ids.size).toBe(2);
  });

  it("rejects a capacity below one", () => {
    expect(() => new RecentIds(0)).toThrow(RangeError);
  });
});
