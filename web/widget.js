/* ML Master's Advisor chat widget for Rasa's socketio channel. Plain ES2017, no build step.
 *
 * Server: see serverUrl below. Protocol (Rasa 3.6 socketio channel, Socket.IO v5, with
 * session persistence: channels/socketio.py):
 *   connect          -> emit session_request {session_id}
 *   session_confirm  <- the session id: the conversation, kept in localStorage with the
 *                       transcript, so a reload or a second tab goes on with it
 *   user_uttered     -> {message, session_id}
 *   bot_uttered      <- {text, quick_replies: [{title, payload}]} (or buttons), one per message
 *   bot_uttered      <- {text, table} right after a ranking's or comparison's text: the same
 *                       reply as data (actions/converse.py), drawn in place of that text as a
 *                       table, a comparison as a column per school with bars for its figures
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
  const TRANSCRIPT_KEY = "ml-advisor-transcript";
  const TRANSCRIPT_KEPT = 200; // messages redrawn after a reload (the newest)
  const TYPING_TIMEOUT_MS = 15000;
  const FEEDBACK = [["up", "👍", "Helpful"], ["down", "👎", "Not helpful"]];
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
  const NOT_LISTED = "not listed"; // a figure the source does not give: never drawn as 0
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

  const newButton = document.getElementById("chat-new");

  let socket = null;
  let sessionId = stored(SESSION_KEY) || newSessionId();
  let transcript = readTranscript();
  let typing = null;
  let typingTimer = null;
  let greeted = false;
  let acknowledging = false; // feedback was just sent: its thanks gets no thumbs of its own
  let lastBot = null; // {entry, element}: this turn's latest bot message, which a table replaces

  /* localStorage, when the browser allows it (private modes may not): the conversation then
   * lasts as long as the page. */
  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* private mode or full: kept in the page only */ }
  }

  function newSessionId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    store(SESSION_KEY, id);
    return id;
  }

  function readTranscript() {
    try {
      const kept = JSON.parse(stored(TRANSCRIPT_KEY) || "[]");
      return Array.isArray(kept) ? kept : [];
    } catch (e) { return []; }
  }

  function remember(entry) {
    transcript.push(entry);
    transcript = transcript.slice(-TRANSCRIPT_KEPT);
    persist();
  }

  function persist() {
    store(TRANSCRIPT_KEY, JSON.stringify(transcript));
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

  function addMessage(kind, text, table) {
    const message = document.createElement("div");
    message.className = `msg ${kind}`;
    if (kind === "user") {
      message.textContent = text;
    } else if (table) {
      drawTable(message, table);
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

  function showBotMessage(data, restoring) {
    hideTyping();
    if (data === null || data === undefined) return;
    if (typeof data === "string") data = { text: data };
    let text = typeof data.text === "string" ? data.text : "";
    const table = tableOf(data.table);
    if (table && !restoring && replaceLastText(text, table)) return;
    // Rasa sends images as {attachment: {type: "image", payload: {src}}}: shown as a link.
    const attachment = data.attachment && data.attachment.payload;
    const src = attachment && (attachment.src || attachment.url);
    if (typeof src === "string" && /^https?:\/\//.test(src)) text = text ? `${text}\n${src}` : src;
    const replies = normaliseReplies(data);
    if (!text && !replies.length) return;
    const shown = text ? addMessage("bot", text, table) : null;
    const rateable = restoring ? Boolean(data.rateable) : Boolean(shown) && !acknowledging;
    const entry = restoring ? data : { kind: "bot", text, quick_replies: replies, rateable };
    if (shown && rateable) addFeedback(shown, entry);
    if (replies.length) addQuickReplies(replies);
    if (restoring) return;
    if (table) entry.table = data.table;
    remember(entry);
    lastBot = shown ? { entry, element: shown } : null;
  }

  /* Thumbs up / down under an answer: sent as the message `/feedback{"rating": "up"}` (Rasa's
   * intent syntax; action_feedback thanks the user and keeps the conversation's context), so
   * the rating is stored with the conversation; `make insights` reports the ones rated down.
   * The rating is not shown as a message of the user's. */
  function addFeedback(message, entry) {
    const row = element("div", "feedback");
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Was this answer helpful?");
    for (const [rating, symbol, label] of FEEDBACK) {
      const button = element("button", "rate", symbol);
      button.type = "button";
      button.dataset.rating = rating;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", () => {
        if (!rate(rating)) return;
        entry.rated = rating;
        persist();
        markRated(row, rating);
      });
      row.appendChild(button);
    }
    if (entry.rated) markRated(row, entry.rated);
    message.after(row);
  }

  /* A rating is of the latest answer (the server takes it so): once the user asks again, the
   * thumbs of earlier answers are put away. */
  function expireFeedback(keepLast) {
    const rows = Array.from(messages.querySelectorAll(".feedback"));
    rows.slice(0, keepLast ? -1 : rows.length).forEach((row) => {
      row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    });
  }

  function markRated(row, rating) {
    row.querySelectorAll("button").forEach((b) => {
      b.disabled = true;
      if (b.dataset.rating === rating) b.classList.add("chosen");
    });
  }

  function rate(rating) {
    if (!socket || !socket.connected) return false;
    acknowledging = true; // the thanks that comes back is not itself rated
    socket.emit("user_uttered", { message: `/feedback{"rating": "${rating}"}`,
                                  session_id: sessionId });
    return true;
  }

  /* A table comes right after the text it stands for (Rasa sends a reply's text, then its
   * custom payload): that message is drawn again as the table, and kept so in the
   * transcript. Returns false when the table stands alone (no such message this turn). */
  function replaceLastText(text, table) {
    if (!lastBot || lastBot.entry.text !== text || lastBot.entry.table) return false;
    lastBot.entry.table = table.raw;
    persist();
    lastBot.element.replaceChildren();
    drawTable(lastBot.element, table);
    scrollToNewest();
    return true;
  }

  /* ---- Tables: rankings and comparisons as data (knowledge/replying/tables.py) ---------- */

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cellOf(raw) {
    const given = raw && raw.value;
    const value = (typeof given === "number" && Number.isFinite(given)) || typeof given === "string"
      ? given : null;
    const text = raw && typeof raw.text === "string" && raw.text ? raw.text : String(value);
    return { value, text: value === null ? NOT_LISTED : text };
  }

  /* The payload checked and normalised; null when it is not a table. */
  function tableOf(raw) {
    if (!raw || typeof raw !== "object" || !Array.isArray(raw.columns) || !Array.isArray(raw.rows)) {
      return null;
    }
    const strings = (list) => (Array.isArray(list) ? list.filter((s) => typeof s === "string") : []);
    const columns = raw.columns
      .filter((c) => c && typeof c.key === "string")
      .map((c) => ({ key: c.key, label: String(c.label || c.key), numeric: c.numeric === true }));
    if (!columns.length) return null;
    return {
      raw,
      kind: raw.kind === "comparison" ? "comparison" : "ranking",
      title: typeof raw.title === "string" ? raw.title : "",
      columns,
      rows: raw.rows.filter(Array.isArray).map((row) => columns.map((_c, i) => cellOf(row[i]))),
      notes: strings(raw.notes),
      source: typeof raw.source === "string" ? raw.source : "",
      charts: strings(raw.charts),
    };
  }

  function drawTable(message, table) {
    message.classList.add("rich");
    message.appendChild(element("p", "rich-title", table.title));
    if (table.kind === "comparison") {
      message.appendChild(scrolling(comparisonTable(table), table.title));
      const charts = barCharts(table);
      if (charts) message.appendChild(charts);
    } else {
      message.appendChild(scrolling(rankingTable(table), table.title));
    }
    for (const note of table.notes) appendRichText(message.appendChild(element("p", "rich-note")), note);
    if (table.source) message.appendChild(element("p", "rich-source", `Source: ${table.source}`));
  }

  /* Wide tables scroll sideways inside the message (a phone is 375 px wide). */
  function scrolling(tableElement, label) {
    const region = element("div", "table-scroll");
    region.tabIndex = 0;
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", label || "Table");
    region.appendChild(tableElement);
    return region;
  }

  function dataCell(tag, cell, numeric) {
    const node = element(tag, numeric ? "num" : "", cell.text);
    if (cell.value === null) node.classList.add("unknown");
    return node;
  }

  /* A row per school in the ranking's order; a click on a column's header sorts by it
   * (again: the other way); unknowns stay last either way. */
  function rankingTable(table) {
    const node = element("table", "data-table");
    const head = node.appendChild(element("thead")).appendChild(element("tr"));
    const body = node.appendChild(element("tbody"));
    const rows = table.rows.map((cells) => {
      const tr = body.appendChild(element("tr"));
      cells.forEach((cell, i) => tr.appendChild(dataCell("td", cell, table.columns[i].numeric)));
      return { cells, tr };
    });
    const headers = table.columns.map((column, index) => {
      const th = head.appendChild(element("th", column.numeric ? "num" : ""));
      th.scope = "col";
      th.setAttribute("aria-sort", "none");
      const button = th.appendChild(element("button", "sort", column.label));
      button.type = "button";
      button.title = `Sort by ${column.label}`;
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((other) => other.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sortRows(rows, index, ascending).forEach((row) => body.appendChild(row.tr));
      });
      return th;
    });
    return node;
  }

  function sortRows(rows, index, ascending) {
    const order = ascending ? 1 : -1;
    return rows.slice().sort((a, b) => {
      const x = a.cells[index].value;
      const y = b.cells[index].value;
      if (x === null || y === null) return Number(x === null) - Number(y === null);
      if (typeof x === "number" && typeof y === "number") return (x - y) * order;
      return String(x).localeCompare(String(y)) * order;
    });
  }

  function schoolIndex(table) {
    return Math.max(0, table.columns.findIndex((c) => c.key === "school"));
  }

  /* A comparison: a column per school, a row per figure. */
  function comparisonTable(table) {
    const node = element("table", "data-table compare");
    const named = schoolIndex(table);
    const head = node.appendChild(element("thead")).appendChild(element("tr"));
    head.appendChild(element("th", "corner")).appendChild(element("span", "visually-hidden", "Figure"));
    table.rows.forEach((row) => { head.appendChild(element("th", "", row[named].text)).scope = "col"; });
    const body = node.appendChild(element("tbody"));
    table.columns.forEach((column, i) => {
      if (i === named) return;
      const tr = body.appendChild(element("tr"));
      tr.appendChild(element("th", "", column.label)).scope = "row";
      table.rows.forEach((row) => tr.appendChild(dataCell("td", row[i], column.numeric)));
    });
    return node;
  }

  /* A bar per school for each figure compared, as long as its share of the largest;
   * a school without the figure gets no bar and reads "not listed". */
  function barCharts(table) {
    const named = schoolIndex(table);
    const charted = table.charts
      .map((key) => table.columns.findIndex((c) => c.key === key && c.numeric))
      .filter((index) => index >= 0);
    if (!charted.length) return null;
    const charts = element("div", "charts");
    for (const index of charted) {
      const figure = charts.appendChild(element("figure", "chart"));
      figure.appendChild(element("figcaption", "", table.columns[index].label));
      const values = table.rows.map((row) => row[index].value).filter((v) => typeof v === "number");
      const largest = Math.max(0, ...values);
      for (const row of table.rows) {
        const cell = row[index];
        const line = figure.appendChild(element("div", "bar-row"));
        line.appendChild(element("span", "bar-label", row[named].text));
        const track = line.appendChild(element("span", "bar-track"));
        track.setAttribute("aria-hidden", "true");
        if (typeof cell.value === "number" && largest > 0) {
          track.appendChild(element("span", "bar")).style.width = `${Math.max(1, (100 * cell.value) / largest)}%`;
        }
        line.appendChild(dataCell("span", cell, true)).classList.add("bar-value");
      }
    }
    return charts;
  }

  /* The conversation so far, as it was shown (after a reload, or in a second tab); quick
   * replies of earlier answers are shown used. */
  function redraw() {
    transcript.forEach((entry, index) => {
      if (!entry || typeof entry.text !== "string") return;
      if (entry.kind === "user") {
        addMessage("user", entry.text);
        return;
      }
      showBotMessage(entry, true);
      const row = messages.lastElementChild;
      if (index < transcript.length - 1 && row && row.classList.contains("quick-replies")) {
        row.classList.add("used");
        row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      }
    });
    const lastEntry = transcript[transcript.length - 1];
    expireFeedback(Boolean(lastEntry && lastEntry.kind === "bot"));
  }

  /* "New conversation": a new session (a new, empty conversation on the server) and an
   * empty transcript. */
  function startAfresh() {
    hideTyping();
    transcript = [];
    store(TRANSCRIPT_KEY, null);
    sessionId = newSessionId();
    messages.replaceChildren();
    lastBot = null;
    showBotMessage(GREETING, true);
    if (socket && socket.connected) socket.emit("session_request", { session_id: sessionId });
    input.focus({ preventScroll: true });
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
    remember({ kind: "user", text: shown || text });
    acknowledging = false;
    expireFeedback(false);
    lastBot = null; // a new turn: a table that comes now belongs to its own answers
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
        store(SESSION_KEY, sessionId);
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
      showBotMessage(GREETING, true);
      redraw();
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
  newButton.addEventListener("click", startAfresh);
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
