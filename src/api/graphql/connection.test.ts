import { AppError } from "../../platform/errors";
import { encodeCursor, pageOf, toConnection } from "./connection";

describe("pageOf", () => {
  it("defaults to the first 20", () => {
    expect(pageOf({})).toEqual({ skip: 0, limit: 20 });
  });

  it("continues after a cursor", () => {
    expect(pageOf({ first: 5, after: encodeCursor(9) })).toEqual({ skip: 10, limit: 5 });
  });

  it.each([-1, 101, 2.5])("refuses first = %s with BAD_USER_INPUT", (first) => {
    expect(() => pageOf({ first })).toThrow(AppError);
    try {
      pageOf({ first });
    } catch (e) {
      expect((e as AppError).code).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses a cursor it did not make", () => {
    expect(() => pageOf({ after: "garbage" })).toThrow(/not a cursor/);
    expect(() => pageOf({ after: Buffer.from("o:-3").toString("base64url") })).toThrow(/not a cursor/);
  });

  // Number() reads all of these as whole numbers; none is an offset encodeCursor writes.
  it.each([
    "bzoxZTMwMA",
    ...["o:1e3", "o:1.0", "o: 7", "o:0x10", "o:07", "o:9007199254740993"].map((raw) =>
      Buffer.from(raw).toString("base64url"),
    ),
  ])("refuses the crafted cursor %s with BAD_USER_INPUT", (after) => {
    expect(() => pageOf({ after })).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });

  it("accepts the largest offset it can write", () => {
    expect(pageOf({ after: encodeCursor(Number.MAX_SAFE_INTEGER - 1) }).skip).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("toConnection", () => {
  it("numbers edges from the page start and says whether more follow", () => {
    const c = toConnection(["a", "b"], 5, { skip: 2, limit: 2 });
    expect(c.edges.map((e) => e.cursor)).toEqual([encodeCursor(2), encodeCursor(3)]);
    expect(c.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(2),
      endCursor: encodeCursor(3),
    });
    expect(toConnection([], 5, { skip: 5, limit: 2 }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
