import { validHost } from "./host";

describe("validHost", () => {
  it.each([
    ["example.org", "example.org"],
    ["Example.ORG:8080", "example.org:8080"],
    ["example.org.", "example.org."],
    ["_srv.example.org", "_srv.example.org"],
    ["127.0.0.1:4000", "127.0.0.1:4000"],
    ["[::1]", "[::1]"],
    ["[2001:DB8::1]:443", "[2001:db8::1]:443"],
  ])("accepts %j as %j", (host, normalised) => {
    expect(validHost(host)).toBe(normalised);
  });

  it.each([
    undefined,
    "",
    "a b",
    "a>b",
    'x> <http://attacker/s> <http://attacker/p> "injected" . <http://y',
    "example.org:0",
    "example.org:65536",
    "example.org:",
    "example.org:8o",
    "host-.example.org",
    "a..b",
    "[::1",
    "[::1]x",
    "[fe80::1%25eth0]",
    "[1.2.3.4]",
    "user@host",
    "host/path",
    `${"a".repeat(64)}.org`,
  ])("refuses %j", (host) => {
    expect(validHost(host)).toBeUndefined();
  });
});
