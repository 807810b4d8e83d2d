import { loadConfig } from "./config";

describe("PUBLIC_BASE_URL", () => {
  it("drops trailing slashes", () => {
    expect(loadConfig({ PUBLIC_BASE_URL: "https://data.example.org/pg/" }).publicBaseUrl).toBe(
      "https://data.example.org/pg",
    );
  });

  it.each(["data.example.org", "ftp://example.org", "https://example.org/a b", "https://x>/", "https://x/?q=1"])(
    "refuses %j at start-up",
    (value) => {
      expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
    },
  );
});

describe("POLICYGRAPH_CURATOR_TOKENS", () => {
  it("names each curator's token, beside the single unnamed one", () => {
    const config = loadConfig({
      POLICYGRAPH_CURATOR_TOKENS: " alice:s3cret-a , bob:s3:cret ",
      POLICYGRAPH_CURATOR_TOKEN: "single",
    });
    expect(config.curatorTokens).toEqual([
      { name: "alice", token: "s3cret-a" },
      { name: "bob", token: "s3:cret" },
    ]);
    expect(config.curatorToken).toBe("single");
    expect(loadConfig({}).curatorTokens).toEqual([]);
  });

  it.each([
    ["alice", /entry 1 is not name:token/],
    ["alice:ok,:tok-two", /entry 2: the name must be/],
    ["alice:", /entry 1 \(alice\) has an empty token/],
    ["alice:same,bob:same", /alice and bob have the same token/],
  ])("refuses %j at start-up without quoting a token", (value, message) => {
    let error: Error | undefined;
    try {
      loadConfig({ POLICYGRAPH_CURATOR_TOKENS: value });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/same,|tok-two/);
  });

  it("refuses a named token that is also the single curator token", () => {
    expect(() => loadConfig({ POLICYGRAPH_CURATOR_TOKENS: "alice:x", POLICYGRAPH_CURATOR_TOKEN: "x" })).toThrow(
      /alice and curator have the same token/,
    );
  });
});
