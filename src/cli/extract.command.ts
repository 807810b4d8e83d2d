/** `policygraph extract FILE`: prints the extraction JSON of a readout file. */
export async function runExtract(args: string[]): Promise<number> {
  process.stderr.write(`policygraph extract: not implemented yet (${args.join(" ")})\n`);
  return 1;
}
