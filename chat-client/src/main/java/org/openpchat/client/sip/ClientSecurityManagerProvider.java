package org.openpchat.client.sip;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * JAIN-SIP's key and trust managers for the client's stacks
 * (gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER): none. JAIN-SIP's default provider opens the key
 * store the JVM names (GlassFish names its own, without the password) and fails, even for a stack
 * that never speaks TLS; the client's TLS sockets come from {@link ClientNetworkLayer}.
 */
public class ClientSecurityManagerProvider implements SecurityManagerProvider {

    @Override
    public void init(Properties properties) {
        // nothing to open
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return null;
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return null;
    }
}
