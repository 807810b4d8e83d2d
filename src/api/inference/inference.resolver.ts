import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Directive } from "../directive/directive.type";
import { Context, load } from "../graphql/context";
import { ItemRecord } from "../item/item.type";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { addressedByShortcoming, addressesByDirective, MAX_LINKS } from "./inference.repository";
import { InferredDirectiveLink, InferredShortcomingLink } from "./inference.type";

@Resolver(() => Shortcoming)
export class ShortcomingAddressResolver {
  @FieldResolver(() => [InferredDirectiveLink], {
    description: `INFERRED: directives of the same or a later meeting taken to answer this shortcoming (shared theme, or addressed to its department), earliest first, at most ${MAX_LINKS}.`,
  })
  async addressedBy(@Root() shortcoming: ItemRecord, @Ctx() ctx: Context): Promise<InferredDirectiveLink[]> {
    const links = await load(ctx, addressedByShortcoming, shortcoming.id);
    return links.map(({ item, ...link }) => ({ ...link, directive: item, inferred: true }));
  }
}

@Resolver(() => Directive)
export class DirectiveAddressResolver {
  @FieldResolver(() => [InferredShortcomingLink], {
    description: `INFERRED: shortcomings of the same or earlier meetings this directive is taken to answer, newest first, at most ${MAX_LINKS}.`,
  })
  async addresses(@Root() directive: ItemRecord, @Ctx() ctx: Context): Promise<InferredShortcomingLink[]> {
    const links = await load(ctx, addressesByDirective, directive.id);
    return links.map(({ item, ...link }) => ({ ...link, shortcoming: item, inferred: true }));
  }
}
