package coffeehub.opensearch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node inside this JVM with codelibs' OpenSearchRunner,
 * bound to loopback only. Used by ops/opensearch/opensearch.sh for tests and
 * development; not meant for production.
 *
 * <p>Why not OpenSearchRunner's own main(): its command-line options cannot set
 * node settings (network.host, discovery.type, ...), it silently moves to the
 * next free HTTP port when the wanted one is taken, and it exits 1 without
 * printing anything when the node fails to start.
 *
 * <p>Configuration (system properties, set by opensearch.sh):
 * <ul>
 * <li>local.basePath - runner base path (node home is basePath/node_1), required</li>
 * <li>local.httpPort - HTTP port (default 9201)</li>
 * <li>local.host - bind/publish host (default 127.0.0.1)</li>
 * <li>local.clusterName - cluster name (default coffee-hub)</li>
 * </ul>
 */
public final class LocalNode {

    /** Plugin classes the project relies on; refuse to start without them. */
    private static final String[] REQUIRED_PLUGINS = {
            "org.opensearch.analysis.common.CommonAnalysisPlugin", // analysis-common
            "org.opensearch.transport.Netty4Plugin", // transport-netty4 (HTTP)
            "org.opensearch.index.mapper.MapperExtrasPlugin", // mapper-extras
    };

    private LocalNode() {
    }

    public static void main(final String[] args) {
        final String basePath = System.getProperty("local.basePath");
        if (basePath == null || basePath.isEmpty()) {
            System.err.println("LocalNode: -Dlocal.basePath=... is required");
            System.exit(2);
        }
        final int httpPort = Integer.parseInt(System.getProperty("local.httpPort", "9201"));
        final String host = System.getProperty("local.host", "127.0.0.1");
        final String clusterName = System.getProperty("local.clusterName", "coffee-hub");

        for (final String cls : REQUIRED_PLUGINS) {
            try {
                Class.forName(cls);
            } catch (final ClassNotFoundException e) {
                System.err.println("LocalNode: required plugin class missing from classpath: " + cls);
                System.exit(3);
            }
        }

        final OpenSearchRunner runner = new OpenSearchRunner();
        // -1: do not probe/auto-increment ports; we pin http.port ourselves.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            settings.put("network.host", host);
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("discovery.type", "single-node");
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // A nearly full CI disk must not make shards unassignable (red/yellow forever).
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.destructive_requires_name", false);
        });

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("LocalNode: error while closing: " + e);
            }
        }, "local-node-shutdown"));

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(basePath)
                    .numOfNode(1)
                    .baseHttpPort(httpPort - 1) // node N listens on baseHttpPort + N
                    .clusterName(clusterName)
                    .printOnFailure());
            System.out.println("LocalNode: started, http://" + host + ":" + httpPort);
            while (!runner.isClosed()) {
                Thread.sleep(2000);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Throwable t) {
            System.err.println("LocalNode: failed to start OpenSearch");
            t.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }
}
