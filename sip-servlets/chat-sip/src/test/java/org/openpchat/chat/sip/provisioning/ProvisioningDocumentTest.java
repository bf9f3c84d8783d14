package org.openpchat.chat.sip.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvisioningDocumentTest {

    @Test
    void enabledUserGetsThePoolUriAndTheRoomManagementPage() {
        String xml = ProvisioningDocument.persistentChat(true, "sip:pchat@example.com",
                "https://chat.example.com:8181/pchat/rooms/?a=1&b=2");

        assertThat(xml).contains("<provisionGroupList xmlns=\"" + ProvisioningDocument.NAMESPACE + "\">")
                .contains("<provisionGroup name=\"persistentChatConfiguration\">")
                .contains("<property name=\"EnablePersistentChat\">true</property>")
                .contains("<property name=\"DefaultPersistentChatPoolUri\">sip:pchat@example.com</property>")
                .contains("<property name=\"RoomManagementUrl\">https://chat.example.com:8181/pchat/rooms/?a=1&amp;b=2"
                        + "</property>");
    }

    @Test
    void disabledUserGetsNoPool() {
        String xml = ProvisioningDocument.persistentChat(false, "sip:pchat@example.com",
                "https://chat.example.com:8181/pchat/rooms/");

        assertThat(xml).contains("<property name=\"EnablePersistentChat\">false</property>")
                .doesNotContain("DefaultPersistentChatPoolUri").doesNotContain("RoomManagementUrl");
    }
}
