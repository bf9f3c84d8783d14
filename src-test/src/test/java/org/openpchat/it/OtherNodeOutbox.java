package org.openpchat.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.application.compliance.ComplianceRelayLock;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;

/**
 * The outbox table COMPLIANCE_OUTBOX as a second chat server of the pool sees it: plain SQL over
 * the same mgc pool (in the caller's JTA transaction), independent of the server's own JPA
 * repository, with the relay lock as that server takes it ({@link #lock()}). A
 * {@link org.openpchat.chat.application.compliance.ComplianceOutboxRelay} over it is another
 * node's relay working on the same rows as the server's.
 */
final class OtherNodeOutbox implements ComplianceOutbox {

    private final DataSource mgc;

    OtherNodeOutbox(DataSource mgc) {
        this.mgc = mgc;
    }

    @Override
    public void add(ComplianceEvent event) {
        throw new UnsupportedOperationException("the other node only relays");
    }

    @Override
    public List<Entry> oldest(int max) {
        try (Connection connection = mgc.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ID, EVENT_ID, EVENT_TYPE, OCCURRED_AT,"
                        + " ROOM_UID, ROOM_URI, ROOM_NAME, ROOM_CATEGORY, ROOM_DESCRIPTION, USER_URI, USER_NAME,"
                        + " USER_ID, USER_INTERNAL, MESSAGE_ID, CONTENT FROM COMPLIANCE_OUTBOX ORDER BY ID")) {
            query.setMaxRows(max);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong("ID"), new ComplianceEvent(rows.getString("EVENT_ID"),
                            ComplianceEventType.valueOf(rows.getString("EVENT_TYPE")),
                            rows.getObject("OCCURRED_AT", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            new ComplianceRoom(rows.getString("ROOM_UID"), rows.getString("ROOM_URI"),
                                    rows.getString("ROOM_NAME"), rows.getString("ROOM_CATEGORY"),
                                    rows.getString("ROOM_DESCRIPTION")),
                            new ComplianceUser(rows.getString("USER_URI"), rows.getString("USER_NAME"),
                                    rows.getLong("USER_ID"), rows.getBoolean("USER_INTERNAL")),
                            rows.getLong("MESSAGE_ID"), rows.getString("CONTENT"))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void remove(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(sequences.size(), "?"));
        try (Connection connection = mgc.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM COMPLIANCE_OUTBOX WHERE ID IN (" + marks + ")")) {
            for (int i = 0; i < sequences.size(); i++) {
                delete.setLong(i + 1, sequences.get(i));
            }
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long count() {
        throw new UnsupportedOperationException("the other node only relays");
    }

    /** The pool-wide relay lock: its row of COMPLIANCE_RELAY_LOCK locked in the caller's transaction. */
    ComplianceRelayLock lock() {
        return () -> {
            try (Connection connection = mgc.getConnection();
                    PreparedStatement lock = connection.prepareStatement(
                            "SELECT ID FROM COMPLIANCE_RELAY_LOCK WHERE ID = 1 FOR UPDATE");
                    ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("COMPLIANCE_RELAY_LOCK has no row");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
