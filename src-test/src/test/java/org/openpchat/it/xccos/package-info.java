/**
 * The XCCOS protocol of the chat front end (sip-servlets/chat-sip) tested from outside, through
 * the product's XCCOS client ({@code chat-client}, {@link org.openpchat.client.xccos.XccosClient}).
 *
 * <ul>
 * <li>{@link org.openpchat.it.xccos.Demo}: the demo domain, pool URI and password, and clients of
 * the test server ({@code Demo.login("alice")}).</li>
 * <li>ITs ({@code @RunAsClient}, H2 and PostgreSQL): {@code XccosSessionIT} (SIP level, auth,
 * provisioning, dialogs), {@code XccosCommandsIT} (every command and refusal code),
 * {@code XccosMultiUserIT} (fan-out, notices, history), {@code XccosPolicyIT} (user whose policy
 * disables chat, set up in the server), {@code XccosRestartIT} (restarts the domain: keep it in
 * its own class).</li>
 * </ul>
 */
package org.openpchat.it.xccos;
