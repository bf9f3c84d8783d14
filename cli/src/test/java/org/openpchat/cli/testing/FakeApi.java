package org.openpchat.cli.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTPS server standing in for the API: answers what a test scripted for a method and
 * raw path, records every request. Unscripted requests get a 599 so a test notices them.
 */
public final class FakeApi implements AutoCloseable {

    public static final String BASE = "/pchat/api/v1";

    /** A request as it arrived. */
    public record Request(String method, String path, String query, Headers headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** An answer to give. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply problem(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/problem+json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    private final HttpsServer server;
    private final Map<String, List<Reply>> replies = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeApi() {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.get().serverContext()));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code https://localhost:PORT}. */
    public String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    /** Scripts the answers to METHOD on a path below the API base ({@code /rooms/Lobby}); the last repeats. */
    public FakeApi on(String method, String apiPath, Reply... answers) {
        replies.put(method + " " + BASE + apiPath, new ArrayList<>(List.of(answers)));
        return this;
    }

    /** Scripts the answers to METHOD on an absolute path. */
    public FakeApi onAbsolute(String method, String path, Reply... answers) {
        replies.put(method + " " + path, new ArrayList<>(List.of(answers)));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The only request, failing when there were more or none. */
    public Request single() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size() + ": " + describe());
        }
        return requests.get(0);
    }

    public String describe() {
        List<String> lines = new ArrayList<>();
        for (Request request : requests) {
            lines.add(request.method() + " " + request.path() + (request.query() == null ? "" : "?" + request.query()));
        }
        return lines.toString();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body));
        List<Reply> scripted = replies.get(exchange.getRequestMethod() + " " + path);
        Reply reply = scripted == null || scripted.isEmpty()
                ? Reply.problem(599, "{\"title\":\"not scripted\",\"status\":599,\"detail\":\""
                        + exchange.getRequestMethod() + " " + path + "\"}")
                : scripted.size() > 1 ? scripted.remove(0) : scripted.get(0);
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
