package org.openpchat.chat.application.compliance;

import java.io.Serializable;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;

/**
 * A compliance configuration (Get-CsPersistentChatComplianceConfiguration); the run interval as
 * an ISO 8601 duration ({@code PT15M}).
 */
public record ComplianceConfigurationView(String identity, String adapterType, String adapterName,
        String adapterOutputDirectory, String runInterval, boolean oneChatRoomPerOutputFile,
        boolean addChatRoomDetails, boolean addUserDetails, boolean createFileAttachmentsManifest,
        String customConfiguration, boolean purgeAfterProcessing) implements Serializable {

    public static ComplianceConfigurationView of(ComplianceConfiguration configuration) {
        return new ComplianceConfigurationView(configuration.scope().identity(), configuration.adapterType(),
                configuration.adapterName(), configuration.outputDirectory(), configuration.runInterval().toString(),
                configuration.oneChatRoomPerOutputFile(), configuration.addChatRoomDetails(),
                configuration.addUserDetails(), configuration.createFileAttachmentsManifest(),
                configuration.customConfiguration(), configuration.purgeAfterProcessing());
    }
}
