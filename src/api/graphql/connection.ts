import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "../../platform/errors";

/** Page size when `first` is not given, and the largest page a client may ask for. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 0 to ${MAX_PAGE_SIZE} (0 returns only totalCount).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the previous page." })
  after?: string | null;
}

/** A validated page request: how many rows to skip and take. */
export interface Page {
  skip: number;
  limit: number;
}

const CURSOR_PREFIX = "o:";

/** Opaque cursor of the row at `offset` in a connection's order. */
export const encodeCursor = (offset: number) => Buffer.from(`${CURSOR_PREFIX}${offset}`).toString("base64url");

// Only the digits encodeCursor writes: "1e300" or "1.0" are numbers to Number() but not offsets
// Cypher can SKIP.
const CURSOR = new RegExp(`^${CURSOR_PREFIX}(0|[1-9][0-9]{0,15})$`);

function decodeCursor(cursor: string): number {
  const m = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const offset = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(offset)) throw badInput(`"after" is not a cursor of this API: ${JSON.stringify(cursor)}`);
  return offset;
}

/** Validates `first`/`after` (BAD_USER_INPUT when out of range) and turns them into skip/limit. */
export function pageOf(args: PageArgs): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: "first" });
  }
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { skip, limit: first };
}

/** The shape every connection resolver returns. */
export interface ConnectionResult<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Builds a connection from one page of rows and the total. */
export function toConnection<T>(nodes: T[], totalCount: number, page: Page): ConnectionResult<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    totalCount,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: page.skip + nodes.length < totalCount,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, with the total over all pages.` })
  class ConnectionType {
    @Field(() => Int, { description: "How many items match, over all pages." })
    totalCount!: number;

    @Field(() => [node])
    nodes!: T[];

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
