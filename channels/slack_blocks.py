"""A ranking's or comparison's table (knowledge.replying.tables, as actions/converse.py sends
it) as Slack Block Kit: the title, a section per school whose fields are its figures (Slack
shows fields two to a line), the notes, the source, then the buttons. Within Slack's
documented limits (api.slack.com/reference/block-kit): at most 50 blocks a message, a
section's text up to 3,000 characters, at most 10 fields of up to 2,000, a button's
plain_text up to 75 and its value up to 2,000, 25 elements an actions block, 10 a context.

Every mrkdwn text is escaped as Slack documents (&, <, >): school names and notes quote no
user text today, but a table must not become a way to post `<!channel>` either."""
from typing import Any, Dict, List, Sequence, Text

from knowledge.replying.citations import SOURCE_BUTTON

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTIONS = 25
MAX_CONTEXT_TEXT = 3000  # a context element is a text object, 3,000 like a section's
HEADING = ("position", "school")  # a row's heading; its other columns are its fields
UNKNOWN = "not listed"

Block = Dict[Text, Any]


def slack_escaped(text: Text) -> Text:
    """Text with Slack's control characters escaped (api.slack.com: "Escaping text")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clipped(text: Text, limit: int) -> Text:
    """At most `limit` characters, never ending inside an escape such as "&amp;"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if cut.rfind("&") > cut.rfind(";"):
        cut = cut[:cut.rfind("&")]
    return cut + "…"


def _mrkdwn(text: Text, limit: int) -> Block:
    return {"type": "mrkdwn", "text": clipped(text, limit)}


def _section(text: Text) -> Block:
    return {"type": "section", "text": _mrkdwn(text, MAX_SECTION_TEXT)}


def _shown(cell: Any) -> Text:
    """A cell's text; a value the source does not give reads "not listed", never 0."""
    if isinstance(cell, dict) and cell.get("text"):
        return str(cell["text"])
    value = cell.get("value") if isinstance(cell, dict) else None
    return UNKNOWN if value is None else str(value)


def _heading(columns: Sequence[Block], row: Sequence[Any]) -> Text:
    parts = [f"{_shown(cell)}." if column.get("key") == "position" else _shown(cell)
             for column, cell in zip(columns, row) if column.get("key") in HEADING]
    return " ".join(parts)


def _figures(columns: Sequence[Block], row: Sequence[Any]) -> List[Text]:
    """"*Label*\\nvalue" (escaped) for each of a row's columns but its heading."""
    return [f"*{slack_escaped(str(column.get('label', '')))}*\n{slack_escaped(_shown(cell))}"
            for column, cell in zip(columns, row) if column.get("key") not in HEADING]


def _row_section(columns: Sequence[Block], row: Sequence[Any]) -> Block:
    block = _section(f"*{slack_escaped(_heading(columns, row))}*")
    figures = _figures(columns, row)[:MAX_FIELDS]
    if figures:
        block["fields"] = [_mrkdwn(text, MAX_FIELD_TEXT) for text in figures]
    return block


def _packed(parts: Sequence[Text], separator: Text) -> List[Text]:
    """The parts joined by `separator` into as few section texts as MAX_SECTION_TEXT allows."""
    sections: List[Text] = []
    for part in parts:
        if sections and len(sections[-1]) + len(separator) + len(part) <= MAX_SECTION_TEXT:
            sections[-1] += separator + part
        else:
            sections.append(part)
    return sections


def _compact_sections(columns: Sequence[Block], rows: Sequence[Sequence[Any]]) -> List[Block]:
    """More rows than blocks left: a line per row, as few sections as the text allows."""
    lines = [f"*{slack_escaped(_heading(columns, row))}* — " +
             " · ".join(text.replace("\n", " ") for text in _figures(columns, row))
             for row in rows]
    return [_section(text) for text in _packed(lines, "\n")]


def _actions(buttons: Sequence[Block]) -> Block:
    """Rasa's buttons as Slack buttons (as Rasa's own Slack output makes them), so a click
    comes back as Rasa's SlackInput expects."""
    return {"type": "actions", "elements": [
        {"type": "button", "value": clipped(str(b.get("payload", "")), MAX_BUTTON_VALUE),
         "text": {"type": "plain_text", "text": clipped(str(b.get("title", "")), MAX_BUTTON_TEXT)}}
        for b in buttons[:MAX_ACTIONS]]}


# Thumbs up / down under an answer with figures (the answers that offer "Source"): a click sends
# the rating as Rasa's intent syntax (README "Channels"), stored with the conversation.
SOURCE_PAYLOAD = SOURCE_BUTTON[1]
FEEDBACK_BUTTONS = ({"title": "👍", "payload": '/feedback{"rating": "up"}'},
                    {"title": "👎", "payload": '/feedback{"rating": "down"}'})


def with_feedback(buttons: Sequence[Block]) -> List[Block]:
    """An answer's buttons, and the thumbs when it is an answer with figures."""
    rateable = any(b.get("payload") == SOURCE_PAYLOAD for b in buttons)
    return [*buttons, *(FEEDBACK_BUTTONS if rateable else ())]


def text_blocks(text: Text, buttons: Sequence[Block]) -> List[Block]:
    """A text answer and its buttons: the text, then the buttons in one actions block (Rasa's
    own output drops every button past five; an answer with its thumbs may have seven)."""
    sections = _packed(slack_escaped(text).split("\n\n"), "\n\n")  # long: more sections
    room = MAX_BLOCKS - 1
    return [_section(part) for part in sections[:room]] + [_actions(buttons)]


def table_blocks(table: Block, buttons: Sequence[Block] = ()) -> List[Block]:
    """The table, its notes and source, and the buttons, as at most MAX_BLOCKS blocks."""
    columns = table.get("columns") or []
    rows = table.get("rows") or []
    head: List[Block] = [_section(f"*{slack_escaped(str(table.get('title', '')))}*"),
                         {"type": "divider"}]
    tail: List[Block] = []
    if table.get("notes"):
        tail.append(_section("\n".join(slack_escaped(str(n)) for n in table["notes"])))
    if table.get("source"):
        tail.append({"type": "context", "elements": [
            _mrkdwn(f"Source: {slack_escaped(str(table['source']))}", MAX_CONTEXT_TEXT)]})
    if buttons:
        tail.append(_actions(buttons))
    room = MAX_BLOCKS - len(head) - len(tail)
    body = [_row_section(columns, row) for row in rows]
    if len(body) > room:
        body = _compact_sections(columns, rows)[:room]
    return head + body + tail
