import net from "node:net";

/** A TCP relay to Neo4j that a test can cut and restore, to play "the database went away". */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private paused = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(port = this.port): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      // After pipe(), which sets both flowing.
      if (this.paused) for (const s of [client, upstream]) s.pause();
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /**
   * Stops relaying in both directions, keeping every connection open: to the service, a Neo4j
   * that was paused (kill -STOP) — it accepts connections and answers nothing.
   */
  pause(): void {
    this.paused = true;
    for (const s of this.sockets) s.pause();
  }

  /** Relays again what was held back, as a paused Neo4j does when it is resumed. */
  resume(): void {
    this.paused = false;
    for (const s of this.sockets) s.resume();
  }

  /** Stops listening and drops every open connection. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
