package org.openpchat.chat.application.transfer;

/** What an export holds: the configuration and directory only, or those and every room's history. */
public enum ExportLevel {
    CONFIGURATION, FULL
}
