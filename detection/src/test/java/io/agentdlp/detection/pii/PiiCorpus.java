package io.agentdlp.detection.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates valid personal values of every type (check digits computed, not copied) and labeled
 * documents that mix them with hard negatives: test card numbers, documentation IPs and domains,
 * version strings, hashes, UUIDs, timestamps, failing checksums.
 */
final class PiiCorpus {
    private static final String[] FIRST = {"maria", "li", "arjun", "fatima", "jonas", "chloe", "mateo", "aiko", "olu", "sven"};
    private static final String[] LAST = {"schmidt", "wang", "patel", "haddad", "berg", "martin", "garcia", "tanaka", "adeyemi", "lund"};
    private static final String[] DOMAINS = {"kontor-berlin.de", "mailbox.org", "gmail.com", "acme-payments.io", "uni-wien.ac.at", "corp.co.uk"};
    private static final String[] FAKE_DOMAINS = {"example.com", "example.org", "test.example", "corp.invalid"};

    private final Random rnd;

    PiiCorpus(long seed) {
        rnd = new Random(seed);
    }

    /** A document and the values it truly contains. */
    record LabeledDoc(String text, List<Label> labels) {
    }

    record Label(PiiType type, String value) {
    }

    String email() {
        return FIRST[rnd.nextInt(FIRST.length)] + "." + LAST[rnd.nextInt(LAST.length)] + rnd.nextInt(1000)
                + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
    }

    String usPhone() {
        // area codes in service; exchanges avoid N11 and the 555 fictional block
        int[] areas = {212, 213, 206, 303, 312, 404, 415, 503, 512, 602, 617, 619, 646, 650, 702, 713, 718, 805, 858, 917};
        int area = areas[rnd.nextInt(areas.length)];
        int exchange = 200 + rnd.nextInt(700);
        while (exchange % 100 == 11 || exchange == 555) {
            exchange = 200 + rnd.nextInt(700);
        }
        return String.format(Locale.ROOT, "(%d) %d-%04d", area, exchange, rnd.nextInt(10000));
    }

    String intlPhone() {
        return String.format(Locale.ROOT, "+49 30 %08d", 20000000 + rnd.nextInt(70000000));
    }

