/** A set of words to find at given positions of a text, indexed by first character. */
export class WordIndex {
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const list = this.byFirst.get(word.charCodeAt(0)) ?? [];
      list.push(word);
      this.byFirst.set(word.charCodeAt(0), list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest word of the index that starts at position i of the text, or null. */
  at(text: string, i = 0): string | null {
    const list = this.byFirst.get(text.charCodeAt(i));
    if (!list) return null;
    for (const word of list) if (text.startsWith(word, i)) return word;
    return null;
  }
}
