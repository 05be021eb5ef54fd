/**
 * The drawings already laid out, by their DOT text, bounded by size (keys
 * and drawings together) and emptied least recently used first. Many students
 * make the same mistake on the same fixed case and so produce the same graph,
 * while most random cases differ per student and are never asked for again:
 * evicting in order of arrival let those one-off drawings push out the fixed
 * cases' drawings that every other student asks for.
 */
export class DrawingCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** A cached drawing, moved to the back of the eviction order. */
  get(dot: string): string | undefined {
    const svg = this.entries.get(dot);
    if (svg !== undefined) {
      this.entries.delete(dot);
      this.entries.set(dot, svg);
    }
    return svg;
  }

  set(dot: string, svg: string): void {
    // Two pages that waited on the same layout both bring it back: it is counted once.
    if (this.entries.has(dot)) return;
    this.entries.set(dot, svg);
    this.chars += dot.length + svg.length;
    for (const [key, value] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(key);
      this.chars -= key.length + value.length;
    }
  }
}
