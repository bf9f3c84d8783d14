package org.openpchat.chat.infrastructure.compliance.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterFactory;

/**
 * AdapterType names: {@code XmlAdapter} (also Lync's own type name) for the Lync XML format,
 * {@code EmlAdapter} for RFC 5322 messages, or the class name of a customer's adapter.
 */
@ApplicationScoped
public class BuiltInComplianceAdapters implements ComplianceAdapterFactory {

    public static final String XML = "XmlAdapter";
    public static final String EML = "EmlAdapter";
    private static final String LYNC_XML = "microsoft.rtc.internal.chat.server.compliance.xmladapter,compliance";

    @Override
    public ComplianceAdapter create(String adapterType) {
        String type = adapterType.strip();
        String lower = type.toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.equals(XML.toLowerCase(Locale.ROOT)) || lower.equals(LYNC_XML)) {
            return new LyncXmlAdapter();
        }
        if (lower.equals(EML.toLowerCase(Locale.ROOT))) {
            return new EmlAdapter();
        }
        return custom(type);
    }

    private static ComplianceAdapter custom(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!ComplianceAdapter.class.isAssignableFrom(type)) {
                throw new ComplianceAdapterException(className + " does not implement " + ComplianceAdapter.class.getName());
            }
            return (ComplianceAdapter) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ComplianceAdapterException("cannot load the compliance adapter " + className + ": " + e, e);
        }
    }
}
