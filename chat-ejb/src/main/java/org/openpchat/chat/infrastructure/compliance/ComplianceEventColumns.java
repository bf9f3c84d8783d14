package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;

/**
 * The columns of a compliance event, shared by the outbox row in mgc and the captured event in
 * mgccomp (two persistence units, so two entities). Times are UTC wall time (JPA 3.1 has no Instant).
 */
@MappedSuperclass
public abstract class ComplianceEventColumns {

    /** Column lengths (characters): a longer value can never be stored. */
    public static final int ROOM_UID_LENGTH = 64;
    public static final int URI_LENGTH = 400;
    public static final int NAME_LENGTH = 256;
    public static final int ROOM_DESCRIPTION_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Column(name = "EVENT_ID", length = 36, nullable = false)
    private String eventId;
    @Column(name = "EVENT_TYPE", length = 16, nullable = false)
    private String type;
    @Column(name = "OCCURRED_AT", nullable = false)
    private LocalDateTime occurredAt;
    @Column(name = "ROOM_UID", length = ROOM_UID_LENGTH, nullable = false)
    private String roomUid;
    @Column(name = "ROOM_URI", length = URI_LENGTH, nullable = false)
    private String roomUri;
    @Column(name = "ROOM_NAME", length = NAME_LENGTH, nullable = false)
    private String roomName;
    @Column(name = "ROOM_CATEGORY", length = NAME_LENGTH)
    private String roomCategory;
    @Column(name = "ROOM_DESCRIPTION", length = ROOM_DESCRIPTION_LENGTH)
    private String roomDescription;
    @Column(name = "USER_URI", length = URI_LENGTH, nullable = false)
    private String userUri;
    @Column(name = "USER_NAME", length = NAME_LENGTH)
    private String userName;
    @Column(name = "USER_ID", nullable = false)
    private long userId;
    @Column(name = "USER_INTERNAL", nullable = false)
    private boolean userInternal;
    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;
    @Column(name = "CONTENT", length = ComplianceEvent.MAX_CONTENT)
    private String content;
    protected ComplianceEventColumns() {
    }

    protected ComplianceEventColumns(ComplianceEvent event) {
        this.eventId = event.eventId();
        this.type = event.type().name();
        this.occurredAt = LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        this.roomUid = event.room().uid();
        this.roomUri = event.room().uri();
        this.roomName = event.room().name();
        this.roomCategory = event.room().category();
        this.roomDescription = event.room().description();
        this.userUri = event.user().uri();
        this.userName = event.user().displayName();
        this.userId = event.user().id();
        this.userInternal = event.user().internal();
        this.messageId = event.messageId();
        this.content = event.content();
    }

    public ComplianceEvent toEvent() {
        return new ComplianceEvent(eventId, ComplianceEventType.valueOf(type), occurredAt.toInstant(ZoneOffset.UTC),
                new ComplianceRoom(roomUid, roomUri, roomName, roomCategory, roomDescription),
                new ComplianceUser(userUri, userName, userId, userInternal), messageId, content);
    }

    public Long id() {
        return id;
    }
}
