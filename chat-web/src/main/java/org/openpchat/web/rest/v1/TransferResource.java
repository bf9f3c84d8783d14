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
import java.io.InputStream;
import java.nio.file.Path;
import org.openpchat.chat.application.transfer.ExportLevel;
import org.openpchat.chat.application.transfer.ExportService;
import org.openpchat.chat.application.transfer.ImportService;
import org.openpchat.web.rest.support.ArchiveUploads;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JobResponses;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** Export-CsPersistentChatData and Import-CsPersistentChatData, as jobs. */
@jakarta.ws.rs.Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    @EJB
    private ExportService exports;
    @EJB
    private ImportService imports;
    @Inject
    private ArchiveUploads uploads;
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
        Path upload = uploads.store(archive);
        try {
            return jobs.accepted(imports.start(callers.actor(), upload, replacing));
        } catch (RuntimeException e) {
            ArchiveUploads.delete(upload);
            throw e;
        }
    }
}
