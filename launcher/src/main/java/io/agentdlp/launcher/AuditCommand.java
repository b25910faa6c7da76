package io.agentdlp.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.agentdlp.audit.AuditTrailVerifier;
import io.agentdlp.audit.AuditVerification;
import io.agentdlp.audit.AuditViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code agentdlp audit}: work with exported agent audit trails. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Agent audit trail tools.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code agentdlp audit verify FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chains of an exported audit trail (JSON Lines, '-' for stdin).",
                    "Exit code 0 = intact, 1 = tampered (each broken record is named), 2 = error."})
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Exported trail (.jsonl), or - for stdin.")
        String file;

        @Override
        public Integer call() throws IOException {
            AuditVerification v;
            try (BufferedReader in = file.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                v = new AuditTrailVerifier().verify(in);
            }
            for (String p : v.partialStarts()) {
                System.out.println("note: " + p + " (earlier records are not in this export)");
            }
            for (AuditViolation x : v.violations()) {
                System.out.println("BROKEN " + x);
            }
            System.out.printf("%d records, %d sessions: %s%n", v.records(), v.sessions(),
                    v.intact() ? "intact" : v.violations().size() + " broken link(s)");
            return v.intact() ? 0 : 1;
        }
    }
}
