package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PiiScannerTest {
    private static final KeyedHasher HASHER = KeyedHasher.fromSecret("test-key-0123456789abcdef");
    private final PiiScanner scanner = new PiiScanner(HASHER, PiiOptions.defaults());

    private List<String> rules(String text) {
        return scanner.scan(text).findings().stream().map(Finding::ruleId).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0} found in: {1}")
    @CsvSource(delimiter = '|', value = {
            "pii.email          | please mail maria.schmidt@kontor-berlin.de about it",
            "pii.phone          | call me on +49 30 12345678 tomorrow",
            "pii.phone          | office: (415) 867-5309",
            "pii.payment-card   | card 4556 7375 8689 9855 exp 09/29",
            "pii.payment-card   | amex 3782 822463 10013",
            "pii.iban           | IBAN: DE44 5001 0517 5407 3249 31",
            "pii.us-ssn         | employee ssn 536-22-8712",
            "pii.us-ssn         | \"ssn\": \"536228712\"",
            "pii.uk-nino        | NI number AB 12 34 56 C",
            "pii.eu-national-id | DNI 12345678Z",
            "pii.eu-national-id | bsn: 111222333",
            "pii.eu-national-id | PESEL 44051401359",
            "pii.eu-national-id | hetu 131052-308T",
            "pii.eu-national-id | personnummer 811218-9876",
            "pii.cn-resident-id | 身份证 11010519491231002X",
            "pii.in-aadhaar     | aadhaar 2345 6789 0124",
            "pii.ip-address     | client 81.2.69.142 connected",
            "pii.ip-address     | from 2a00:1450:4001:82b::200e",
            "pii.date-of-birth  | {\"date_of_birth\": \"1984-03-17\"}",
            "pii.date-of-birth  | DOB: 17/03/1984",
    })
    void findsValidatedPersonalData(String rule, String text) {
        assertThat(rules(text)).contains(rule);
    }

    @ParameterizedTest(name = "nothing in: {0}")
    @CsvSource(delimiter = '|', value = {
            "mail john@example.com or ops@corp.example",
            "git@github.com:acme/app.git",
            "icon@2x.png and logo@3x.svg",
            "12345+dependabot[bot]@users.noreply.github.com",
            "card 4111 1111 1111 1111 is Visa's test number",
            "stripe test 4242424242424242",
            "not luhn 4556 7375 8689 9856",
            "sample GB82 WEST 1234 5698 7654 32",
            "bad check DE44 5001 0517 5407 3249 32",
            "ssn 078-05-1120 (the Woolworth wallet number)",
            "area 666-12-3456 never issued",
            "9 digits without label 536228712",
            "NI prefix GB 12 34 56 C invalid",
            "DNI 12345678A wrong letter",
            "order 111222333 plain number",
            "aadhaar-like 2345 6789 0123 failing Verhoeff",
            "id 11010519491231002Y wrong check",
            "private 10.0.0.12 and 192.168.1.20 and 127.0.0.1",
            "docs 192.0.2.10 198.51.100.7 203.0.113.99",
            "version 1.2.3.4 v10.20.30.40",
            "ipv6 docs 2001:db8::1 and loopback ::1 and fe80::1",
            "C++ std::vector<int> and a::b",
            "timestamp 1700000000123 and build 20240117123045",
            "fictional (555) 555-0123",
            "uk drama 07700 900123",
            "created 2024-03-17 by admin",
            "sha 4556737586899855aa",
    })
    void ignoresLookAlikes(String text) {
        assertThat(scanner.scan(text).findings()).isEmpty();
    }

    @Test
    void findingsCarryLocationPreviewAndKeyedHashButNeverTheValue() {
        String text = "line one\n  contact: maria.schmidt@kontor-berlin.de\n";
        List<Finding> findings = scanner.scan(text).findings();
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.detector()).isEqualTo("pii");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo(12);
        assertThat(f.offset()).isEqualTo(text.indexOf("maria"));
        assertThat(f.length()).isEqualTo("maria.schmidt@kontor-berlin.de".length());
        assertThat(f.redactedPreview()).doesNotContain("schmidt").endsWith("********");
        assertThat(f.keyedHash()).isEqualTo(HASHER.hash("maria.schmidt@kontor-berlin.de")).hasSize(64);
        assertThat(f.toString()).doesNotContain("schmidt@");
    }

    @Test
    void sameValueInTwoTextsGivesTheSameHash() {
        String a = scanner.scan("ssn 536-22-8712").findings().get(0).keyedHash();
        String b = scanner.scan("\"ssn\":\"536228712\"").findings().get(0).keyedHash();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void overlappingMatchesKeepTheMostSpecificType() {
        // an 18-digit Chinese id also contains digit runs a phone or card matcher might like
        assertThat(rules("id 11010519491231002X")).containsExactly("pii.cn-resident-id");
    }

    @Test
    void csvDumpRaisesABulkFindingWithCountsByType() {
        StringBuilder csv = new StringBuilder("id,name,email,phone,card\n");
        PiiCorpus gen = new PiiCorpus(7);
        for (int i = 0; i < 25; i++) {
            csv.append(i).append(",Person ").append(i).append(',').append(gen.email()).append(',')
                    .append(gen.usPhone()).append(',').append(gen.card()).append('\n');
        }
        PiiScanResult r = scanner.scan(csv);
        assertThat(r.bulk()).isTrue();
        assertThat(r.distinctCounts()).containsEntry(PiiType.EMAIL, 25).containsEntry(PiiType.PAYMENT_CARD, 25)
                .containsEntry(PiiType.PHONE, 25);
        Finding bulk = r.findings().stream().filter(f -> f.ruleId().equals(PiiScanner.BULK_RULE)).findFirst().orElseThrow();
        assertThat(bulk.severity()).isEqualTo(io.agentdlp.detection.Severity.CRITICAL);
        assertThat(bulk.redactedPreview()).isEqualTo("75 distinct personal values: email=25 phone=25 payment-card=25");
        // the same dump re-sent correlates by hash
        assertThat(scanner.scan(csv).findings()).contains(bulk);
    }

    @Test
    void fewValuesAreNotBulk() {
        PiiScanResult r = scanner.scan("contacts: maria.schmidt@kontor-berlin.de, +49 30 12345678");
        assertThat(r.bulk()).isFalse();
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain(PiiScanner.BULK_RULE);
    }

    @Test
    void textBeyondTheLimitIsScannedUpToItAndFlagged() {
        PiiScanner small = new PiiScanner(HASHER, new PiiOptions(10, "US", 40, 100));
        PiiScanResult r = small.scan("maria.schmidt@kontor-berlin.de" + " ".repeat(100) + "other.person@kontor-berlin.de");
        assertThat(r.truncated()).isTrue();
        assertThat(r.findings()).hasSize(1);
    }
}
