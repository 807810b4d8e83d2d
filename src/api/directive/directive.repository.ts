import { itemById, itemsByParent } from "../item/item.repository";

export const directivesByMeeting = itemsByParent("Directive");
export const directiveById = itemById("Directive");
