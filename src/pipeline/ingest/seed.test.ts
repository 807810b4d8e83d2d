import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractReadout } from "../extraction/extract";
import { seedDir } from "../../platform/paths";
import { SEED_READOUT } from "./seed";

it("the seed's extraction is what the extractor gives for the founding readout", () => {
  const text = readFileSync(join(seedDir, `${SEED_READOUT}.txt`), "utf8");
  const committed = JSON.parse(readFileSync(join(seedDir, `${SEED_READOUT}.extraction.json`), "utf8"));
  expect(extractReadout(text)).toEqual(committed);
});
