package io.agentdlp.ingest.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** Creates JDK HTTP(S) servers with Nagle disabled (otherwise every keep-alive response waits ~40 ms on loopback). */
public final class HttpServers {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServers() {
    }

    /** A plain HTTP server bound to {@code host:port} (port 0: any free port). */
    public static HttpServer http(String host, int port, ExecutorService executor) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 256);
        s.setExecutor(executor);
        return s;
    }

    /**
     * An HTTPS server; with {@code clientAuth} the TLS handshake requires a client certificate signed
     * by the context's trust store (mTLS).
     */
    public static HttpsServer https(String host, int port, ExecutorService executor, SSLContext ssl, boolean clientAuth)
            throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(host, port), 256);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                SSLParameters p = ssl.getDefaultSSLParameters();
                p.setNeedClientAuth(clientAuth);
                params.setSSLParameters(p);
            }
        });
        s.setExecutor(executor);
        return s;
    }

    /** A bounded pool of named daemon threads for request handling. */
    public static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
