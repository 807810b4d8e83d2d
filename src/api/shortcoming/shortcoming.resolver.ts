import { Resolver } from "type-graphql";
import { ReportItemResolver } from "../item/item.resolver";
import { Shortcoming, ShortcomingConnection } from "./shortcoming.type";

@Resolver(() => Shortcoming)
export class ShortcomingResolver extends ReportItemResolver({
  kind: "Shortcoming",
  type: Shortcoming,
  connection: ShortcomingConnection,
  listName: "shortcomings",
  listDescription: "Shortcomings across meetings, newest meeting first; filters combine.",
}) {}
