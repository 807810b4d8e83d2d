import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../paths";

/** The Neo4j release the local mode runs: 5.26 is the LTS line and the last one on Java 17. */
export const NEO4J_VERSION = "5.26.30";

/** Flags without which Neo4j 5.26 dies on Java 17 (module encapsulation), as in its own neo4j.conf. */
export const JAVA_FLAGS = [
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
  "--add-opens=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
];

const LAUNCHER_SOURCE = join(projectRoot, "src", "platform", "db", "local-neo4j", "Launcher.java");

/** Raised when the machine lacks what the local mode needs; its message says what to do. */
export class LocalNeo4jUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalNeo4jUnavailable";
  }
}

const ALTERNATIVES =
  "or run Neo4j 5.26 yourself (`docker compose up`, a server, Aura) and set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD";

function javaBin(name: "java" | "javac" | "jar"): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, "bin", name) : name;
}

/** The major version of a `java -version` banner, or undefined. */
export function javaMajor(banner: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

function checkJava(): string {
  const java = javaBin("java");
  const r = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jUnavailable(
      `Java 17 or later is needed to run the local Neo4j and \`${java}\` did not run: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless), ${ALTERNATIVES}.`,
    );
  }
  const major = javaMajor(`${r.stderr}${r.stdout}`);
  if (major === undefined || major < 17) {
    throw new LocalNeo4jUnavailable(
      `Java 17 or later is needed to run the local Neo4j, found ${major ?? "an unknown version"} at \`${java}\`: install a JDK 17+ or point JAVA_HOME at one, ${ALTERNATIVES}.`,
    );
  }
  return java;
}

