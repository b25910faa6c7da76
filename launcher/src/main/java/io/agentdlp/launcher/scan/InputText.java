package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The text of one input, read up to a byte limit and decoded as UTF-8 (malformed bytes replaced).
 * Inputs with a NUL byte in their first {@value #SNIFF_BYTES} bytes are binary and not decoded, the
 * heuristic git uses.
 *
 * @param text      decoded text (empty for binary inputs)
 * @param bytes     bytes read
 * @param truncated true when the input had more than the limit
 * @param binary    true when the input looks binary
 */
public record InputText(String text, long bytes, boolean truncated, boolean binary) {
    static final int SNIFF_BYTES = 8000;

    public static InputText read(ScanInput input, InputStream stdin, long maxBytes) throws IOException {
        if (input.isStdin()) {
            return of(stdin, maxBytes);
        }
        try (InputStream in = Files.newInputStream(input.file())) {
            return of(in, maxBytes);
        }
    }

    static InputText of(InputStream in, long maxBytes) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes);
        byte[] data = in.readNBytes(limit);
        boolean truncated = data.length == limit && in.read() >= 0;
        int sniff = Math.min(data.length, SNIFF_BYTES);
        for (int i = 0; i < sniff; i++) {
            if (data[i] == 0) {
                return new InputText("", data.length, truncated, true);
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(data)).toString();
        return new InputText(text, data.length, truncated, false);
    }
}
