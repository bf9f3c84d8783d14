/**
 * Probes of a running chat server over the protocol its clients speak:
 * {@link org.openpchat.client.probe.ChatMessageProbe} (Lync's Test-CsPersistentChatMessage) signs
 * two users in, has one post into a room and the other receive it, and reports each step.
 */
package org.openpchat.client.probe;
