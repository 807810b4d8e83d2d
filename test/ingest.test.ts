import { Database, Params, Queryable, Row, WriteTx } from "../src/platform/db/neo4j";
import { AppError } from "../src/platform/errors";
import { ingestMany } from "../src/pipeline/ingest/ingest.bulk";
import { FIND_DOCUMENTS, WRITE_READOUTS } from "../src/pipeline/ingest/ingest.cypher";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { MAX_READOUT_BYTES } from "../src/pipeline/extraction/decode";
import { RunningServer } from "../src/server/app";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { ingestAll, readoutText } from "./support/readouts";
import { gql, testServer } from "./support/server";

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  server = await testServer(db);
});

afterAll(async () => {
  await server.close();
  await db.close();
});

describe("ingesting readouts", () => {
  it("creates each new readout and reports the same one again as unchanged, writing nothing", async () => {
    const first = await ingestAll(db);
    expect(first.map((o) => [o.status, o.reports])).toEqual([
      ["created", 2],
      ["created", 3],
      ["created", 2],
    ]);
    const before = await graphCounts(db);
    const again = await ingestReadoutText(db, readoutText("2022-01-28-districts"));
    expect(again.status).toBe("unchanged");
    expect(again.meetingId).toBe(first[1].meetingId);
    expect(await graphCounts(db)).toEqual(before);
    expect(before).toMatchObject({ Meeting: 4, Document: 4, Report: 12 });
  });

  it("makes one department node per real body across scripts and surface forms", async () => {
    const res = await gql(
      server,
      `{
      drc: department(id: "development-reform-commission") { name reports { subject meeting { date } } }
      sjs: department(id: "shijingshan-district") { name reports { subject meeting { date } } }
      all: departments(first: 100) { totalCount nodes { name } }
    }`,
    );
    expect(res.data!.drc.reports.map((r: any) => [r.subject, r.meeting.date])).toEqual([
      ["市發展改革委", "2022-05-31"],
      ["市发展改革委", "2022-03-31"],
    ]);
    expect(res.data!.sjs.name).toBe("石景山区");
    expect(res.data!.sjs.reports.map((r: any) => r.meeting.date)).toEqual(["2022-01-28", "2021-06-30"]);
    const names = res.data!.all.nodes.map((d: any) => d.name);
    expect(names.filter((n: string) => n.includes("石景山"))).toEqual(["石景山区"]);
    // The seed's 5 municipal departments and its directive's addressee (12345市民服务热线), 3
    // districts, and 北京市, their parent and the host of every meeting; the traditional readout adds none.
    expect(res.data!.all.totalCount).toBe(10);
  });

  it("resolves people across scripts and strips their titles", async () => {
    const res = await gql(server, `{ meetings(first: 10) { nodes { date chair { id name } attendees { id name } } } }`);
    const byDate = Object.fromEntries(res.data!.meetings.nodes.map((m: any) => [m.date, m]));
    expect(byDate["2022-05-31"].attendees).toEqual([{ id: "chen-jining", name: "陈吉宁" }]);
    expect(byDate["2021-06-30"].attendees.map((p: any) => p.name)).toEqual(["陈吉宁", "李伟"]);
    for (const m of res.data!.meetings.nodes) expect(m.chair).toEqual({ id: "cai-qi", name: "蔡奇" });
  });

  it("keeps the traditional text as published, with offsets into it", async () => {
    const res = await gql(
      server,
      `{ department(id: "finance-bureau") { shortcomings(from: "2022-05-01") { nodes { text themes { id } evidence { quote document { text } start end } } } } }`,
    );
    const nodes = res.data!.department.shortcomings.nodes;
    expect(nodes.map((n: any) => n.text)).toEqual(["幹部監督管理", "財會監督"]);
    expect(nodes[0].themes[0].id).toBe("party-building");
    for (const n of nodes) expect(n.evidence.document.text.slice(n.evidence.start, n.evidence.end)).toBe(n.text);
  });
});

