/* ML Master's Advisor chat widget for Rasa's socketio channel. Plain ES2017, no build step.
 *
 * Server: see serverUrl below. Protocol (Rasa 3.6 socketio channel, Socket.IO v5):
 *   connect          -> emit session_request {session_id}
 *   session_confirm  <- the session id (kept in sessionStorage)
 *   user_uttered     -> {message, session_id}
 *   bot_uttered      <- {text, quick_replies: [{title, payload}]} (or buttons), one per message
 *
 * Untrusted text is only ever put in the page with textContent / text nodes, never innerHTML.
 */
(function () {
  "use strict";

  const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

  /* The chat server. A link must not choose it: ?server=https://elsewhere would send everything
   * the user types to whoever wrote the link. The page's own configuration does —
   * window.ADVISOR_SERVER_URL, set before this script — else the host that serves the page
   * (Rasa behind the same host). ?server= is honoured only on a page served from this machine,
   * for local development, where Rasa is on :5005 unless ?server= says otherwise (`make web`). */
  function serverUrl(location, configured) {
    const local = location.protocol === "file:" || LOCAL_HOSTS.includes(location.hostname);
    const requested = local && new URLSearchParams(location.search).get("server");
    return requested || configured || (local ? "http://localhost:5005" : location.origin);
  }

  const SERVER_URL = serverUrl(window.location, window.ADVISOR_SERVER_URL);
  const SESSION_KEY = "ml-advisor-session-id";
  const TYPING_TIMEOUT_MS = 15000;
  const GREETING = {
    text: "Hi! Ask me about ML master's programs — e.g. “tuition at CMU”, “cheapest programs in California” or “help me choose”.",
    quick_replies: [
      { content_type: "text", title: "Tuition at CMU", payload: "tuition at CMU" },
      { content_type: "text", title: "Cheapest in California", payload: "cheapest programs in California" },
      { content_type: "text", title: "Help me choose", payload: "help me choose" },
    ],
  };
  const STATUS_TEXT = {
    online: "online",
    connecting: "connecting…",
    offline: "offline — retrying",
  };
  // http(s) URLs; trailing punctuation such as "." or ")" stays outside the link.
  const URL_PATTERN = /https?:\/\/[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]}]/g;

  const root = document.documentElement;
  const bubble = document.getElementById("chat-bubble");
  const panel = document.getElementById("chat-panel");
  const closeButton = document.getElementById("chat-close");
  const messages = document.getElementById("chat-messages");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  const status = document.getElementById("chat-status");
  const statusText = status.querySelector(".status-text") || status;

  let socket = null;
  let sessionId = readSession();
  let typing = null;
  let typingTimer = null;
  let greeted = false;

  function readSession() {
    try { return window.sessionStorage.getItem(SESSION_KEY); } catch (e) { return null; }
  }

  function storeSession(id) {
    try { window.sessionStorage.setItem(SESSION_KEY, id); } catch (e) { /* private mode */ }
  }

  function scrollToNewest() {
    messages.scrollTop = messages.scrollHeight;
  }

  /* Appends `text` to `element`: one text node per line with <br> between lines, and http(s)
   * URLs as links, all built from DOM nodes. */
  function appendRichText(element, text) {
    String(text).split(/\r\n|\r|\n/).forEach((line, index) => {
      if (index > 0) element.appendChild(document.createElement("br"));
      let last = 0;
      for (const match of line.matchAll(URL_PATTERN)) {
        if (match.index > last) {
          element.appendChild(document.createTextNode(line.slice(last, match.index)));
        }
        const link = document.createElement("a");
        link.href = match[0];
        link.textContent = match[0];
        link.target = "_blank";
        link.rel = "noopener";
        element.appendChild(link);
        last = match.index + match[0].length;
      }
      if (last < line.length) element.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  function addMessage(kind, text) {
    const message = document.createElement("div");
    message.className = `msg ${kind}`;
    if (kind === "user") {
      message.textContent = text;
    } else {
      appendRichText(message, text);
    }
    messages.appendChild(message);
    if (typing) messages.appendChild(typing); // keep the typing dots last
    scrollToNewest();
    return message;
  }

  function normaliseReplies(data) {
    const raw = []
      .concat(Array.isArray(data.quick_replies) ? data.quick_replies : [])
      .concat(Array.isArray(data.buttons) ? data.buttons : []);
    return raw
      .filter((reply) => reply && (reply.title || reply.payload))
      .map((reply) => ({
        title: String(reply.title || reply.payload),
        payload: String(reply.payload || reply.title),
      }));
  }

  function addQuickReplies(replies) {
    const row = document.createElement("div");
    row.className = "quick-replies";
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Suggested replies");
    for (const reply of replies) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "quick-reply";
      button.textContent = reply.title;
      button.addEventListener("click", () => {
        if (!sendMessage(reply.payload, reply.title)) return;
        button.classList.add("chosen");
        row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
        row.classList.add("used");
        input.focus();
      });
      row.appendChild(button);
    }
    messages.appendChild(row);
    if (typing) messages.appendChild(typing);
    scrollToNewest();
  }

  function showTyping() {
    hideTyping();
    typing = document.createElement("div");
    typing.className = "typing";
    typing.setAttribute("role", "status");
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = "The advisor is typing";
    typing.appendChild(label);
    for (let i = 0; i < 3; i += 1) {
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.setAttribute("aria-hidden", "true");
      typing.appendChild(dot);
    }
    messages.appendChild(typing);
    scrollToNewest();
    typingTimer = window.setTimeout(hideTyping, TYPING_TIMEOUT_MS);
  }

  function hideTyping() {
    if (typingTimer) window.clearTimeout(typingTimer);
    typingTimer = null;
    if (typing) typing.remove();
    typing = null;
  }

  function showBotMessage(data) {
    hideTyping();
    if (data === null || data === undefined) return;
    if (typeof data === "string") data = { text: data };
    let text = typeof data.text === "string" ? data.text : "";
    // Rasa sends images as {attachment: {type: "image", payload: {src}}}: shown as a link.
    const attachment = data.attachment && data.attachment.payload;
    const src = attachment && (attachment.src || attachment.url);
    if (typeof src === "string" && /^https?:\/\//.test(src)) text = text ? `${text}\n${src}` : src;
    const replies = normaliseReplies(data);
    if (!text && !replies.length) return;
    if (text) addMessage("bot", text);
    if (replies.length) addQuickReplies(replies);
  }

  function showError(text) {
    const message = addMessage("error", text);
    message.setAttribute("role", "alert");
  }

  /* Shows `shown` (or the payload) as the user's message and sends the payload.
   * Returns false when nothing was sent (empty text, or offline: an error bubble says so). */
  function sendMessage(payload, shown) {
    const text = String(payload || "").trim();
    if (!text) return false;
    addMessage("user", shown || text);
    if (!socket || !socket.connected) {
      showError("Sorry, I can't reach the advisor right now — reconnecting. Please try again in a moment.");
      connect();
      return false;
    }
    socket.emit("user_uttered", { message: text, session_id: sessionId });
    showTyping();
    return true;
  }

  function setStatus(state) {
    status.dataset.state = state;
    statusText.textContent = STATUS_TEXT[state];
  }

  function connect() {
    if (socket) return;
    if (typeof window.io !== "function") {
      setStatus("offline");
      statusText.textContent = "offline — chat library missing";
      return;
    }
    setStatus("connecting");
    socket = window.io(SERVER_URL, { path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      setStatus("online");
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", (confirmed) => {
      const id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
      if (id) {
        sessionId = String(id);
        storeSession(sessionId);
      }
    });
    socket.on("bot_uttered", showBotMessage);
    socket.on("disconnect", () => { hideTyping(); setStatus("offline"); });
    socket.on("connect_error", () => setStatus("offline"));
    socket.io.on("reconnect_attempt", () => {
      if (status.dataset.state !== "online") setStatus("offline");
    });
  }

  function openPanel() {
    panel.hidden = false;
    root.classList.add("chat-open");
    bubble.setAttribute("aria-expanded", "true");
    connect();
    if (!greeted) {
      greeted = true;
      showBotMessage(GREETING);
    }
    scrollToNewest();
    input.focus({ preventScroll: true });
  }

  function closePanel() {
    panel.hidden = true;
    root.classList.remove("chat-open");
    bubble.setAttribute("aria-expanded", "false");
    bubble.focus({ preventScroll: true });
  }

  bubble.addEventListener("click", () => (panel.hidden ? openPanel() : closePanel()));
  closeButton.addEventListener("click", closePanel);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePanel();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      input.value = "";
      return;
    }
    const text = input.value;
    input.value = "";
    sendMessage(text);
  });
}());
