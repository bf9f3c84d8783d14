package org.openpchat.cli.http;

import jakarta.json.JsonObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.SSLException;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.UriPaths.Query;
import org.openpchat.cli.settings.ConnectionSettings;

/**
 * The administration API over HTTPS: JSON requests with HTTP Basic credentials, error answers turned
 * into {@link ApiException}s. Redirects are never followed (credentials go to the configured URL only).
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final String JSON = "application/json";

    private final ConnectionSettings settings;
    private final HttpClient http;
    private final String userAgent;
    private String authorization;

    public ApiClient(ConnectionSettings settings, String version) {
        this.settings = settings;
        this.userAgent = "pchat/" + version;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(Tls.context(settings.caFile()))
                .build();
    }

    public URI uri(String path) {
        return URI.create(settings.apiBase() + path);
    }

    public ApiResponse get(String path) {
        return get(path, Query.of());
    }

    public ApiResponse get(String path, Query query) {
        return send(request(uri(path + query)).GET(), true);
    }

    public ApiResponse get(URI uri) {
        return send(request(uri).GET(), true);
    }

    public ApiResponse delete(String path, Query query) {
        return send(request(uri(path + query)).DELETE(), true);
    }

    public ApiResponse post(String path, JsonObject body) {
        return send(withJson(request(uri(path)), "POST", body), true);
    }

    public ApiResponse put(String path, JsonObject body) {
        return send(withJson(request(uri(path)), "PUT", body), true);
    }

    /** {@code PATCH} with the list modifiers of the API; {@code ifMatch} may be {@code null}. */
    public ApiResponse patch(String path, JsonObject body, String ifMatch) {
        HttpRequest.Builder request = withJson(request(uri(path)), "PATCH", body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request, true);
    }

    /** Uploads a file as the body (CSV, zip), without a time limit. */
    public ApiResponse upload(String path, Query query, Path file, String contentType) {
        BodyPublisher body;
        try {
            body = BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "no such file: " + file, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path + query)).header("Content-Type", contentType)
                .method("POST", body);
        return send(common(request), true);
    }

    /** The health URL beside the API ({@code /pchat/api/health}), without credentials. */
    public ApiResponse health() {
        URI health = URI.create(settings.apiBase() + "/").resolve("../health");
        return send(common(HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT)).GET(), false);
    }

    /** Streams a successful answer's body into {@code out}; an error answer throws. */
    public void download(URI uri, OutputStream out) {
        HttpRequest request = authorized(common(HttpRequest.newBuilder(uri)).GET()).build();
        HttpResponse<InputStream> response = exchange(request, BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                check(response.statusCode(), response.headers(), text);
            }
            in.transferTo(out);
        } catch (IOException e) {
            throw new CliException(ExitCodes.SERVER, "the download from " + uri + " broke off: " + e.getMessage(), e);
        }
    }

    /**
     * The URI of a {@code Location} (a job), always on the configured server: only its path and query
     * count, and a path outside the API's ({@code /jobs/7}) is taken as relative to the API.
     */
    public URI location(ApiResponse response) {
        String location = response.header("Location");
        if (location == null) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "the server answered " + response.status()
                    + " without a Location");
        }
        URI target = response.uri().resolve(location);
        String path = target.getRawPath();
        String basePath = settings.apiBase().getRawPath();
        if (!path.startsWith(basePath + "/")) {
            path = basePath + path;
        }
        String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
        return URI.create(settings.apiBase().resolve(path) + query);
    }

    private HttpRequest.Builder request(URI uri) {
        return common(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT));
    }

    private HttpRequest.Builder common(HttpRequest.Builder request) {
        return request.header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1")
                .header("User-Agent", userAgent);
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, JsonObject body) {
        return request.header("Content-Type", JSON + "; charset=UTF-8")
                .method(method, BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", authorization());
    }

    private synchronized String authorization() {
        if (authorization == null) {
            char[] password = settings.password().get();
            char[] credentials = new char[settings.basicUser().length() + 1 + password.length];
            settings.basicUser().getChars(0, settings.basicUser().length(), credentials, 0);
            credentials[settings.basicUser().length()] = ':';
            System.arraycopy(password, 0, credentials, settings.basicUser().length() + 1, password.length);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(credentials));
            byte[] raw = Arrays.copyOf(bytes.array(), bytes.limit());
            authorization = "Basic " + Base64.getEncoder().encodeToString(raw);
            Arrays.fill(password, '\0');
            Arrays.fill(credentials, '\0');
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return authorization;
    }

    private ApiResponse send(HttpRequest.Builder request, boolean signIn) {
        HttpRequest built = (signIn ? authorized(request) : request).build();
        HttpResponse<String> response = exchange(built, BodyHandlers.ofString(StandardCharsets.UTF_8));
        check(response.statusCode(), response.headers(), response.body());
        return new ApiResponse(built.uri(), response.statusCode(), response.headers(), response.body());
    }

    private static void check(int status, HttpHeaders headers, String body) {
        if (status >= 400) {
            Problem problem = Problem.of(status, headers.firstValue("Content-Type").orElse(null), body);
            throw new ApiException(problem, headers.firstValue("Retry-After").orElse(null));
        }
        if (status >= 300) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "the server answered " + status + " (a redirect to "
                    + headers.firstValue("Location").orElse("nowhere") + "): is the URL the API's HTTPS address?");
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        String server = request.uri().getScheme() + "://" + request.uri().getRawAuthority();
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new CliException(ExitCodes.SERVER, "cannot reach " + server + ": no answer within "
                    + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new CliException(ExitCodes.SERVER, server + " did not answer within " + REQUEST_TIMEOUT.toMinutes()
                    + " minutes", e);
        } catch (ConnectException e) {
            throw new CliException(ExitCodes.SERVER, "cannot reach " + server + ": connection refused", e);
        } catch (IOException e) {
            SSLException tls = tlsCause(e);
            if (tls != null) {
                throw new CliException(ExitCodes.SERVER, tlsMessage(server, request.uri().getHost(), tls), e);
            }
            throw new CliException(ExitCodes.SERVER, "the connection to " + server + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.LOCAL_ERROR, "interrupted", e);
        }
    }

    private static SSLException tlsCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return tls;
            }
        }
        return null;
    }

    private String tlsMessage(String server, String host, SSLException e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        String all = text.toString();
        if (all.contains("PKIX") || all.contains("certification path")) {
            return "TLS: the certificate of " + server + " is not trusted"
                    + (settings.caFile() == null ? "; give the server's certificate with --ca-file FILE or"
                            + " PCHAT_CA_FILE (a server writes it to <domain>/config/pchat-https.pem)"
                            : " by " + settings.caFile());
        }
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return "TLS: the certificate of " + server + " is not issued for '" + host + "'; connect with the"
                    + " host name the certificate names (localhost for a local server)";
        }
        return "TLS with " + server + " failed:" + all;
    }
}
