package org.openpchat.chat.sip.chat;

/**
 * What one signed-in user may hold and send on the chat endpoint: chat dialogs at once ({@code
 * -Dopenpchat.sip.max-dialogs-per-user}, default {@value #DEFAULT_DIALOGS}) and requests, as a
 * token bucket refilled at {@code -Dopenpchat.sip.requests-per-second-per-user} (default {@value
 * #DEFAULT_RATE}) that holds at most {@code -Dopenpchat.sip.request-burst-per-user} (default
 * {@value #DEFAULT_BURST}).
 * <p>
 * The burst is sized for a sign-in: SIPE sends five requests that count (the Lookup dialog's
 * INVITE and {@code cmd:requri}, the chat dialog's INVITE, {@code cmd:bjoin}, {@code cmd:getinv};
 * its BYE is not counted) and then one {@code cmd:bccontext} per room as soon as the rooms are
 * joined, all at once; a {@code cmd:bjoin} may name up to {@link
 * CommandBounds#ROOMS_PER_BATCH_JOIN} rooms.
 */
record UserLimits(int dialogsPerUser, int requestsPerSecond, int requestBurst) {

    static final String DIALOGS_PROPERTY = "openpchat.sip.max-dialogs-per-user";
    static final String RATE_PROPERTY = "openpchat.sip.requests-per-second-per-user";
    static final String BURST_PROPERTY = "openpchat.sip.request-burst-per-user";
    static final int DEFAULT_DIALOGS = 10;
    static final int DEFAULT_RATE = 20;
    static final int DEFAULT_BURST = 300;

    static UserLimits configured() {
        return new UserLimits(ChatOptions.positive(DIALOGS_PROPERTY, DEFAULT_DIALOGS),
                ChatOptions.positive(RATE_PROPERTY, DEFAULT_RATE), ChatOptions.positive(BURST_PROPERTY, DEFAULT_BURST));
    }
}
