package org.openpchat.chat.sip.facade;

import java.util.List;

/** The chat use cases the SIP layer calls; users are SIP addresses without "sip:". */
public interface ChatUseCases {

    boolean persistentChatEnabled(String user);

    /** Whether the chat pool answers this address ({@code user@host}): an endpoint. */
    boolean isChatEndpoint(String address);

    /** The chat pool URI that provisioning and the Lookup step hand to clients. */
    String poolUri();

    /** Where provisioning sends room creators and managers: the configuration's RoomManagementUrl or its default. */
    String roomManagementUrl();

    ServerInfo serverInfo();

    List<RoomSummary> findRooms(String user, String nameContains);

    /** Whether the room exists as far as the user may know: a room concealed from them does not. */
    boolean roomKnownTo(String user, String roomUri);

    JoinedRoom join(String user, String roomUri);

    /**
     * Whether the user may still be in the room they joined: it exists for them, is enabled, they
     * may join it and Persistent Chat is enabled for them. False for a user the directory lost.
     */
    boolean mayStayIn(String user, String roomUri);

    boolean leave(String user, String roomUri);

    /**
     * Leaves in one transaction (dialogs ended together). Users the directory lost and rooms that
     * are gone are skipped.
     */
    void leaveAll(List<RoomLeave> leaves);

    MessageView post(String user, String roomUri, String text);

    List<MessageView> history(String user, String roomUri, int count);

    List<InvitationView> invitations(String user);

    /** Null when the user has no value under the label and none was to be created. */
    PreferenceView preference(String user, String label, boolean createDefault);

    PreferenceView setPreference(String user, String label, String content);
}
