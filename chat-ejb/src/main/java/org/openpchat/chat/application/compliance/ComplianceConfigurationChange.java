package org.openpchat.chat.application.compliance;

import java.io.Serializable;
import java.time.Duration;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;

/** Set-CsPersistentChatComplianceConfiguration parameters; null fields stay as they are. */
public record ComplianceConfigurationChange(String adapterType, String adapterName, String outputDirectory,
        Duration runInterval, Boolean oneChatRoomPerOutputFile, Boolean addChatRoomDetails, Boolean addUserDetails,
        Boolean createFileAttachmentsManifest, String customConfiguration, Boolean purgeAfterProcessing)
        implements Serializable {

    public static ComplianceConfigurationChange none() {
        return new ComplianceConfigurationChange(null, null, null, null, null, null, null, null, null, null);
    }

    public ComplianceConfigurationChange withAdapter(String type, String name) {
        return new ComplianceConfigurationChange(type, name, outputDirectory, runInterval, oneChatRoomPerOutputFile,
                addChatRoomDetails, addUserDetails, createFileAttachmentsManifest, customConfiguration,
                purgeAfterProcessing);
    }

    public ComplianceConfigurationChange withOutput(String directory, Duration interval) {
        return new ComplianceConfigurationChange(adapterType, adapterName, directory, interval,
                oneChatRoomPerOutputFile, addChatRoomDetails, addUserDetails, createFileAttachmentsManifest,
                customConfiguration, purgeAfterProcessing);
    }

    public ComplianceConfigurationChange withOptions(Boolean onePerRoom, Boolean roomDetails, Boolean userDetails,
            Boolean attachmentsManifest) {
        return new ComplianceConfigurationChange(adapterType, adapterName, outputDirectory, runInterval, onePerRoom,
                roomDetails, userDetails, attachmentsManifest, customConfiguration, purgeAfterProcessing);
    }

    public ComplianceConfigurationChange withCustomConfiguration(String xslt) {
        return new ComplianceConfigurationChange(adapterType, adapterName, outputDirectory, runInterval,
                oneChatRoomPerOutputFile, addChatRoomDetails, addUserDetails, createFileAttachmentsManifest, xslt,
                purgeAfterProcessing);
    }

    public ComplianceConfigurationChange withPurge(Boolean purge) {
        return new ComplianceConfigurationChange(adapterType, adapterName, outputDirectory, runInterval,
                oneChatRoomPerOutputFile, addChatRoomDetails, addUserDetails, createFileAttachmentsManifest,
                customConfiguration, purge);
    }

    public void applyTo(ComplianceConfiguration configuration) {
        if (adapterType != null) {
            configuration.changeAdapterType(adapterType);
        }
        if (adapterName != null) {
            configuration.changeAdapterName(adapterName);
        }
        if (outputDirectory != null) {
            configuration.changeOutputDirectory(outputDirectory);
        }
        if (runInterval != null) {
            configuration.changeRunInterval(runInterval);
        }
        if (oneChatRoomPerOutputFile != null) {
            configuration.changeOneChatRoomPerOutputFile(oneChatRoomPerOutputFile);
        }
        if (addChatRoomDetails != null) {
            configuration.changeAddChatRoomDetails(addChatRoomDetails);
        }
        if (addUserDetails != null) {
            configuration.changeAddUserDetails(addUserDetails);
        }
        if (createFileAttachmentsManifest != null) {
            configuration.changeCreateFileAttachmentsManifest(createFileAttachmentsManifest);
        }
        if (customConfiguration != null) {
            configuration.changeCustomConfiguration(customConfiguration);
        }
        if (purgeAfterProcessing != null) {
            configuration.changePurgeAfterProcessing(purgeAfterProcessing);
        }
    }
}
