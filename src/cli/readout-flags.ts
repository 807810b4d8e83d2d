import { isPublishedDate, ReadoutDefaults } from "../pipeline/extraction/readout";

/** Usage lines for the flags every readout-reading command takes. */
export const READOUT_FLAGS_USAGE = `  --published YYYY-MM-DD  publication date where the front matter or page gives none (YYYY also)
  --host NAME             the locality whose meeting it is (通州区), where the text only says 我区 / 我市`;

/** Longest --host accepted, as in the API. */
const MAX_HOST = 40;

/** Command-line arguments with the readout flags taken out: the defaults they give, the rest, or why they are wrong. */
export interface ReadoutFlags {
  defaults: ReadoutDefaults;
  rest: string[];
  error?: string;
}

/** Takes `--published VALUE` / `--published=VALUE` and `--host …` out of the arguments, validating their values. */
export function takeReadoutFlags(args: string[]): ReadoutFlags {
  const defaults: ReadoutDefaults = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--(published|host)(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      rest.push(args[i]);
      continue;
    }
    const name = m[1] as "published" | "host";
    const value = m[2] ?? args[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith("--")))
      return { defaults, rest, error: `--${name} needs a value` };
    const v = value.trim();
    if (name === "published" && !isPublishedDate(v)) {
      return { defaults, rest, error: `--published must be YYYY-MM-DD (a calendar date) or YYYY, got "${value}"` };
    }
    if (name === "host" && (!v || v.length > MAX_HOST || /[\r\n]/.test(v))) {
      return { defaults, rest, error: `--host must be a locality's name of 1 to ${MAX_HOST} characters` };
    }
    defaults[name] = v;
  }
  return { defaults, rest };
}
