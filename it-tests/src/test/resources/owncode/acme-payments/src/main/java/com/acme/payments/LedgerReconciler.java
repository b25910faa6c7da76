package com.acme.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches settlement lines from the acquirer against the internal ledger and reports the breaks. */
public final class LedgerReconciler {
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private final Map<String, LedgerEntry> ledgerByReference = new HashMap<>();
    private final FxRates rates;

    public LedgerReconciler(List<LedgerEntry> ledger, FxRates rates) {
        for (LedgerEntry entry : ledger) {
            ledgerByReference.put(entry.reference(), entry);
        }
        this.rates = rates;
    }

    public ReconciliationReport reconcile(List<SettlementLine> settlement, LocalDate businessDay) {
        List<Break> breaks = new ArrayList<>();
        BigDecimal settledTotal = BigDecimal.ZERO;
        for (SettlementLine line : settlement) {
            LedgerEntry booked = ledgerByReference.remove(line.reference());
            BigDecimal settledAmount = rates.convert(line.amount(), line.currency(), booked == null
                    ? line.currency() : booked.currency(), businessDay).setScale(2, RoundingMode.HALF_EVEN);
            settledTotal = settledTotal.add(settledAmount);
            if (booked == null) {
                breaks.add(new Break(line.reference(), BreakType.MISSING_IN_LEDGER, settledAmount, BigDecimal.ZERO));
                continue;
            }
            BigDecimal difference = booked.amount().subtract(settledAmount).abs();
            if (difference.compareTo(TOLERANCE) > 0) {
                breaks.add(new Break(line.reference(), BreakType.AMOUNT_MISMATCH, settledAmount, booked.amount()));
            } else if (!booked.valueDate().equals(line.valueDate())) {
                breaks.add(new Break(line.reference(), BreakType.VALUE_DATE_MISMATCH, settledAmount, booked.amount()));
            }
        }
        for (LedgerEntry unsettled : ledgerByReference.values()) {
            if (!unsettled.valueDate().isAfter(businessDay)) {
                breaks.add(new Break(unsettled.reference(), BreakType.MISSING_IN_SETTLEMENT, BigDecimal.ZERO,
                        unsettled.amount()));
            }
        }
        breaks.sort((a, b) -> b.exposure().compareTo(a.exposure()));
        return new ReconciliationReport(businessDay, settlement.size(), settledTotal, breaks);
    }

    /** One difference between the two sides; exposure is what finance has to chase. */
    public record Break(String reference, BreakType type, BigDecimal settled, BigDecimal booked) {
        public BigDecimal exposure() {
            return settled.subtract(booked).abs();
        }
    }

    public enum BreakType { MISSING_IN_LEDGER, MISSING_IN_SETTLEMENT, AMOUNT_MISMATCH, VALUE_DATE_MISMATCH }
}
