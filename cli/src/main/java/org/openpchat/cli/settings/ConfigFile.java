package org.openpchat.cli.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/**
 * The connection settings file: lines {@code key = value} with the keys {@code url}, {@code user},
 * {@code password} and {@code ca-file}; blank lines and lines starting with {@code #} are ignored.
 * Values are taken literally (no escapes), so passwords and Windows paths need no quoting.
 */
public final class ConfigFile {

    static final Set<String> KEYS = Set.of("url", "user", "password", "ca-file");

    private final Path path;
    private final Map<String, String> values;

    private ConfigFile(Path path, Map<String, String> values) {
        this.path = path;
        this.values = values;
    }

    /** {@code $XDG_CONFIG_HOME/pchat/config}, else {@code ~/.config/pchat/config}. */
    public static Path defaultLocation(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("pchat").resolve("config");
    }

    /** The file's settings, none when it does not exist. */
    public static ConfigFile read(Path path) {
        if (!Files.exists(path)) {
            return new ConfigFile(path, Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !KEYS.contains(key)) {
                throw new CliException(ExitCodes.LOCAL_ERROR, path + " line " + (i + 1) + ": expected one of "
                        + "url, user, password, ca-file as 'key = value'");
            }
            values.put(key, line.substring(equals + 1).strip());
        }
        if (values.containsKey("password")) {
            OwnerOnlyFile.require(path);
        }
        return new ConfigFile(path, values);
    }

    public Path path() {
        return path;
    }

    public String get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A path setting; relative paths are relative to the file's directory. */
    public Path path(String key) {
        String value = get(key);
        return value == null ? null : path.toAbsolutePath().getParent().resolve(value);
    }
}
