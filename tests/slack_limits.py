"""Checks a chat.postMessage payload against Slack's documented Block Kit limits
(api.slack.com/reference/block-kit/blocks, .../composition-objects, .../block-elements),
written from the documentation, apart from channels/slack_blocks.py, so the two can disagree."""
import re
from typing import Any, Dict, List

MESSAGE_BLOCKS = 50
MESSAGE_TEXT = 40_000
BLOCK_ID = 255
SECTION_TEXT = 3000
SECTION_FIELDS = 10
FIELD_TEXT = 2000
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ID = 255
TEXT_TYPES = ("plain_text", "mrkdwn")
# A mrkdwn text must escape &, < and > itself: any of them not part of &amp; &lt; &gt;.
UNESCAPED = re.compile(r"[<>]|&(?!amp;|lt;|gt;)")


def _text_object(where: str, obj: Any, limit: int, types=TEXT_TYPES) -> List[str]:
    if not isinstance(obj, dict) or obj.get("type") not in types:
        return [f"{where}: not a text object of type {' or '.join(types)}: {obj!r:.80}"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return [f"{where}: empty text"]
    problems = []
    if len(text) > limit:
        problems.append(f"{where}: {len(text)} characters (at most {limit})")
    if obj["type"] == "mrkdwn" and UNESCAPED.search(text):
        problems.append(f"{where}: unescaped control character in mrkdwn {text[:80]!r}")
    return problems


def _section(where: str, block: Dict) -> List[str]:
    if "text" not in block and "fields" not in block:
        return [f"{where}: a section needs text or fields"]
    problems = _text_object(f"{where}.text", block["text"], SECTION_TEXT) \
        if "text" in block else []
    fields = block.get("fields", [])
    if len(fields) > SECTION_FIELDS:
        problems.append(f"{where}: {len(fields)} fields (at most {SECTION_FIELDS})")
    for i, field in enumerate(fields):
        problems += _text_object(f"{where}.fields[{i}]", field, FIELD_TEXT)
    return problems


def _actions(where: str, block: Dict) -> List[str]:
    elements = block.get("elements") or []
    problems = [] if 0 < len(elements) <= ACTIONS_ELEMENTS else \
        [f"{where}: {len(elements)} elements (1 to {ACTIONS_ELEMENTS})"]
    for i, element in enumerate(elements):
        if element.get("type") != "button":
            continue
        problems += _text_object(f"{where}.elements[{i}].text", element.get("text"),
                                 BUTTON_TEXT, ("plain_text",))
        if len(str(element.get("value", ""))) > BUTTON_VALUE:
            problems.append(f"{where}.elements[{i}]: value over {BUTTON_VALUE} characters")
        if len(str(element.get("action_id", ""))) > ACTION_ID:
            problems.append(f"{where}.elements[{i}]: action_id over {ACTION_ID} characters")
    return problems


def _context(where: str, block: Dict) -> List[str]:
    elements = block.get("elements") or []
    problems = [] if 0 < len(elements) <= CONTEXT_ELEMENTS else \
        [f"{where}: {len(elements)} elements (1 to {CONTEXT_ELEMENTS})"]
    for i, element in enumerate(elements):
        if element.get("type") in TEXT_TYPES:
            problems += _text_object(f"{where}.elements[{i}]", element, SECTION_TEXT)
    return problems


CHECKS = {
    "section": _section,
    "actions": _actions,
    "context": _context,
    "header": lambda where, b: _text_object(f"{where}.text", b.get("text"), HEADER_TEXT,
                                            ("plain_text",)),
    "divider": lambda where, b: [],
}


def block_kit_problems(post: Dict[str, Any]) -> List[str]:
    """What breaks Slack's limits in one chat.postMessage (nothing: [])."""
    blocks = post.get("blocks") or []
    problems = []
    text = post.get("text")
    if blocks and not (isinstance(text, str) and text.strip()):
        problems.append("no fallback text beside the blocks")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT:
        problems.append(f"text: {len(text)} characters (at most {MESSAGE_TEXT})")
    if len(blocks) > MESSAGE_BLOCKS:
        problems.append(f"{len(blocks)} blocks (at most {MESSAGE_BLOCKS})")
    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        check = CHECKS.get(block.get("type"))
        if check is None:
            problems.append(f"{where}: unknown block type {block.get('type')!r}")
            continue
        if len(str(block.get("block_id", ""))) > BLOCK_ID:
            problems.append(f"{where}: block_id over {BLOCK_ID} characters")
        problems += check(where, block)
    return problems
