package org.openpchat.chat.application.transfer;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.application.endpoint.EndpointView;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyView;
import org.openpchat.chat.domain.shared.DomainException;

/** Everything of an archive but the messages (read while they are imported). */
public record ArchiveContent(Manifest manifest, List<UserView> users, List<GroupView> groups, List<AddinView> addins,
        List<ExportedCategory> categories, List<ExportedRoom> rooms, List<PolicyView> policies,
        List<ConfigurationView> configurations, List<ComplianceConfigurationView> complianceConfigurations,
        List<EndpointView> endpoints) implements Serializable {

    public static ArchiveContent read(TransferArchives.Reader archive) throws IOException {
        if (!archive.has(ArchiveEntries.MANIFEST)) {
            throw DomainException.invalid("not an export archive: it has no " + ArchiveEntries.MANIFEST);
        }
        Manifest manifest = archive.json(ArchiveEntries.MANIFEST, Manifest.class);
        if (manifest == null || !Manifest.FORMAT.equals(manifest.format())) {
            throw DomainException.invalid("not an export archive of this server (format "
                    + (manifest == null ? null : manifest.format()) + ")");
        }
        if (manifest.version() > Manifest.VERSION) {
            throw DomainException.invalid("the archive has format version " + manifest.version()
                    + "; this server reads up to " + Manifest.VERSION);
        }
        return new ArchiveContent(manifest, list(archive, ArchiveEntries.USERS, UserView.class),
                list(archive, ArchiveEntries.GROUPS, GroupView.class),
                list(archive, ArchiveEntries.ADDINS, AddinView.class),
                list(archive, ArchiveEntries.CATEGORIES, ExportedCategory.class),
                list(archive, ArchiveEntries.ROOMS, ExportedRoom.class),
                list(archive, ArchiveEntries.POLICIES, PolicyView.class),
                list(archive, ArchiveEntries.CONFIGURATIONS, ConfigurationView.class),
                list(archive, ArchiveEntries.COMPLIANCE_CONFIGURATIONS, ComplianceConfigurationView.class),
                list(archive, ArchiveEntries.ENDPOINTS, EndpointView.class));
    }

    private static <T> List<T> list(TransferArchives.Reader archive, String entry, Class<T> type) throws IOException {
        return archive.has(entry) ? archive.list(entry, type) : List.of();
    }
}