describe("patterns across meetings", () => {
  it("counts departments across all meetings in the window", async () => {
    const res = await gql(
      server,
      `{
      all: recurringShortcomingThemes(minDepartments: 2) { theme { id } departmentCount meetingCount departments { name } }
      y2022: recurringShortcomingThemes(minDepartments: 2, from: "2022-01-01", to: "2022-12-31") { theme { id } departmentCount meetingCount }
    }`,
    );
    const pb = res.data!.all.find((r: any) => r.theme.id === "party-building");
    // seed: five municipal departments; 2021: 石景山区, 顺义区; 2022-01: 石景山区, 大兴区; 2022-05: 发改委, 财政局 again.
    expect(pb.departmentCount).toBe(8);
    expect(pb.meetingCount).toBe(4);
    expect(pb.departments.map((d: any) => d.name)).toEqual(
      expect.arrayContaining(["石景山区", "顺义区", "大兴区", "市国资委"]),
    );
    const pb2022 = res.data!.y2022.find((r: any) => r.theme.id === "party-building");
    expect(pb2022).toEqual({ theme: { id: "party-building" }, departmentCount: 7, meetingCount: 3 });
  });

  it("finds the same department flagged for the same theme at several meetings", async () => {
    const res = await gql(
      server,
      `{
      pb: persistentShortcomings(themeId: "party-building") { department { id } theme { id } meetingCount meetings { date } shortcomings { text } }
      sjs: persistentShortcomings(departmentId: "shijingshan-district") { theme { id } meetingCount }
      three: persistentShortcomings(minMeetings: 3) { department { id } }
    }`,
    );
    expect(res.errors).toBeUndefined();
    const pairs = res.data!.pb.map((p: any) => [p.department.id, p.meetingCount]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ["shijingshan-district", 2],
        ["development-reform-commission", 2],
        ["finance-bureau", 2],
      ]),
    );
    expect(pairs).toHaveLength(3);
    const sjs = res.data!.pb.find((p: any) => p.department.id === "shijingshan-district");
    expect(sjs.meetings.map((m: any) => m.date)).toEqual(["2022-01-28", "2021-06-30"]);
    expect(sjs.shortcomings.map((s: any) => s.text)).toEqual(["落实“两个责任”层层递减", "全面从严治党"]);
    expect(res.data!.sjs).toContainEqual({ theme: { id: "party-building" }, meetingCount: 2 });
    expect(res.data!.three).toEqual([]);
  });

  it("refuses an empty window", async () => {
    const res = await gql(server, `{ persistentShortcomings(from: "2022-02-01", to: "2022-01-01") { meetingCount } }`);
    expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("searches across scripts", async () => {
    const res = await gql(
      server,
      `{
      t: search(query: "黨風廉政建設") { node { ... on Shortcoming { text meeting { date } } } }
      s: search(query: "干部监督管理") { node { ... on Shortcoming { text meeting { date } } } }
    }`,
    );
    const t = res.data!.t.map((h: any) => `${h.node.text}@${h.node.meeting.date}`).sort();
    expect(t).toEqual(["党风廉政建设@2021-06-30", "党风廉政建设@2022-03-31", "黨風廉政建設@2022-05-31"]);
    const s = res.data!.s.map((h: any) => h.node.text).sort();
    expect(s).toEqual(["干部监督管理", "幹部監督管理"].sort());
  });
});

describe("bad input", () => {
  const expectBadInput = async (attempt: Promise<unknown>, reason: RegExp) => {
    const before = await graphCounts(db);
    await expect(attempt).rejects.toThrow(reason);
    expect(await graphCounts(db)).toEqual(before);
  };

  // Raw bytes come in through bulk ingestion (the CLI): rejects with the error that refused the input.
  const ingestBytes = async (bytes: Uint8Array) => {
    let error: unknown;
    await ingestMany(
      db,
      [bytes],
      (b) => b,
      {},
      (_, r) => (error = r.error),
    );
    if (error) throw error;
  };

  it("refuses text that is not a readout, writing nothing", async () => {
    await expectBadInput(
      ingestReadoutText(db, "---\ntitle: 天气\nurl:\npublished: 2022-01-01\n---\n\n今天白天晴转多云，北风二三级。"),
      /not a review-meeting readout/,
    );
    await expect(ingestReadoutText(db, "天气晴。")).rejects.toBeInstanceOf(AppError);
  });

  it.each([
    ["empty", Buffer.alloc(0), /empty/],
    ["binary", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), /binary/],
    ["non-UTF-8 (GBK)", Buffer.from([0xca, 0xd0, 0xce, 0xaf, 0xbb, 0xe1]), /UTF-8/],
    ["oversized", Buffer.alloc(MAX_READOUT_BYTES + 1, "会"), /limit/],
  ])("refuses %s bytes, writing nothing", async (_, bytes, reason) => {
    await expectBadInput(ingestBytes(bytes), reason);
  });

  it("is all-or-nothing per document: a failure in the middle of the write leaves nothing of it", async () => {
    const text = readoutText("2021-06-30-districts").replace("6月30日下午", "6月29日下午");
    // Occupy the id the writer will give the document's last directive, under another label: the
    // directives statement then violates the uniqueness of Entity.id, after the meeting, reports and
    // items of the document were already written in the same transaction.
    const dry = await ingestReadoutText(db, text, { dryRun: true });
    expect(dry.status).toBe("dry-run");
    const lastDirective = dry.rows.directives.at(-1)!.id;
    await db.write("CREATE (:Entity:Department {id: $id, name: 'occupant'})", { id: lastDirective });
    const before = await graphCounts(db);
    await expect(ingestReadoutText(db, text)).rejects.toThrow();
    expect(await graphCounts(db)).toEqual(before);
    const [{ n }] = await db.read<{ n: number }>("MATCH (m:Meeting {id: $id}) RETURN count(m) AS n", {
      id: dry.meetingId,
    });
    expect(n).toBe(0);

    await db.write("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id: lastDirective });
    const retry = await ingestReadoutText(db, text);
    expect(retry.status).toBe("created");
    expect(retry.meetingId).toBe(dry.meetingId);
  });
});

