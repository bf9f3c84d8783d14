package org.openpchat.chat.application.compliance.adapter;

import java.util.List;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * A compliance adapter (Lync's IComplianceAdapter): configured once when it is loaded, then given
 * every RunInterval the conversations captured since the last call. An adapter is a public class
 * with a public no-argument constructor, named by its class name in AdapterType; it must be
 * visible to the application (EAR lib/). It throws {@link ComplianceAdapterException} when the
 * batch could not be written: the events then stay unprocessed and are offered again.
 */
public interface ComplianceAdapter {

    void configure(AdapterConfig config);

    void translate(List<Conversation> conversations);
}
