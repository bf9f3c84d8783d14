package org.openpchat.sip.container;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * JAIN-SIP's key and trust managers (gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER) from the
 * container's own key material, found through the stack name like {@link ContainerNetworkLayer}'s.
 * JAIN-SIP's default provider opens the key store the JVM names (GlassFish's) and fails without
 * its password, even for a stack that never speaks TLS; this one opens nothing. A stack without
 * material gets none (null: the JVM's defaults).
 */
public class ContainerSecurityManagerProvider implements SecurityManagerProvider {

    private volatile SipTls.Material material;

    @Override
    public void init(Properties properties) {
        material = ContainerNetworkLayer.materialOf(properties.getProperty("javax.sip.STACK_NAME"));
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        SipTls.Material m = material;
        return m == null ? null : m.keyManagers();
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        SipTls.Material m = material;
        return m == null ? null : m.trustManagers();
    }
}
