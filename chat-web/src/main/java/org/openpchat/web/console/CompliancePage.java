package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;

/**
 * Compliance configurations (Set-CsPersistentChatComplianceConfiguration) one at a time in the
 * form, and exporting what was captured now. Only the fields the administrator changed are sent.
 */
@Named
@ViewScoped
public class CompliancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ComplianceConfigurationService configurations;
    @Inject
    private ConsoleUser user;

    private List<ComplianceConfigurationView> shown;
    private ComplianceConfigurationView edited;

    private String adapterType;
    private String adapterName;
    private String outputDirectory;
    private Long runIntervalMinutes;
    private boolean oneChatRoomPerOutputFile;
    private boolean addChatRoomDetails;
    private boolean addUserDetails;
    private boolean createFileAttachmentsManifest;
    private String customConfiguration;
    private boolean purgeAfterProcessing;

    public List<ComplianceConfigurationView> getConfigurations() {
        if (shown == null) {
            shown = Feedback.attempt(null, () -> configurations.views(user.actor())).orElse(List.of());
        }
        return shown;
    }

    /** The configuration in the form: the one chosen, else the global one. */
    public ComplianceConfigurationView getEdited() {
        if (edited == null && !getConfigurations().isEmpty()) {
            edit(getConfigurations().get(0));
        }
        return edited;
    }

    public void edit(ComplianceConfigurationView c) {
        edited = c;
        adapterType = c.adapterType();
        adapterName = c.adapterName();
        outputDirectory = c.adapterOutputDirectory();
        runIntervalMinutes = Duration.parse(c.runInterval()).toMinutes();
        oneChatRoomPerOutputFile = c.oneChatRoomPerOutputFile();
        addChatRoomDetails = c.addChatRoomDetails();
        addUserDetails = c.addUserDetails();
        createFileAttachmentsManifest = c.createFileAttachmentsManifest();
        customConfiguration = c.customConfiguration();
        purgeAfterProcessing = c.purgeAfterProcessing();
    }

    public void save() {
        ComplianceConfigurationView c = edited;
        long currentMinutes = Duration.parse(c.runInterval()).toMinutes();
        ComplianceConfigurationChange change = new ComplianceConfigurationChange(text(adapterType, c.adapterType()),
                text(adapterName, c.adapterName()), text(outputDirectory, c.adapterOutputDirectory()),
                runIntervalMinutes == null || runIntervalMinutes == currentMinutes ? null
                        : Duration.ofMinutes(runIntervalMinutes),
                flag(oneChatRoomPerOutputFile, c.oneChatRoomPerOutputFile()),
                flag(addChatRoomDetails, c.addChatRoomDetails()), flag(addUserDetails, c.addUserDetails()),
                flag(createFileAttachmentsManifest, c.createFileAttachmentsManifest()),
                text(customConfiguration, c.customConfiguration()), flag(purgeAfterProcessing, c.purgeAfterProcessing()));
        Feedback.attempt(null, () -> configurations.update(user.actor(), c.identity(), change, ItemTags.of(c)))
                .ifPresent(saved -> {
                    shown = null;
                    edit(saved);
                    Feedback.info("Compliance configuration " + saved.identity() + " saved.");
                });
    }

    /** Exports every captured event not yet exported with this configuration's adapter, now. */
    public void exportNow() {
        String identity = getEdited().identity();
        Feedback.attempt("export:exportNow", () -> configurations.runNow(user.actor(), identity))
                .ifPresent(exported -> Feedback.info("Exported " + exported + (exported == 1 ? " event" : " events")
                        + " with compliance configuration " + identity + "."));
    }

    /** The new text, or null when it is what the configuration has (empty and absent are alike). */
    private static String text(String wanted, String current) {
        String now = wanted == null ? "" : wanted;
        return now.equals(current == null ? "" : current) ? null : now;
    }

    private static Boolean flag(boolean wanted, boolean current) {
        return wanted == current ? null : wanted;
    }

    public String getAdapterType() {
        return adapterType;
    }

    public void setAdapterType(String adapterType) {
        this.adapterType = adapterType;
    }

    public String getAdapterName() {
        return adapterName;
    }

    public void setAdapterName(String adapterName) {
        this.adapterName = adapterName;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public Long getRunIntervalMinutes() {
        return runIntervalMinutes;
    }

    public void setRunIntervalMinutes(Long runIntervalMinutes) {
        this.runIntervalMinutes = runIntervalMinutes;
    }

    public boolean isOneChatRoomPerOutputFile() {
        return oneChatRoomPerOutputFile;
    }

    public void setOneChatRoomPerOutputFile(boolean oneChatRoomPerOutputFile) {
        this.oneChatRoomPerOutputFile = oneChatRoomPerOutputFile;
    }

    public boolean isAddChatRoomDetails() {
        return addChatRoomDetails;
    }

    public void setAddChatRoomDetails(boolean addChatRoomDetails) {
        this.addChatRoomDetails = addChatRoomDetails;
    }

    public boolean isAddUserDetails() {
        return addUserDetails;
    }

    public void setAddUserDetails(boolean addUserDetails) {
        this.addUserDetails = addUserDetails;
    }

    public boolean isCreateFileAttachmentsManifest() {
        return createFileAttachmentsManifest;
    }

    public void setCreateFileAttachmentsManifest(boolean createFileAttachmentsManifest) {
        this.createFileAttachmentsManifest = createFileAttachmentsManifest;
    }

    public String getCustomConfiguration() {
        return customConfiguration;
    }

    public void setCustomConfiguration(String customConfiguration) {
        this.customConfiguration = customConfiguration;
    }

    public boolean isPurgeAfterProcessing() {
        return purgeAfterProcessing;
    }

    public void setPurgeAfterProcessing(boolean purgeAfterProcessing) {
        this.purgeAfterProcessing = purgeAfterProcessing;
    }
}
