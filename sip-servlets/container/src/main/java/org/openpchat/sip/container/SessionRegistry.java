package org.openpchat.sip.container;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Live dialogs by dialog id, by session id and by connection, and live application sessions. */
final class SessionRegistry {

    private final Map<String, SipSessionImpl> byDialog = new ConcurrentHashMap<>();
    private final Map<String, SipSessionImpl> byId = new ConcurrentHashMap<>();
    /** A closed connection ends its dialogs: found here, not by walking every dialog (a mass logout closes thousands). */
    private final Map<Long, Set<SipSessionImpl>> byConnection = new ConcurrentHashMap<>();
    private final Map<String, ApplicationSessionImpl> applications = new ConcurrentHashMap<>();

    void registerDialog(SipSessionImpl session) {
        byDialog.put(session.dialogKey(), session);
        byId.put(session.getId(), session);
        long connection = connectionOf(session);
        if (connection != 0) {
            byConnection.compute(connection, (key, dialogs) -> {
                Set<SipSessionImpl> on = dialogs != null ? dialogs : ConcurrentHashMap.newKeySet();
                on.add(session);
                return on;
            });
        }
        session.applicationSession().register();
    }

    void register(ApplicationSessionImpl application) {
        applications.put(application.getId(), application);
    }

    SipSessionImpl byDialog(String callId, String localTag, String remoteTag) {
        return byDialog.get(SipSessionImpl.dialogKey(callId, localTag, remoteTag));
    }

    SipSessionImpl byId(String id) {
        return byId.get(id);
    }

    ApplicationSessionImpl application(String id) {
        return applications.get(id);
    }

    void remove(SipSessionImpl session) {
        byDialog.remove(session.dialogKey(), session);
        byId.remove(session.getId(), session);
        long connection = connectionOf(session);
        if (connection != 0) {
            byConnection.computeIfPresent(connection, (key, dialogs) -> {
                dialogs.remove(session);
                return dialogs.isEmpty() ? null : dialogs;
            });
        }
    }

    void remove(ApplicationSessionImpl application) {
        applications.remove(application.getId(), application);
    }

    /** The dialogs that run over connection number {@code connection}. */
    List<SipSessionImpl> onConnection(long connection) {
        return List.copyOf(byConnection.getOrDefault(connection, Set.of()));
    }

    int dialogCount() {
        return byDialog.size();
    }

    void clear() {
        byDialog.clear();
        byId.clear();
        byConnection.clear();
        applications.clear();
    }

    private static long connectionOf(SipSessionImpl session) {
        Flow flow = session.flow();
        return flow == null ? 0 : flow.connection();
    }
}
