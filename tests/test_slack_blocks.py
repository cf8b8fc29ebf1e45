"""A reply's table as Slack Block Kit (channels/slack_blocks.py, the Slack output): within
Slack's limits (tests/slack_limits.py), escaped, unknowns "not listed", one message with the
buttons. No server."""
import asyncio

from channels.slack_blocks import MAX_BLOCKS, table_blocks, text_blocks, with_feedback
from knowledge.deciding.ranking import rank
from knowledge.question import Criteria
from knowledge.replying.comparisons import comparison_table
from knowledge.replying.ranking_answers import ranking_answer
from knowledge.store.queries import school_facts
from tests.slack_limits import block_kit_problems
from tests.slack_standin import recording_bot

BUTTONS = [{"title": "Show more", "payload": "show more"},
           {"title": "Only public", "payload": "only public ones"}]


def texts(blocks):
    found = []
    for block in blocks:
        found += [block["text"]["text"]] if "text" in block else []
        found += [field["text"] for field in block.get("fields", [])]
        found += [e["text"] for e in block.get("elements", []) if "text" in e and
                  isinstance(e["text"], str)]
    return found


def test_a_ranking_is_a_section_per_school_with_its_figures_as_fields():
    _, table = ranking_answer(rank(Criteria(sort_by="grad_rate", states=("NY",))))
    blocks = table_blocks(table.to_dict(), BUTTONS)
    assert block_kit_problems({"text": "fallback", "blocks": blocks}) == []
    rows = [b for b in blocks if b.get("fields")]
    assert [r["text"]["text"] for r in rows] == [
        "*1. Syracuse University*", "*2. Rochester Institute of Technology*",
        "*3. New York University*"]
    assert "*Graduation rate*\nnot listed" in [f["text"] for f in rows[2]["fields"]]
    assert not any(f["text"].endswith("\n0") for r in rows for f in r["fields"])
    assert blocks[-1]["type"] == "actions"
    assert [e["value"] for e in blocks[-1]["elements"]] == ["show more", "only public ones"]


def test_a_comparison_is_a_section_per_school_then_the_verdicts():
    schools = [school_facts(n) for n in ("Carnegie Mellon University", "New York University")]
    blocks = table_blocks(comparison_table(schools, ()).to_dict())
    assert block_kit_problems({"text": "fallback", "blocks": blocks}) == []
    assert sum(1 for b in blocks if b.get("fields")) == 2
    assert any(t.startswith("Highest ranked: Carnegie Mellon") for t in texts(blocks))


def test_every_limit_holds_for_a_table_far_over_them_and_mrkdwn_is_escaped():
    row = [{"value": 1, "text": "1"}, {"value": "x", "text": "<!channel> & " + "y" * 2500}] + \
        [{"value": None, "text": ""}] * 12
    columns = [{"key": "position", "label": "#"}, {"key": "school", "label": "School"}] + \
        [{"key": f"c{i}", "label": f"<b>{i}</b>", "numeric": True} for i in range(12)]
    table = {"title": "<!here> " + "t" * 4000, "columns": columns, "rows": [row] * 80,
             "notes": ["a <@U1> note " * 400], "source": "s & t"}
    blocks = table_blocks(table, [{"title": "b" * 100, "payload": "p" * 3000}] * 30)
    assert block_kit_problems({"text": "fallback", "blocks": blocks}) == []
    assert len(blocks) == MAX_BLOCKS
    assert "&lt;!here&gt;" in blocks[0]["text"]["text"]


def test_the_slack_output_sends_a_table_as_one_message_of_blocks_with_its_text():
    bot, posted = recording_bot()
    text, table = ranking_answer(rank(Criteria(sort_by="tuition_low", states=("CA",))))
    asyncio.run(bot.send_response("D1", {
        "text": text + " <!channel>", "buttons": BUTTONS,
        "custom": {"data": {"text": text, "table": table.to_dict()}}}))
    post, = posted
    assert post["text"].startswith(text.splitlines()[0])
    assert post["text"].endswith("&lt;!channel&gt;")  # the fallback text escaped too
    assert block_kit_problems(post) == []
    asyncio.run(bot.send_response("D1", {"text": "plain", "buttons": BUTTONS}))
    assert "blocks" in posted[1] and posted[1]["text"] == "plain"  # Rasa's own, as before


def test_an_answer_with_figures_gets_thumbs_and_long_text_stays_within_limits():
    source = {"title": "Source", "payload": "source"}
    assert [b["title"] for b in with_feedback([source])] == ["Source", "👍", "👎"]
    assert with_feedback([{"title": "Yes", "payload": "yes"}]) == \
        [{"title": "Yes", "payload": "yes"}]  # a question, not an answer: no thumbs
    long_answer = "\n\n".join(f"Paragraph {n}: " + "figures " * 300 for n in range(6))
    blocks = text_blocks(long_answer + " <!channel>", with_feedback([source]))
    post = {"channel": "D1", "text": "fallback", "blocks": blocks}
    assert block_kit_problems(post) == []
    values = [e["value"] for e in blocks[-1]["elements"]]
    assert values == ["source", '/feedback{"rating": "up"}', '/feedback{"rating": "down"}']
    assert "&lt;!channel&gt;" in blocks[-2]["text"]["text"]
