package org.openpchat.chat.sip.facade;

/** A stored client preference: label, sequence number (XCCOS seqid) and opaque content. */
public record PreferenceView(String label, long sequence, String content) {
}
