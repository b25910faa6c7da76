import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Writes the Java trust store ({@code lib/security/cacerts}, PKCS12, the JDK's default password
 * "changeit") holding every certificate of a PEM bundle. Run as a source file by build-base-image.sh:
 * {@code java PemTrustStore.java BUNDLE.pem OUTPUT}. One JVM instead of one keytool run per root.
 */
public final class PemTrustStore {

  private PemTrustStore() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java PemTrustStore.java BUNDLE.pem OUTPUT");
    }
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new IllegalStateException("no certificate in " + args[0]);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (Certificate certificate : certificates) {
      X509Certificate x509 = (X509Certificate) certificate;
      store.setCertificateEntry(x509.getSubjectX500Principal().getName().toLowerCase() + " "
          + x509.getSerialNumber().toString(16), x509);
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      store.store(out, "changeit".toCharArray());
    }
    System.out.println("base image: trust store with " + store.size() + " certificates");
  }
}
