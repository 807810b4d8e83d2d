import "reflect-metadata";
import { runCorrections } from "./corrections.command";
import { runExport } from "./export.command";
import { runExtract } from "./extract.command";
import { runIngest } from "./ingest.command";
import { runReextract } from "./reextract.command";
import { EXIT } from "./exit";

/** A CLI command: gets its arguments, returns the exit code. */
export type Command = (args: string[]) => Promise<number>;

const USAGE = `usage: policygraph <command> [options]

commands:
  extract FILE [--published D] [--host H]  print the extraction JSON of a readout file or saved page
  ingest FILE|DIR… [--dry-run] [--json] [--published D] [--host H]  extract readouts (.txt, .html) and write them into the graph
  reextract [--all] [--dry-run] [--json]  extract the stored documents again with the current extractor
  export --format ttl|jsonld|csv [--out DIR]  write the whole graph as Turtle, JSON-LD or CSV
  corrections export [--out FILE]  write every curator correction as JSON Lines
  corrections import FILE [--json]  replay an export onto a graph built from the same readouts

Run a command with --help for its options.
`;

const commands: Record<string, Command> = {
  extract: runExtract,
  ingest: runIngest,
  reextract: runReextract,
  export: runExport,
  corrections: runCorrections,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE);
    return name ? EXIT.OK : EXIT.BAD_INPUT;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`policygraph: unknown command "${name}"\n${USAGE}`);
    return EXIT.BAD_INPUT;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policygraph: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.FAILED;
  },
);
