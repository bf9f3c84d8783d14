/**
 * An XCCOS client: the Lync Persistent Chat protocol as Lync clients (and SIPE) speak it.
 *
 * <ul>
 * <li>{@link org.openpchat.client.xccos.XccosClient}: one user over one flow, configured by
 * {@link org.openpchat.client.xccos.XccosSettings} (server host and port, SIP domain, transport,
 * timeout). SIP: REGISTER with Digest ({@link org.openpchat.client.xccos.DigestAuth}, RFC 2617 MD5
 * with qop=auth, answering 407 or 401) and Expires 0 to sign out; the provisioning SUBSCRIBE
 * ({@code vnd-microsoft-provisioning-v2}) and its NOTIFY, which names the chat pool; INVITE of the
 * pool, UPDATE, BYE. XCCOS in INFO: {@code requri}, {@code getserverinfo}, {@code chansrch},
 * {@code join}, {@code bjoin}, {@code bccontext} (history), {@code part}, {@code getinv},
 * {@code getpref}, {@code setpref}, any other command by name, and posts ({@code grpchat}). Every
 * INFO from the server is answered 200 and kept, parsed, in an inbox ({@code await...},
 * {@code received}).</li>
 * <li>{@link org.openpchat.client.xccos.XccosXml}: builds the documents the client sends and parses
 * {@code <xccos>} documents (DOM of the JDK's parser, DTDs and external entities refused) into the
 * records of {@link org.openpchat.client.xccos.Xccos}.</li>
 * </ul>
 *
 * Not supported: TLS, NTLM/Kerberos, file transfer, invitations beyond {@code getinv}, room
 * management commands.
 */
package org.openpchat.client.xccos;
