/**
 * A SIP user agent over JAIN-SIP (javax.sip:jain-sip-ri), for the chat's probes and tools.
 *
 * <ul>
 * <li>{@link org.openpchat.client.sip.SipClient}: one JAIN-SIP stack, one listening point (UDP or
 * TCP) on a free port of a local address (loopback by default), an optional outbound proxy. UAC:
 * out-of-dialog requests ({@code send}), INVITE dialogs ({@code invite}, then
 * {@link org.openpchat.client.sip.ClientDialog}: in-dialog requests with or without a Via branch,
 * BYE). UAS: every request from the server is answered 200, handed to an observer
 * ({@code onRequest}) or queued ({@code awaitRequest}).</li>
 * <li>{@link org.openpchat.client.sip.ReceivedResponse} / {@link org.openpchat.client.sip.ReceivedRequest}:
 * immutable views of what arrived.</li>
 * <li>{@link org.openpchat.client.sip.SipStacks}: how the stacks share a JVM with a server's stack
 * and with each other (no {@code SipFactory}, unique names, java.util.logging, threads ended on
 * close).</li>
 * </ul>
 *
 * Responses are matched by Call-ID + CSeq (number and method), never by Via branch. Requests on one
 * dialog must not be sent concurrently; different dialogs may be used from any number of threads.
 * Failures: {@link org.openpchat.client.sip.SipFailureException} (a final response the call did not
 * accept), {@link org.openpchat.client.sip.SipTimeoutException} (nothing in time), both
 * {@link org.openpchat.client.sip.SipClientException}s like a failure to start or to send.
 * Not supported: TLS, proxying, JAIN-SIP dialogs, authentication (see the XCCOS client's Digest).
 */
package org.openpchat.client.sip;
