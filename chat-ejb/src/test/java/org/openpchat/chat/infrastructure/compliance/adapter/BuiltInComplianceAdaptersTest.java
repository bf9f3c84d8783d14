package org.openpchat.chat.infrastructure.compliance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;
import org.openpchat.chat.domain.compliance.Conversation;

class BuiltInComplianceAdaptersTest {

    private final BuiltInComplianceAdapters adapters = new BuiltInComplianceAdapters();

    /** What a customer's adapter looks like. */
    public static class CountingAdapter implements ComplianceAdapter {
        @Override
        public void configure(AdapterConfig config) {
        }

        @Override
        public void translate(List<Conversation> conversations) {
        }
    }

    @Test
    void knowsTheBuiltInsByOurNameAndLyncs() {
        assertThat(adapters.create("XmlAdapter")).isInstanceOf(LyncXmlAdapter.class);
        assertThat(adapters.create("Microsoft.Rtc.Internal.Chat.Server.Compliance.XmlAdapter, compliance"))
                .isInstanceOf(LyncXmlAdapter.class);
        assertThat(adapters.create("emladapter")).isInstanceOf(EmlAdapter.class);
    }

    @Test
    void loadsACustomersAdapterByClassName() {
        assertThat(adapters.create(CountingAdapter.class.getName())).isInstanceOf(CountingAdapter.class);
        assertThatThrownBy(() -> adapters.create("com.example.Missing"))
                .isInstanceOf(ComplianceAdapterException.class).hasMessageContaining("com.example.Missing");
        assertThatThrownBy(() -> adapters.create(String.class.getName()))
                .isInstanceOf(ComplianceAdapterException.class).hasMessageContaining("does not implement");
    }
}
