/** A one-line progress bar on a terminal; silent when the stream is not a TTY or there is one item. */
export class Progress {
  /** True while the bar is drawn (per-item output would break it). */
  readonly active: boolean;
  private done_ = 0;
  private readonly counts = new Map<string, number>();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.active = !!stream.isTTY && total > 1;
  }

  tick(status: string): void {
    this.done_++;
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
    const now = Date.now();
    if (this.active && (now - this.lastDraw > 100 || this.done_ === this.total)) {
      this.lastDraw = now;
      this.draw();
    }
  }

  done(): void {
    if (this.active) this.stream.write("\n");
  }

  private draw(): void {
    const width = 30;
    const filled = Math.round((this.done_ / this.total) * width);
    const tally = [...this.counts].map(([k, v]) => `${k} ${v}`).join(", ");
    this.stream.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.done_}/${this.total} ${tally}\x1b[K`,
    );
  }
}
