package org.openpchat.chat.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void eachFactoryGivesItsReasonAndKeepsTheMessage() {
        assertThat(DomainException.notFound("m").reason()).isEqualTo(DomainException.Reason.NOT_FOUND);
        assertThat(DomainException.forbidden("m").reason()).isEqualTo(DomainException.Reason.FORBIDDEN);
        assertThat(DomainException.disabled("m").reason()).isEqualTo(DomainException.Reason.DISABLED);
        assertThat(DomainException.conflict("m").reason()).isEqualTo(DomainException.Reason.CONFLICT);
        assertThat(DomainException.invalid("m").reason()).isEqualTo(DomainException.Reason.INVALID);
        assertThat(DomainException.conflict("name taken")).hasMessage("name taken");
    }
}
