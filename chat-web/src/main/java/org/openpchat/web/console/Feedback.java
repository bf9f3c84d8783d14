package org.openpchat.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.openpchat.web.rest.support.Problem;
import org.openpchat.web.rest.support.ProblemMapper;

/**
 * Calls into the application services from a page: a refusal (a rule, a validation, a conflict)
 * becomes a message on the page, next to the field it names when the page says which one; the
 * same wording as the API's problem documents.
 */
public final class Feedback {

    private Feedback() {
    }

    /** The call's result, or empty after showing why it failed. */
    public static <T> Optional<T> attempt(String clientId, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            Problem problem = ProblemMapper.problem(e);
            FacesContext.getCurrentInstance().addMessage(clientId,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.detail(), null));
            FacesContext.getCurrentInstance().validationFailed();
            return Optional.empty();
        }
    }

    /** True if the call succeeded; otherwise shows why it failed. */
    public static boolean attempt(String clientId, Runnable call) {
        return attempt(clientId, () -> {
            call.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** A refusal the page itself makes, next to the field it is about. */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
