package org.openpchat.chat.infrastructure.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import org.openpchat.chat.infrastructure.io.LimitedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.openpchat.chat.application.transfer.TransferArchives;

/**
 * Export archives as ZIP files of JSON documents (JSON-B), messages as JSON lines. Reading is
 * bounded: a JSON entry may unpack to {@value #MAX_JSON_ENTRY} bytes at most, a line to
 * {@value #MAX_LINE} characters, whatever the archive claims.
 */
@ApplicationScoped
public class ZipTransferArchives implements TransferArchives {

    static final long MAX_JSON_ENTRY = 512L * 1024 * 1024;
    static final int MAX_LINE = 1024 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private static final byte[] NEWLINE = {'\n'};

    @Override
    public Writer create(Path file) throws IOException {
        return new ZipWriter(new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file))));
    }

    @Override
    public Reader open(Path file) throws IOException {
        try {
            return new ZipReader(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a ZIP archive (" + e.getMessage() + ")", e);
        }
    }

    private static final class ZipWriter implements Writer {

        private final ZipOutputStream zip;
        private final OutputStream unclosable;

        ZipWriter(ZipOutputStream zip) {
            this.zip = zip;
            this.unclosable = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }
            };
        }

        @Override
        public void json(String entry, Object value) throws IOException {
            zip.putNextEntry(new ZipEntry(entry));
            JSON.toJson(value, unclosable);
            zip.closeEntry();
        }

        @Override
        public void startLines(String entry) throws IOException {
            zip.putNextEntry(new ZipEntry(entry));
        }

        @Override
        public void line(Object value) throws IOException {
            zip.write(JSON.toJson(value).getBytes(StandardCharsets.UTF_8));
            zip.write(NEWLINE);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static final class ZipReader implements Reader {

        private final ZipFile zip;

        ZipReader(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        public boolean has(String entry) {
            return zip.getEntry(entry) != null;
        }

        @Override
        public <T> T json(String entry, Class<T> type) throws IOException {
            return read(entry, type);
        }

        @Override
        public <T> List<T> list(String entry, Class<T> elementType) throws IOException {
            return read(entry, listOf(elementType));
        }

        @Override
        public <T> void lines(String entry, Class<T> type, Consumer<T> each) throws IOException {
            try (InputStream in = stream(entry);
                    java.io.Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                BoundedLines lines = new BoundedLines(text, MAX_LINE);
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if (!line.isBlank()) {
                        each.accept(parse(entry, line, type));
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        private <T> T read(String entry, Type type) throws IOException {
            try (InputStream in = new LimitedInputStream(stream(entry), MAX_JSON_ENTRY)) {
                return JSON.fromJson(in, type);
            } catch (JsonbException e) {
                throw new IOException(entry + " is not valid: " + e.getMessage(), e);
            }
        }

        private static <T> T parse(String entry, String line, Class<T> type) {
            try {
                return JSON.fromJson(line, type);
            } catch (JsonbException e) {
                throw new UncheckedIOException(new IOException(entry + " has an invalid line: " + e.getMessage(), e));
            }
        }

        private InputStream stream(String entry) throws IOException {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IOException("the archive has no " + entry);
            }
            return zip.getInputStream(found);
        }
    }

    private static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
