package org.lede.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lede.Services;
import org.lede.common.Failures;
import org.lede.db.Database;
import org.lede.demo.DemoAccounts;
import org.lede.demo.DemoContent;
import org.lede.importing.ImportJobs;
import org.lede.media.MediaService;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.related.GoDeeper;
import org.lede.search.Search;
import org.lede.story.PublishScheduler;
import org.lede.user.Role;
import org.lede.web.WebServer;
import org.lede.web.cache.CdnPurger;
import org.lede.web.support.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the reader site and the newsroom.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    Settings settings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "${env:LEDE_PORT:-8080}",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:LEDE_HOST:-0.0.0.0}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    SiteOptions siteOptions;

    @Option(
            names = "--cdn-purge-url",
            defaultValue = "${env:LEDE_CDN_PURGE_URL}",
            paramLabel = "TEMPLATE",
            description = "Purge a CDN's copies of changed pages: a POST per surrogate key to this address, {key} "
                    + "replaced, e.g. https://api.fastly.com/service/ID/purge/{key}.")
    String cdnPurgeUrl;

    @Option(
            names = "--cdn-purge-header",
            defaultValue = "${env:LEDE_CDN_PURGE_HEADER}",
            paramLabel = "'NAME: VALUE'",
            description = "A header for every purge request, such as an API token; repeatable. "
                    + "LEDE_CDN_PURGE_HEADER sets one without showing it in the process list.")
    List<String> cdnPurgeHeaders;

    @Option(
            names = "--trusted-proxy",
            defaultValue = "${env:LEDE_TRUSTED_PROXY}",
            split = ",",
            paramLabel = "ADDRESS|CIDR",
            description = "A reverse proxy whose X-Forwarded-For names the client, as an address or CIDR block "
                    + "(IPv4 or IPv6); repeatable or comma-separated. Without it the header is ignored, so behind a "
                    + "proxy every client would share the proxy's sign-in limit.")
    List<String> trustedProxies;

    @Option(
            names = "--content-api-key",
            defaultValue = "${env:LEDE_CONTENT_API_KEY}",
            split = ",",
            paramLabel = "KEY",
            description = "Require this key of content API clients (/api/v1), sent as \"Authorization: Bearer KEY\" "
                    + "or ?key=KEY; repeatable, so a key can be replaced without a gap. Without it the API is open. "
                    + "LEDE_CONTENT_API_KEY (comma-separated) keeps keys out of the process list.")
    List<String> contentApiKeys;

    @Option(
            names = "--webhooks-allow-private",
            description =
                    "Let webhooks reach loopback, private, link-local and cloud-metadata addresses (a receiver on "
                            + "this machine or its network). Without it those are refused at registration and at each delivery, "
                            + "so whoever registers a webhook cannot make the server call inside its own network.")
    boolean webhooksAllowPrivate;

    @Option(names = "--demo", description = "Load the demo newsroom first; what is already there is left alone.")
    boolean demo;

    private List<String> contentApiKeys() {
        if (contentApiKeys == null) {
            return List.of();
        }
        List<String> keys =
                contentApiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        for (String key : keys) {
            // RFC 6750's b64token: what a client can send after "Bearer " as it is.
            if (!key.matches("[A-Za-z0-9._~+/-]+=*")) {
                throw new StartupException("--content-api-key takes letters, digits and - . _ ~ + / (then = padding).");
            }
        }
        return keys;
    }

    /** Counted down when the server should stop; tests use it to stop a server started in-process. */
    final CountDownLatch stop = new CountDownLatch(1);

    volatile int boundPort = -1;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new StartupException("the port must be from 0 to 65535, not " + port + ".");
        }
        checkPortFree();
        Path dataDir = settings.writableDataDir();
        SiteSettings site = siteOptions.site("http://localhost" + (port == 0 ? "" : ":" + port), settings.zone());
        WebServer.Options options = new WebServer.Options(cdnPurge(), clientAddress(), webhooksAllowPrivate)
                .withContentApiKeys(contentApiKeys());
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, clock);
            if (demo) {
                int added = new DemoContent(services, dataDir.resolve("media")).load();
                spec.commandLine()
                        .getOut()
                        .println("Demo content: " + (added == 0 ? "already loaded" : added + " stories added") + ".");
                printDemoAccounts(
                        new DemoAccounts(services.userService()).ensure(), site.baseUrl() + "/newsroom/login");
            }
            // Images still being processed (the demo's, an upload's) finish before the database closes,
            // and the search index closes after the server that reads it.
            try (Search search = services.search();
                    GoDeeper goDeeper = services.goDeeper();
                    MediaService images = services.mediaService();
                    PublishScheduler ignored = new PublishScheduler(
                                    services.storyService(),
                                    Duration.ofSeconds(15),
                                    e -> LOG.error("Scheduled publishing failed; trying again shortly", e))
                            .start()) {
                ReaderQueries reader = services.readerQueries(site);
                WebServer server = new WebServer(
                        services,
                        reader,
                        clock,
                        options.withImports(
                                new ImportJobs(ImportRunners.of(services), dataDir.resolve("imports"), clock)));
                try {
                    server.start(host, port);
                } catch (RuntimeException e) {
                    throw new StartupException(
                            "cannot listen on " + host + ":" + port + ": " + Failures.rootMessage(e));
                }
                boundPort = server.port();
                var out = spec.commandLine().getOut();
                out.println("Lede is running at http://localhost:" + boundPort + "/ (database: " + db.describe() + ")");
                if (!services.userService().hasUsers()) {
                    out.println("No newsroom accounts yet. Create the owner account (this link works once): "
                            + site.baseUrl() + server.setupPath());
                }
                Thread hook = new Thread(stop::countDown, "lede-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stop.await();
                } finally {
                    server.stop();
                }
            }
        }
        return 0;
    }

    private ClientAddress clientAddress() {
        try {
            return ClientAddress.trusting(trustedProxies == null ? List.of() : trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new StartupException("--trusted-proxy: " + e.getMessage() + ".");
        }
    }

    /**
     * A port in use is found before the database is created or migrated, so a second start by
     * mistake changes nothing. The server binds again later; this only fails early and cleanly.
     */
    private void checkPortFree() {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As Jetty binds: a port whose old connections are still closing is free to use.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupException("cannot listen on " + host + ":" + port + ": " + Failures.rootMessage(e));
        }
    }

    private CdnPurger.Target cdnPurge() {
        // An empty LEDE_CDN_PURGE_HEADER arrives as one blank header.
        List<String> headers = cdnPurgeHeaders == null
                ? List.of()
                : cdnPurgeHeaders.stream().filter(h -> !h.isBlank()).toList();
        if (cdnPurgeUrl == null || cdnPurgeUrl.isBlank()) {
            if (!headers.isEmpty()) {
                throw new StartupException("--cdn-purge-header needs --cdn-purge-url.");
            }
            return null;
        }
        try {
            return CdnPurger.Target.parse(cdnPurgeUrl.strip(), headers);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage() + ".");
        }
    }

    /** Passwords are printed once, when made: only their hashes are kept, so a later start cannot show them. */
    private void printDemoAccounts(List<DemoAccounts.Created> created, String signIn) {
        var out = spec.commandLine().getOut();
        if (created.isEmpty()) {
            out.println("Demo accounts: already exist (admin, editor, writer and contributor @" + DemoAccounts.DOMAIN
                    + "); their passwords were printed when they were created.");
            return;
        }
        out.println("Demo accounts created; sign in at " + signIn + ". These passwords are shown only now:");
        for (DemoAccounts.Created account : created) {
            out.printf("  %-12s %-30s %s%n", account.role().key(), account.email(), account.password());
        }
        if (created.size() < Role.values().length) {
            out.println("  (the other demo accounts already existed and were left alone)");
        }
        out.flush();
    }
}
