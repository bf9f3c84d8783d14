package org.openpchat.sip.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Live dialogs by dialog id and by session id, and live application sessions. */
final class SessionRegistry {

    private final Map<String, SipSessionImpl> byDialog = new ConcurrentHashMap<>();
    private final Map<String, SipSessionImpl> byId = new ConcurrentHashMap<>();
    private final Map<String, ApplicationSessionImpl> applications = new ConcurrentHashMap<>();

    void registerDialog(SipSessionImpl session) {
        byDialog.put(session.dialogKey(), session);
        byId.put(session.getId(), session);
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
    }

    void remove(ApplicationSessionImpl application) {
        applications.remove(application.getId(), application);
    }

    /** The dialogs that run over connection number {@code connection}. */
    java.util.List<SipSessionImpl> onConnection(long connection) {
        return byId.values().stream().filter(session -> session.flow() != null
                && session.flow().connection() == connection).toList();
    }

    int dialogCount() {
        return byDialog.size();
    }

    void clear() {
        byDialog.clear();
        byId.clear();
        applications.clear();
    }
}
