package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in to the console, who lands where, signing out, and the dashboard. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSignInIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsOpened() {
        browser.signIn("admin@example.com", "not-the-password");

        assertThat(browser.find(By.id("signInError")).getText()).isEqualTo("Wrong user name or password.");
        browser.open("admin/");
        assertThat(browser.path()).as("still not signed in").startsWith("login.xhtml");
    }

    @Test
    void anAdministratorLandsOnTheDashboardInASecureSession() {
        browser.forgetSession();
        browser.open("admin/");
        assertThat(browser.path()).as("a protected page asks to sign in first").startsWith("login.xhtml");
        browser.driver().findElement(By.id("j_username")).sendKeys("admin@example.com");
        browser.driver().findElement(By.id("j_password")).sendKeys(Browser.DEMO_PASSWORD);
        browser.driver().findElement(By.id("signInButton")).click();

        browser.waitFor().until(ExpectedConditions.titleContains("Dashboard"));
        assertThat(browser.path()).isEqualTo("admin/");
        long rooms = Api.admin().get("rooms?limit=1000").array().size();
        assertThat(browser.find(By.cssSelector("#rooms .figure")).getText()).isEqualTo(Long.toString(rooms));
        assertThat(browser.find(By.id("databases")).getText()).isEqualTo("up");
        assertThat(browser.find(By.cssSelector("#pool .figure")).getText()).isEqualTo("Normal");
        assertThat(browser.find(By.id("poolNodes")).getText()).isEqualTo("This server is in no pool.");
        assertThat(browser.find(By.id("deadLetters")).getText()).matches("\\d+");
        assertThat(Long.parseLong(browser.find(By.cssSelector("#postsToday .figure")).getText()))
                .as("the demo's posts were made within the last two hours").isPositive();
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        browser.assertFitsWidth();
        browser.assertNoConsoleErrors();
        browser.screenshot("dashboard");
        browser.resize(1920, 1080);
        browser.driver().navigate().refresh();
        browser.find(By.id("rooms"));
        browser.assertFitsWidth();
        browser.resize(1280, 800);
    }

    @Test
    void aUserWithoutRightsLandsOnRoomManagementAndIsKeptOutOfAdministration() {
        browser.signInAsDemo("carol");

        browser.waitFor().until(ExpectedConditions.titleContains("Manage rooms"));
        assertThat(browser.path()).isEqualTo("rooms/");
        assertThat(browser.driver().findElements(By.id("nav-dashboard"))).as("no administration links").isEmpty();
        browser.open("admin/");
        assertThat(browser.find(By.id("forbidden")).getText())
                .isEqualTo("only Persistent Chat administrators may open the administration pages");
        assertThat(browser.driver().findElements(By.id("nav-dashboard"))).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signInAsDemo("admin");
        browser.find(By.id("signOut:signOutButton")).click();

        assertThat(browser.find(By.id("signedOut")).getText()).isEqualTo("You have signed out.");
        browser.open("admin/");
        assertThat(browser.path()).startsWith("login.xhtml");
    }

    @Test
    void aSignInPostedFromElsewhereIsRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(Api.trustDomainCertificate())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(Browser.CONSOLE
                + "j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=admin%40example.com&j_password=Passw0rd%21"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("login.xhtml?error=expired"));
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("JSESSIONID")
                && !cookie.contains("Secure"));
    }
}
