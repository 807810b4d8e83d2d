import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../platform/paths";
import { schemaSdl } from "./schema";

// `npm run schema`: rewrites schema/schema.graphql from the resolver classes.
const file = join(projectRoot, "schema", "schema.graphql");
writeFileSync(file, schemaSdl());
console.log(`wrote ${file}`);
