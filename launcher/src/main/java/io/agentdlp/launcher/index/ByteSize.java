package io.agentdlp.launcher.index;

import java.util.Locale;

/** Parses sizes such as {@code 512KB}, {@code 64MB}, {@code 1GB} (1 KB = 1024 B) given on the command line. */
public final class ByteSize {
    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming {@code option} when {@code value} is not a positive size */
    public static long parse(String option, String value) {
        String t = value.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        String[][] units = {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"G", "1073741824"},
                {"M", "1048576"}, {"K", "1024"}, {"B", "1"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).strip();
                break;
            }
        }
        try {
            long v = Math.multiplyExact(Long.parseLong(t), unit);
            if (v <= 0) {
                throw new NumberFormatException("not positive");
            }
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid " + option + " '" + value + "' (examples: 512KB, 64MB, 1GB)");
        }
    }
}
