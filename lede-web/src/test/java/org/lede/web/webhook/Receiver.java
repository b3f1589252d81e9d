package org.lede.web.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/** A webhook receiver on 127.0.0.1: records every request and answers as the test tells it. */
final class Receiver implements AutoCloseable {
    /** One request as it arrived, with the status it was answered. */
    record Request(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile IntSupplier status = () -> 200;
    private volatile CountDownLatch gate;
    volatile CountDownLatch entered = new CountDownLatch(1);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            entered.countDown();
            CountDownLatch wait = gate;
            if (wait != null) {
                try {
                    wait.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int code = status.getAsInt();
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, code));
            if (code >= 300 && code < 400) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answer(IntSupplier code) {
        status = code;
    }

    /** Requests wait inside the receiver until {@link #release}. */
    void block() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch open = gate;
        gate = null;
        if (open != null) {
            open.countDown();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
