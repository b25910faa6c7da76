package io.agentdlp.detection.pii;

/**
 * The span filters of the matchers that search the identifier spans ({@link SpanClass#IDENTIFIER}), taken
 * together: a span none of them accepts is searched by no pattern, so the screen need not keep it.
 */
final class IdentifierSpanFilters {
    private IdentifierSpanFilters() {
    }

    /**
     * Whether some identifier matcher's span filter accepts span {@code i} (ISO time stamps {@code 2025-03-06T10}
     * and 10-digit numbers pass the counts every filter needs, but none of the filters).
     */
    static boolean anyAccepts(Spans s, int i) {
        return PaymentCardMatcher.SPANS.test(s, i) || IbanMatcher.SPANS.test(s, i)
                || NationalIdMatchers.UsSsn.DASHED_SPANS.test(s, i) || NationalIdMatchers.UsSsn.BARE_SPANS.test(s, i)
                || NationalIdMatchers.UkNino.SPANS.test(s, i) || NationalIdMatchers.EuNationalId.DNI_SPANS.test(s, i)
                || NationalIdMatchers.EuNationalId.ELEVEN_OR_NINE_SPANS.test(s, i)
                || NationalIdMatchers.EuNationalId.HETU_SPANS.test(s, i)
                || NationalIdMatchers.EuNationalId.SWEDISH_SPANS.test(s, i)
                || NationalIdMatchers.ChineseResidentId.ID_SPANS.test(s, i)
                || NationalIdMatchers.Aadhaar.SPACED_SPANS.test(s, i) || NationalIdMatchers.Aadhaar.BARE_SPANS.test(s, i);
    }
}