    String card() {
        String[] prefixes = {"4", "51", "52", "53", "54", "55", "2221", "2720", "6011"};
        String prefix = prefixes[rnd.nextInt(prefixes.length)];
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 15) {
            sb.append(rnd.nextInt(10));
        }
        sb.append(luhnDigit(sb));
        String d = sb.toString();
        return d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12);
    }

    String badLuhnCard() {
        String c = card().replace(" ", "");
        char last = c.charAt(15);
        return c.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
    }

    String iban() {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            bban.append(rnd.nextInt(10));
        }
        String check = ibanCheck("DE", bban.toString());
        return "DE" + check + bban;
    }

    String ssn() {
        int area = 1 + rnd.nextInt(665);
        if (area == 666) {
            area = 667;
        }
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + rnd.nextInt(99), 1 + rnd.nextInt(9999));
    }

    String nino() {
        String letters = "ABCEHJKLMNPRSTWXYZ";
        String first;
        do {
            first = "" + letters.charAt(rnd.nextInt(letters.length())) + letters.charAt(rnd.nextInt(letters.length()));
        } while (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(first) || first.charAt(1) == 'O');
        return String.format(Locale.ROOT, "%s %02d %02d %02d %c", first, rnd.nextInt(100), rnd.nextInt(100),
                rnd.nextInt(100), "ABCD".charAt(rnd.nextInt(4)));
    }

    String dni() {
        int n = 10_000_000 + rnd.nextInt(89_999_999);
        return n + "" + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    String chineseId() {
        StringBuilder sb = new StringBuilder("110105");
        sb.append(String.format(Locale.ROOT, "%04d%02d%02d", 1950 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
        sb.append(String.format(Locale.ROOT, "%03d", rnd.nextInt(1000)));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (sb.charAt(i) - '0') * w[i];
        }
        return sb.append("10X98765432".charAt(sum % 11)).toString();
    }

    String aadhaar() {
        while (true) {
            StringBuilder sb = new StringBuilder().append(2 + rnd.nextInt(8));
            for (int i = 0; i < 10; i++) {
                sb.append(rnd.nextInt(10));
            }
            for (int d = 0; d <= 9; d++) {
                String cand = sb.toString() + d;
                if (Checksums.verhoeff(cand)) {
                    return cand.substring(0, 4) + " " + cand.substring(4, 8) + " " + cand.substring(8);
                }
            }
        }
    }

    String publicIpv4() {
        int[] firsts = {31, 46, 62, 81, 85, 91, 104, 151, 185, 212};
        return firsts[rnd.nextInt(firsts.length)] + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    String dob() {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", 1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    }

    /** A hard negative that must produce no finding. */
    String negative() {
        return switch (rnd.nextInt(12)) {
            case 0 -> "contact " + FIRST[rnd.nextInt(FIRST.length)] + "@" + FAKE_DOMAINS[rnd.nextInt(FAKE_DOMAINS.length)];
            case 1 -> "test card 4242 4242 4242 4242";
            case 2 -> "charge " + badLuhnCard();
            case 3 -> "upstream 10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
            case 4 -> "see 192.0.2." + rnd.nextInt(256);
            case 5 -> "version " + rnd.nextInt(20) + "." + rnd.nextInt(20) + "." + rnd.nextInt(20) + "." + rnd.nextInt(200);
            case 6 -> "sha256:" + hex(64);
            case 7 -> "id " + java.util.UUID.nameUUIDFromBytes(hex(8).getBytes()).toString();
            case 8 -> "ts " + (1_600_000_000_000L + rnd.nextInt(Integer.MAX_VALUE));
            case 9 -> "created_at: 2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9);
            case 10 -> "order #" + (100_000_000 + rnd.nextInt(899_999_999));
            default -> "git@github.com:acme/service-" + rnd.nextInt(100) + ".git";
        };
    }

    /** A document in one of several agent-like shapes, with 1-4 labeled values and 1-4 hard negatives. */
    LabeledDoc document() {
        List<Label> labels = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int shape = rnd.nextInt(3);
        sb.append(switch (shape) {
            case 0 -> "User prompt: can you fix the customer import? Sample rows:\n";
            case 1 -> "{\"tool\":\"Bash\",\"stdout\":\"";
            default -> "# fixture data\n";
        });
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            PiiType t = PiiType.values()[rnd.nextInt(PiiType.values().length)];
            String value;
            String line;
            switch (t) {
                case EMAIL -> { value = email(); line = "email: " + value; }
                case PHONE -> { value = rnd.nextBoolean() ? usPhone() : intlPhone(); line = "phone: " + value; }
                case PAYMENT_CARD -> { value = card(); line = "card_number=" + value; }
                case IBAN -> { value = iban(); line = "iban: " + value; }
                case US_SSN -> { value = ssn(); line = "ssn " + value; }
                case UK_NINO -> { value = nino(); line = "nino " + value; }
                case EU_NATIONAL_ID -> { value = dni(); line = "dni " + value; }
                case CN_RESIDENT_ID -> { value = chineseId(); line = "id_card " + value; }
                case IN_AADHAAR -> { value = aadhaar(); line = "aadhaar " + value; }
                case IP_ADDRESS -> { value = publicIpv4(); line = "client_ip=" + value; }
                default -> { value = dob(); line = "date_of_birth: " + value; }
            }
            labels.add(new Label(t, value));
            sb.append(line).append(shape == 1 ? "\\n" : "\n");
            sb.append(negative()).append(shape == 1 ? "\\n" : "\n");
        }
        if (shape == 1) {
            sb.append("\"}");
        }
        return new LabeledDoc(sb.toString(), labels);
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
        }
        return sb.toString();
    }

    static char luhnDigit(CharSequence partial) {
        for (char d = '0'; d <= '9'; d++) {
            if (Checksums.luhn(partial.toString() + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }

    static String ibanCheck(String country, String bban) {
        for (int c = 2; c <= 98; c++) {
            String iban = country + String.format(Locale.ROOT, "%02d", c) + bban;
            if (Checksums.ibanMod97(iban)) {
                return String.format(Locale.ROOT, "%02d", c);
            }
        }
        throw new IllegalStateException("no IBAN check digits");
    }
}
