package org.openpchat.client.xccos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 2617 Digest (MD5, qop=auth) for SIP's {@code Proxy-Authenticate} / {@code Proxy-Authorization}:
 * challenge parsing, response computation and the credentials header value.
 */
public final class DigestAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuth() {
    }

    /**
     * Parses a challenge such as {@code Digest realm="example.com", nonce="..", qop="auth",
     * algorithm=MD5}: parameter names in lower case, quotes removed ({@code \"} unescaped); the
     * scheme under the key {@code "scheme"}.
     */
    public static Map<String, String> parseChallenge(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = header.trim();
        int space = s.indexOf(' ');
        if (space < 0) {
            out.put("scheme", s);
            return out;
        }
        out.put("scheme", s.substring(0, space));
        int i = space + 1;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++; // closing quote
            } else {
                while (i < n && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            out.put(name, value.toString().trim());
        }
        return out;
    }

    /**
     * The request-digest of RFC 2617 3.2.2.1 for algorithm MD5: with {@code qop} ("auth")
     * {@code MD5(HA1:nonce:nc:cnonce:qop:HA2)}, without it {@code MD5(HA1:nonce:HA2)}, where
     * {@code HA1 = MD5(username:realm:password)} and {@code HA2 = MD5(method:uri)}.
     */
    public static String response(String username, String realm, String password, String method, String uri,
            String nonce, String nc, String cnonce, String qop) {
        String ha1 = md5Hex(username + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return md5Hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /**
     * The {@code Proxy-Authorization} value answering a challenge, with qop=auth when the challenge
     * offers it (SIPE always answers qop=auth, nc=00000001).
     */
    public static String authorization(Map<String, String> challenge, String username, String password,
            String method, String uri, String cnonce) {
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String qopOffered = challenge.get("qop");
        boolean auth = qopOffered != null && java.util.Arrays.stream(qopOffered.split(","))
                .map(String::trim).anyMatch("auth"::equalsIgnoreCase);
        String nc = "00000001";
        StringBuilder b = new StringBuilder("Digest username=").append(quote(username)).append(", realm=")
                .append(quote(realm)).append(", nonce=").append(quote(nonce)).append(", uri=").append(quote(uri));
        if (auth) {
            b.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(quote(cnonce));
        }
        b.append(", response=\"")
                .append(response(username, realm, password, method, uri, nonce, nc, cnonce, auth ? "auth" : null))
                .append('"');
        if (challenge.containsKey("opaque")) {
            b.append(", opaque=").append(quote(challenge.get("opaque")));
        }
        b.append(", algorithm=MD5");
        return b.toString();
    }

    /** A quoted-string: backslash and double quote escaped; line breaks are refused. */
    static String quote(String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line break in a Digest parameter");
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A fresh client nonce (64 random bits, hex). */
    public static String newCnonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
