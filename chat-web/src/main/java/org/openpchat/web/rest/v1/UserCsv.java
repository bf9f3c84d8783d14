package org.openpchat.web.rest.v1;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openpchat.chat.application.directory.ImportedUser;
import org.openpchat.chat.application.directory.UserImportService;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.chat.infrastructure.io.LimitedInputStream;

/**
 * The CSV of a user import: a header naming any of the columns {@link #COLUMNS} ({@code uri}
 * required), then one user per line; groups separated by {@code ;}. At most {@value #MAX_BYTES}
 * bytes. The API and the console's import page read the same format.
 */
public final class UserCsv {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final List<String> COLUMNS = List.of("uri", "displayName", "password", "groups", "organizationalUnit",
            "site", "policy");

    private UserCsv() {
    }

    public static List<ImportedUser> read(InputStream body) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = new InputStreamReader(new LimitedInputStream(body, MAX_BYTES), StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    throw new BadRequest(column, "unknown CSV column; the columns are " + String.join(", ", COLUMNS));
                }
            }
            if (!header.contains("uri")) {
                throw new BadRequest("uri", "the CSV header must name the uri column");
            }
            Set<String> present = Set.copyOf(header);
            List<ImportedUser> users = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (users.size() >= UserImportService.MAX_USERS) {
                    throw new BadRequest(null, "at most " + UserImportService.MAX_USERS + " users per import");
                }
                users.add(user(record, present));
            }
            return users;
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadRequest(null, "malformed CSV: " + e.getMessage());
        }
    }

    private static BadRequest unreadable(IOException e) {
        return e instanceof LimitedInputStream.BodyTooLarge
                ? new BadRequest(413, null, e.getMessage()) : new BadRequest(null, "the CSV cannot be read: " + e.getMessage());
    }

    private static ImportedUser user(CSVRecord record, Set<String> present) {
        String groups = value(record, present, "groups");
        return new ImportedUser((int) record.getRecordNumber() + 1, value(record, present, "uri"),
                value(record, present, "displayName"), value(record, present, "password"),
                groups == null ? List.of() : Arrays.stream(groups.split(";")).map(String::strip)
                        .filter(g -> !g.isEmpty()).toList(),
                value(record, present, "organizationalUnit"), value(record, present, "site"),
                value(record, present, "policy"));
    }

    private static String value(CSVRecord record, Set<String> present, String column) {
        if (!present.contains(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
