import { callerOf, mayRead, mutationsEnabled } from "./auth";

const settings = {
  curatorToken: "single-token",
  curatorTokens: [
    { name: "alice", token: "alice-token" },
    { name: "bob", token: "bob-token" },
  ],
  readToken: "read-token",
};

describe("callerOf", () => {
  it("names the curator whose token the request carries", () => {
    expect(callerOf("Bearer alice-token", settings)).toMatchObject({ curator: true, curatorName: "alice" });
    expect(callerOf("bearer  bob-token ", settings)).toMatchObject({ curator: true, curatorName: "bob" });
    expect(callerOf("Bearer single-token", settings)).toMatchObject({ curator: true, curatorName: "curator" });
  });

  it("is no curator with another token, a read token or none", () => {
    for (const header of ["Bearer alice-token2", "Bearer read-token", "Basic alice-token", undefined]) {
      expect(callerOf(header, settings)).toMatchObject({ curator: false, curatorName: null });
    }
  });

  it("enables mutations when any curator token is set", () => {
    expect(mutationsEnabled({ curatorToken: undefined, readToken: undefined })).toBe(false);
    expect(
      mutationsEnabled({ curatorToken: undefined, curatorTokens: settings.curatorTokens, readToken: undefined }),
    ).toBe(true);
    expect(callerOf(undefined, { curatorToken: undefined, readToken: undefined }).mutationsEnabled).toBe(false);
  });

  it("lets a named curator read where reads need a token", () => {
    expect(mayRead("Bearer bob-token", settings)).toBe(true);
    expect(mayRead("Bearer nobody", settings)).toBe(false);
  });
});
