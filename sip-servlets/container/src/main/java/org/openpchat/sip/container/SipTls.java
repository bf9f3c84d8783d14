package org.openpchat.sip.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * SIP over TLS: the server's key and certificate chain, the certificates it trusts for client
 * certificates, and the rules every TLS connection follows (TLS 1.2 or later, forward-secret AEAD
 * cipher suites by default, client certificates none, wanted or required).
 *
 * @param keyStore the key store holding the server's private key and certificate chain
 * @param trustStore the trust store for client certificates; null for the JVM's default trust store
 * @param trustStorePassword null when the trust store needs none
 */
record SipTls(Path keyStore, String keyStoreType, char[] keyStorePassword, Path trustStore, String trustStoreType,
        char[] trustStorePassword, ClientCertificates clientCertificates, List<String> protocols,
        List<String> cipherSuites, int handshakeTimeoutMillis) {

    /** Protocols TLS connections may use; nothing older than TLS 1.2. */
    static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /**
     * TLS 1.3's suites, then TLS 1.2's with forward secrecy: AEAD first, and ECDHE-RSA with CBC for
     * Windows clients whose Schannel has no RSA-GCM suite with ECDHE (Windows 7 and 8.1).
     */
    static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    /** Whether TLS clients must show a certificate (server-to-server links); JAIN-SIP's names. */
    enum ClientCertificates {
        NONE("Disabled"), WANT("Want"), REQUIRE("Enabled");

        private final String jainSip;

        ClientCertificates(String jainSip) {
            this.jainSip = jainSip;
        }

        static ClientCertificates of(String setting) {
            for (ClientCertificates value : values()) {
                if (value.name().equalsIgnoreCase(setting.strip())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("tlsClientCertificates must be none, want or require: " + setting);
        }
    }

    /** What the TLS sockets of one stack are made from. */
    record Material(SSLContext context, KeyManager[] keyManagers, TrustManager[] trustManagers,
            X509Certificate certificate) {
    }

    SipTls {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        for (String protocol : protocols) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("tlsProtocols may hold TLSv1.3 and TLSv1.2 only (nothing older): "
                        + protocol);
            }
        }
        if (protocols.isEmpty() || cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("tlsProtocols and tlsCipherSuites must not be empty");
        }
    }

    /**
     * Opens the stores and builds the context. Fails, naming the file, when a store cannot be
     * opened, the key store holds no private key, or a protocol or cipher suite is unknown to the JVM.
     */
    Material load() throws GeneralSecurityException, IOException {
        KeyStore keys = open(keyStore, keyStoreType, keyStorePassword, "tlsKeyStore");
        X509Certificate certificate = serverCertificate(keys);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, keyStorePassword);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore == null ? null
                : open(trustStore, trustStoreType, trustStorePassword, "tlsTrustStore"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        requireSupported("tlsProtocols", protocols, context.getSupportedSSLParameters().getProtocols());
        requireSupported("tlsCipherSuites", cipherSuites, context.getSupportedSSLParameters().getCipherSuites());
        return new Material(context, keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), certificate);
    }

    /** JAIN-SIP's TLS settings; the sockets themselves come from {@link ContainerNetworkLayer}. */
    void addStackProperties(Properties p) {
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", protocols));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", cipherSuites));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", clientCertificates.jainSip);
        // JAIN-SIP 1.3.0-91 reads this in milliseconds (it schedules a timer task with it)
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Integer.toString(handshakeTimeoutMillis));
        p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
    }

    /** For the log: the certificate's subject, names and expiry. */
    static String describe(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                certificate.getSubjectAlternativeNames().forEach(name -> names.add(String.valueOf(name.get(1))));
            }
        } catch (java.security.cert.CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return certificate.getSubjectX500Principal().getName() + ", names " + names + ", valid until "
                + certificate.getNotAfter().toInstant();
    }

    private static KeyStore open(Path file, String type, char[] password, String setting)
            throws GeneralSecurityException, IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(setting + " " + file + " does not exist or cannot be read");
        }
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException(setting + " " + file + " cannot be opened (wrong password or type " + type + "?): "
                    + e.getMessage(), e);
        }
        return store;
    }

    private X509Certificate serverCertificate(KeyStore keys) throws GeneralSecurityException {
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                Certificate[] chain = keys.getCertificateChain(alias);
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                    return x509;
                }
            }
        }
        throw new GeneralSecurityException("tlsKeyStore " + keyStore + " holds no private key with a certificate");
    }

    private static void requireSupported(String setting, List<String> wanted, String[] supported) {
        List<String> known = List.of(supported);
        List<String> unknown = wanted.stream().filter(w -> !known.contains(w)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(setting + ": not supported by this JVM: " + unknown);
        }
    }

    @Override
    public String toString() {
        return "SipTls[keyStore " + keyStore + " (" + keyStoreType + "), trustStore "
                + (trustStore == null ? "the JVM's" : trustStore) + ", client certificates "
                + clientCertificates.name().toLowerCase(Locale.ROOT) + ", " + protocols + "]";
    }
}
