import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Department } from "../department/department.type";
import { Context, load } from "../graphql/context";
import { Report } from "../report/report.type";
import { correctionsByTarget } from "./correction.repository";
import { Correction, CorrectionRecord } from "./correction.type";

// Items have their corrections in ../item; these are the other things a correction changes.

@Resolver(() => Report)
export class ReportCorrectionsResolver {
  @FieldResolver(() => [Correction], {
    description: "Curators' corrections of the report (assignReport), newest first, undone ones included.",
  })
  corrections(@Root() report: Report, @Ctx() ctx: Context): Promise<CorrectionRecord[]> {
    return load(ctx, correctionsByTarget, report.id);
  }
}

@Resolver(() => Department)
export class DepartmentCorrectionsResolver {
  @FieldResolver(() => [Correction], {
    description: "Curators' merges of other departments into this one, newest first, undone ones included.",
  })
  corrections(@Root() department: Department, @Ctx() ctx: Context): Promise<CorrectionRecord[]> {
    return load(ctx, correctionsByTarget, department.id);
  }
}
