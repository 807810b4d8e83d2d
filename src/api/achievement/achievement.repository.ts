import { itemById, itemsByParent } from "../item/item.repository";

export const achievementsByReport = itemsByParent("Achievement");
export const achievementById = itemById("Achievement");
