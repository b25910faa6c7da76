package io.agentdlp.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.agentdlp.alerts.AlertsConfig;
import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.auth.ApiTokens;
import io.agentdlp.alerts.auth.PasswordHasher;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.auth.UserStore;
import io.agentdlp.alerts.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp alerts}: the SOC console and SIEM sinks. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Run the alerts console (live feed, triage, overview) and the configured SIEM sinks.",
                "Settings come from --config, AGENTDLP_* environment variables and the options below;",
                "see docs/alerts.md for every key."},
        subcommands = {AlertsCommand.AddUser.class, AlertsCommand.AddToken.class})
final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Properties file with alerts.* settings.")
    Path config;

    @Option(names = "--port", description = "Console port (default 8088).")
    Integer port;

    @Option(names = "--host", description = "Console bind address (default 127.0.0.1).")
    String host;

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default localhost:9092).")
    String bootstrap;

    @Option(names = "--schema-registry", description = "Schema registry URL (default http://localhost:8081).")
    String registry;

    @Option(names = "--data-dir", defaultValue = "${env:AGENTDLP_DATA_DIR:-.agentdlp}",
            description = "Where the default user file lives when none is configured (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("alerts.http.port", port.toString());
        }
        if (host != null) {
            overrides.put("alerts.http.host", host);
        }
        if (bootstrap != null) {
            overrides.put("kafka.bootstrap.servers", bootstrap);
        }
        if (registry != null) {
            overrides.put("schema.registry.url", registry);
        }
        Settings settings = AlertsConfig.load(config, System.getenv(), overrides);
        AlertsConfig cfg = new AlertsConfig(settings);
        if (cfg.usersFile() == null && !cfg.oidcEnabled() && cfg.apiTokensFile() == null) {
            Path users = dataDir.resolve("alerts").resolve("users").toAbsolutePath();
            bootstrapAdmin(users);
            overrides.put("alerts.auth.users-file", users.toString());
            settings = AlertsConfig.load(config, System.getenv(), overrides);
        }
        try (AlertsService service = AlertsService.start(settings, Clock.systemUTC(), System.out)) {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "agentdlp-alerts-shutdown"));
            System.out.println();
            System.out.println("agentdlp alerts console: " + service.url());
            System.out.println("Press Ctrl-C to stop.");
            stop.await();
        }
        return 0;
    }

    /** First start without any sign-in configured: one admin with a random password, shown once. */
    private static void bootstrapAdmin(Path users) throws IOException {
        if (Files.exists(users)) {
            return;
        }
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
        UserStore.upsert(users, "admin", Role.ADMIN, password, PasswordHasher.DEFAULT_ITERATIONS);
        System.out.println("Created the console user 'admin' in " + users + ".");
        System.out.println("Its password, shown only now: " + new String(password));
        System.out.println("Add users with: ./agentdlp alerts add-user <name> --role viewer|triager|admin --users-file " + users);
    }

    /** {@code agentdlp alerts add-user}: adds or replaces a console user (password from the terminal or stdin). */
    @Command(name = "add-user", mixinStandardHelpOptions = true,
            description = "Add or replace a console user; the password is read from the terminal (or one line of stdin).")
    static final class AddUser implements Callable<Integer> {
        @Parameters(index = "0", description = "User name.")
        String name;

        @Option(names = "--role", required = true, description = "viewer, triager or admin.")
        String role;

        @Option(names = "--users-file", defaultValue = "${env:AGENTDLP_ALERTS_AUTH_USERS_FILE:-.agentdlp/alerts/users}",
                description = "User file (default: ${DEFAULT-VALUE}).")
        Path usersFile;

        @Option(names = "--iterations", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS,
                description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            if (password.length < 12) {
                System.err.println("the password must have at least 12 characters");
                return 2;
            }
            UserStore.upsert(usersFile, name, Role.parse(role), password, iterations);
            System.out.println("User '" + name + "' (" + Role.parse(role).id() + ") saved in " + usersFile.toAbsolutePath());
            return 0;
        }

        private static char[] readPassword() throws IOException {
            Console c = System.console();
            if (c != null) {
                char[] p = c.readPassword("Password: ");
                char[] again = c.readPassword("Again: ");
                if (!java.util.Arrays.equals(p, again)) {
                    throw new IllegalArgumentException("the passwords differ");
                }
                return p;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    /** {@code agentdlp alerts add-token}: creates an API token for scripts and SOAR tools. */
    @Command(name = "add-token", mixinStandardHelpOptions = true,
            description = "Create an API token (printed once) and append its hash to the token file.")
    static final class AddToken implements Callable<Integer> {
        @Parameters(index = "0", description = "Token name (shown in the audit trail).")
        String name;

        @Option(names = "--role", required = true, description = "viewer, triager or admin.")
        String role;

        @Option(names = "--tokens-file", defaultValue = "${env:AGENTDLP_ALERTS_AUTH_API_TOKENS_FILE:-.agentdlp/alerts/api-tokens}",
                description = "Token file (default: ${DEFAULT-VALUE}).")
        Path tokensFile;

        @Override
        public Integer call() throws IOException {
            String token = ApiTokens.generate();
            Path dir = tokensFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.write(tokensFile, List.of(ApiTokens.line(name, Role.parse(role), token)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("Token for '" + name + "' (shown only now): " + token);
            System.out.println("Set alerts.auth.api-tokens-file=" + tokensFile.toAbsolutePath());
            return 0;
        }
    }
}