describe("bulk ingestion", () => {
  // Records the statements read through it (to count the look-ups of documents) and, per write
  // transaction, how many documents each writer statement carried.
  class ReadSpy implements Queryable {
    reads: string[] = [];
    writes: number[][] = [];
    constructor(private readonly inner: Queryable) {}
    read<T = Row>(cypher: string, params?: Params) {
      this.reads.push(cypher);
      return this.inner.read<T>(cypher, params);
    }
    write<T = Row>(cypher: string, params?: Params) {
      return this.inner.write<T>(cypher, params);
    }
    transaction<T>(work: (tx: WriteTx) => Promise<T>) {
      const documents: number[] = [];
      this.writes.push(documents);
      return this.inner.transaction((tx) =>
        work({
          run: <R = Row>(cypher: string, params?: Params) => {
            if (cypher === WRITE_READOUTS) documents.push((params?.group as { readouts: unknown[] }).readouts.length);
            return tx.run<R>(cypher, params);
          },
        }),
      );
    }
  }
  const writerTransactions = (spy: ReadSpy) => spy.writes.filter((w) => w.length).map((w) => w.join("+"));
  const dayOf = (day: number) =>
    new TextEncoder().encode(readoutText("2021-06-30-districts").replace("6月30日下午", `6月${day}日下午`));

  it("looks a chunk's documents up in one read and reports each input in its own right", async () => {
    const known = new TextEncoder().encode(readoutText("2022-01-28-districts"));
    const fresh = new TextEncoder().encode(readoutText("2021-06-30-districts").replace("6月30日下午", "6月28日下午"));
    const inputs = [known, new Uint8Array(0), fresh, fresh];
    const spy = new ReadSpy(db);
    const before = await graphCounts(db);
    const results: string[] = [];
    await ingestMany(
      spy,
      inputs,
      (b) => b,
      {},
      (index, r) => {
        results[index] = r.outcome?.status ?? `failed: ${(r.error as Error).message}`;
      },
    );
    expect(results).toEqual(["unchanged", expect.stringMatching(/^failed: .*empty/), "created", "unchanged"]);
    expect(spy.reads.filter((cypher) => cypher === FIND_DOCUMENTS)).toHaveLength(1);
    const after = await graphCounts(db);
    expect(after.Meeting).toBe(before.Meeting + 1);
    expect(after.Document).toBe(before.Document + 1);

    spy.reads = [];
    await ingestMany(
      spy,
      inputs,
      (b) => b,
      { lookupEvery: 2 },
      (index, r) => {
        results[index] = r.outcome?.status ?? "failed";
      },
    );
    expect(results).toEqual(["unchanged", "failed", "unchanged", "unchanged"]);
    expect(spy.reads.filter((cypher) => cypher === FIND_DOCUMENTS)).toHaveLength(2);
    expect(await graphCounts(db)).toEqual(after);
  });

  it("commits new documents together, one writer statement per group", async () => {
    const spy = new ReadSpy(db);
    const before = await graphCounts(db);
    const results: string[] = [];
    await ingestMany(
      spy,
      [dayOf(21), dayOf(22), dayOf(23), dayOf(21)],
      (b) => b,
      { groupEvery: 2 },
      (index, r) => (results[index] = r.outcome?.status ?? "failed"),
    );
    // The copy of the first document goes to a group of its own, where it is found there already.
    expect(results).toEqual(["created", "created", "created", "unchanged"]);
    expect(writerTransactions(spy)).toEqual(["2", "2"]);
    expect((await graphCounts(db)).Meeting).toBe(before.Meeting + 3);
  });

  it("writes a failed group again document by document: only the document that fails is left out", async () => {
    // As in the all-or-nothing test above: an occupied id fails the middle document's last directive.
    const [first, middle, last] = [dayOf(24), dayOf(25), dayOf(26)];
    const dry = await ingestReadoutText(db, new TextDecoder().decode(middle), { dryRun: true });
    const occupied = dry.rows.directives.at(-1)!.id;
    await db.write("CREATE (:Entity:Department {id: $id, name: 'occupant'})", { id: occupied });
    try {
      const spy = new ReadSpy(db);
      const before = await graphCounts(db);
      const results: string[] = [];
      await ingestMany(
        spy,
        [first, middle, last],
        (b) => b,
        {},
        (index, r) => (results[index] = r.outcome?.status ?? `failed: ${(r.error as Error).message}`),
      );
      expect(results).toEqual(["created", expect.stringMatching(/^failed: .*already exists/), "created"]);
      // The group of three rolled back whole, then one transaction per document.
      expect(writerTransactions(spy)).toEqual(["3", "1", "1", "1"]);
      const after = await graphCounts(db);
      expect(after.Meeting).toBe(before.Meeting + 2);
      expect(after.Document).toBe(before.Document + 2);
      const [{ n }] = await db.read<{ n: number }>("MATCH (m:Meeting {id: $id}) RETURN count(m) AS n", {
        id: dry.meetingId,
      });
      expect(n).toBe(0);
    } finally {
      await db.write("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id: occupied });
    }
  });
});
