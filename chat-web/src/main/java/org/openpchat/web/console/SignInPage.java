package org.openpchat.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.openpchat.web.security.FormTokens;

/** The sign-in page: its anti-forgery token and what went wrong last time. */
@Named
@RequestScoped
public class SignInPage {

    public String getToken() {
        return FormTokens.of((HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true));
    }

    public String getTokenParameter() {
        return FormTokens.PARAMETER;
    }

    /** The sentence for the error the sign-in reported, or null. */
    public String getError() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap();
        String error = parameters.get("error");
        if (error == null) {
            return null;
        }
        return switch (error) {
            case "wrong" -> "Wrong user name or password.";
            case "wait" -> "Too many wrong passwords: try again in " + seconds(parameters.get("seconds")) + " s.";
            case "expired" -> "Your session has ended; please sign in again.";
            default -> "Please sign in.";
        };
    }

    public boolean isSignedOut() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .containsKey("signedOut");
    }

    private static String seconds(String value) {
        return value != null && value.matches("\\d{1,6}") ? value : "a few";
    }
}
