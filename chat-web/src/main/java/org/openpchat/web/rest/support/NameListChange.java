package org.openpchat.web.rest.support;

import java.util.List;

/**
 * A change of a list of plain names (not principals), e.g. the pool's active servers, as a
 * request wrote it: the names added and removed, or the whole list replaced ({@code replace} is
 * null unless given).
 */
public record NameListChange(List<String> add, List<String> remove, List<String> replace) {
}
