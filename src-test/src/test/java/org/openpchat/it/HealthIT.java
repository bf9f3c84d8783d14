package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The health URL, called over HTTP from outside the server, names the database it found. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(HealthIT.class);
    }

    @ArquillianResource
    private URL anyModule;

    @Test
    @RunAsClient
    void healthAnswersWithBothDatabasesUp() throws Exception {
        URI health = new URI(anyModule.getProtocol(), null, anyModule.getHost(), anyModule.getPort(),
                "/pchat/api/health", null, null);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        String product = System.getProperty("pchat.it.database").equals("postgresql") ? "PostgreSQL" : "H2";
        assertThat(response.body()).contains("\"mgc\":\"UP " + product).contains("\"mgccomp\":\"UP " + product);
    }
}