function pom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>policygraph.local</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>${NEO4J_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${NEO4J_VERSION}</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j-bolt</artifactId><version>${NEO4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;
}

// Several processes (server, CLI, test workers) may start at once on a fresh machine: one
// downloads, the others wait for it.
/** Runs `fn` holding a lock file (its holder's pid inside; a dead holder's lock is taken over). */
export async function withLock<T>(
  lockPath: string,
  log: (line: string) => void,
  what: string,
  fn: () => T | Promise<T>,
): Promise<T> {
  const started = Date.now();
  let warned = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = Date.now() - statSync(lockPath, { throwIfNoEntry: false })!.mtimeMs;
      const holder = Number(readFileSync(lockPath, "utf8"));
      if (age > 20 * 60_000 || !processAlive(holder)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (!warned) log(`waiting for another process (pid ${holder}) to ${what}…`);
      warned = true;
      if (Date.now() - started > 20 * 60_000) throw new LocalNeo4jUnavailable(`timed out waiting for ${lockPath}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/** True when a process with this pid exists. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Linux's view of a process (/proc/<pid>/stat): its state letter and parent; undefined elsewhere or when gone. */
export function processStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, in parentheses, may itself hold spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** True when the process has ended (a zombie counts: under a PID 1 that never reaps, one may linger). */
export function processGone(pid: number): boolean {
  return !processAlive(pid) || processStat(pid)?.state === "Z";
}

/** The command line of a process (Linux), or undefined when it cannot be read. */
export function processCommand(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
}

export interface Runtime {
  java: string;
  classpath: string;
  /** The cache folder of this Neo4j version (jars, launcher, class-data archives). */
  dir: string;
}

/** How a Neo4j JVM uses (or records) the class-data-sharing archive of its classpath. */
export interface ClassDataSharing {
  /** True when an archive recorded by an earlier start is used. */
  using: boolean;
  flags: string[];
  /** After the JVM exited: keeps the archive it recorded, if it wrote one and was not killed while writing. */
  keep(whole?: boolean): void;
}

/**
 * Class-data sharing for the Neo4j JVM: most of its start is loading and verifying some 15,000
 * classes from 130 jars, and an archive of them, mapped at start, skips that. JDK 17 records a
 * dynamic archive when a JVM exits (-XX:ArchiveClassesAtExit) and maps it on later starts
 * (-XX:SharedArchiveFile); an archive only fits the JVM, classpath and flags it was recorded with,
 * so its name is a hash of them. The first start records one into a file of its own, renamed into
 * place when that JVM has exited (a JVM killed mid-write leaves no half archive in use). A JVM that
 * cannot map an archive (another JDK build) warns and starts without it (-Xshare:auto).
 */
export function classDataSharing(runtime: Runtime, flags: readonly string[]): ClassDataSharing {
  if (process.env.POLICYGRAPH_NEO4J_CDS === "false") return { using: false, flags: [], keep: () => undefined };
  const banner = spawnSync(runtime.java, ["-version"], { encoding: "utf8" });
  const key = createHash("sha256")
    .update([runtime.java, banner.stderr ?? "", runtime.classpath, ...flags].join("\n"))
    .digest("hex")
    .slice(0, 16);
  const archive = join(runtime.dir, `cds-${key}.jsa`);
  if (existsSync(archive)) {
    return { using: true, flags: [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto"], keep: () => undefined };
  }
  const recording = `${archive}.${process.pid}.${Date.now()}.partial`;
  return {
    using: false,
    // Recording warns once per class it leaves out (generated accessors, signed jars): thousands of lines.
    flags: [`-XX:ArchiveClassesAtExit=${recording}`, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"],
    keep: (whole = true) => {
      try {
        if (whole && existsSync(recording) && statSync(recording).size > 0 && !existsSync(archive))
          renameSync(recording, archive);
      } catch {
        // Another start kept its archive first: this one is not needed.
      }
      rmSync(recording, { force: true });
    },
  };
}

/**
 * Makes sure the Neo4j jars and the compiled launcher are in the cache (downloading them with
 * Maven from Maven Central on first use) and returns how to run them.
 */
export async function prepareRuntime(cacheDir: string, log: (line: string) => void): Promise<Runtime> {
  const java = checkJava();
  const dir = join(cacheDir, `neo4j-${NEO4J_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const lib = join(dir, "lib");
  const source = readFileSync(LAUNCHER_SOURCE, "utf8");
  const classes = join(dir, `launcher-${createHash("sha256").update(source).digest("hex").slice(0, 12)}`);

  // A jar, not a folder of classes: class-data sharing refuses non-empty folders on the classpath.
  const launcherJar = join(classes, "launcher.jar");
  if (!existsSync(join(lib, ".complete")) || !existsSync(launcherJar)) {
    await withLock(join(dir, ".lock"), log, "finish preparing Neo4j", () => {
      if (!existsSync(join(lib, ".complete"))) downloadJars(dir, lib, log);
      if (!existsSync(launcherJar)) compileLauncher(lib, classes);
    });
  }
  // The jars by name, in a fixed order: a class-data archive holds only for the classpath it was made with.
  const jars = readdirSync(lib)
    .filter((f) => f.endsWith(".jar"))
    .sort()
    .map((f) => join(lib, f));
  return { java, dir, classpath: [launcherJar, ...jars].join(":") };
}

function downloadJars(dir: string, lib: string, log: (line: string) => void): void {
  const mvn = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jUnavailable(
      `Maven (\`mvn\`) is needed once, to fetch Neo4j ${NEO4J_VERSION} from Maven Central for the local mode: install it (e.g. apt-get install maven), ${ALTERNATIVES}.`,
    );
  }
  log(`fetching Neo4j ${NEO4J_VERSION} from Maven Central into ${dir} (first start only, ~125 MB)…`);
  writeFileSync(join(dir, "pom.xml"), pom());
  const staging = `${lib}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync(
    "mvn",
    ["-B", "-q", "-f", join(dir, "pom.xml"), "dependency:copy-dependencies", `-DoutputDirectory=${staging}`],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) {
    const tail = `${r.stdout}${r.stderr}`.trim().split("\n").slice(-3).join(" | ");
    throw new LocalNeo4jUnavailable(`Maven could not fetch Neo4j ${NEO4J_VERSION}: ${tail}; ${ALTERNATIVES}.`);
  }
  writeFileSync(join(staging, ".complete"), new Date().toISOString());
  rmSync(lib, { recursive: true, force: true });
  renameSync(staging, lib);
  log(`fetched Neo4j ${NEO4J_VERSION} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function compileLauncher(lib: string, classes: string): void {
  const staging = `${classes}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const r = spawnSync(javaBin("javac"), ["-cp", join(lib, "*"), "-d", staging, LAUNCHER_SOURCE], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    const why = r.error ? `\`javac\` did not run (a JRE without the JDK tools?)` : r.stderr.trim().split("\n")[0];
    throw new LocalNeo4jUnavailable(
      `could not compile the Neo4j launcher: ${why}; install a JDK 17+, ${ALTERNATIVES}.`,
    );
  }
  const jarred = spawnSync(javaBin("jar"), ["cf", join(staging, "launcher.jar"), "-C", staging, "Launcher.class"], {
    encoding: "utf8",
  });
  if (jarred.error || jarred.status !== 0) {
    throw new LocalNeo4jUnavailable(
      `could not package the Neo4j launcher: ${jarred.stderr?.trim().split("\n")[0] ?? jarred.error?.message}; install a JDK 17+, ${ALTERNATIVES}.`,
    );
  }
  rmSync(join(staging, "Launcher.class"), { force: true });
  rmSync(classes, { recursive: true, force: true });
  renameSync(staging, classes);
}
