/** What the code under test wrote to stdout and stderr during the current test. */
export interface CapturedOutput {
  readonly out: string;
  readonly err: string;
}

/** Captures stdout and stderr writes, afresh for each test of the calling file (CLI tests). */
export function captureOutput(): CapturedOutput {
  const captured = { out: "", err: "" };
  beforeEach(() => {
    captured.out = "";
    captured.err = "";
    jest
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk: string | Uint8Array) => ((captured.out += String(chunk)), true));
    jest
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => ((captured.err += String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());
  return captured;
}
