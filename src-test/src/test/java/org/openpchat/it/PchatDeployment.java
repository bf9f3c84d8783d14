package org.openpchat.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
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
        return withTests(List.of(), testClasses);
    }

    /**
     * Like {@link #withTests(Class...)}, the test module also holding the libraries (jars or class
     * directories) of the given classes in its WEB-INF/lib, as a module of the EAR would.
     */
    public static EnterpriseArchive withTests(List<Class<?>> librariesOf, Class<?>... testClasses) {
        EnterpriseArchive ear = shippedEar();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addClasses(testClasses)
                .addClasses(PchatDeployment.class, Fixtures.class)
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        for (Class<?> type : librariesOf) {
            File location = jarOf(type);
            if (location.isDirectory()) {
                tests.addAsLibrary(ShrinkWrap.create(ExplodedImporter.class, location.getName() + ".jar")
                        .importDirectory(location).as(JavaArchive.class));
            } else {
                tests.addAsLibrary(location);
            }
        }
        ear.addAsModule(Testable.archiveToTest(tests));
        ear.setApplicationXML(new StringAsset(withModule(applicationXml(ear), "<web><web-uri>" + TEST_MODULE
                + "</web-uri><context-root>/pchat-it</context-root></web>")));
        return ear;
    }

    /**
     * The shipped EAR plus an EJB module of SIP servlets and beans, bound to the EAR's SIP
     * resource adapter, for tests that talk SIP to the server from outside.
     */
    public static EnterpriseArchive withSipApplication(String moduleName, Class<?>... classes) {
        EnterpriseArchive ear = shippedEar();
        JavaArchive module = ShrinkWrap.create(JavaArchive.class, moduleName + ".jar").addClasses(classes)
                .addAsManifestResource(new StringAsset(sipBindings(classes)), "glassfish-ejb-jar.xml");
        ear.addAsModule(module);
        ear.setApplicationXML(new StringAsset(withModule(applicationXml(ear),
                "<ejb>" + moduleName + ".jar</ejb>")));
        return ear;
    }

    /** The EAR exactly as it ships, for {@code @RunAsClient} tests that talk to it from outside. */
    public static EnterpriseArchive shipped() {
        return shippedEar();
    }

    private static EnterpriseArchive shippedEar() {
        File earFile = new File(System.getProperty("pchat.ear", "../chat-ear/target/pchat.ear"));
        if (!earFile.isFile()) {
            throw new IllegalStateException("the EAR is missing: " + earFile.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile);
    }

    /** Every message-driven bean among the classes is a SIP servlet of the EAR's adapter. */
    private static String sipBindings(Class<?>... classes) {
        StringBuilder xml = new StringBuilder("<glassfish-ejb-jar><enterprise-beans>");
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(jakarta.ejb.MessageDriven.class)) {
                xml.append("<ejb><ejb-name>").append(type.getSimpleName()).append("</ejb-name>")
                        .append("<mdb-resource-adapter><resource-adapter-mid>pchat#sip-servlets")
                        .append("</resource-adapter-mid></mdb-resource-adapter></ejb>");
            }
        }
        return xml.append("</enterprise-beans></glassfish-ejb-jar>").toString();
    }

    private static String applicationXml(EnterpriseArchive ear) {
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withModule(String applicationXml, String module) {
        return applicationXml.replace("<library-directory>", "<module>" + module + "</module><library-directory>");
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
