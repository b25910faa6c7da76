package io.agentdlp.alerts.sink.output;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.net.ssl.SSLSocketFactory;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * RFC 5424 messages (CEF for alerts, JSON for audit-trail records) to a syslog receiver over UDP (RFC 5426, one message per
 * datagram), TCP (RFC 6587 octet counting) or TLS (RFC 5425). The TCP/TLS connection is kept open and
 * re-opened after a failure.
 */
public final class SyslogSink<T> implements Sink<T> {
    /** Transport protocol. */
    public enum Protocol {
        UDP, TCP, TLS;

        /** Parses {@code udp}, {@code tcp} or {@code tls}. */
        public static Protocol parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("syslog protocol must be udp, tcp or tls, got '" + s + "'", e);
            }
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 5000;
    private final String name;
    private final Function<? super T, String> format;
    private final String host;
    private final int port;
    private final Protocol protocol;
    private Socket socket;
    private OutputStream out;

    public SyslogSink(String name, Function<? super T, String> format, String host, int port, Protocol protocol) {
        this.name = name;
        this.format = format;
        this.host = host;
        this.port = port;
        this.protocol = protocol;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "syslog";
    }

    @Override
    public int maxBatch() {
        return 50;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        try {
            if (protocol == Protocol.UDP) {
                sendUdp(batch);
            } else {
                sendStream(batch);
            }
            return DeliveryResult.ok();
        } catch (IOException e) {
            disconnect();
            throw new SinkException("syslog " + protocol + " " + host + ":" + port + " failed: "
                    + e.getClass().getSimpleName(), true, null, e);
        }
    }

    private void sendUdp(List<T> batch) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            InetSocketAddress target = new InetSocketAddress(host, port);
            for (T a : batch) {
                byte[] b = format.apply(a).getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, target));
            }
        }
    }

    private void sendStream(List<T> batch) throws IOException {
        if (out == null) {
            connect();
        }
        StringBuilder frames = new StringBuilder();
        for (T a : batch) {
            byte[] msg = format.apply(a).getBytes(StandardCharsets.UTF_8);
            frames.append(msg.length).append(' ').append(new String(msg, StandardCharsets.UTF_8));
        }
        out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void connect() throws IOException {
        Socket s = protocol == Protocol.TLS ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(CONNECT_TIMEOUT_MS);
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // The connection is being discarded after a failure; its close error adds nothing.
            }
        }
        socket = null;
        out = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
