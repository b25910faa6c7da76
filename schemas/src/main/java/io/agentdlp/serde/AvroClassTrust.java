package io.agentdlp.serde;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro 1.12.2+ instantiate agentdlp's generated classes. That release refuses to load any class
 * not on its allow-list ({@code SecurityException: Forbidden ... This class is not trusted}), even a
 * generated SpecificRecord read through its own {@code fromByteBuffer}, and even a generated builder
 * whose fields default to a record type (it deep-copies the default through a datum reader). Loading
 * any serializer, deserializer or {@code TopicSerdes} installs one
 * global validator, composed with the one in place before, that also accepts
 * {@code io.agentdlp.avro.*} and whatever {@code avro.trusted.classes} adds. Entries ending in
 * {@code .} are package prefixes; other entries are exact class names.
 *
 * <p>The validator is process-wide (Avro offers nothing narrower); code that later replaces Avro's
 * global validator must compose with {@link ClassSecurityValidator#getGlobal()}. Entry points that
 * build generated records before creating any serde call {@link #trustGenerated()} first (or start
 * the JVM with {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.agentdlp.avro}).
 */
public final class AvroClassTrust {
    /** Package of the classes generated from {@code schemas/src/main/avro}. */
    public static final String GENERATED_PACKAGE = "io.agentdlp.avro.";

    private static final Set<String> TRUSTED = new CopyOnWriteArraySet<>(Set.of(GENERATED_PACKAGE));
    private static boolean installed;

    private AvroClassTrust() {
    }

    /** Trusts agentdlp's generated classes; idempotent. */
    public static void trustGenerated() {
        trust(Set.of());
    }

    /** Trusts agentdlp's generated classes plus {@code entries}; idempotent, cumulative. */
    public static synchronized void trust(Collection<String> entries) {
        for (String e : entries) {
            String trimmed = e.trim();
            if (trimmed.endsWith(".*")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (!trimmed.isEmpty()) {
                TRUSTED.add(trimmed);
            }
        }
        if (!installed) {
            ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, AvroClassTrust::isTrusted));
            installed = true;
        }
    }

    static boolean isTrusted(Class<?> c) {
        String name = c.getName();
        for (String entry : TRUSTED) {
            if (entry.endsWith(".") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
