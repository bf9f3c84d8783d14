package org.openpchat.cli.commands;

import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --offset} of a collection. */
final class Paging {

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N items (the server's default: 1000, at most 10000).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N items.")
    Integer offset;

    Query query() {
        return Query.of().add("limit", limit).add("offset", offset);
    }

    Query addTo(Query query) {
        return query.add("limit", limit).add("offset", offset);
    }
}
