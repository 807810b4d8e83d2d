import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Directive } from "../directive/directive.type";
import { ItemRecord } from "../item/item.type";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { PolicyTheme } from "../theme/theme.type";

/** Why a directive is taken to answer a shortcoming. */
export enum AddressRule {
  SAME_MEETING = "same-meeting",
  NEXT_MEETING = "next-meeting",
  NAMES_DEPARTMENT = "names-department",
}

registerEnumType(AddressRule, {
  name: "AddressRule",
  description: "The inference rule that linked a directive to a shortcoming.",
  valuesConfig: {
    SAME_MEETING: { description: "Issued at the shortcoming's own meeting, sharing a theme with it." },
    NEXT_MEETING: {
      description:
        "Issued at the first later meeting that directed on one of the shortcoming's top-level themes (at each, when several met that day).",
    },
    NAMES_DEPARTMENT: {
      description: "Issued at the same or a later meeting and addressed to the shortcoming's department.",
    },
  },
});

const INFERRED =
  "INFERRED, not stated by any text: policygraph links a directive to a shortcoming by the rules in `rules` (see AddressRule).";

/** A link as the repository returns it: the other end, its rules, themes and reasons. */
export interface AddressLinkRecord {
  rules: AddressRule[];
  reasons: string[];
  themes: PolicyTheme[];
  item: ItemRecord;
}

@ObjectType({ description: `A directive taken to answer a shortcoming. ${INFERRED}` })
export class InferredDirectiveLink {
  @Field(() => Directive)
  directive!: ItemRecord;

  @Field({ description: "Always true: the link is an inference, kept apart from what the texts state." })
  inferred!: boolean;

  @Field(() => [AddressRule], { description: "The rules that made the link." })
  rules!: AddressRule[];

  @Field(() => [String], { description: "Why, in words, one per rule." })
  reasons!: string[];

  @Field(() => [PolicyTheme], { description: "The themes the directive and the shortcoming share." })
  themes!: PolicyTheme[];
}

@ObjectType({ description: `A shortcoming a directive is taken to answer. ${INFERRED}` })
export class InferredShortcomingLink {
  @Field(() => Shortcoming)
  shortcoming!: ItemRecord;

  @Field({ description: "Always true: the link is an inference, kept apart from what the texts state." })
  inferred!: boolean;

  @Field(() => [AddressRule])
  rules!: AddressRule[];

  @Field(() => [String])
  reasons!: string[];

  @Field(() => [PolicyTheme])
  themes!: PolicyTheme[];
}
