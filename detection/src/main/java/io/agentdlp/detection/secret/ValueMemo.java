package io.agentdlp.detection.secret;

import java.util.Arrays;

/**
 * The distinct values one scan has matched, with what their checks found ({@link ValueChecks}), looked up by
 * the value's chars in the view that holds them: a value met again costs neither a new {@code String} nor a
 * map entry, and its remembered {@code String} serves the candidate. Two values share an entry exactly when
 * their chars are equal (the hash only picks the slot; the chars are compared), so the verdicts are the ones a
 * map keyed by the value's {@code String} gives. Holds at most {@code limit} values: meeting one more forgets
 * them all first, as the map did. Open addressing over a table of at least twice the values held (growing), the keys'
 * chars in one reused array; the entries are reused after forgetting. Confined to the scanning thread.
 */
final class ValueMemo {
    /**
     * Slots of a new table at most: a short text meets a few values, whose lookups then stay within a few cache
     * lines; the table doubles as it fills.
     */
    private static final int FIRST_SLOTS = 64;
    /** Slots kept past {@link #forget} at most; a larger table (a scan of many values) is dropped. */
    private static final int KEPT_SLOTS = 512;
    /** Key chars kept past {@link #forget} at most; a larger array (a scan of long values) is dropped. */
    private static final int KEPT_KEY_CHARS = 1 << 16;

    private final int limit;
    private final int firstSlots;
    private int mask;
    /** Per slot: the entry, or null for a free slot. */
    private ValueChecks[] entries;
    /** Per slot, three ints: the key's hash, its start in {@link #keyChars} and its length. */
    private int[] keys;
    /** The entries in the order they were made, and past {@link #size} the ones to reuse after forgetting. */
    private ValueChecks[] made = new ValueChecks[16];
    /** The occupied slots, in the order they were filled, so that forgetting touches only these. */
    private int[] occupied = new int[16];
    private int size;
    private char[] keyChars = new char[1024];
    private int keyCharsUsed;

    ValueMemo(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.firstSlots = limit <= FIRST_SLOTS / 2 ? Integer.highestOneBit(limit * 2 - 1) << 1 : FIRST_SLOTS;
        allocateSlots(firstSlots);
    }

    private void allocateSlots(int slots) {
        mask = slots - 1;
        entries = new ValueChecks[slots];
        keys = new int[3 * slots];
    }

    /**
     * The entry of the value {@code chars[from, to)}: the remembered one when an equal value was met since the
     * memo last forgot, else a new one with no verdicts (forgetting every value first when the memo is full).
     */
    ValueChecks entry(char[] chars, int from, int to) {
        int length = to - from;
        int hash = hash(chars, from, to);
        int slot = hash & mask;
        for (ValueChecks e; (e = entries[slot]) != null; slot = (slot + 1) & mask) {
            int k = 3 * slot;
            if (keys[k] == hash && keys[k + 2] == length
                    && Arrays.equals(keyChars, keys[k + 1], keys[k + 1] + length, chars, from, to)) {
                return e;
            }
        }
        if (size >= limit) {
            clear();
            slot = hash & mask;
        } else if (2 * (size + 1) > entries.length) {
            grow();
            slot = freeSlot(hash);
        }
        return insert(slot, hash, chars, from, to);
    }

    private int freeSlot(int hash) {
        int slot = hash & mask;
        while (entries[slot] != null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Doubles the table. */
    private void grow() {
        ValueChecks[] oldEntries = entries;
        int[] oldKeys = keys;
        allocateSlots(oldEntries.length * 2);
        for (int i = 0; i < size; i++) {
            int old = occupied[i];
            int slot = freeSlot(oldKeys[3 * old]);
            entries[slot] = oldEntries[old];
            System.arraycopy(oldKeys, 3 * old, keys, 3 * slot, 3);
            occupied[i] = slot;
        }
    }

    private ValueChecks insert(int slot, int hash, char[] chars, int from, int to) {
        int length = to - from;
        if (keyCharsUsed + length > keyChars.length) {
            keyChars = Arrays.copyOf(keyChars, Math.max(keyChars.length * 2, keyCharsUsed + length));
        }
        System.arraycopy(chars, from, keyChars, keyCharsUsed, length);
        if (size == made.length) {
            made = Arrays.copyOf(made, size * 2);
            occupied = Arrays.copyOf(occupied, size * 2);
        }
        ValueChecks e = made[size];
        if (e == null) {
            e = new ValueChecks();
            made[size] = e;
        }
        e.reset(new String(chars, from, length));
        entries[slot] = e;
        keys[3 * slot] = hash;
        keys[3 * slot + 1] = keyCharsUsed;
        keys[3 * slot + 2] = length;
        keyCharsUsed += length;
        occupied[size++] = slot;
        return e;
    }

    /** Number of values remembered. */
    int size() {
        return size;
    }

    /**
     * Forgets every value; the matched values' chars and strings are not kept past this. The scan's end calls it:
     * a large table or key array is dropped for the next, likely short, text.
     */
    void forget() {
        clear();
        if (entries.length > KEPT_SLOTS) {
            allocateSlots(firstSlots);
        }
        if (keyChars.length > KEPT_KEY_CHARS) {
            keyChars = new char[1024];
        }
    }

    /**
     * Forgets every value and keeps the table and key array: a memo full in the middle of a long scan fills up again,
     * so a table dropped here would be grown back through every size from the first.
     */
    private void clear() {
        for (int i = 0; i < size; i++) {
            entries[occupied[i]] = null;
            made[i].reset(null);
        }
        size = 0;
        Arrays.fill(keyChars, 0, keyCharsUsed, '\0');
        keyCharsUsed = 0;
    }

    /**
     * A hash of the chars, in two interleaved lanes so that a long value's multiplications do not wait on each
     * other; any function of the chars alone serves, since keys are compared.
     */
    static int hash(char[] chars, int from, int to) {
        int even = to - from;
        int odd = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            even = 31 * even + chars[i];
            odd = 31 * odd + chars[i + 1];
        }
        if (i < to) {
            even = 31 * even + chars[i];
        }
        int h = even * 0x9E3779B1 + odd;
        return h ^ (h >>> 15);
    }
}
