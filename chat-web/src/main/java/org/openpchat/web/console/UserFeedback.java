package org.openpchat.web.console;

import java.util.Optional;
import java.util.function.Supplier;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Feedback on a user's form: a refusal of the password (the credential store's rule) is shown next
 * to the password field, any other next to the field the form names.
 */
final class UserFeedback {

    private UserFeedback() {
    }

    static <T> Optional<T> attempt(String passwordField, String otherField, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            String field = aboutThePassword(e) ? passwordField : otherField;
            return Feedback.attempt(field, () -> {
                throw e;
            });
        }
    }

    private static boolean aboutThePassword(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain && domain.getMessage() != null
                    && domain.getMessage().startsWith("a password ")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
