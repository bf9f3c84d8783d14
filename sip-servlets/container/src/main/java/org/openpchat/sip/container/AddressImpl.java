package org.openpchat.sip.container;

import javax.sip.header.HeaderAddress;
import javax.sip.header.Parameters;
import org.openpchat.sip.servlet.Address;
import org.openpchat.sip.servlet.URI;

/** An address header (From, To, Contact, ...) seen through the servlet API. */
final class AddressImpl implements Address {

    private final javax.sip.address.Address address;
    private final Parameters parameters;

    AddressImpl(javax.sip.address.Address address, Parameters parameters) {
        this.address = address;
        this.parameters = parameters;
    }

    static AddressImpl of(javax.sip.header.Header header) {
        if (!(header instanceof HeaderAddress addressHeader)) {
            return null;
        }
        return new AddressImpl(addressHeader.getAddress(), header instanceof Parameters p ? p : null);
    }

    javax.sip.address.Address jainAddress() {
        return address;
    }

    @Override
    public URI getURI() {
        return new UriImpl(address.getURI());
    }

    @Override
    public String getDisplayName() {
        return address.getDisplayName();
    }

    @Override
    public String getParameter(String name) {
        return parameters == null ? null : parameters.getParameter(name);
    }

    @Override
    public String toString() {
        if (parameters == null) {
            return address.toString();
        }
        String header = parameters.toString();
        return header.substring(header.indexOf(':') + 1).strip();
    }
}
