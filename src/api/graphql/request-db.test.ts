import { Queryable, Row, WriteTx } from "../../platform/db/neo4j";
import { AppError } from "../../platform/errors";
import { RequestDb } from "./request-db";

// A database whose statements finish only when the test says so.
function slowDb() {
  const pending: { cypher: string; finish: () => void }[] = [];
  let active = 0;
  let most = 0;
  const run = (cypher: string) =>
    new Promise<Row[]>((resolve) => {
      active++;
      most = Math.max(most, active);
      pending.push({
        cypher,
        finish: () => {
          active--;
          resolve([{ cypher }]);
        },
      });
    });
  const db: Queryable = {
    read: run as Queryable["read"],
    write: run as Queryable["write"],
    transaction: <T>(work: (tx: WriteTx) => Promise<T>) => work({ run: run as WriteTx["run"] }),
  };
  const tick = () => new Promise((r) => setImmediate(r));
  return { db, pending, most: () => most, active: () => active, tick };
}

describe("RequestDb", () => {
  it("runs at most `concurrency` statements at once, the others in their order", async () => {
    const slow = slowDb();
    const rdb = new RequestDb(slow.db, { roundTrips: 100, concurrency: 2 });
    const answers = ["a", "b", "c", "d", "e"].map((c) => rdb.read(c));
    await slow.tick();
    expect(slow.pending.map((p) => p.cypher)).toEqual(["a", "b"]);
    slow.pending.shift()!.finish();
    await slow.tick();
    expect(slow.pending.map((p) => p.cypher)).toEqual(["b", "c"]);
    while (slow.pending.length) {
      slow.pending.shift()!.finish();
      await slow.tick();
    }
    expect((await Promise.all(answers)).map(([r]) => r.cypher)).toEqual(["a", "b", "c", "d", "e"]);
    expect(slow.most()).toBe(2);
    expect(rdb.roundTrips).toBe(5);
  });

  it("frees its slot when a statement fails", async () => {
    const failing: Queryable = {
      read: () => Promise.reject(new Error("boom")),
      write: () => Promise.reject(new Error("boom")),
      transaction: () => Promise.reject(new Error("boom")),
    };
    const rdb = new RequestDb(failing, { roundTrips: 100, concurrency: 1 });
    await expect(rdb.read("x")).rejects.toThrow("boom");
    await expect(rdb.read("y")).rejects.toThrow("boom");
  });

  it("refuses the statement past the round-trip limit with QUERY_TOO_COMPLEX, counting each in a transaction", async () => {
    const slow = slowDb();
    const rdb = new RequestDb(slow.db, { roundTrips: 3, concurrency: 4 });
    const first = rdb.read("a");
    const tx = rdb.transaction(async (t) => {
      const one = t.run("b");
      const two = t.run("c");
      await slow.tick();
      while (slow.pending.length) slow.pending.shift()!.finish();
      await Promise.all([one, two]);
      return t.run("d");
    });
    await expect(tx).rejects.toThrow(expect.objectContaining({ code: "QUERY_TOO_COMPLEX" }));
    await first;
    const late = await rdb.read("e").catch((e: unknown) => e);
    expect(late).toBeInstanceOf(AppError);
    expect((late as AppError).extensions).toMatchObject({ setting: "QUERY_MAX_ROUND_TRIPS", limit: 3 });
    expect(rdb.roundTrips).toBe(3);
  });
});
