package org.openpchat.web.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The administrator pages are for administrators only, checked on every request against the
 * directory (an administrator removed from the group loses them at once). Everyone else is sent a
 * 403; their own page is the room management page.
 */
@WebFilter(urlPatterns = "/admin/*")
public class AdministratorsOnly extends HttpFilter {

    @Inject
    private ConsoleUser user;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!user.isAdministrator()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "only Persistent Chat administrators may open the administration pages");
            return;
        }
        chain.doFilter(request, response);
    }
}
