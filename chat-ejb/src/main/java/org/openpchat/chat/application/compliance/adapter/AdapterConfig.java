package org.openpchat.chat.application.compliance.adapter;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;

/** The part of the compliance configuration an adapter sees (Lync's AdapterConfig). */
public record AdapterConfig(String adapterType, String adapterName, Path outputDirectory, Duration runInterval,
        boolean oneChatRoomPerOutputFile, boolean addChatRoomDetails, boolean addUserDetails,
        boolean createFileAttachmentsManifest, String customConfiguration, boolean purgeAfterProcessing)
        implements Serializable {

    public static AdapterConfig of(ComplianceConfiguration configuration) {
        return new AdapterConfig(configuration.adapterType(), configuration.adapterName(),
                Path.of(configuration.outputDirectory()), configuration.runInterval(),
                configuration.oneChatRoomPerOutputFile(), configuration.addChatRoomDetails(),
                configuration.addUserDetails(), configuration.createFileAttachmentsManifest(),
                configuration.customConfiguration(), configuration.purgeAfterProcessing());
    }
}
