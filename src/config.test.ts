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
