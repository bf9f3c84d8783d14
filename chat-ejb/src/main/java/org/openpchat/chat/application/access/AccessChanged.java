package org.openpchat.chat.application.access;

/** An administrative change that may take rooms away from people: {@code action} as audited. */
public record AccessChanged(String action) {
}
