package org.openpchat.chat.application;

/** The caller's copy of an item is out of date (an If-Match that no longer matches). */
public class StaleItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleItemException(String message) {
        super(message);
    }
}
