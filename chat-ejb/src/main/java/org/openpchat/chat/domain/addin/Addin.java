package org.openpchat.chat.domain.addin;

import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/** A registered web page that clients show beside a room (Lync's extensibility pane). */
public class Addin {

    private Long id;
    private String name;
    private String url;
    private long version;

    protected Addin() {
    }

    public Addin(String name, String url) {
        rename(name);
        pointTo(url);
    }

    public void rename(String newName) {
        this.name = Validate.name(newName, "add-in name", 256);
    }

    public void pointTo(String newUrl) {
        String checked = Validate.httpUrl(newUrl, "add-in URL");
        if (checked == null) {
            throw DomainException.invalid("an add-in needs a URL");
        }
        this.url = checked;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }
}
