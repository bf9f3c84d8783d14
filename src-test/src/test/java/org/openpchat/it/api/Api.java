package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The administration API as a client sees it: HTTPS to the test server's 8181 trusting only the
 * domain's own certificate, HTTP Basic as one user, JSON in and out.
 */
public final class Api {

    public static final String BASE = "https://localhost:8181/pchat/api/v1/";
    public static final String DEMO_PASSWORD = "Passw0rd!";
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(trustDomainCertificate())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    /** Signed in as {@code user} (a SIP address without sip:). */
    public static Api as(String user, String password) {
        return new Api("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    public static Api admin() {
        return as("admin@example.com", DEMO_PASSWORD);
    }

    public static Api demoUser(String name) {
        return as(name + "@example.com", DEMO_PASSWORD);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    /** A path segment as the API addresses items by name: URL-encoded, spaces as %20. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) {
        return patch(path, json, null);
    }

    public Reply patch(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Downloads to a file; returns the status. */
    public int download(String path, Path target) {
        try {
            HttpResponse<Path> response = CLIENT.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a job until it ended; fails after {@code limit}. */
    public JsonObject awaitJob(String location, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Reply reply = get(location);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonObject job = reply.object();
            String state = job.getString("state");
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job " + location + " still " + state + ": " + job).isLessThan(deadline);
            pause(Duration.ofMillis(200));
        }
    }

    private HttpRequest.Builder request(String path) {
        URI uri = path.startsWith("https:") || path.startsWith("http:") ? URI.create(path) : URI.create(BASE + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file of the certificate the domain setup writes for clients. */
    public static Path domainCertificate() {
        return Path.of(System.getProperty("glassfish.home", "target/gf-h2/glassfish7"), "glassfish", "domains",
                "domain1", "config", "pchat-https.pem");
    }

    /** The certificate the domain setup writes for clients; nothing else is trusted. */
    public static SSLContext trustDomainCertificate() {
        try {
            Path pem = domainCertificate();
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(pem)) {
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trusted.setCertificateEntry("domain-" + i++, certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the test domain's HTTPS certificate", e);
        }
    }

    /** A response: status, headers and body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonObject object() {
            return (JsonObject) json();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        public JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** The problem document's detail. */
        public String detail() {
            return object().getString("detail");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
