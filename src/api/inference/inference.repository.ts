import { keyedLoader } from "../graphql/context";
import { sorted } from "../item/item.repository";
import * as q from "./inference.cypher";
import type { AddressLinkRecord } from "./inference.type";

/** Links per item are capped; the API says so in its field descriptions. */
export const MAX_LINKS = 200;

// By meeting (oldest or newest first), and in reading order within a meeting.
const byMeeting = (newestFirst: boolean) => (a: AddressLinkRecord, b: AddressLinkRecord) =>
  (newestFirst ? -1 : 1) *
    (a.item.date.localeCompare(b.item.date) || a.item.meetingId.localeCompare(b.item.meetingId)) ||
  a.item.position - b.item.position;

function linksLoader(cypher: string, newestFirst: boolean) {
  return keyedLoader<string, AddressLinkRecord[], undefined, { id: string; links: AddressLinkRecord[] }>({
    cypher,
    params: (ids) => ({ ids, limit: MAX_LINKS }),
    value: (r) => {
      for (const l of r.links) {
        sorted(l.item);
        l.rules = [...new Set(l.rules)];
      }
      return r.links.sort(byMeeting(newestFirst));
    },
    missing: [],
  });
}

/** Directives inferred to answer each shortcoming, earliest first. */
export const addressedByShortcoming = linksLoader(q.ADDRESSED_BY, false);

/** Shortcomings each directive is inferred to answer, newest first. */
export const addressesByDirective = linksLoader(q.ADDRESSES, true);
