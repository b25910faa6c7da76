package io.agentdlp.launcher.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An offset range of one partition, {@code P:START-END} with END exclusive and optional
 * ({@code 2:1000-} reads partition 2 from offset 1000 to its current end).
 */
public record OffsetRange(int partition, long start, long end) {
    /** Marks "up to the current end of the partition". */
    public static final long TO_END = Long.MAX_VALUE;
    private static final Pattern SPEC = Pattern.compile("(\\d+):(\\d+)-(\\d*)");

    public static OffsetRange parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not an offset range PARTITION:START-END (END exclusive, "
                    + "may be empty for the current end), e.g. 0:100-200 or 3:5000-");
        }
        long start = Long.parseLong(m.group(2));
        long end = m.group(3).isEmpty() ? TO_END : Long.parseLong(m.group(3));
        if (end < start) {
            throw new IllegalArgumentException("offset range " + spec + " ends before it starts");
        }
        return new OffsetRange(Integer.parseInt(m.group(1)), start, end);
    }
}
