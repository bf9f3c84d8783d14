package org.openpchat.chat.application.transfer;

/** The entries of an export archive (docs/export-format.md describes them). */
public final class ArchiveEntries {

    public static final String MANIFEST = "manifest.json";
    public static final String USERS = "users.json";
    public static final String GROUPS = "groups.json";
    public static final String ADDINS = "addins.json";
    public static final String CATEGORIES = "categories.json";
    public static final String ROOMS = "rooms.json";
    public static final String POLICIES = "policies.json";
    public static final String CONFIGURATIONS = "configurations.json";
    public static final String COMPLIANCE_CONFIGURATIONS = "compliance-configurations.json";
    public static final String ENDPOINTS = "endpoints.json";
    /** One file per room, one message per line: {@code messages/<room id>.jsonl}. */
    public static final String MESSAGES_DIRECTORY = "messages/";

    private ArchiveEntries() {
    }

    public static String messagesOf(String roomUid) {
        return MESSAGES_DIRECTORY + roomUid + ".jsonl";
    }
}
