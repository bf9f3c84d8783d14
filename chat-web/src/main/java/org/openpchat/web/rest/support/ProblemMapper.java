package org.openpchat.web.rest.support;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.transfer.ImportConflictException;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Turns every failure into a problem document a person can act on. Unexpected failures are logged
 * with an incident id, which is all the caller learns of them.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        return problem(failure).response();
    }

    /** The problem for a failure; the console shows its detail too. */
    public static Problem problem(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof BadRequest bad) {
            return Problem.of(bad.status(), bad.getMessage()).field(bad.field());
        }
        if (cause instanceof DomainException domain) {
            return Problem.of(status(domain.reason()), domain.getMessage());
        }
        if (cause instanceof StaleItemException stale) {
            return Problem.of(412, stale.getMessage());
        }
        if (cause instanceof ImportConflictException conflict) {
            return Problem.of(409, conflict.getMessage()).conflicts(conflict.conflicts());
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(409, "the item was changed by someone else at the same time; read it again and retry");
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Problem.of(status, status == 404 ? "no such resource" : web.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "API request failed, incident " + incident, failure);
        return Problem.of(500, "the server failed unexpectedly; incident " + incident + " is in the server log");
    }

    private static int status(DomainException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case FORBIDDEN, DISABLED -> 403;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof EJBException || current instanceof jakarta.transaction.RollbackException
                || current instanceof jakarta.persistence.PersistenceException
                        && !(current instanceof OptimisticLockException))
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
