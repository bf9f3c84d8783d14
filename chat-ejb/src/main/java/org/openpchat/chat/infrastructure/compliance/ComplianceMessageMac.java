package org.openpchat.chat.infrastructure.compliance;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.infrastructure.security.KeyFiles;

/**
 * Authenticates compliance messages: the sender adds an HMAC-SHA256 over every field of the event
 * (property {@value #PROPERTY}), the consumer stores only an event whose HMAC matches. Whoever can
 * reach the broker but lacks the key cannot forge an event that is stored as genuine, nor change
 * one in transit. Replaying a genuine message stores nothing new: the consumer stores each event
 * id once.
 *
 * <p>The key is 32 random bytes, Base64, in the file named by the JVM option {@value #KEY_FILE}
 * (configure-domain.sh generates it, mode 0600); every server of a pool shares it.
 */
public final class ComplianceMessageMac {

    public static final String KEY_FILE = "openpchat.compliance.hmac-key-file";
    public static final String PROPERTY = "pchatMac";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String DOMAIN = "openpchat compliance event v1";

    private final SecretKeySpec key;

    public ComplianceMessageMac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a compliance HMAC key has at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The key of the file named by {@value #KEY_FILE}; fails if it is unset or unreadable. */
    public static ComplianceMessageMac configured() {
        return new ComplianceMessageMac(KeyFiles.read(KEY_FILE, "the compliance HMAC key"));
    }

    public void sign(ComplianceEvent event, Message message) throws JMSException {
        message.setStringProperty(PROPERTY, signature(event));
    }

    /** This key's HMAC of the event, Base64. */
    public String signature(ComplianceEvent event) {
        return Base64.getEncoder().encodeToString(mac(event));
    }

    /** Throws unless the message carries this key's HMAC of exactly this event. */
    public void verify(ComplianceEvent event, Message message) throws PoisonMessageException {
        String sent;
        try {
            sent = message.getStringProperty(PROPERTY);
        } catch (JMSException | RuntimeException e) {
            throw new PoisonMessageException("compliance message with an unreadable " + PROPERTY + ": " + e, e);
        }
        verify(event, sent);
    }

    /** Throws unless {@code sent} is this key's HMAC of exactly this event. */
    public void verify(ComplianceEvent event, String sent) throws PoisonMessageException {
        if (sent == null || sent.isEmpty()) {
            throw new PoisonMessageException("unsigned compliance message (no " + PROPERTY + ")");
        }
        byte[] received;
        try {
            received = Base64.getDecoder().decode(sent);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("compliance message whose " + PROPERTY + " is not Base64", e);
        }
        if (!MessageDigest.isEqual(received, mac(event))) {
            throw new PoisonMessageException("compliance message with a wrong " + PROPERTY
                    + " (forged, altered or signed with another key)");
        }
    }

    byte[] mac(ComplianceEvent event) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            return hmac.doFinal(canonical(event));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** Every field in a fixed order, each length-prefixed, so no two events share an encoding. */
    static byte[] canonical(ComplianceEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, DOMAIN);
            text(out, event.eventId());
            text(out, event.type().name());
            text(out, event.occurredAt().toString());
            text(out, event.room().uid());
            text(out, event.room().uri());
            text(out, event.room().name());
            text(out, event.room().category());
            text(out, event.room().description());
            text(out, event.user().uri());
            text(out, event.user().displayName());
            out.writeLong(event.user().id());
            out.writeBoolean(event.user().internal());
            out.writeLong(event.messageId());
            text(out, event.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
