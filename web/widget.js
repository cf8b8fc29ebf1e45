/* ML Master's Advisor chat widget: Rasa's socketio channel, no build step.
 * Server: ?server=URL, else window.ADVISOR_SERVER_URL, else http://localhost:5005. */
(function () {
  "use strict";

  const SERVER_URL = new URLSearchParams(location.search).get("server")
    || window.ADVISOR_SERVER_URL || "http://localhost:5005";
  const SESSION_KEY = "advisor-session-id";
  const TYPING_TIMEOUT_MS = 15000;
  const GREETING = {
    text: "Hi! Ask me about ML master's programs — e.g. “tuition at CMU”, “cheapest programs in California” or “help me choose”.",
    quick_replies: [
      { title: "Tuition at CMU", payload: "tuition at CMU" },
      { title: "Cheapest in California", payload: "cheapest programs in California" },
      { title: "Help me choose", payload: "help me choose" },
    ],
  };

  const bubble = document.getElementById("chat-bubble");
  const panel = document.getElementById("chat-panel");
  const closeButton = document.getElementById("chat-close");
  const messages = document.getElementById("chat-messages");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  const status = document.getElementById("chat-status");

  let socket = null;
  let sessionId = sessionStorage.getItem(SESSION_KEY);
  let typing = null;
  let typingTimer = null;
  let greeted = false;

  function scrollDown() { messages.scrollTop = messages.scrollHeight; }

  /* Text with clickable http(s) links, built from DOM nodes (never innerHTML). */
  function renderText(element, text) {
    const urlPattern = /(https?:\/\/[^\s<>"“”]+[^\s<>"“”.,;:!?)])/g;
    let last = 0;
    for (const match of text.matchAll(urlPattern)) {
      element.appendChild(document.createTextNode(text.slice(last, match.index)));
      const link = document.createElement("a");
      link.href = match[0];
      link.textContent = match[0];
      link.target = "_blank";
      link.rel = "noopener";
      element.appendChild(link);
      last = match.index + match[0].length;
    }
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  function addMessage(kind, text) {
    const message = document.createElement("div");
    message.className = `msg ${kind}`;
    renderText(message, text || "");
    messages.appendChild(message);
    scrollDown();
    return message;
  }

  function addQuickReplies(message, replies) {
    const row = document.createElement("div");
    row.className = "quick-replies";
    for (const reply of replies) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "quick-reply";
      button.textContent = reply.title;
      button.addEventListener("click", () => {
        row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
        send(reply.payload, reply.title);
      });
      row.appendChild(button);
    }
    message.appendChild(row);
    scrollDown();
  }

  function showTyping() {
    hideTyping();
    typing = document.createElement("div");
    typing.className = "typing";
    typing.setAttribute("aria-label", "The advisor is typing");
    for (let i = 0; i < 3; i += 1) typing.appendChild(document.createElement("span"));
    messages.appendChild(typing);
    scrollDown();
    typingTimer = setTimeout(hideTyping, TYPING_TIMEOUT_MS);
  }

  function hideTyping() {
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = null;
    if (typing) typing.remove();
    typing = null;
  }

  function showBotMessage(data) {
    hideTyping();
    const text = typeof data === "string" ? data : (data && data.text) || "";
    const replies = (data && (data.quick_replies || data.buttons)) || [];
    if (!text && !replies.length) return;
    const message = addMessage("bot", text);
    if (replies.length) addQuickReplies(message, replies);
  }

  function send(payload, shown) {
    const text = (payload || "").trim();
    if (!text) return;
    addMessage("user", shown || text);
    if (!socket || !socket.connected) {
      addMessage("error", "I'm offline right now — retrying the connection. Please send it again in a moment.");
      return;
    }
    socket.emit("user_uttered", { message: text, session_id: sessionId });
    showTyping();
  }

  function setStatus(text) { status.textContent = text; }

  function connect() {
    if (socket || typeof io !== "function") {
      if (typeof io !== "function") setStatus("offline — chat library missing");
      return;
    }
    socket = io(SERVER_URL, { path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      setStatus("online");
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", (id) => {
      sessionId = typeof id === "string" ? id : (id && id.session_id) || sessionId;
      if (sessionId) sessionStorage.setItem(SESSION_KEY, sessionId);
    });
    socket.on("bot_uttered", showBotMessage);
    socket.on("disconnect", () => setStatus("offline — retrying"));
    socket.on("connect_error", () => setStatus("offline — retrying"));
  }

  function open() {
    panel.hidden = false;
    bubble.setAttribute("aria-expanded", "true");
    connect();
    if (!greeted) {
      greeted = true;
      showBotMessage(GREETING);
    }
    input.focus();
  }

  function close() {
    panel.hidden = true;
    bubble.setAttribute("aria-expanded", "false");
    bubble.focus();
  }

  bubble.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    send(text);
  });
}());
