package org.openpchat.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Settings of this server that live in the GlassFish domain (JVM options written by
 * server-config), not in the database: they name the server rather than configure the chat.
 */
@ApplicationScoped
public class ChatServerSettings {

    public static final String SIP_DOMAIN = "openpchat.sip-domain";
    public static final String SERVICE_FQDN = "openpchat.service-fqdn";
    public static final String SITE = "openpchat.site";
    public static final String ADMINISTRATORS_GROUP = "openpchat.administrators-group";

    /** The SIP domain of the room URIs ({@code ma-chan://<domain>/<id>}) and of the chat pool. */
    public String sipDomain() {
        return System.getProperty(SIP_DOMAIN, "example.com");
    }

    /** The chat pool's own URI, {@code sip:pchat@<domain>}: what provisioning hands to clients. */
    public String poolUri() {
        return "sip:pchat@" + sipDomain();
    }

    /** The chat service's FQDN: service-scoped configuration applies to it. */
    public String serviceFqdn() {
        return System.getProperty(SERVICE_FQDN, "localhost");
    }

    /**
     * This server's room management page, where clients send room creators and managers unless
     * the configuration's RoomManagementUrl names another: the console on GlassFish's HTTPS
     * listener (8181) at the service FQDN, the name the domain's certificate is made for.
     */
    public String roomManagementPage() {
        return "https://" + serviceFqdn() + ":8181/pchat/rooms/";
    }

    /** The site this server belongs to: site-scoped configuration applies to it; may be null. */
    public String site() {
        String site = System.getProperty(SITE);
        return site == null || site.isBlank() ? null : site;
    }

    /** Members of this group are Persistent Chat administrators. */
    public PrincipalId administratorsGroup() {
        return PrincipalId.group(System.getProperty(ADMINISTRATORS_GROUP, "pchat-admins"));
    }
}
