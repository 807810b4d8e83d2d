import { Converter } from "opencc-js";

// OpenCC's traditional → mainland-simplified conversion, phrase-aware ("乾隆" stays, "乾淨" → "干净").
const t2s = Converter({ from: "t", to: "cn" });

/**
 * Converts Chinese text to simplified characters with the same length, so that an offset found
 * in the converted copy is the offset in the original. Where a phrase conversion would change the
 * length, falls back to converting character by character.
 */
export function toSimplified(text: string): string {
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const ch of text) {
    const one = t2s(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}
