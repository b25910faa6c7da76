package io.agentdlp.detection.pii;

import io.agentdlp.detection.Severity;

/** Kinds of personal data the detector recognises; the rule id of a finding is {@code pii.<id>}. */
public enum PiiType {
    EMAIL("email", Severity.LOW),
    PHONE("phone", Severity.LOW),
    PAYMENT_CARD("payment-card", Severity.HIGH),
    IBAN("iban", Severity.MEDIUM),
    US_SSN("us-ssn", Severity.HIGH),
    UK_NINO("uk-nino", Severity.MEDIUM),
    EU_NATIONAL_ID("eu-national-id", Severity.HIGH),
    CN_RESIDENT_ID("cn-resident-id", Severity.HIGH),
    IN_AADHAAR("in-aadhaar", Severity.HIGH),
    IP_ADDRESS("ip-address", Severity.INFO),
    DATE_OF_BIRTH("date-of-birth", Severity.MEDIUM);

    private final String id;
    private final Severity severity;

    PiiType(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public String ruleId() {
        return "pii." + id;
    }

    public Severity severity() {
        return severity;
    }
}
