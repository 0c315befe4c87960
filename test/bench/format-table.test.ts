import { formatNumber, formatTable } from "../../bench/format-table.js";
import { median } from "../../bench/measure.js";

describe("formatNumber", () => {
  it.each([
    [1234.567, "1,235"],
    [12.345, "12.3"],
    [0.1234, "0.12"],
    [42, "42"],
  ])("formats %p as %p", (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe("median", () => {
  it.each([
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])("of %p is %p", (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it("is NaN without samples", () => {
    expect(median([])).toBeNaN();
  });
});

describe("formatTable", () => {
  it("right-aligns numeric columns, prints a dash for missing cells and lists the notes", () => {
    const text = formatTable({
      title: "T",
      columns: ["metric", "a", "b"],
      rows: [
        ["wall ms", 1500, undefined],
        ["findings", 3, "3 (1 posted)"],
      ],
      notes: ["median of 5"],
    });
    expect(text).toBe(
      [
        "### T",
        "",
        "| metric   |     a | b            |",
        "|----------|------:|--------------|",
        "| wall ms  | 1,500 | —            |",
        "| findings |     3 | 3 (1 posted) |",
        "",
        "- median of 5",
        "",
      ].join("\n"),
    );
  });
});
