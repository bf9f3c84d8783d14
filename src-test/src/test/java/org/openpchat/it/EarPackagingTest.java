package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the libraries sit in the EAR the build produced (nested archives included): JAIN-SIP and
 * reload4j exactly once, inside the SIP resource adapter; the chat client once, in the web module,
 * whose class loader sees the adapter's classes (the EAR's lib/ does not: it is their parent).
 */
class EarPackagingTest {

    private static List<String> jars;

    @BeforeAll
    static void listJars() throws IOException {
        File ear = new File(System.getProperty("pchat.ear", "../chat-ear/target/pchat.ear"));
        assertThat(ear).as("the EAR of this build").isFile();
        jars = new ArrayList<>();
        try (InputStream in = new java.io.FileInputStream(ear)) {
            collect("", in);
        }
    }

    /** Every archive inside, as {@code outer!inner}, recursively. */
    private static void collect(String prefix, InputStream archive) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String name = e.getName();
            if (name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".rar")) {
                jars.add(prefix + name);
                collect(prefix + name + "!", new ByteArrayInputStream(zip.readAllBytes()));
            }
        }
    }

    @Test
    void jainSipAndReload4jAreOnlyInTheResourceAdapter() {
        assertThat(matching("jain-sip")).singleElement().asString().startsWith("sip-servlets.rar!jain-sip-ri-");
        assertThat(matching("reload4j")).singleElement().asString().startsWith("sip-servlets.rar!reload4j-");
        assertThat(matching("log4j")).allMatch(j -> j.contains("reload4j"));
    }

    @Test
    void theChatClientIsOnceInTheWebModule() {
        assertThat(matching("chat-client")).singleElement().asString().startsWith("chat-web.war!WEB-INF/lib/chat-client");
    }

    private static List<String> matching(String part) {
        return jars.stream().filter(j -> j.substring(j.lastIndexOf('!') + 1).contains(part)).toList();
    }
}
