package org.lede.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.user.Actor;
import org.lede.user.ResetLink;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage newsroom accounts.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.SetRole.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.ResetPassword.class
        })
final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs one account command against the configured database. The command line acts as the
     * system: whoever can run it can read the database anyway. The service's rules still hold,
     * so the last active admin cannot be disabled or demoted from here either.
     */
    private static void withUsers(Settings settings, CommandSpec spec, BiConsumer<UserService, PrintWriter> work) {
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            work.accept(services.userService(), out);
            out.flush();
        }
    }

    private static User member(UserService users, String email) {
        return users.findByEmail(email)
                .orElseThrow(() -> new StartupException("there is no account for " + email + "."));
    }

    /** A command about one existing account, named by its email: the options and the lookup they share. */
    abstract static class MemberCommand implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The account's email.")
        String email;

        @Override
        public Integer call() {
            withUsers(
                    settings,
                    spec,
                    (users, out) -> act(users, member(users, email).id(), out));
            return 0;
        }

        abstract void act(UserService users, String memberId, PrintWriter out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the newsroom's accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            withUsers(settings, spec, (users, out) -> {
                for (User user : users.all(Actor.SYSTEM)) {
                    out.println(String.join(
                            "\t",
                            user.email(),
                            user.role().key(),
                            user.disabled() ? "disabled" : "active",
                            user.name()));
                }
            });
            return 0;
        }
    }

    @Command(
            name = "set-role",
            mixinStandardHelpOptions = true,
            description = "Give an account another role; its sessions end.")
    static final class SetRole extends MemberCommand {

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, editor, writer or contributor.")
        String role;

        @Override
        void act(UserService users, String memberId, PrintWriter out) {
            User user = users.setRole(Actor.SYSTEM, memberId, Role.parse(role));
            out.println(user.email() + " is now " + user.role().key() + "; their sessions were ended.");
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Stop an account from signing in and end its sessions; its work stays.")
    static final class Disable extends MemberCommand {

        @Override
        void act(UserService users, String memberId, PrintWriter out) {
            User user = users.disable(Actor.SYSTEM, memberId);
            out.println("Disabled " + user.email() + ": signed out everywhere and cannot sign in.");
        }
    }

    @Command(
            name = "enable",
            mixinStandardHelpOptions = true,
            description = "Let a disabled account sign in again with its password.")
    static final class Enable extends MemberCommand {

        @Override
        void act(UserService users, String memberId, PrintWriter out) {
            User user = users.enable(Actor.SYSTEM, memberId);
            out.println("Enabled " + user.email() + ".");
        }
    }

    @Command(
            name = "reset-password",
            mixinStandardHelpOptions = true,
            description = "Print a link, valid for one hour and only once, where the account chooses a new password; "
                    + "its sessions end.")
    static final class ResetPassword extends MemberCommand {

        @Option(
                names = "--base-url",
                defaultValue = "${env:LEDE_BASE_URL:-http://localhost:8080}",
                paramLabel = "URL",
                description = "The site's public address, which the link starts with (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Override
        void act(UserService users, String memberId, PrintWriter out) {
            ResetLink link = users.issueResetLink(Actor.SYSTEM, memberId);
            out.println("Password-reset link for " + link.user().email() + " (valid for one hour, works once;"
                    + " give it to them by a channel only they read):");
            out.println(baseUrl.replaceAll("/+$", "") + link.path());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a newsroom account and print its generated password once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Settings settings;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The address used to sign in.")
        String email;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, editor, writer or contributor.")
        String role;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "The name shown in the newsroom (default: the part of the email before @).")
        String name;

        @Option(
                names = "--password-stdin",
                description = "Read the password from the first line of standard input instead of generating one.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            String password = passwordStdin ? readPassword() : UserService.randomToken();
            String shownName = name != null && !name.isBlank()
                    ? name
                    : email == null || email.indexOf('@') <= 0 ? email : email.substring(0, email.indexOf('@'));
            Path dataDir = settings.writableDataDir();
            try (Database db = Database.open(settings.database(dataDir))) {
                Services services = settings.services(db, dataDir, Clock.systemUTC());
                // The command line is trusted like the server's owner: whoever can run it can read the database anyway.
                User user = services.userService().create(Actor.SYSTEM, email, shownName, parsed, password);
                var out = spec.commandLine().getOut();
                out.println("email: " + user.email());
                out.println("name: " + user.name());
                out.println("role: " + user.role().key());
                out.println(
                        passwordStdin
                                ? "password: (as given on standard input)"
                                : "password: " + password + "  (shown only now; keep it somewhere safe)");
                out.flush();
            }
            return 0;
        }

        /** Only the first line, so `echo secret | lede user add ...` works without a trailing newline in the password. */
        private static String readPassword() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new StartupException("--password-stdin was given, but standard input held no password.");
                }
                return line;
            } catch (IOException e) {
                throw new StartupException("cannot read the password from standard input: " + e.getMessage() + ".");
            }
        }
    }
}
