import { Resolver } from "type-graphql";
import { ReportItemResolver } from "../item/item.resolver";
import { Achievement, AchievementConnection } from "./achievement.type";

@Resolver(() => Achievement)
export class AchievementResolver extends ReportItemResolver({
  kind: "Achievement",
  type: Achievement,
  connection: AchievementConnection,
  listName: "achievements",
  listDescription: "Achievements across meetings, newest meeting first; filters combine.",
}) {}
