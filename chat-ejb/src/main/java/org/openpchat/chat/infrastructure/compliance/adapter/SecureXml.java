package org.openpchat.chat.infrastructure.compliance.adapter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The JDK's own XSLT and XSD processors (not whatever the server puts first on the class path),
 * with secure processing on and every external access (DTDs, imported stylesheets, schemas)
 * refused: a CustomConfiguration stylesheet can only transform the document it is given.
 */
public final class SecureXml {

    private SecureXml() {
    }

    public static Templates compileStylesheet(String xslt) throws TransformerConfigurationException {
        return transformerFactory().newTemplates(new StreamSource(new StringReader(xslt)));
    }

    public static byte[] transform(Templates stylesheet, byte[] document) throws TransformerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stylesheet.newTransformer().transform(new StreamSource(new ByteArrayInputStream(document)),
                new StreamResult(out));
        return out.toByteArray();
    }

    public static Schema schema(URL xsd) throws SAXException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd);
    }

    /** Throws if the document does not follow the schema; the message names line and column. */
    public static void validate(Schema schema, byte[] document) throws SAXException, IOException {
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    private static TransformerFactory transformerFactory() throws TransformerConfigurationException {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
