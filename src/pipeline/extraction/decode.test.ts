import { checkReadoutSize, decodeReadout, MAX_READOUT_BYTES, ReadoutInputError } from "./decode";

function problemOf(bytes: Uint8Array): string {
  try {
    decodeReadout(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadoutInputError);
    const e = error as ReadoutInputError;
    expect(e.message).not.toMatch(/\n/);
    return e.problem;
  }
  throw new Error("decodeReadout accepted the input");
}

describe("decodeReadout", () => {
  it("decodes UTF-8 text and keeps a byte-order mark, so offsets match the file as read", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("市委召开点评会。", "utf8")]);
    const text = decodeReadout(bytes);
    expect(text).toBe("\uFEFF市委召开点评会。");
  });

  it("refuses empty and blank input", () => {
    expect(problemOf(new Uint8Array())).toBe("empty");
    expect(problemOf(Buffer.from(" \n\t\r\n", "utf8"))).toBe("empty");
    expect(problemOf(Buffer.from("\uFEFF\n", "utf8"))).toBe("empty");
  });

  it("refuses binary input (NUL bytes)", () => {
    expect(problemOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).toBe("binary");
  });

  it("refuses invalid UTF-8 and UTF-16", () => {
    expect(problemOf(Buffer.from([0xe5, 0xb8, 0x82, 0xc3, 0x28]))).toBe("encoding");
    expect(problemOf(Buffer.from(new TextEncoder().encode("会议")).subarray(0, 4))).toBe("encoding");
    expect(problemOf(Buffer.from([0xff, 0xfe, 0x02, 0x5e]))).toBe("encoding");
  });

  it("refuses input over the size limit instead of truncating it", () => {
    expect(problemOf(Buffer.alloc(MAX_READOUT_BYTES + 1, 0x41))).toBe("too-large");
    expect(decodeReadout(Buffer.alloc(MAX_READOUT_BYTES, 0x41))).toHaveLength(MAX_READOUT_BYTES);
    expect(() => checkReadoutSize(MAX_READOUT_BYTES + 1)).toThrow(/limit/);
    expect(() => checkReadoutSize(MAX_READOUT_BYTES)).not.toThrow();
  });
});
