package io.agentdlp.launcher;

/** Distinct hand-written source files for the index and scan tests. */
final class OwnCodeSamples {
    static final String LEDGER = """
            package com.acme.ledger;

            import java.util.ArrayList;
            import java.util.List;

            public final class Ledger {
                private final List<long[]> entries = new ArrayList<>();
                private long balance;

                public synchronized void post(long account, long cents, long timestamp) {
                    if (cents == 0) {
                        throw new IllegalArgumentException("empty posting for " + account);
                    }
                    entries.add(new long[] {account, cents, timestamp});
                    balance += cents;
                    while (entries.size() > 10_000) {
                        long[] oldest = entries.remove(0);
                        balance -= oldest[1];
                    }
                }

                public synchronized long balanceSince(long timestamp) {
                    long sum = 0;
                    for (int i = entries.size() - 1; i >= 0 && entries.get(i)[2] >= timestamp; i--) {
                        sum += entries.get(i)[1];
                    }
                    return sum;
                }

                public long total() {
                    return balance;
                }
            }
            """;

    static final String ROUTER = """
            package com.acme.net;

            import java.util.Map;
            import java.util.TreeMap;

            final class Router {
                private final TreeMap<String, Integer> routes = new TreeMap<>();

                void add(String prefix, int port) {
                    String key = prefix.endsWith("/") ? prefix : prefix + "/";
                    Integer previous = routes.put(key, port);
                    if (previous != null && previous != port) {
                        System.err.printf("route %s moved from %d to %d%n", key, previous, port);
                    }
                }

                int route(String path) {
                    Map.Entry<String, Integer> e = routes.floorEntry(path.endsWith("/") ? path : path + "/");
                    while (e != null && !path.startsWith(e.getKey().substring(0, e.getKey().length() - 1))) {
                        e = routes.lowerEntry(e.getKey());
                    }
                    return e == null ? -1 : e.getValue() * 2 + (path.length() % 2);
                }
            }
            """;

    static final String RETRY = """
            import time
            import random


            def with_retries(call, attempts=5, base_delay=0.2, jitter=0.1):
                last = None
                for attempt in range(attempts):
                    try:
                        return call()
                    except (TimeoutError, ConnectionError) as e:
                        last = e
                        delay = base_delay * (2 ** attempt) + random.uniform(0, jitter)
                        if delay > 30:
                            break
                        time.sleep(delay)
                raise RuntimeError("gave up after %d attempts" % attempts) from last


            def parse_window(spec):
                parts = [p.strip() for p in spec.split(",") if p.strip()]
                start, end = int(parts[0]), int(parts[-1])
                if end < start:
                    start, end = end, start
                return {"start": start, "end": end, "width": end - start + 1}
            """;

    private OwnCodeSamples() {
    }
}
