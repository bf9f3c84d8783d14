package org.openpchat.cli.commands;

import picocli.CommandLine.Option;

/** The three switches a category turns on or off for its rooms, as {@code new} and {@code set} take them. */
final class CategoryFeatures {

    @Option(names = "--file-upload", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "On (true if no value) or off (false).")
    Boolean fileUpload;

    @Option(names = "--invitations", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "On (true if no value) or off (false).")
    Boolean invitations;

    @Option(names = "--chat-history", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "On (true if no value) or off (false).")
    Boolean chatHistory;

    Body addTo(Body body) {
        return body.put("fileUpload", fileUpload).put("invitations", invitations).put("chatHistory", chatHistory);
    }
}
