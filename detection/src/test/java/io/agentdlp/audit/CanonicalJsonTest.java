package io.agentdlp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Every char class the escaping distinguishes: controls, quote, backslash, slash, DEL, Latin-1, U+2028, surrogates. */
    private static final String ALPHABET = "aZ09 _-./\\\"'\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f\u0080\u00e9\u00ff"
            + "\u0394\u2028\u2029\u20ac\ufeff\uffff\ud83d\ude00\ud800\udc00";

    @Test
    void givesExactlyTheTextOfJsonNodeToStringOnRandomRecords() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int i = 0; i < 20_000; i++) {
            JsonNode record = value(random, 0);
            assertThat(CanonicalJson.utf8(record)).as("record %d", i).isEqualTo(referenceUtf8(record));
        }
    }

    @Test
    void givesTheReferenceTextForEveryCharAsAKeyAndAValue() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "k" + (char) c + "v";
            ObjectNode record = NODES.objectNode().put(s, s);
            assertThat(CanonicalJson.utf8(record)).as("char %04x", c).isEqualTo(referenceUtf8(record));
        }
    }

    @Test
    void sortsKeysAtEveryLevelAndParsesBack() throws Exception {
        ObjectNode record = NODES.objectNode();
        record.put("b", 1).put("a", "x\ny");
        record.putObject("c").put("z", true).putNull("m").putArray("a").add(2.5).add(-7L);
        String text = new String(CanonicalJson.utf8(record), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"a\":\"x\\ny\",\"b\":1,\"c\":{\"a\":[2.5,-7],\"m\":null,\"z\":true}}");
        // a party that parses the text and canonicalises it again gets the same bytes
        assertThat(CanonicalJson.utf8(new ObjectMapper().readTree(text))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givesTheReferenceBytesForSurrogatesEscapesAndKeysAtBufferEdges() {
        String[] strings = {"", "\ud800", "\udc00", "a\ud800", "\ud800\u0001", "\ud800\ud800\udc00", "\udc00\ud800",
            "\ud83d\ude00", "\u0000\u001f\u007f", "K", "k", "\u00e9", "e\u0301", "\uffff", "\\\"/"};
        ObjectNode record = NODES.objectNode();
        for (String key : strings) {
            record.put(key, key);
            record.putArray(key + "\ud800").add(key).add(Double.NaN).add(Double.NEGATIVE_INFINITY).add(-0.0)
                    .add(Long.MIN_VALUE).add(Integer.MIN_VALUE).add(new BigInteger("-123456789012345678901234567890"))
                    .add(new byte[] {1, 2, (byte) 0xFF}).add(Float.MIN_VALUE);
        }
        assertThat(CanonicalJson.utf8(record)).isEqualTo(referenceUtf8(record));
        for (int size : new int[] {2040, 2047, 2048, 2049, 5000, 70_000}) {
            ObjectNode big = NODES.objectNode().put("x", "\u0001\ud83d\ude00\u20ac".repeat(size / 4) + "\ud800");
            big.putObject("y").put("\ud800".repeat(size), "\u0000".repeat(size));
            assertThat(CanonicalJson.utf8(big)).as("size %d", size).isEqualTo(referenceUtf8(big));
        }
    }

    @Test
    void chainHashesEqualTheHashOfTheReferenceText() throws Exception {
        SplittableRandom random = new SplittableRandom(20261126L);
        for (int i = 0; i < 5_000; i++) {
            ObjectNode record = NODES.objectNode();
            record.set("activity", value(random, 1));
            record.set(string(random), value(random, 1));
            String prev = HexFormat.of().formatHex(new byte[32]).replace('0', (char) ('a' + random.nextInt(6)));
            String hash = AuditChain.link(record, string(random), random.nextLong(), prev);
            ObjectNode withoutHash = record.deepCopy();
            ((ObjectNode) withoutHash.get("unmapped")).remove(AuditChain.HASH);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((prev + "\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(hash).as("record %d", i)
                    .isEqualTo(HexFormat.of().formatHex(sha.digest(referenceUtf8(withoutHash))))
                    .isEqualTo(AuditChain.expectedHash(record));
        }
    }

    private static byte[] referenceUtf8(JsonNode record) {
        return CanonicalJsonReference.of(record).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode value(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth >= 3 ? 11 : 13);
        return switch (kind) {
            case 0, 1, 2 -> NODES.textNode(string(r));
            case 3 -> NODES.numberNode(r.nextInt());
            case 4 -> NODES.numberNode(r.nextLong());
            case 5 -> NODES.numberNode((short) r.nextInt());
            case 6 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(-30, 30)));
            case 7 -> NODES.numberNode((float) r.nextDouble());
            case 8 -> r.nextBoolean() ? NODES.numberNode(new BigInteger(80, new java.util.Random(r.nextLong())))
                    : NODES.numberNode(new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(12)));
            case 9 -> NODES.booleanNode(r.nextBoolean());
            case 10 -> NODES.nullNode();
            case 11 -> {
                ObjectNode o = NODES.objectNode();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.set(string(r), value(r, depth + 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = NODES.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                yield a;
            }
        };
    }

    private static String string(SplittableRandom r) {
        int n = r.nextInt(12);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
