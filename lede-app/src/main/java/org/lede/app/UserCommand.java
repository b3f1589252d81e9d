package org.lede.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage newsroom accounts.",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
                Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
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
