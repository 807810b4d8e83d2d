import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import {
  classDataSharing,
  JAVA_FLAGS,
  LocalNeo4jUnavailable,
  prepareRuntime,
  processAlive,
  processCommand,
  processGone,
  processStat,
  withLock,
} from "./runtime";

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
  /** The process that started (and supervises) this Neo4j; absent in state files of older versions. */
  owner?: number;
}

/** How long a clean shutdown of Neo4j may take before it is killed. */
const STOP_GRACE_MS = 30_000;

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
 * Reuses the local Neo4j already running for `home` while the process that started it lives, or
 * starts one (fetching it on first use). Throws LocalNeo4jUnavailable with an instruction when
 * Java or Maven is missing.
 *
 * A Neo4j whose starter is gone (killed with -9: nobody supervises it, restarts it or stops it) is
 * stopped cleanly and replaced by one this process starts and owns, rather than adopted. Adopting
 * could only watch a stranger's pid by polling (and pids get reused), its output still goes to
 * the dead starter's closed pipes (so the launcher log would stay silent), and it keeps the heap,
 * port and JVM options of the old start; a replacement is an ordinary child with an exit event,
 * a log and today's settings, for the price of one restart (seconds) after a crash.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? ((line: string) => console.error(`[neo4j] ${line}`));
  const password = localPassword(opts.home);
  // One start at a time per home: two processes finding the same orphan (or none) would otherwise
  // both stop it and both start, and the second would die on the store lock.
  return withLock(join(opts.home, "neo4j.start.lock"), log, "start the local Neo4j", () =>
    startLocked(opts, password, log),
  );
}

async function startLocked(opts: LocalNeo4jOptions, password: string, log: (line: string) => void) {
  const stateFile = join(opts.home, "neo4j.state.json");
  const dataDir = join(opts.home, "neo4j");

  const state = readState(stateFile);
  if (state && !processGone(state.pid)) {
    const uri = `bolt://127.0.0.1:${state.port}`;
    if (!orphaned(state)) {
      if (await answers(uri, password)) {
        log(`reusing the local Neo4j already running for ${opts.home} (pid ${state.pid}, ${uri})`);
        return reused(uri, password, state.pid);
      }
    } else if (await isOurNeo4j(state, dataDir, uri, password)) {
      const by = state.owner === undefined ? "an older version" : `pid ${state.owner}`;
      log(
        `the local Neo4j (pid ${state.pid}) was left running by ${by}, which is gone: stopping it to start one this process supervises`,
      );
      await stopOrphan(state.pid);
      rmSync(stateFile, { force: true });
    }
  }

  const runtime = await prepareRuntime(opts.cacheDir, log);
  mkdirSync(join(opts.home, "logs"), { recursive: true });
  const logFile = join(opts.home, "logs", "neo4j-launcher.log");
  const jvmFlags = [...JAVA_FLAGS, ...(opts.javaOptions ?? [])];
  const cds = classDataSharing(runtime, jvmFlags);
  const t0 = Date.now();
  const child = spawn(
    runtime.java,
    [
      `-Xms${opts.heap}`,
      `-Xmx${opts.heap}`,
      ...jvmFlags,
      ...cds.flags,
      "-cp",
      runtime.classpath,
      "Launcher",
      dataDir,
      String(opts.boltPort),
      String(opts.pageCacheMiB),
    ],
    { env: { ...process.env, POLICYGRAPH_NEO4J_PASSWORD: password }, stdio: ["ignore", "pipe", "pipe"] },
  );
  // The archive a first start records is written when its JVM exits; it is kept only when whole.
  child.once("exit", (_code, signal) => cds.keep(signal !== "SIGKILL"));
  const uri = await waitReady(child, logFile, opts.boltPort);
  const fresh: State = {
    pid: child.pid!,
    port: opts.boltPort,
    startedAt: new Date().toISOString(),
    owner: process.pid,
  };
  writeFileSync(stateFile, JSON.stringify(fresh));
  log(
    `local Neo4j ready on ${uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${cds.using ? "class-data archive" : "recording a class-data archive for the next start"}; data in ${dataDir})`,
  );
  return owned(child, uri, password, stateFile);
}

// Its starter is gone, or a different process now wears the starter's pid (Neo4j was then
// re-parented, which /proc shows on Linux).
function orphaned(state: State): boolean {
  if (state.owner === undefined || !processAlive(state.owner)) return true;
  const parent = processStat(state.pid)?.ppid;
  return parent !== undefined && parent !== state.owner;
}

// The state file's pid may since have been given to an unrelated process: signal it only when it
// is the launcher of this home's store, or, where /proc cannot say, when our Bolt port answers our password.
async function isOurNeo4j(state: State, dataDir: string, uri: string, password: string): Promise<boolean> {
  const command = processCommand(state.pid);
  if (command) return command.includes("Launcher") && command.includes(dataDir);
  return answers(uri, password);
}

// SIGTERM runs the launcher's shutdown hook (a clean store, no recovery on the next start).
async function stopOrphan(pid: number): Promise<void> {
  const waitGone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      if (processGone(pid)) return true;
    }
    return processGone(pid);
  };
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
    }
  };
  signal("SIGTERM");
  if (await waitGone(STOP_GRACE_MS)) return;
  signal("SIGKILL");
  if (!(await waitGone(10_000))) {
    throw new LocalNeo4jUnavailable(`the orphaned local Neo4j (pid ${pid}) would not stop; stop it by hand`);
  }
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
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
