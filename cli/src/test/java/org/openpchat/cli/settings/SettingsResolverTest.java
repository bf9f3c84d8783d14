package org.openpchat.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.cli.CliException;
import org.openpchat.cli.testing.TestEnvironment;

class SettingsResolverTest {

    private static final SettingsResolver.Flags NO_FLAGS = new SettingsResolver.Flags(null, null, null, false, null);

    @TempDir
    Path home;

    private Path config(String text, String mode) throws IOException {
        Path file = home.resolve(".config/pchat/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private Path secret(String name, String text, String mode) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private ConnectionSettings resolve(TestEnvironment environment, SettingsResolver.Flags flags) {
        return new SettingsResolver(environment).resolve(flags);
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheFile() throws IOException {
        config("url = https://file.example.com:8181\nuser = sip:file@example.com\npassword = from-file\n"
                + "ca-file = file.pem\n", "rw-------");
        TestEnvironment environment = new TestEnvironment(home).set("PCHAT_URL", "https://env.example.com:8181")
                .set("PCHAT_USER", "sip:env@example.com").set("PCHAT_PASSWORD", "from-env")
                .set("PCHAT_CA_FILE", "/env.pem");
        Path passwordFile = secret("pw", "from-flag\n", "rw-------");

        ConnectionSettings flags = resolve(environment, new SettingsResolver.Flags("https://flag.example.com",
                "sip:flag@example.com", passwordFile, false, Path.of("/flag.pem")));
        assertThat(flags.apiBase()).isEqualTo(URI.create("https://flag.example.com/pchat/api/v1"));
        assertThat(flags.user()).isEqualTo("sip:flag@example.com");
        assertThat(flags.password().get()).containsExactly("from-flag".toCharArray());
        assertThat(flags.caFile()).isEqualTo(Path.of("/flag.pem"));

        ConnectionSettings env = resolve(environment, NO_FLAGS);
        assertThat(env.apiBase()).isEqualTo(URI.create("https://env.example.com:8181/pchat/api/v1"));
        assertThat(env.user()).isEqualTo("sip:env@example.com");
        assertThat(env.password().get()).containsExactly("from-env".toCharArray());
        assertThat(env.caFile()).isEqualTo(Path.of("/env.pem"));

        ConnectionSettings file = resolve(new TestEnvironment(home), NO_FLAGS);
        assertThat(file.apiBase()).isEqualTo(URI.create("https://file.example.com:8181/pchat/api/v1"));
        assertThat(file.user()).isEqualTo("sip:file@example.com");
        assertThat(file.password().get()).containsExactly("from-file".toCharArray());
        assertThat(file.caFile()).isEqualTo(home.resolve(".config/pchat/file.pem"));
    }

    @Test
    void withoutAnySettingTheUrlIsLocalhost() {
        ConnectionSettings settings = resolve(new TestEnvironment(home).set("PCHAT_USER", "admin@example.com"), NO_FLAGS);

        assertThat(settings.apiBase()).isEqualTo(URI.create("https://localhost:8181/pchat/api/v1"));
        assertThat(settings.caFile()).isNull();
    }

    @Test
    void xdgConfigHomeIsWhereTheFileIs() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg/pchat"));
        Files.writeString(xdg.resolve("config"), "# comment\n\nuser = sip:xdg@example.com\n");
        config("user = sip:home@example.com\n", "rw-------");

        ConnectionSettings settings = resolve(new TestEnvironment(home).set("XDG_CONFIG_HOME",
                home.resolve("xdg").toString()), NO_FLAGS);

        assertThat(settings.user()).isEqualTo("sip:xdg@example.com");
    }

    @Test
    void aConfigFileWithAPasswordThatOthersMayReadIsRefused() throws IOException {
        Path file = config("user = sip:admin@example.com\npassword = secret\n", "rw-r-----");

        assertThatThrownBy(() -> resolve(new TestEnvironment(home), NO_FLAGS))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessage("refusing " + file + ": it holds a password and other users may read it (mode 0640);"
                        + " make it private with: chmod 600 " + file);
    }

    @Test
    void aConfigFileWithoutAPasswordMayBeReadable() throws IOException {
        config("user = sip:admin@example.com\n", "rw-r--r--");

        assertThat(resolve(new TestEnvironment(home).set("PCHAT_PASSWORD", "x"), NO_FLAGS).user())
                .isEqualTo("sip:admin@example.com");
    }

    @Test
    void readOnlyForTheOwnerIsPrivateEnough() throws IOException {
        config("user = sip:admin@example.com\npassword = secret\n", "r--------");

        assertThat(resolve(new TestEnvironment(home), NO_FLAGS).password().get()).containsExactly("secret".toCharArray());
    }

    @Test
    void aPasswordFileOthersMayReadIsRefused() throws IOException {
        Path file = secret("pw", "secret\n", "rw----r--");

        assertThatThrownBy(() -> resolve(new TestEnvironment(home).set("PCHAT_USER", "a@example.com"),
                new SettingsResolver.Flags(null, null, file, false, null)))
                .isInstanceOf(CliException.class).hasMessageContaining("(mode 0604)");
    }

    @Test
    void aMissingPasswordFileIsNamed() {
        Path file = home.resolve("none");

        assertThatThrownBy(() -> resolve(new TestEnvironment(home).set("PCHAT_USER", "a@example.com"),
                new SettingsResolver.Flags(null, null, file, false, null)))
                .isInstanceOf(CliException.class).hasMessage("no such file: " + file);
    }

    @Test
    void theStdinPasswordIsItsFirstLine() {
        TestEnvironment environment = new TestEnvironment(home).set("PCHAT_USER", "a@example.com")
                .set("PCHAT_PASSWORD", "from-env").stdin("p@ss word\r\nsecond line\n");

        ConnectionSettings settings = resolve(environment, new SettingsResolver.Flags(null, null, null, true, null));

        assertThat(settings.password().get()).containsExactly("p@ss word".toCharArray());
    }

    @Test
    void passwordFileAndStdinExcludeEachOther() throws IOException {
        Path file = secret("pw", "x", "rw-------");

        assertThatThrownBy(() -> resolve(new TestEnvironment(home).set("PCHAT_USER", "a@example.com"),
                new SettingsResolver.Flags(null, null, file, true, null)))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void thePromptComesLastAndOnlyOnce() {
        TestEnvironment environment = new TestEnvironment(home).set("PCHAT_USER", "sip:admin@example.com")
                .terminal("typed");

        ConnectionSettings settings = resolve(environment, NO_FLAGS);
        assertThat(environment.prompts()).isEmpty();

        assertThat(settings.password().get()).containsExactly("typed".toCharArray());
        assertThat(settings.password().get()).containsExactly("typed".toCharArray());
        assertThat(environment.prompts()).containsExactly("Password for sip:admin@example.com: ");
    }

    @Test
    void withoutATerminalAMissingPasswordIsAUsageError() {
        ConnectionSettings settings = resolve(new TestEnvironment(home).set("PCHAT_USER", "a@example.com"), NO_FLAGS);

        assertThatThrownBy(() -> settings.password().get())
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("--password-file FILE or --password-stdin, set PCHAT_PASSWORD");
    }

    @Test
    void aMissingUserIsAUsageError() {
        assertThatThrownBy(() -> resolve(new TestEnvironment(home), NO_FLAGS))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("no user: give --user, set PCHAT_USER");
    }

    @Test
    void theHealthNeedsNoUser() {
        ConnectionSettings settings = new SettingsResolver(new TestEnvironment(home)).resolve(NO_FLAGS, false);

        assertThat(settings.user()).isNull();
    }

    @Test
    void anUnknownSettingIsNamedWithItsLine() throws IOException {
        Path file = config("user = a@example.com\npasword = oops\n", "rw-------");

        assertThatThrownBy(() -> resolve(new TestEnvironment(home), NO_FLAGS))
                .isInstanceOf(CliException.class).hasMessageStartingWith(file + " line 2: expected one of");
    }

    @Test
    void plainHttpIsRefused() {
        assertThatThrownBy(() -> SettingsResolver.apiBase("http://localhost:8080"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("must be https://");
    }

    @Test
    void aPathInTheUrlIsKept() {
        assertThat(SettingsResolver.apiBase("https://proxy.example.com/chat/pchat/api/v1/"))
                .isEqualTo(URI.create("https://proxy.example.com/chat/pchat/api/v1"));
        assertThat(SettingsResolver.apiBase("https://chat.example.com:8181/"))
                .isEqualTo(URI.create("https://chat.example.com:8181/pchat/api/v1"));
    }

    @Test
    void basicCredentialsLeaveOutTheSipScheme() {
        assertThat(new ConnectionSettings(null, "SIP:admin@example.com", null, null).basicUser())
                .isEqualTo("admin@example.com");
        assertThat(new ConnectionSettings(null, "admin@example.com", null, null).basicUser())
                .isEqualTo("admin@example.com");
    }
}
