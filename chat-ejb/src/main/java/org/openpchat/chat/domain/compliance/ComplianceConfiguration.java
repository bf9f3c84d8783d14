package org.openpchat.chat.domain.compliance;

import java.time.Duration;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * Set-CsPersistentChatComplianceConfiguration: which adapter exports the captured events, where,
 * and how often; global, per site or per service, the most specific one wins. Without an adapter
 * type events are still captured but not exported. Unlike Lync, purging the exported events is a
 * setting (on by default, as in Lync).
 */
public class ComplianceConfiguration {

    public static final int DEFAULT_RUN_INTERVAL_MINUTES = 15;
    public static final int MAX_RUN_INTERVAL_MINUTES = 30 * 24 * 60;
    public static final int MAX_CUSTOM_CONFIGURATION = 1_000_000;

    private Long id;
    private String identity;
    private String adapterType;
    private String adapterName = "XmlAdapter";
    private String outputDirectory;
    private int runIntervalMinutes = DEFAULT_RUN_INTERVAL_MINUTES;
    private boolean oneChatRoomPerOutputFile;
    private boolean addChatRoomDetails;
    private boolean addUserDetails;
    private boolean createFileAttachmentsManifest;
    private String customConfiguration;
    private boolean purgeAfterProcessing = true;
    private long version;

    protected ComplianceConfiguration() {
    }

    public ComplianceConfiguration(Scope scope) {
        if (scope.kind() == Scope.Kind.TAG) {
            throw DomainException.invalid("a compliance configuration is global, per site or per service: " + scope);
        }
        this.identity = scope.identity();
    }

    /** A blank type switches exporting off. */
    public void changeAdapterType(String type) {
        this.adapterType = blankToNull(Validate.optionalText(type, "AdapterType", 400));
    }

    public void changeAdapterName(String name) {
        this.adapterName = Validate.name(name, "AdapterName", 256);
    }

    public void changeOutputDirectory(String directory) {
        this.outputDirectory = blankToNull(Validate.optionalText(directory, "OutputDirectory", 1000));
    }

    public void changeRunInterval(Duration interval) {
        long minutes = interval.toMinutes();
        if (interval.isNegative() || !interval.equals(Duration.ofMinutes(minutes))) {
            throw DomainException.invalid("RunInterval is a whole number of minutes: " + interval);
        }
        this.runIntervalMinutes = Validate.range((int) Math.min(minutes, Integer.MAX_VALUE), 1,
                MAX_RUN_INTERVAL_MINUTES, "RunInterval (minutes)");
    }

    public void changeOneChatRoomPerOutputFile(boolean enabled) {
        this.oneChatRoomPerOutputFile = enabled;
    }

    public void changeAddChatRoomDetails(boolean enabled) {
        this.addChatRoomDetails = enabled;
    }

    public void changeAddUserDetails(boolean enabled) {
        this.addUserDetails = enabled;
    }

    public void changeCreateFileAttachmentsManifest(boolean enabled) {
        this.createFileAttachmentsManifest = enabled;
    }

    /** An XSLT stylesheet applied to the adapter's XML output; blank removes it. */
    public void changeCustomConfiguration(String xslt) {
        this.customConfiguration = blankToNull(Validate.optionalText(xslt, "CustomConfiguration",
                MAX_CUSTOM_CONFIGURATION));
    }

    public void changePurgeAfterProcessing(boolean enabled) {
        this.purgeAfterProcessing = enabled;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean exports() {
        return adapterType != null && outputDirectory != null;
    }

    public Long id() {
        return id;
    }

    public Scope scope() {
        return Scope.parse(identity);
    }

    public String adapterType() {
        return adapterType;
    }

    public String adapterName() {
        return adapterName;
    }

    public String outputDirectory() {
        return outputDirectory;
    }

    public Duration runInterval() {
        return Duration.ofMinutes(runIntervalMinutes);
    }

    public boolean oneChatRoomPerOutputFile() {
        return oneChatRoomPerOutputFile;
    }

    public boolean addChatRoomDetails() {
        return addChatRoomDetails;
    }

    public boolean addUserDetails() {
        return addUserDetails;
    }

    public boolean createFileAttachmentsManifest() {
        return createFileAttachmentsManifest;
    }

    public String customConfiguration() {
        return customConfiguration;
    }

    public boolean purgeAfterProcessing() {
        return purgeAfterProcessing;
    }
}
