import expected from "./fixtures/founding-meeting.expected.json";
import { Database } from "../src/platform/db/neo4j";
import { seedFoundingMeeting, seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer } from "../src/server/app";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { gql, testServer } from "./support/server";

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  server = await testServer(db);
});

afterAll(async () => {
  await server.close();
  await db.close();
});

const MEETING = `{
  meetings(first: 10) {
    totalCount
    nodes {
      id date title kind
      chair { name }
      attendees { name }
      document { id text }
      reports {
        order subject
        department { name }
        achievements { text evidence { start end quote } }
        shortcomings { text themes { id } evidence { start end quote sentence { start end text } } }
      }
      directives { text evidence { start end quote } }
    }
  }
}`;

describe("the seeded founding meeting", () => {
  let meeting: any;

  beforeAll(async () => {
    const res = await gql(server, MEETING);
    expect(res.errors).toBeUndefined();
    expect(res.data!.meetings.totalCount).toBe(1);
    meeting = res.data!.meetings.nodes[0];
  });

  it("is the 2022-03-31 municipal-departments meeting, chaired by 蔡奇 with its attendees in order", () => {
    expect(meeting.date).toBe(expected.meeting.date);
    expect(meeting.kind).toBe("MUNICIPAL_DEPARTMENTS");
    expect(meeting.title).toBe(expected.meeting.title);
    expect(meeting.chair.name).toBe(expected.meeting.chair);
    expect(meeting.attendees.map((p: any) => p.name)).toEqual(expected.meeting.attendees);
  });

  it("has the five reports in speaking order with the gold's achievements and shortcomings", () => {
    expect(meeting.reports.map((r: any) => [r.order, r.subject, r.department.name])).toEqual(
      expected.reports.map((r) => [r.order, r.subject, r.subject]),
    );
    meeting.reports.forEach((r: any, i: number) => {
      expect(r.achievements.map((a: any) => a.text)).toEqual(expected.reports[i].achievements);
      expect(r.shortcomings.map((s: any) => s.text)).toEqual(expected.reports[i].shortcomings.map((s) => s.text));
    });
  });

  it("tags every shortcoming with an acceptable first theme, and all five departments with party-building", () => {
    meeting.reports.forEach((r: any, i: number) => {
      r.shortcomings.forEach((s: any, j: number) => {
        expect(expected.reports[i].shortcomings[j].acceptableThemes).toContain(s.themes[0].id);
      });
    });
    const flagged = meeting.reports.filter((r: any) =>
      r.shortcomings.some((s: any) => s.themes[0].id === "party-building"),
    );
    expect(flagged).toHaveLength(5);
  });

  it("has the gold's directives in reading order", () => {
    expect(meeting.directives.map((d: any) => d.text)).toEqual(expected.directives);
  });

  it("keeps offsets that point at exactly each item's text in the stored document", () => {
    const text: string = meeting.document.text;
    const items = [
      ...meeting.reports.flatMap((r: any) => [...r.achievements, ...r.shortcomings]),
      ...meeting.directives,
    ];
    expect(items).toHaveLength(19 + 15 + 24);
    for (const item of items) {
      expect(text.slice(item.evidence.start, item.evidence.end)).toBe(item.text);
      expect(item.evidence.quote).toBe(item.text);
    }
    const first = meeting.reports[0].shortcomings[0].evidence;
    expect(first.sentence.text).toBe("但在全面从严治党、推动“五子”联动、推进京津冀协同发展等方面仍存不足。");
    expect(text.slice(first.sentence.start, first.sentence.end)).toBe(first.sentence.text);
  });

  it("stores the body without its front matter", () => {
    expect(meeting.document.text.startsWith("3月31日下午，市委召开")).toBe(true);
  });
});

describe("seeding", () => {
  it("twice changes nothing", async () => {
    const before = await graphCounts(db);
    const again = await seedFoundingMeeting(db);
    expect(again.status).toBe("unchanged");
    expect(await seedIfEmpty(db)).toBeUndefined();
    expect(await graphCounts(db)).toEqual(before);
    expect(before).toMatchObject({
      Meeting: 1,
      Department: 7, // the five speakers, the directive's addressee and 北京市 (their parent, the host)
      Report: 5,
      Achievement: 19,
      Shortcoming: 15,
      Directive: 24,
    });
  });

  it("writes every item's numbers as integers, not floats", async () => {
    const [row] = await db.read<{ kinds: string[] }>(
      "MATCH (x:Shortcoming) RETURN collect(DISTINCT valueType(x.start)) AS kinds",
    );
    expect(row.kinds).toEqual(["INTEGER NOT NULL"]);
  });
});
