package org.openpchat.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The domain configure-domain.sh made keeps PostgreSQL's password as the alias it created, not in
 * domain.xml; H2's fixed embedded login guards nothing (docs/security.md). Reads the domain's
 * configuration only, so it runs on both databases without a deployment.
 */
class DatabasePasswordIT {

    @Test
    void thePoolsPasswordIsTheAliasWhereTheDatabaseHasOne() throws Exception {
        Path domain = Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1");
        DocumentBuilderFactory parsers = DocumentBuilderFactory.newInstance();
        parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document configuration = parsers.newDocumentBuilder().parse(domain.resolve("config/domain.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList pools = (NodeList) xpath.evaluate("//resources/jdbc-connection-pool[starts-with(@name, 'pchat-')]",
                configuration, XPathConstants.NODESET);
        Map<String, String> passwords = new TreeMap<>();
        for (int i = 0; i < pools.getLength(); i++) {
            Element pool = (Element) pools.item(i);
            passwords.put(pool.getAttribute("name"), xpath.evaluate("property[@name='password']/@value", pool));
        }

        assertThat(passwords).containsOnlyKeys("pchat-mgc-pool", "pchat-mgccomp-pool");
        String expected = "postgresql".equals(System.getProperty("pchat.it.database"))
                ? "${ALIAS=pchat-db-password}" : "pchat";
        assertThat(passwords.values()).as("the pools' passwords").containsOnly(expected);
    }
}
