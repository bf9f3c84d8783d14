package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.web.rest.v1.JobsResource;

/**
 * An export's archive for the signed-in console session ({@code /admin/export-archive?job=<id>}):
 * the API's {@code GET jobs/{id}/archive} needs HTTP Basic, which a browser's session does not send.
 * Under /admin/, so for administrators only.
 */
@WebServlet("/admin/export-archive")
public class ExportArchiveDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private Jobs jobs;
    @Inject
    private ConsoleUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("job");
        Path archive;
        try {
            archive = jobs.archive(user.actor(), id == null ? "" : id);
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        response.setContentType("application/zip");
        response.setContentLengthLong(Files.size(archive));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + JobsResource.ARCHIVE_NAME.formatted(id)
                + "\"");
        Files.copy(archive, response.getOutputStream());
    }
}
