package org.openpchat.chat.domain.policy;

import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * Persistent Chat server configuration (Set-CsPersistentChatConfiguration): global, per site, or
 * per chat service; the most specific one wins.
 */
public class ChatConfiguration {

    public static final int DEFAULT_CHAT_HISTORY = 30;
    public static final int DEFAULT_MAX_FILE_SIZE_KB = 20000;
    public static final int DEFAULT_PARTICIPANT_UPDATE_LIMIT = 75;

    private Long id;
    private String identity;
    private int defaultChatHistory = DEFAULT_CHAT_HISTORY;
    private int maxFileSizeKb = DEFAULT_MAX_FILE_SIZE_KB;
    private int participantUpdateLimit = DEFAULT_PARTICIPANT_UPDATE_LIMIT;
    private String roomManagementUrl;
    private long version;

    protected ChatConfiguration() {
    }

    public ChatConfiguration(Scope scope) {
        if (scope.kind() == Scope.Kind.TAG) {
            throw DomainException.invalid("a Persistent Chat configuration is global, per site or per service: "
                    + scope);
        }
        this.identity = scope.identity();
    }

    public void changeDefaultChatHistory(int messages) {
        this.defaultChatHistory = Validate.range(messages, 1, 500, "DefaultChatHistory");
    }

    public void changeMaxFileSizeKb(int kilobytes) {
        this.maxFileSizeKb = Validate.range(kilobytes, 1, 2_097_152, "MaxFileSizeKB");
    }

    public void changeParticipantUpdateLimit(int participants) {
        this.participantUpdateLimit = Validate.range(participants, 0, 100_000, "ParticipantUpdateLimit");
    }

    public void changeRoomManagementUrl(String url) {
        this.roomManagementUrl = Validate.httpUrl(url, "RoomManagementUrl");
    }

    /**
     * How many messages a client's history request (XCCOS cmd:bccontext) gets: the newest it asks
     * for, at most DefaultChatHistory; 0 asks for DefaultChatHistory.
     */
    public int backchatSize(int requested) {
        if (requested < 0) {
            throw DomainException.invalid("a history request needs a positive count, not " + requested);
        }
        return requested == 0 ? defaultChatHistory : Math.min(requested, defaultChatHistory);
    }

    public Long id() {
        return id;
    }

    public Scope scope() {
        return Scope.parse(identity);
    }

    public int defaultChatHistory() {
        return defaultChatHistory;
    }

    public int maxFileSizeKb() {
        return maxFileSizeKb;
    }

    public int participantUpdateLimit() {
        return participantUpdateLimit;
    }

    /** The administrator's explicit setting, or null when none was made. */
    public String roomManagementUrl() {
        return roomManagementUrl;
    }

    /** What clients are sent: the explicit setting, else this server's own room management page. */
    public String roomManagementUrlOr(String serversOwnPage) {
        return roomManagementUrl != null ? roomManagementUrl : serversOwnPage;
    }
}
