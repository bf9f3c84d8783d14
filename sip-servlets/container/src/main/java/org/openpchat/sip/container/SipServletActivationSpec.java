package org.openpchat.sip.container;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openpchat.sip.servlet.SipServletEndpoint;

/**
 * How a SIP servlet (a message-driven bean) declares which initial requests it takes: request
 * methods, and patterns on the request URI's user and host. Among the servlets that match, the
 * lowest {@code order} wins.
 */
@Activation(messageListeners = SipServletEndpoint.class)
public class SipServletActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @ConfigProperty(description = "Name of the servlet (handler); defaults to the bean class's simple name")
    private String servletName;

    @ConfigProperty(description = "Comma-separated request methods, empty for all")
    private String methods = "";

    @ConfigProperty(description = "Regular expression the request URI's user must match, empty for any")
    private String requestUser = "";

    @ConfigProperty(description = "Regular expression the request URI's host must match, empty for any")
    private String requestHost = "";

    @ConfigProperty(description = "Lower values are tried first")
    private Integer order = 100;

    @Override
    public void validate() throws InvalidPropertyException {
        try {
            compile(requestUser);
            compile(requestHost);
        } catch (PatternSyntaxException e) {
            throw new InvalidPropertyException("bad request URI pattern: " + e.getMessage());
        }
    }

    static Pattern compile(String regex) {
        return regex == null || regex.isBlank() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }

    public String getServletName() {
        return servletName;
    }

    public void setServletName(String servletName) {
        this.servletName = servletName;
    }

    public String getMethods() {
        return methods;
    }

    public void setMethods(String methods) {
        this.methods = methods;
    }

    public String getRequestUser() {
        return requestUser;
    }

    public void setRequestUser(String requestUser) {
        this.requestUser = requestUser;
    }

    public String getRequestHost() {
        return requestHost;
    }

    public void setRequestHost(String requestHost) {
        this.requestHost = requestHost;
    }

    public Integer getOrder() {
        return order;
    }

    public void setOrder(Integer order) {
        this.order = order;
    }
}
