/*
 * sipe-driver: minimal headless libpurple front end ("nullclient" pattern)
 * for driving the SIPE prpl from a test script.  Test tool: a real SIPE client as a scriptable test peer.
 * openpchat's copy of a standalone driver, used by src-test's SipeClient/SipeInteropIT;
 * changes: CHAT_ERROR/IM_ERROR events, one event per line (tabs and line breaks inside a
 * field become spaces), build.sh writes into a given directory, SIPE_CA_FILE (CA certificates to
 * trust) and REQUEST events. SIPE's own random numbers are left as shipped: clients started in
 * the same second send the same Call-IDs, tags and branches, as real ones do.
 *
 * Config via environment:
 *   SIPE_USER      alice@example.com  (SIPE "username[,login]")
 *   SIPE_PASSWORD  secret
 *   SIPE_SERVER    127.0.0.1:5061
 *   SIPE_TRANSPORT tcp|tls|auto        (default tcp)
 *   SIPE_AUTH      ntlm|tls-dsk|krb5|auto (default ntlm)
 *   SIPE_GCUSER    group chat proxy, e.g. ocschat@example.com (optional)
 *   SIPE_UA        user agent string (optional)
 *   SIPE_HOME      libpurple config dir (default ./purple-home)
 *   SIPE_CA_FILE   PEM file of CA certificates to trust for TLS, besides the system's (optional)
 *   SIPE_DEBUG=1   SIPE debug incl. full SIP trace on stderr (=all: all libpurple debug)
 *   SIPE_NO_XMLFIX=1  disable the Debian 12 libxml2 work-around (see below)
 *
 * stdin commands (one per line):
 *   join <ma-chan://domain/path>
 *   say <text>                 send to last joined chat
 *   sayto <chat-name> <text>   send to a named chat conversation
 *   im <sip:uri> <text>
 *   rooms                      query room list (cmd:chansrch)
 *   part                       leave last joined chat
 *   quit
 * stdout events (one per line, tab separated):
 *   SIGNED_ON <user> | CONN_ERROR <code> <text> | CMD_OK <cmd> | CMD_ERROR <why>
 *   CHAT_JOINED <chat> | CHAT_LEFT <chat> | CHAT_TOPIC <chat> <topic>
 *   CHAT_BUDDY_JOINED <chat> <who> <flags> | CHAT_BUDDY_LEFT <chat> <who>
 *   CHAT_MSG <chat> <who> <plain text> | IM_MSG <who> <text>
 *   CHAT_ERROR <chat> <plain text>   (an error SIPE writes into a chat, e.g. a post the server refused)
 *   IM_ERROR <who> <plain text>
 *   NOTIFY <title> <primary> <secondary> | ROOM <name> <uri> <users> <invite> <private> <logged> <desc>
 *   REQUEST <title> <primary> <secondary>   (libpurple asks the user, e.g. whether to accept a
 *                                            certificate it cannot verify; left unanswered)
 *   ROOMLIST_DONE | EXIT
 *   (<chat> is SIPE's room *title* from rpl:join, e.g. "Room One", not the URI)
 *   Every event is exactly one line: tabs, CR and LF inside a field are printed as spaces.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libxml/parser.h>
#include <purple.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_COND  (G_IO_IN | G_IO_HUP | G_IO_ERR)
#define WRITE_COND (G_IO_OUT | G_IO_HUP | G_IO_ERR | G_IO_NVAL)

/*
 * Work-around for Debian 12 libxml2 (2.9.14+dfsg-1.3~deb12u5/u6): SAX1
 * startElement/endElement callbacks are ignored when the handler is flagged
 * XML_SAX2_MAGIC. SIPE 1.25's sipe_xml_parse() uses exactly such a handler, so
 * every XML body (provisioning, roaming, XCCOS) parses to NULL. This binary
 * exports its own xmlSAXUserParseMemory() (link with
 * -Wl,--export-dynamic-symbol=xmlSAXUserParseMemory) which libsipe.so binds
 * to; it clears the SAX2 flag so libxml2 takes its (working) SAX1 path.
 * Set SIPE_NO_XMLFIX=1 to see the breakage.
 */
