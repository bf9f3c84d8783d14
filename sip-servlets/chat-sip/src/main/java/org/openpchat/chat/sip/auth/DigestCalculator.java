package org.openpchat.chat.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 2617 MD5 Digest, with and without {@code qop=auth}, from a stored HA1. */
public final class DigestCalculator {

    private DigestCalculator() {
    }

    public static String expectedResponse(String ha1, String method, DigestCredentials credentials) {
        String ha2 = md5(method + ":" + credentials.get("uri"));
        String qop = credentials.get("qop");
        if (qop == null) {
            return md5(ha1 + ":" + credentials.get("nonce") + ":" + ha2);
        }
        return md5(ha1 + ":" + credentials.get("nonce") + ":" + credentials.get("nc") + ":"
                + credentials.get("cnonce") + ":" + qop + ":" + ha2);
    }

    /** Constant-time comparison of the client's response with the expected one. */
    public static boolean matches(String ha1, String method, DigestCredentials credentials) {
        String response = credentials.get("response");
        if (response == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedResponse(ha1, method, credentials).getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
