package org.lede.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.token.ApiToken;
import org.lede.token.CreatedToken;
import org.lede.user.Actor;
import org.lede.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Personal API tokens from the command line, through the same service as the account page. The
 * command line acts as the system, which may make and revoke anyone's tokens: whoever can run it
 * can read the database anyway.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage personal API tokens for the admin API.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private interface Work {
        void run(Services services, PrintWriter out);
    }

    private static void withServices(Settings settings, CommandSpec spec, Work work) {
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            work.run(services, out);
            out.flush();
        }
    }

    private static User member(Services services, String email) {
        return services.userService()
                .findByEmail(email)
                .orElseThrow(() -> new StartupException("there is no account for " + email + "."));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Make a token for a member and print it once; it acts with the member's role.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "The member's email.")
        String email;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
        String name;

        @Override
        public Integer call() {
            withServices(settings, spec, (services, out) -> {
                User user = member(services, email);
                CreatedToken created = services.apiTokenService().create(Actor.SYSTEM, user.id(), name);
                out.println("token: " + created.secret());
                out.println("id: " + created.token().id());
                out.println("user: " + user.email() + " (" + user.role().key() + ")");
                out.println("name: " + created.token().name());
                out.println("Send it as \"Authorization: Bearer <token>\" to /api/admin/v1/. It is not stored and"
                        + " is shown only this once.");
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a member's tokens, newest first.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "The member's email.")
        String email;

        @Override
        public Integer call() {
            withServices(settings, spec, (services, out) -> {
                User user = member(services, email);
                for (ApiToken t : services.apiTokenService().forUser(Actor.SYSTEM, user.id())) {
                    out.println(String.join(
                            "\t",
                            t.id(),
                            t.prefix() + "…",
                            t.revoked() ? "revoked " + t.revokedAt() : "active",
                            "made " + t.createdAt(),
                            "last used "
                                    + (t.lastUsedAt() == null
                                            ? "never"
                                            : t.lastUsedAt().toString()),
                            t.name()));
                }
            });
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The token's id, as listed.")
        String id;

        @Override
        public Integer call() {
            withServices(settings, spec, (services, out) -> {
                ApiToken token = services.apiTokenService().revoke(Actor.SYSTEM, id);
                out.println("Revoked \"" + token.name() + "\" (" + token.prefix() + "…); it no longer works.");
            });
            return 0;
        }
    }
}
