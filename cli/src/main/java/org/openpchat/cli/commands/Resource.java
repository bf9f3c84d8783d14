package org.openpchat.cli.commands;

import java.util.List;
import org.openpchat.cli.http.UriPaths;
import org.openpchat.cli.output.Table.Column;

/**
 * A collection of the API addressed by name or identity, e.g. {@code /rooms} and
 * {@code /rooms/Bond%20Desk}, with the columns its table shows.
 */
record Resource(String path, String noun, List<Column> columns) {

    String item(String name) {
        return path + "/" + UriPaths.segment(name);
    }
}
