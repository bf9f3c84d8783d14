package org.openpchat.chat.application.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Writing and reading export archives (a ZIP of JSON documents). */
public interface TransferArchives {

    Writer create(Path file) throws IOException;

    Reader open(Path file) throws IOException;

    interface Writer extends Closeable {

        void json(String entry, Object value) throws IOException;

        /** Starts a JSON-lines entry; the next {@link #json} or {@link #close} ends it. */
        void startLines(String entry) throws IOException;

        void line(Object value) throws IOException;
    }

    interface Reader extends Closeable {

        boolean has(String entry);

        <T> T json(String entry, Class<T> type) throws IOException;

        <T> List<T> list(String entry, Class<T> elementType) throws IOException;

        /** Every line of a JSON-lines entry, in order. */
        <T> void lines(String entry, Class<T> type, Consumer<T> each) throws IOException;
    }
}
