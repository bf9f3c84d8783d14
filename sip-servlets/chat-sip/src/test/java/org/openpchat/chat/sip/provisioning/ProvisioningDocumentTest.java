package org.openpchat.chat.sip.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvisioningDocumentTest {

    @Test
    void enabledUserGetsThePoolUri() {
        String xml = ProvisioningDocument.persistentChat(true, "sip:pchat@example.com");

        assertThat(xml).contains("<provisionGroupList xmlns=\"" + ProvisioningDocument.NAMESPACE + "\">")
                .contains("<provisionGroup name=\"persistentChatConfiguration\">")
                .contains("<property name=\"EnablePersistentChat\">true</property>")
                .contains("<property name=\"DefaultPersistentChatPoolUri\">sip:pchat@example.com</property>");
    }

    @Test
    void disabledUserGetsNoPool() {
        String xml = ProvisioningDocument.persistentChat(false, "sip:pchat@example.com");

        assertThat(xml).contains("<property name=\"EnablePersistentChat\">false</property>")
                .doesNotContain("DefaultPersistentChatPoolUri");
    }
}
