import { itemById, itemsByParent } from "../item/item.repository";

export const shortcomingsByReport = itemsByParent("Shortcoming");
export const shortcomingById = itemById("Shortcoming");
