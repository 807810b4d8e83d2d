import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs an embedded Neo4j community DBMS with only Bolt enabled, for policygraph's local mode.
 *
 * <p>Arguments: home directory, Bolt port, page cache in MiB. The password of the {@code neo4j}
 * user comes from the environment variable POLICYGRAPH_NEO4J_PASSWORD so it never shows in `ps`.
 * Prints "POLICYGRAPH-NEO4J-READY port" once Bolt accepts connections; shuts the DBMS down cleanly
 * on SIGTERM/SIGINT (JVM shutdown hook) so the next start needs no recovery.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMiB = Long.parseLong(args[2]);
    String password = System.getenv("POLICYGRAPH_NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("POLICYGRAPH_NEO4J_PASSWORD must hold at least 8 characters");
      System.exit(2);
    }
    Files.createDirectories(home);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
            // Netty's default graceful shutdown idles for 5 s twice; a local store has no clients
            // worth waiting for once the process is told to stop.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  stopped.countDown();
                },
                "policygraph-neo4j-shutdown"));

    try {
      setPassword(dbms, password);
    } catch (RuntimeException e) {
      System.err.println("could not set the neo4j password: " + e.getMessage());
      System.exit(1);
    }

    System.out.println("POLICYGRAPH-NEO4J-READY " + port);
    System.out.flush();
    stopped.await();
  }

  // Embedded access bypasses authentication, so the password kept in POLICYGRAPH_HOME is applied
  // on every start: that file stays the single source of truth.
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (QueryExecutionException e) {
      // Neo4j refuses to "change" a password to itself; that means it is already in place.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }
}
