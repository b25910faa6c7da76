package io.agentdlp.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker key pair and a truststore holding its certificate, generated at test time with the JDK's
 * {@code keytool} (nothing is committed). The password is random per run.
 */
record TestCertificates(Path keyStore, Path trustStore, String password) {

    static TestCertificates generate(Path dir) throws IOException, InterruptedException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path keyStore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path trustStore = dir.resolve("truststore.p12");
        keytool(password, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass:env", "PW", "-keypass:env", "PW");
        keytool(password, "-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass:env", "PW", "-file", cert.toString());
        keytool(password, "-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass:env", "PW");
        return new TestCertificates(keyStore, trustStore, password);
    }

    private static void keytool(String password, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the password goes through the environment, never the command line
        pb.environment().put("PW", password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