int xmlSAXUserParseMemory(xmlSAXHandlerPtr sax, void *user_data,
			  const char *buffer, int size)
{
	static int (*real)(xmlSAXHandlerPtr, void *, const char *, int);
	if (!real)
		real = (int (*)(xmlSAXHandlerPtr, void *, const char *, int))
			dlsym(RTLD_NEXT, "xmlSAXUserParseMemory");
	if (sax && sax->initialized == XML_SAX2_MAGIC && sax->startElement &&
	    !sax->startElementNs && !getenv("SIPE_NO_XMLFIX")) {
		xmlSAXHandler copy = *sax;
		copy.initialized = 1;	/* SAX1: startElement/endElement are used */
		return real(&copy, user_data, buffer, size);
	}
	return real(sax, user_data, buffer, size);
}

static GMainLoop *loop;
static PurpleAccount *account;
static gchar *last_chat;

static void out(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* a field of an event line: tabs and line breaks become spaces (caller frees) */
static gchar *field(const char *s)
{
	gchar *f = g_strdup(s ? s : "");
	gchar *p;
	for (p = f; *p; p++)
		if (*p == '\t' || *p == '\r' || *p == '\n')
			*p = ' ';
	return f;
}

/* plain text of libpurple HTML, as one field (caller frees) */
static gchar *plain_field(const char *html)
{
	gchar *stripped = purple_markup_strip_html(html ? html : "");
	gchar *plain = purple_unescape_html(stripped);
	gchar *f = field(plain);
	g_free(stripped);
	g_free(plain);
	return f;
}

/* ---------- glib event loop glue (from libpurple nullclient) ---------- */
typedef struct {
	PurpleInputFunction function;
	guint result;
	gpointer data;
} IOClosure;

static gboolean io_invoke(GIOChannel *source, GIOCondition cond, gpointer data)
{
	IOClosure *c = data;
	PurpleInputCondition pc = 0;
	if (cond & READ_COND)  pc |= PURPLE_INPUT_READ;
	if (cond & WRITE_COND) pc |= PURPLE_INPUT_WRITE;
	c->function(c->data, g_io_channel_unix_get_fd(source), pc);
	return TRUE;
}

static guint input_add(gint fd, PurpleInputCondition cond,
		       PurpleInputFunction func, gpointer data)
{
	IOClosure *c = g_new0(IOClosure, 1);
	GIOChannel *ch;
	GIOCondition gc = 0;
	c->function = func;
	c->data = data;
	if (cond & PURPLE_INPUT_READ)  gc |= READ_COND;
	if (cond & PURPLE_INPUT_WRITE) gc |= WRITE_COND;
	ch = g_io_channel_unix_new(fd);
	c->result = g_io_add_watch_full(ch, G_PRIORITY_DEFAULT, gc, io_invoke, c, g_free);
	g_io_channel_unref(ch);
	return c->result;
}

static PurpleEventLoopUiOps loop_ops = {
	g_timeout_add, g_source_remove, input_add, g_source_remove,
	NULL, g_timeout_add_seconds, NULL, NULL, NULL
};

/* ---------- notify ops: print errors/messages instead of dialogs ---------- */
static void notify3(const char *title, const char *primary, const char *secondary)
{
	gchar *t = field(title), *p = field(primary), *s = field(secondary);
	out("NOTIFY\t%s\t%s\t%s", t, p, s);
	g_free(t);
	g_free(p);
	g_free(s);
}

static void *notify_message(PurpleNotifyMsgType type, const char *title,
			    const char *primary, const char *secondary)
{
	notify3(title, primary, secondary);
	return NULL;
}

static void *notify_formatted(const char *title, const char *primary,
			      const char *secondary, const char *text)
{
	notify3(title, primary, text);
	return NULL;
}

static PurpleNotifyUiOps notify_ops = {
	notify_message, NULL, NULL, notify_formatted, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL
};

/* ---------- request ops: print questions, answer none ---------- */
/*
 * libpurple asks the user when it cannot verify a TLS certificate (untrusted CA, wrong name,
 * expired). A headless client has nobody to ask: the question is printed and never answered, so
 * the connection does not go on, and the harness fails at once on the event.
 */
static void *request_action(const char *title, const char *primary, const char *secondary,
			    int default_action, PurpleAccount *acct, const char *who,
			    PurpleConversation *conv, void *user_data, size_t action_count,
			    va_list actions)
{
	gchar *t = field(title), *p = field(primary), *s = field(secondary);
	out("REQUEST\t%s\t%s\t%s", t, p, s);
	g_free(t);
	g_free(p);
	g_free(s);
	return NULL;
}

static PurpleRequestUiOps request_ops = {
	.request_action = request_action,
};

/* ---------- trusted CAs (SIPE_CA_FILE) ---------- */
/*
 * Test setup, as if the CA were installed on the system: each certificate of the file goes into
 * libpurple's CA pool ("x509", "ca"), which libpurple's TLS verifier checks server certificates
 * against (chain and name), for SIPE as for every protocol. SIPE's own checks are unchanged.
 */
static int trust_ca_file(const char *file)
{
	PurpleCertificateScheme *x509 = purple_certificate_find_scheme("x509");
	PurpleCertificatePool *ca = purple_certificate_find_pool("x509", "ca");
	GSList *certs, *l;
	int n = 0;
	if (!x509 || !ca) {
		fprintf(stderr, "libpurple has no X.509 certificate support (SSL plugin missing?)\n");
		return 0;
	}
	certs = purple_certificates_import(x509, file);
	for (l = certs; l; l = l->next) {
		PurpleCertificate *crt = l->data;
		gchar *id = purple_certificate_get_unique_id(crt);
		if (id && purple_certificate_pool_store(ca, id, crt))
			n++;
		g_free(id);
		purple_certificate_destroy(crt);
	}
	g_slist_free(certs);
	return n;
}

/* ---------- roomlist ops ---------- */
static void room_add(PurpleRoomlist *list, PurpleRoomlistRoom *room)
{
	GList *v = purple_roomlist_room_get_fields(room);
	GList *f = purple_roomlist_get_fields(list);
	gchar *name = field(purple_roomlist_room_get_name(room));
	GString *s = g_string_new(name);
	g_free(name);
	for (; v && f; v = v->next, f = f->next) {
		g_string_append_c(s, '\t');
		if (purple_roomlist_field_get_type(f->data) == PURPLE_ROOMLIST_FIELD_STRING) {
			gchar *value = field(v->data);
			g_string_append(s, value);
			g_free(value);
		} else {
			g_string_append_printf(s, "%u", GPOINTER_TO_UINT(v->data));
		}
	}
	out("ROOM\t%s", s->str);
	g_string_free(s, TRUE);
}

static void room_in_progress(PurpleRoomlist *list, gboolean in_progress)
{
	if (!in_progress)
		out("ROOMLIST_DONE");
}

/* ---------- conversation ops: errors SIPE writes into a conversation ---------- */
static void write_conv(PurpleConversation *conv, const char *name, const char *alias,
		       const char *message, PurpleMessageFlags flags, time_t mtime)
{
	gchar *c, *text;
	if (!(flags & PURPLE_MESSAGE_ERROR))
		return;
	c = field(purple_conversation_get_name(conv));
	text = plain_field(message);
	out("%s\t%s\t%s",
	    purple_conversation_get_type(conv) == PURPLE_CONV_TYPE_CHAT ? "CHAT_ERROR" : "IM_ERROR",
	    c, text);
	g_free(c);
	g_free(text);
}

static PurpleConversationUiOps conv_ops = {
	.write_conv = write_conv,
};

static PurpleRoomlistUiOps roomlist_ops = {
	NULL, NULL, NULL, room_add, room_in_progress, NULL, NULL, NULL, NULL, NULL
};

/* ---------- signals ---------- */
static void signed_on(PurpleConnection *gc, gpointer d)
{
	out("SIGNED_ON\t%s", purple_account_get_username(purple_connection_get_account(gc)));
}

static void conn_error(PurpleConnection *gc, PurpleConnectionError err,
		       const gchar *desc, gpointer d)
{
	gchar *text = field(desc);
	out("CONN_ERROR\t%d\t%s", err, text);
	g_free(text);
}

static void chat_joined(PurpleConversation *conv, gpointer d)
{
	g_free(last_chat);
	last_chat = g_strdup(purple_conversation_get_name(conv));
	out("CHAT_JOINED\t%s", last_chat);
}

static void chat_left(PurpleConversation *conv, gpointer d)
{
	out("CHAT_LEFT\t%s", purple_conversation_get_name(conv));
}

static void chat_buddy_joined(PurpleConversation *conv, const char *name,
			      PurpleConvChatBuddyFlags flags, gboolean new_arrival, gpointer d)
{
	out("CHAT_BUDDY_JOINED\t%s\t%s\t%d", purple_conversation_get_name(conv), name, flags);
}

static void chat_buddy_left(PurpleConversation *conv, const char *name,
			    const char *reason, gpointer d)
{
	out("CHAT_BUDDY_LEFT\t%s\t%s", purple_conversation_get_name(conv), name);
}

static void chat_topic(PurpleConversation *conv, const char *who, const char *topic, gpointer d)
{
	gchar *t = field(topic);
	out("CHAT_TOPIC\t%s\t%s", purple_conversation_get_name(conv), t);
	g_free(t);
}

static void received_chat(PurpleAccount *acct, char *sender, char *message,
			  PurpleConversation *conv, PurpleMessageFlags flags, gpointer d)
{
	/* SIPE hands libpurple HTML-escaped text; print it as plain text */
	gchar *plain = purple_unescape_html(message);
	gchar *text = field(plain);
	out("CHAT_MSG\t%s\t%s\t%s", conv ? purple_conversation_get_name(conv) : "?",
	    sender, text);
	g_free(plain);
	g_free(text);
}

static void received_im(PurpleAccount *acct, char *sender, char *message,
			PurpleConversation *conv, PurpleMessageFlags flags, gpointer d)
{
	gchar *plain = purple_unescape_html(message);
	gchar *text = field(plain);
	out("IM_MSG\t%s\t%s", sender, text);
	g_free(plain);
	g_free(text);
}

/* ---------- stdin commands ---------- */
static PurpleConversation *find_chat(const char *name)
{
	return purple_find_conversation_with_account(PURPLE_CONV_TYPE_CHAT, name, account);
}

static gboolean quit_cb(gpointer d)
{
	g_main_loop_quit(loop);
	return FALSE;
}

static void handle_cmd(char *line)
{
	PurpleConnection *gc = purple_account_get_connection(account);
	char *arg = strchr(line, ' ');
	if (arg) *arg++ = '\0';

	if (!strcmp(line, "quit")) {
		/* disconnect cleanly (SIPE sends BYE + REGISTER Expires: 0), then exit */
		if (gc)
			purple_account_disconnect(account);
		g_timeout_add(300, quit_cb, NULL);
	} else if (!gc) {
		out("CMD_ERROR\tnot connected");
	} else if (!strcmp(line, "join") && arg) {
		GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
		g_hash_table_insert(h, "uri", g_strdup(arg));
		serv_join_chat(gc, h);
		g_hash_table_destroy(h);
		out("CMD_OK\tjoin");
	} else if ((!strcmp(line, "say") && arg) || (!strcmp(line, "sayto") && arg)) {
		const char *name = last_chat, *text = arg;
		PurpleConversation *conv;
		if (!strcmp(line, "sayto")) {
			char *sp = strchr(arg, ' ');
			if (!sp) { out("CMD_ERROR\tusage"); return; }
			*sp = '\0'; name = arg; text = sp + 1;
		}
		conv = name ? find_chat(name) : NULL;
		if (!conv) { out("CMD_ERROR\tno such chat"); return; }
		{
			/* libpurple expects HTML from the UI: send plain text escaped */
			gchar *html = g_markup_escape_text(text, -1);
			purple_conv_chat_send(PURPLE_CONV_CHAT(conv), html);
			g_free(html);
		}
		out("CMD_OK\tsay");
	} else if (!strcmp(line, "part")) {
		PurpleConversation *conv = last_chat ? find_chat(last_chat) : NULL;
		if (!conv) { out("CMD_ERROR\tno such chat"); return; }
		purple_conversation_destroy(conv);
		out("CMD_OK\tpart");
	} else if (!strcmp(line, "im") && arg) {
		char *sp = strchr(arg, ' ');
		if (!sp) { out("CMD_ERROR\tusage"); return; }
		*sp = '\0';
		serv_send_im(gc, arg, sp + 1, 0);
		out("CMD_OK\tim");
	} else if (!strcmp(line, "rooms")) {
		PurpleRoomlist *l = purple_roomlist_get_list(gc);
		out(l ? "CMD_OK\trooms" : "CMD_ERROR\troomlist unavailable (group chat not connected?)");
	} else {
		out("CMD_ERROR\tunknown command %s", line);
	}
}

static gboolean stdin_cb(GIOChannel *ch, GIOCondition cond, gpointer d)
{
	gchar *line = NULL;
	gsize term;
	GIOStatus st = g_io_channel_read_line(ch, &line, NULL, &term, NULL);
	if (st == G_IO_STATUS_EOF || st == G_IO_STATUS_ERROR) {
		g_main_loop_quit(loop);
		return FALSE;
	}
	if (line) {
		line[term] = '\0';
		if (*line) handle_cmd(line);
		g_free(line);
	}
	return TRUE;
}

/* debug output goes to stderr (stdout is reserved for events) */
static void debug_print(PurpleDebugLevel level, const char *category, const char *arg_s)
{
	fprintf(stderr, "%s: %s", category ? category : "", arg_s);
	if (arg_s && *arg_s && arg_s[strlen(arg_s) - 1] != '\n')
		fputc('\n', stderr);
}

static gboolean debug_enabled(PurpleDebugLevel level, const char *category)
{
	/* SIPE_DEBUG=1: only SIPE's own lines; SIPE_DEBUG=all: everything */
	const char *d = getenv("SIPE_DEBUG");
	if (!d) return FALSE;
	return !strcmp(d, "all") || (category && !strcmp(category, "sipe"));
}

static PurpleDebugUiOps debug_ops = { debug_print, debug_enabled, NULL, NULL, NULL, NULL };

static const char *env(const char *k, const char *def)
{
	const char *v = getenv(k);
	return (v && *v) ? v : def;
}

int main(int argc, char **argv)
{
	static int handle;
	PurpleSavedStatus *status;
	GIOChannel *in;

	loop = g_main_loop_new(NULL, FALSE);
	purple_util_set_user_dir(env("SIPE_HOME", "./purple-home"));
	purple_debug_set_enabled(FALSE);          /* would g_print to stdout */
	purple_debug_set_ui_ops(&debug_ops);
	/* "unsafe" makes SIPE log full SIP messages (incl. bodies) */
	purple_debug_set_unsafe(getenv("SIPE_DEBUG") != NULL);
	purple_eventloop_set_ui_ops(&loop_ops);
	purple_notify_set_ui_ops(&notify_ops);
	purple_roomlist_set_ui_ops(&roomlist_ops);
	purple_conversations_set_ui_ops(&conv_ops);
	purple_request_set_ui_ops(&request_ops);

	if (!purple_core_init("sipe-driver")) {
		fprintf(stderr, "libpurple init failed\n");
		return 1;
	}
	purple_set_blist(purple_blist_new());
	purple_blist_load();
	purple_prefs_load();

	if (!purple_find_prpl("prpl-sipe")) {
		fprintf(stderr, "prpl-sipe not found (install pidgin-sipe)\n");
		return 1;
	}

	if (getenv("SIPE_CA_FILE") && trust_ca_file(getenv("SIPE_CA_FILE")) == 0) {
		fprintf(stderr, "no CA certificate loaded from SIPE_CA_FILE=%s\n", getenv("SIPE_CA_FILE"));
		return 1;
	}

	account = purple_account_new(env("SIPE_USER", "alice@example.com"), "prpl-sipe");
	purple_account_set_password(account, env("SIPE_PASSWORD", "secret"));
	purple_account_set_string(account, "server", env("SIPE_SERVER", "127.0.0.1:5061"));
	purple_account_set_string(account, "transport", env("SIPE_TRANSPORT", "tcp"));
	purple_account_set_string(account, "authentication", env("SIPE_AUTH", "ntlm"));
	if (getenv("SIPE_GCUSER"))
		purple_account_set_string(account, "groupchat_user", getenv("SIPE_GCUSER"));
	if (getenv("SIPE_UA"))
		purple_account_set_string(account, "useragent", getenv("SIPE_UA"));
	/* dont-publish: no calendar/EWS lookups (keeps it offline) */
	purple_account_set_bool(account, "dont-publish", TRUE);
	purple_accounts_add(account);

	purple_signal_connect(purple_connections_get_handle(), "signed-on", &handle,
			      PURPLE_CALLBACK(signed_on), NULL);
	purple_signal_connect(purple_connections_get_handle(), "connection-error", &handle,
			      PURPLE_CALLBACK(conn_error), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "chat-joined", &handle,
			      PURPLE_CALLBACK(chat_joined), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "chat-left", &handle,
			      PURPLE_CALLBACK(chat_left), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "chat-buddy-joined", &handle,
			      PURPLE_CALLBACK(chat_buddy_joined), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "chat-buddy-left", &handle,
			      PURPLE_CALLBACK(chat_buddy_left), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "chat-topic-changed", &handle,
			      PURPLE_CALLBACK(chat_topic), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "received-chat-msg", &handle,
			      PURPLE_CALLBACK(received_chat), NULL);
	purple_signal_connect(purple_conversations_get_handle(), "received-im-msg", &handle,
			      PURPLE_CALLBACK(received_im), NULL);

	purple_account_set_enabled(account, "sipe-driver", TRUE);
	status = purple_savedstatus_new(NULL, PURPLE_STATUS_AVAILABLE);
	purple_savedstatus_activate(status);

	in = g_io_channel_unix_new(0);
	g_io_add_watch(in, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, NULL);

	g_main_loop_run(loop);
	out("EXIT");
	return 0;
}
