package org.openpchat.chat.infrastructure.compliance.adapter;

import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/** The shipped XSD, loaded once for the tests. */
final class ComplianceSchema {

    private static Schema schema;

    private ComplianceSchema() {
    }

    static synchronized Schema get() throws SAXException {
        if (schema == null) {
            schema = SecureXml.schema(LyncXmlAdapter.class.getResource(LyncXmlAdapter.SCHEMA));
        }
        return schema;
    }
}
