/**
 * XCCOS test client and protocol ITs for the chat front end (sip-servlets/chat-sip), after the
 * contract in notes/xccos-contract.md.
 *
 * <ul>
 * <li>{@link org.openpchat.it.xccos.XccosClient}: one user over one TCP flow (JAIN-SIP, via
 * {@link org.openpchat.it.sip.client.SipTestClient}): REGISTER with Digest
 * ({@link org.openpchat.it.xccos.DigestAuth}, RFC 2617 MD5 qop=auth), provisioning SUBSCRIBE and
 * its NOTIFY, INVITE/ACK, XCCOS commands in INFO, UPDATE, BYE; every server INFO is answered 200
 * and kept, parsed, in an inbox ({@code await...}, {@code received}).</li>
 * <li>{@link org.openpchat.it.xccos.XccosXml}: builds commands and posts, parses {@code <xccos>}
 * documents with a DOM parser that refuses DTDs and external entities into the records of
 * {@link org.openpchat.it.xccos.Xccos}.</li>
 * <li>ITs ({@code @RunAsClient}, H2 and PostgreSQL): {@code XccosSessionIT} (SIP level, auth,
 * provisioning, dialogs), {@code XccosCommandsIT} (every command and refusal code),
 * {@code XccosMultiUserIT} (fan-out, notices, history), {@code XccosPolicyIT} (user whose policy
 * disables chat, set up in the server), {@code XccosRestartIT} (restarts the domain: keep it in
 * its own class).</li>
 * <li>Unit tests without GlassFish: {@code XccosXmlTest}, {@code DigestAuthTest},
 * {@code XccosClientTest} (against {@code FakeXccosServer}).</li>
 * </ul>
 */
package org.openpchat.it.xccos;
