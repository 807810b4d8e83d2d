/** Largest readout accepted, in bytes. Real readouts are a few KB; anything near this is not one. */
export const MAX_READOUT_BYTES = 1024 * 1024;

/** Why raw input was refused as a readout. */
export type ReadoutInputProblem = "empty" | "binary" | "encoding" | "too-large";

/** Raw input that cannot be a readout; `message` is one line, fit for a CLI or an API error. */
export class ReadoutInputError extends Error {
  constructor(
    readonly problem: ReadoutInputProblem,
    message: string,
  ) {
    super(message);
    this.name = "ReadoutInputError";
  }
}

// ignoreBOM keeps a leading U+FEFF in the text, so offsets match the file as other tools read it.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Refuses input bigger than MAX_READOUT_BYTES (checked before reading, where the size is known first). */
export function checkReadoutSize(byteLength: number): void {
  if (byteLength > MAX_READOUT_BYTES) {
    throw new ReadoutInputError(
      "too-large",
      `input is ${byteLength} bytes, more than the ${MAX_READOUT_BYTES}-byte limit for a readout`,
    );
  }
}

/**
 * Decodes the raw bytes of a readout as UTF-8 text, refusing what cannot be one: empty or
 * blank input, binary data (NUL bytes), UTF-16, invalid UTF-8 and oversized input.
 */
export function decodeReadout(bytes: Uint8Array): string {
  checkReadoutSize(bytes.length);
  if (bytes.length === 0) throw new ReadoutInputError("empty", "input is empty");
  if (isUtf16Bom(bytes)) throw new ReadoutInputError("encoding", "input is UTF-16 text; readouts must be UTF-8");
  if (bytes.includes(0)) throw new ReadoutInputError("binary", "input is binary (contains NUL bytes), not text");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReadoutInputError("encoding", "input is not valid UTF-8 text");
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new ReadoutInputError("empty", "input has no text");
  return text;
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

// Encodings Chinese government sites still serve pages in, beside UTF-8.
const PAGE_ENCODINGS = new Set(["gb2312", "gbk", "gb18030", "big5", "utf-8", "utf8"]);

/**
 * The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type), as
 * the HTML standard's prescan looks for it before any parser sees text: null when none.
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decodes a saved HTML page: UTF-8, or the GBK / GB18030 / Big5 its meta tag declares (older
 * government sites serve these). Refuses what decodeReadout refuses, and a page in an encoding
 * it neither is in nor declares.
 */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return decodeReadout(bytes);
  } catch (e) {
    if (!(e instanceof ReadoutInputError) || e.problem !== "encoding" || isUtf16Bom(bytes)) throw e;
    const charset = declaredCharset(bytes);
    if (!charset || !PAGE_ENCODINGS.has(charset) || charset.startsWith("utf")) {
      throw new ReadoutInputError(
        "encoding",
        charset ? `page is not valid ${charset} text` : "page is not valid UTF-8 and declares no charset",
      );
    }
    try {
      return new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch {
      throw new ReadoutInputError("encoding", `page is not valid ${charset} text`);
    }
  }
}
