import express from "express";
import { AddressInfo } from "node:net";
import { Server } from "node:http";
import { AppError, ErrorCode } from "../errors";
import { httpErrorHandler } from "./http-errors";

// A real Express app whose one route fails with whatever the test sets, then the handler.
let failWith: unknown;
let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.post("/body", express.json({ limit: "10b" }), (_req, res) => void res.json({ ok: true }));
  app.get("/fail", (_req, _res, next) => next(failWith));
  app.use(httpErrorHandler);
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const fail = async (error: unknown) => {
  failWith = error;
  const res = await fetch(`${url}/fail`);
  return { status: res.status, text: await res.text() };
};

describe("httpErrorHandler", () => {
  it("answers body-parser's refusals with their status, BAD_USER_INPUT and the one JSON shape", async () => {
    const bad = await fetch(`${url}/body`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(body.errors[0].message).toMatch(/^The request body is not valid JSON: /);
    const big = await fetch(`${url}/body`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ a: "0123456789" }),
    });
    expect([big.status, await big.text()]).toEqual([
      413,
      '{"errors":[{"message":"The request body is over the size limit (10 bytes)","extensions":{"code":"BAD_USER_INPUT"}}]}',
    ]);
  });

  it("gives an exposed 404 (a missing asset) NOT_FOUND, not BAD_USER_INPUT", async () => {
    expect(await fail(Object.assign(new Error("Not Found"), { status: 404, expose: true }))).toEqual({
      status: 404,
      text: '{"errors":[{"message":"Not Found","extensions":{"code":"NOT_FOUND"}}]}',
    });
  });

  it("answers an AppError with its code's status and message", async () => {
    expect(await fail(new AppError(ErrorCode.FORBIDDEN, "no"))).toEqual({
      status: 403,
      text: '{"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}',
    });
  });

  it.each([
    ["a bug", new Error("secret /srv/x.ts")],
    ["a 500 that says it may be exposed", Object.assign(new Error("secret"), { status: 500, expose: true })],
    ["a 4xx that is not to be exposed", Object.assign(new Error("secret"), { status: 400 })],
    ["a string", "secret"],
    [
      "an error that throws when read",
      new Proxy(
        {},
        {
          get() {
            throw new Error("secret");
          },
          getPrototypeOf() {
            throw new Error("secret");
          },
        },
      ),
    ],
  ])("answers %s with 500 INTERNAL_SERVER_ERROR and nothing of it", async (_, error) => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await fail(error)).toEqual({
      status: 500,
      text: '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
