/**
 * JAIN-SIP based SIP test client for the integration tests (runs in the test JVM, no GlassFish
 * needed).
 *
 * <ul>
 * <li>{@link org.openpchat.it.sip.client.SipTestClient}: one stack per instance on 127.0.0.1 and a
 * free port, UDP or TCP; out-of-dialog requests ({@code send}, {@code sendAll},
 * {@code sendWithoutTransaction}), {@code invite}, {@code forgedDialog}, UAS role
 * ({@code answerWith}, {@code awaitRequest}), raw sockets.</li>
 * <li>{@link org.openpchat.it.sip.client.ClientDialog}: UAC dialog; {@code request},
 * {@code requestWithoutBranch} (SIPE style, no Via branch), {@code bye}.</li>
 * <li>{@link org.openpchat.it.sip.client.ReceivedResponse} /
 * {@link org.openpchat.it.sip.client.ReceivedRequest}: immutable views.</li>
 * <li>{@link org.openpchat.it.sip.client.RawTcp} / {@link org.openpchat.it.sip.client.RawUdp}: raw
 * sockets for malformed input and CRLF keep-alives.</li>
 * <li>{@link org.openpchat.it.sip.client.LoadRun}: closed-loop in-dialog INFO load.</li>
 * <li>{@link org.openpchat.it.sip.client.SipStacks}: quiet stacks whose threads {@code close()}
 * really ends.</li>
 * </ul>
 *
 * Responses are matched by Call-ID + CSeq (number and method), never by Via branch, so
 * transaction-less and branch-less requests work like normal ones. Requests on one dialog must not
 * be sent concurrently; different dialogs may be used from any number of threads.
 */
package org.openpchat.it.sip.client;
