package io.agentdlp.topology;

import java.nio.charset.StandardCharsets;

/** String keys as the stores hold them. */
public final class StoreKeys {
    private StoreKeys() {
    }

    /**
     * {@code key} as the store's string serde stores it: UTF-8, where every lone surrogate becomes
     * {@code '?'}, so two keys differing only there address the same entry. Memory kept beside a store
     * must be keyed by this form to agree with it.
     */
    public static String stored(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return key;
    }
}
