package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openpchat.chat.application.job.JobFiles;
import org.openpchat.chat.application.transfer.ExportLevel;
import org.openpchat.chat.application.transfer.ExportService;
import org.openpchat.chat.application.transfer.ImportService;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JobResponses;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.chat.infrastructure.io.LimitedInputStream;
import org.openpchat.web.rest.support.Queries;

/** Export-CsPersistentChatData and Import-CsPersistentChatData, as jobs. */
@jakarta.ws.rs.Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    static final long MAX_ARCHIVE = 2L * 1024 * 1024 * 1024;

    @EJB
    private ExportService exports;
    @EJB
    private ImportService imports;
    @Inject
    private JobFiles files;
    @Inject
    private Callers callers;
    @Inject
    private JobResponses jobs;

    @POST
    @jakarta.ws.rs.Path("export")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response export(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("level", "since");
        ExportLevel level = json.enumValue("level", ExportLevel.class);
        return jobs.accepted(exports.start(callers.actor(), level == null ? ExportLevel.CONFIGURATION : level,
                json.instant("since")));
    }

    @POST
    @jakarta.ws.rs.Path("import")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response importArchive(InputStream archive, @QueryParam("replace") @DefaultValue("false") String replace) {
        callers.actor().requireAdministrator("import chat data");
        boolean replacing = Queries.bool("replace", replace);
        Path upload = store(archive);
        try {
            return jobs.accepted(imports.start(callers.actor(), upload, replacing));
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
    }

    private Path store(InputStream archive) {
        Path upload = null;
        try {
            upload = files.create(".upload.zip");
            Files.copy(new LimitedInputStream(archive, MAX_ARCHIVE), upload, StandardCopyOption.REPLACE_EXISTING);
            return upload;
        } catch (LimitedInputStream.BodyTooLarge e) {
            delete(upload);
            throw new BadRequest(413, null, e.getMessage());
        } catch (IOException e) {
            delete(upload);
            throw new BadRequest(null, "the archive could not be received: " + e.getMessage());
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover upload in the private job directory; the next clean-up takes it
        }
    }
}
