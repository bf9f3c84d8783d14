package org.openpchat.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR the build produced, as it ships, plus one web module that carries the test classes
 * (Arquillian runs them inside the server).
 */
public final class PchatDeployment {

    private static final String TEST_MODULE = "pchat-it.war";

    private PchatDeployment() {
    }

    public static EnterpriseArchive withTests(Class<?>... testClasses) {
        File earFile = new File(System.getProperty("pchat.ear", "../chat-ear/target/pchat.ear"));
        if (!earFile.isFile()) {
            throw new IllegalStateException("the EAR is missing: " + earFile.getAbsolutePath());
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addClasses(testClasses)
                .addClasses(PchatDeployment.class, Fixtures.class)
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        ear.addAsModule(Testable.archiveToTest(tests));
        ear.setApplicationXML(new StringAsset(withTestModule(applicationXml(ear))));
        return ear;
    }

    private static String applicationXml(EnterpriseArchive ear) {
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withTestModule(String applicationXml) {
        String module = "<module><web><web-uri>" + TEST_MODULE + "</web-uri><context-root>/pchat-it</context-root>"
                + "</web></module>";
        return applicationXml.replace("<library-directory>", module + "<library-directory>");
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
