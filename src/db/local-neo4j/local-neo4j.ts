import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { JAVA_FLAGS, LocalNeo4jUnavailable, prepareRuntime, processAlive } from "./runtime";

export interface LocalNeo4jOptions {
  /** Data, password and state live here (POLICYGRAPH_HOME). */
  home: string;
  boltPort: number;
  cacheDir: string;
  heap: string;
  pageCacheMiB: number;
  /** Extra JVM options (NEO4J_JAVA_OPTS). */
  javaOptions?: string[];
  log?: (line: string) => void;
}

/** A running local Neo4j: how to reach it and, when this process started it, how to stop it. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** True when this process started Neo4j (and so stops it); false when it reused a running one. */
  owned: boolean;
  pid: number;
  /** Stops Neo4j when owned (clean shutdown, waits for the process to end); no-op otherwise. */
  stop(): Promise<void>;
  /** Called when an owned Neo4j ends without being asked to. */
  onUnexpectedExit(listener: (code: number | null) => void): void;
}

interface State {
  pid: number;
  port: number;
  startedAt: string;
}

const READY = /POLICYGRAPH-NEO4J-READY (\d+)/;

/** Reads or creates the password of the local Neo4j, kept in the home readable by its owner only. */
export function localPassword(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = join(home, "neo4j.password");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(24).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

async function answers(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 3000 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function readState(file: string): State | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as State;
  } catch {
    return undefined;
  }
}

/**
 * Reuses the local Neo4j already running for `home`, or starts one (fetching it on first use).
 * Throws LocalNeo4jUnavailable with an instruction when Java or Maven is missing.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? ((line: string) => console.error(`[neo4j] ${line}`));
  const password = localPassword(opts.home);
  const stateFile = join(opts.home, "neo4j.state.json");

  const state = readState(stateFile);
  if (state && processAlive(state.pid)) {
    const uri = `bolt://127.0.0.1:${state.port}`;
    if (await answers(uri, password)) {
      log(`reusing the local Neo4j already running for ${opts.home} (pid ${state.pid}, ${uri})`);
      return reused(uri, password, state.pid);
    }
  }

  const runtime = await prepareRuntime(opts.cacheDir, log);
  const dataDir = join(opts.home, "neo4j");
  mkdirSync(join(opts.home, "logs"), { recursive: true });
  const logFile = join(opts.home, "logs", "neo4j-launcher.log");
  const t0 = Date.now();
  const child = spawn(
    runtime.java,
    [
      `-Xms${opts.heap}`,
      `-Xmx${opts.heap}`,
      ...JAVA_FLAGS,
      ...(opts.javaOptions ?? []),
      "-cp",
      runtime.classpath,
      "Launcher",
      dataDir,
      String(opts.boltPort),
      String(opts.pageCacheMiB),
    ],
    { env: { ...process.env, POLICYGRAPH_NEO4J_PASSWORD: password }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const uri = await waitReady(child, logFile, opts.boltPort);
  writeFileSync(
    stateFile,
    JSON.stringify({ pid: child.pid, port: opts.boltPort, startedAt: new Date().toISOString() }),
  );
  log(`local Neo4j ready on ${uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s (data in ${dataDir})`);
  return owned(child, uri, password, stateFile);
}

function waitReady(child: ChildProcess, logFile: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let tail = "";
    let ready = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      appendFileSync(logFile, text);
      if (ready) return;
      tail = (tail + text).slice(-4000);
      const m = READY.exec(tail);
      if (m) {
        ready = true;
        resolve(`bolt://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", (e) => reject(new LocalNeo4jUnavailable(`could not start Java: ${e.message}`)));
    child.once("exit", (code) => {
      if (ready) return;
      const lines = tail
        .trim()
        .split("\n")
        .filter((l) => l.trim() && !/^\s+at /.test(l));
      const hint = /BindException|Address already in use/.test(tail)
        ? ` (Bolt port ${port} is taken: set NEO4J_BOLT_PORT to a free port)`
        : "";
      reject(
        new LocalNeo4jUnavailable(
          `the local Neo4j exited with code ${code} before it was ready${hint}: ${lines.slice(-2).join(" | ").slice(0, 400)}; see ${logFile}`,
        ),
      );
    });
  });
}

function reused(uri: string, password: string, pid: number): LocalNeo4j {
  return {
    uri,
    user: "neo4j",
    password,
    owned: false,
    pid,
    stop: async () => undefined,
    onUnexpectedExit: () => undefined,
  };
}

function owned(child: ChildProcess, uri: string, password: string, stateFile: string): LocalNeo4j {
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const listeners: ((code: number | null) => void)[] = [];
  child.once("exit", (code) => {
    if (readState(stateFile)?.pid === child.pid) rmSync(stateFile, { force: true });
    if (!stopping) listeners.forEach((l) => l(code));
  });
  return {
    uri,
    user: "neo4j",
    password,
    owned: true,
    pid: child.pid!,
    onUnexpectedExit: (listener) => listeners.push(listener),
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
