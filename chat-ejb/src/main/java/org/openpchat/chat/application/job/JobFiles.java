package org.openpchat.chat.application.job;

import java.io.IOException;
import java.nio.file.Path;

/** Private files of administration jobs (archives, uploads): readable by the server only. */
public interface JobFiles {

    /** A new empty file, 0600 in a 0700 directory. */
    Path create(String suffix) throws IOException;
}
