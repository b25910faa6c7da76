package com.acme.payments;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Reads the acquirer's fixed-width settlement file (format SETL-7, one line per captured payment). */
public final class SettlementFileParser {
    private static final DateTimeFormatter VALUE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int RECORD_LENGTH = 96;

    public List<SettlementLine> parse(BufferedReader in, String merchantId) throws IOException {
        List<SettlementLine> lines = new ArrayList<>();
        String header = in.readLine();
        if (header == null || !header.startsWith("H" + merchantId)) {
            throw new SettlementFormatException("settlement file header does not name merchant " + merchantId);
        }
        int lineNumber = 1;
        for (String record = in.readLine(); record != null; record = in.readLine()) {
            lineNumber++;
            if (record.startsWith("T")) {
                int declared = Integer.parseInt(record.substring(1, 9).trim());
                if (declared != lines.size()) {
                    throw new SettlementFormatException("trailer counts " + declared + " records, file has " + lines.size());
                }
                return lines;
            }
            if (record.length() != RECORD_LENGTH || record.charAt(0) != 'D') {
                throw new SettlementFormatException("line " + lineNumber + " is not a detail record");
            }
            String reference = record.substring(1, 25).trim();
            long minorUnits = Long.parseLong(record.substring(25, 40).trim());
            Currency currency = Currency.getInstance(record.substring(40, 43));
            BigDecimal amount = BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
            LocalDate valueDate = LocalDate.parse(record.substring(43, 51), VALUE_DATE);
            String cardScheme = record.substring(51, 61).trim();
            lines.add(new SettlementLine(reference, amount, currency.getCurrencyCode(), valueDate, cardScheme));
        }
        throw new SettlementFormatException("settlement file ends without a trailer after line " + lineNumber);
    }
}
