package org.openpchat.sip.container;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import org.openpchat.sip.servlet.Address;
import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.SipServletMessage;
import org.openpchat.sip.servlet.SipSession;

/** A JAIN-SIP message seen through the servlet API. */
abstract class MessageImpl implements SipServletMessage {

    protected final SipContainer container;
    private volatile Message message;
    protected final Flow flow;
    protected SipSessionImpl session;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile boolean committed;

    MessageImpl(SipContainer container, Message message, Flow flow, SipSessionImpl session) {
        this.container = container;
        this.message = message;
        this.flow = flow;
        this.session = session;
    }

    /** The JAIN-SIP message; one created without it ({@link RequestImpl#inDialog}) gets it built now. */
    Message jainMessage() {
        Message jain = message;
        if (jain == null) {
            synchronized (this) {
                jain = message;
                if (jain == null) {
                    jain = buildMessage();
                    message = jain;
                }
            }
        }
        return jain;
    }

    /** True until a message created without its JAIN-SIP form has needed it. */
    boolean unbuilt() {
        return message == null;
    }

    /** Builds the JAIN-SIP form of a message created without it. */
    Message buildMessage() {
        throw new IllegalStateException("a message without its JAIN-SIP form");
    }

    /** Puts the message on the wire now (through {@link Delivery} inside a servlet call). */
    abstract void transmit();

    @Override
    public void send() {
        if (committed) {
            throw new IllegalStateException("already sent");
        }
        committed = true;
        Delivery delivery = Delivery.current();
        if (delivery != null) {
            delivery.send(this::transmit);
        } else {
            transmit();
        }
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    protected void markCommitted() {
        committed = true;
    }

    @Override
    public Address getFrom() {
        return AddressImpl.of(jainMessage().getHeader(FromHeader.NAME));
    }

    @Override
    public Address getTo() {
        return AddressImpl.of(jainMessage().getHeader(ToHeader.NAME));
    }

    @Override
    public String getCallId() {
        return ((CallIdHeader) jainMessage().getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public String getHeader(String name) {
        List<String> values = getHeaders(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> getHeaders(String name) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = jainMessage().getHeaders(name); it != null && it.hasNext(); ) {
            values.add(valueOf((Header) it.next()));
        }
        return values;
    }

    @Override
    public List<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<?> it = jainMessage().getHeaderNames(); it.hasNext(); ) {
            names.add((String) it.next());
        }
        return names;
    }

    @Override
    public void setHeader(String name, String value) {
        jainMessage().removeHeader(name);
        addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        headers(name, value).forEach(jainMessage()::addHeader);
    }

    @Override
    public void removeHeader(String name) {
        jainMessage().removeHeader(name);
    }

    @Override
    public Address getAddressHeader(String name) {
        return AddressImpl.of(jainMessage().getHeader(name));
    }

    @Override
    public String getContentType() {
        ContentTypeHeader type = (ContentTypeHeader) jainMessage().getHeader(ContentTypeHeader.NAME);
        return type == null ? null : valueOf(type);
    }

    @Override
    public int getContentLength() {
        byte[] raw = jainMessage().getRawContent();
        return raw == null ? 0 : raw.length;
    }

    @Override
    public String getContent() {
        byte[] raw = jainMessage().getRawContent();
        if (raw == null) {
            return null;
        }
        ContentTypeHeader type = (ContentTypeHeader) jainMessage().getHeader(ContentTypeHeader.NAME);
        Charset charset = StandardCharsets.UTF_8;
        if (type != null && type.getParameter("charset") != null) {
            try {
                charset = Charset.forName(type.getParameter("charset").replace("\"", ""));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(raw, charset);
    }

    @Override
    public byte[] getRawContent() {
        return jainMessage().getRawContent();
    }

    @Override
    public void setContent(String content, String contentType) {
        setContent(content == null ? null : content.getBytes(StandardCharsets.UTF_8), contentType);
    }

    @Override
    public void setContent(byte[] content, String contentType) {
        try {
            if (content == null) {
                jainMessage().removeContent();
                jainMessage().removeHeader(ContentTypeHeader.NAME);
                return;
            }
            jainMessage().setContent(content, contentTypeHeader(container, contentType));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("bad content type: " + contentType, e);
        }
    }

    /** The Content-Type header of {@code contentType} ({@code type/subtype; name=value...}). */
    static ContentTypeHeader contentTypeHeader(SipContainer container, String contentType) throws ParseException {
        int slash = contentType.indexOf('/');
        int semicolon = contentType.indexOf(';');
        String subtype = contentType.substring(slash + 1, semicolon < 0 ? contentType.length() : semicolon);
        ContentTypeHeader header = container.headers().createContentTypeHeader(
                contentType.substring(0, slash).strip(), subtype.strip());
        if (semicolon >= 0) {
            for (String parameter : contentType.substring(semicolon + 1).split(";")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2) {
                    header.setParameter(pair[0].strip(), pair[1].strip());
                }
            }
        }
        return header;
    }

    @Override
    public SipSession getSession() {
        return session;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return session.getApplicationSession();
    }

    @Override
    public String getTransport() {
        if (flow != null) {
            return flow.transport();
        }
        ViaHeader via = (ViaHeader) jainMessage().getHeader(ViaHeader.NAME);
        return via == null ? null : via.getTransport().toUpperCase();
    }

    @Override
    public long getConnectionId() {
        return flow == null ? 0 : flow.connection();
    }

    @Override
    public String getRemoteAddr() {
        return flow == null ? null : flow.remoteAddr();
    }

    @Override
    public int getRemotePort() {
        return flow == null ? -1 : flow.remotePort();
    }

    @Override
    public String getLocalAddr() {
        return flow == null ? null : flow.localAddr();
    }

    @Override
    public int getLocalPort() {
        return flow == null ? -1 : flow.localPort();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String toString() {
        return jainMessage().toString();
    }

    /** One header, or one per element of a comma list where JAIN-SIP wants them apart (Allow, ...). */
    private List<Header> headers(String name, String value) {
        try {
            return List.of(container.headers().createHeader(name, value));
        } catch (ParseException single) {
            if (!value.contains(",")) {
                throw new IllegalArgumentException("bad " + name + " header: " + value, single);
            }
            List<Header> list = new ArrayList<>();
            for (String element : value.split(",")) {
                try {
                    list.add(container.headers().createHeader(name, element.strip()));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("bad " + name + " header: " + value, e);
                }
            }
            return list;
        }
    }

    static String valueOf(Header header) {
        String text = header.toString();
        int colon = text.indexOf(':');
        return text.substring(colon + 1).strip();
    }
}
