"""Multi-turn conversations through the advisor (knowledge.conversation), without Rasa and
without intent hints: the words and the conversation state alone must carry each kind of
turn issue 11 reports (self-descriptions, pointing back at a list, carrying the question
over, changing one thing, counts, ranks, ranges and pairs, unlisted schools and facts, the
schools in focus). The same kinds are checked through the real servers, with the NLU, in
tests/test_conversations.py."""
import re

import pytest

from knowledge.conversation import respond
from knowledge.question import Message
from knowledge.state import ConversationState


class Chat:
    """One conversation: say something, get the reply text; the state carries over."""

    def __init__(self):
        self.state = {}

    def __call__(self, text, **hint):
        turn = respond(Message(text, **hint), self.state)
        self.state = turn.state
        return "\n".join(reply.text or f"<{reply.fixed}>" for reply in turn.replies)

    @property
    def context(self):
        return ConversationState.from_dict(self.state)


def rows(reply):
    """The school names of a ranking reply, in order."""
    return re.findall(r"^\d+\. (.+?) \(#", reply, re.MULTILINE)


@pytest.fixture
def chat():
    return Chat()


# --- describing oneself --------------------------------------------------------------------

def test_a_self_description_gets_options_and_later_facts_add_to_it(chat):
    first = chat("I'm an analyst in Ohio and want to move into ML — what are my options?")
    assert "Top 3 for you" in first and "industry" in first
    assert "The source lists no program in Ohio" in first
    second = chat("I can't leave my job")
    assert "didn't catch" not in second and "part-time" in second
    assert chat.context.profile.format == "part_time" and chat.context.profile.state == "OH"
    best = chat("which program would fit me best?")
    rows = [line for line in best.splitlines() if re.match(r"\d\. ", line)]
    assert re.match(r"Top \d for you \(in Ohio, can't relocate, part-time", best) and len(rows) >= 3
    assert all("part-time: " in row for row in rows)  # every one keeps the format they need


def test_help_me_choose_asks_only_what_is_missing(chat):
    assert "budget" in chat("help me choose a program")
    reply = chat("about 30k a year, and I'd like to stay in California")
    assert "Top 3 for you (budget up to $30,000/yr, in California" in reply
    assert "University of California-Irvine" in reply


# --- pointing at what was just shown -------------------------------------------------------

def test_rows_of_the_list_just_shown(chat):
    assert len(rows(chat("top 10 programs"))) == 10
    public = chat("are any of these state schools?")
    assert rows(public) == ["University of Washington-Seattle Campus",
                            "University of California-Irvine"]
    assert "Syracuse University is #3" in chat("more about the third one")
    assert "University of Washington-Seattle Campus is #4" in chat("and number 4?")
    side = chat("put the first three side by side")
    assert side.startswith("Side by side:") and "Syracuse" in side and "Penn" not in side


def test_which_of_those_and_show_more(chat):
    chat("the 7 cheapest programs")
    best = chat("which of those has the highest graduation rate")
    assert rows(best) == ["San Jose State University"]
    assert "63.1" in chat("whats its score")
    more = chat("show more")
    assert rows(more)[0] == "Pennsylvania State University-Main Campus"  # row 8


# --- carrying the question over ------------------------------------------------------------

def test_a_school_alone_asks_the_last_question_again(chat):
    assert "16 months" not in chat("how long is the Clark program?")
    emory = chat("and Emory?")
    assert "degree-program details for Emory University" in emory
    assert "Side by side" not in emory and "Clark" not in emory


def test_it_means_the_school_in_focus(chat):
    chat("tell me about Clark")
    remote = chat("can I do it remotely?")
    assert "Clark University" in remote and "does not say" in remote


def test_a_school_outside_the_rows_is_said_plainly_with_what_the_source_says(chat):
    chat("tell me about USC")
    mit = chat("is MIT in the ranking?")
    assert "MIT is not among the 25 programs" in mit and "#2" not in mit
    assert "names MIT as Massachusetts's top program" in mit


# --- changing one thing --------------------------------------------------------------------

def test_a_change_keeps_the_rest_of_the_list(chat):
    chat("options in Massachusetts")
    cheaper = chat("what about under 60k?")
    assert rows(cheaper) == ["Clark University"]
    private = chat("actually only private ones")
    assert "private, in Massachusetts" in private


# --- counts and ranks ----------------------------------------------------------------------

@pytest.mark.parametrize("text, count", [("cheapest 7 programs", 7), ("top 9", 9),
                                         ("give me 7 cheap ones", 7)])
def test_asking_for_n_shows_n(chat, text, count):
    assert len(rows(chat(text))) == count


def test_ranks_by_number(chat):
    assert "University of San Diego is #13" in chat("who is number 13?")
    assert "University of Pittsburgh-Pittsburgh Campus is #14" in chat("and 14?")
    forty = chat("which school is ranked 40th?")
    assert "does not show #40" in forty and "$" not in forty


# --- ranges, pairs and relative terms ------------------------------------------------------

def test_ranges_pairs_and_relative_terms(chat):
    assert set(rows(chat("programs between $15k and $35k"))) == {
        "University of Pittsburgh-Pittsburgh Campus", "Pennsylvania State University-Main Campus"}
    pair = chat("median tuition in Georgia vs New York")
    assert "$16,800" in pair and "$45,200" in pair
    cheaper = rows(chat("which private schools are cheaper than Brandeis?"))
    assert "Brandeis University" not in cheaper and "Illinois Institute of Technology" in cheaper
    fewest = chat("where do the fewest students finish?")
    assert rows(fewest) == ["University of North Texas"] and "70%" in fewest
    uc = chat("cheapest of the University of California campuses?")
    assert rows(uc) == ["University of California-Irvine", "University of California-Santa Cruz"]


def test_the_other_end_of_the_same_field(chat):
    worst = chat("which school has the worst grad rate")
    assert rows(worst) == ["University of North Texas"] and "70%" in worst
    best = chat("and the best?")
    assert rows(best) == ["University of Pennsylvania", "San Jose State University"]  # 100%


# --- what the source does not hold ---------------------------------------------------------

def test_unlisted_school_and_unheld_fact_get_no_figure(chat):
    caltech = chat("tuition at Caltech")
    assert "Caltech is not among the 25 programs" in caltech and "$" not in caltech
    penn = chat("what is the acceptance rate at Penn")
    assert "The source gives no acceptance rates for University of Pennsylvania" in penn
    assert "%" not in penn


# --- the schools in focus ------------------------------------------------------------------

def test_questions_about_the_schools_in_focus(chat):
    chat("compare Northeastern and Brandeis")
    tie = chat("which of the two has the better score?")
    assert "a tie between Northeastern, Brandeis" in tie
    chat("tell me about Northwestern")
    practicum = chat("is there a practicum?")
    assert "Northwestern University" in practicum and "practicum and capstone" in practicum


def test_an_open_question_is_answered_by_the_profile_sentence(chat):
    chat("tell me about UW")
    assert "Boeing Company funding support" in chat("who's funding it")
    assert "Fall 2026" in chat("when does it launch")


# --- odd input -----------------------------------------------------------------------------

def test_an_empty_message_is_never_a_yes(chat):
    suggested = chat("tuition at Illinois Institute", act="facts", topic="tuition",
                     confidence=0.9, entities={"school": ("Illinois Institute",)})
    assert "Did you mean" in suggested
    empty = chat("   ", act="affirm", confidence=0.79)
    assert "$49,607" not in empty and "didn't get a message" in empty
    assert "$49,607" in chat("yes", act="affirm", confidence=0.99)


def test_a_damaged_context_starts_afresh():
    turn = respond(Message("tuition at CMU"), {"focus": 7, "last_list": {"rows": None}})
    assert "$62,260" in turn.replies[0].text


# --- second tuning round: limits, background, picking rows, swaps, areas -----------------

def advice_rows(reply):
    """The school names of a recommendation reply, in order."""
    return re.findall(r"^\d+\. (.+?) \(", reply, re.MULTILINE)


def test_advice_keeps_the_users_limits_before_their_wishes(chat):
    # 'public + in Texas' said without "I": still the user's limits (the NLU's hint as it is)
    reply = chat("hi! nurse in texas here, want to switch into ml, staying in tx, has to be "
                 "public + cheap", act="inform", confidence=0.99)
    assert advice_rows(reply)[0] == "University of North Texas"
    # UNT alone keeps every limit: no school that breaks one is added to it
    assert "\nOne listed school fits everything you said (tight budget, in Texas, can't " \
        "relocate, public)" in reply and len(advice_rows(reply)) == 1
    # four schools keep California and a $60k budget: all four are shown
    reply = Chat()("ok help me pick - im in california, budget max 60k/yr")
    assert reply.startswith("Top 4 for you") and len(advice_rows(reply)) == 4
    assert "University of San Diego" in advice_rows(reply)


def test_a_place_change_after_advice_keeps_every_state_named(chat):
    chat("hi! nurse in texas here, want to switch into ml, staying in tx, has to be public + "
         "cheap", act="inform", confidence=0.99)
    reply = chat("only 1?? ok what about florida or georgia instead")
    assert re.search(r"^Top \d for you \(tight budget, in Florida or Georgia, can't relocate, "
                     r"public\)", reply)
    assert advice_rows(reply)[:2] == ["University of Central Florida", "University of Georgia"]
    assert "$59,920" not in reply  # Emory is private


def test_the_school_a_user_comes_from_is_background(chat):
    reply = chat("my son's graduating from ucla in cs and wants to stay in california for his "
                 "masters. we're footing the bill so public schools only pls")
    assert "UCLA is not among" not in reply
    # told, not asked: advice for a public school in California (the three there)
    assert advice_rows(reply) == ["University of California-Irvine", "San Jose State University",
                                  "University of California-Santa Cruz"]
    assert "93% graduation rate" in chat("the last one on that list, what's the grad rate")


def test_rows_picked_by_what_they_are(chat):
    chat("what's in pennsylvania")
    reply = chat("compare the public ones")
    assert "$20,154" in reply and "$19,672" in reply and "$62,260" not in reply
    reply = chat("which one scores higher")
    assert "Highest ranked: University of Pittsburgh-Pittsburgh Campus" in reply
    other = Chat()
    other("private schools in california")
    reply = other("who hires people out of the higher ranked of those two")
    assert reply.startswith("Top employers of University of Southern California graduates")


def test_swapping_a_school_out_of_a_comparison(chat):
    chat("compare syracuse, penn and clark")
    reply = chat("oops not clark, brandeis")
    assert "$64,348" in reply and "$54,760" not in reply and "$58,620" in reply
    reply = chat("which of the 3 has the highest grad rate")
    assert "Highest graduation rate: University of Pennsylvania" in reply


def test_those_two_is_a_count_not_a_graduation_rate(chat):
    chat("any programs in boston?")
    reply = chat("grad rates for those 2?")
    assert "at least 2%" not in reply
    assert reply.count("graduation rate not listed") == 2
    assert "Cheapest: Northeastern University" in chat("ugh ok which is cheaper then")


def test_around_a_city_takes_in_its_area_and_added_places_join(chat):
    reply = chat("recent math grad living in chicago, dont really want to leave. what's around")
    assert rows(reply) == ["Northwestern University", "Illinois Institute of Technology"]
    reply = chat("ok i could do st louis too, add missouri")
    assert "Saint Louis University" in rows(reply) and len(rows(reply)) == 3
    reply = Chat()("programs in boston around 65k a year")  # an amount, not an area
    assert "Brandeis University" not in rows(reply) and "Northeastern University" in rows(reply)


def test_a_maximum_said_the_long_way_is_a_maximum(chat):
    reply = chat("data analyst in wichita ks, it has to be fully online, and i cant do more "
                 "than 20k a year")
    assert "budget up to $20,000/yr" in reply.splitlines()[0]


def test_that_thing_points_into_the_school_in_focus(chat):
    chat("what labs does uci have")
    assert "688" in chat("how many datasets does that repository have")


# --- the third and fourth tuning rounds (sets K, L, N, O) ------------------------------------

def test_misspelt_words_that_carry_the_question_are_read_as_meant(chat):
    reply = chat("4 most expensve ones")
    assert rows(reply) == ["University of Southern California", "Northwestern University",
                           "Brandeis University", "Boston University"]
    chat("whos ranked 19th")
    assert "cheaper than UGA" in chat("wich schools r cheaper then it")


def test_a_school_named_after_besides_is_left_out_of_the_list(chat):
    reply = chat("public programs under 15k besides ucf")
    assert "University of Central Florida" not in rows(reply) and "besides UCF" in reply
    assert "San Jose State University" in rows(reply)


def test_a_state_can_be_taken_out_or_swapped(chat):
    assert "outside California" in chat("public schools outside california")
    assert all("CA," not in line for line in chat("show all of them").splitlines()
               if re.match(r"\d+\. ", line))
    chat("ml masters in georgia?")
    added = chat("add ohio")
    assert "no program in Ohio" in added
    swapped = chat("ok swap ohio for florida then")
    assert {"Emory University", "University of Central Florida"} <= set(rows(swapped))


def test_numbers_pointing_at_rows_are_no_amounts(chat):
    chat("show me ur top 5")
    reply = chat("compare numbers 2 and 3 for me, cost + grad rate")
    assert "$66,640" in reply and "$61,310" in reply and "budget" not in reply
    assert "at least 2%" not in reply


def test_what_an_employer_leaves_to_pay(chat):
    chat("compare cmu and pitt")
    reply = chat("my employer covers up to 10k a year, what would each one cost me out of pocket")
    assert "$52,260/yr out of pocket" in reply and "$10,154/yr out of pocket" in reply
    chat("tuition at penn")
    assert "about $2,931/yr out of pocket" in chat("if amazon covers 95% of that, what would i "
                                                   "be paying out of pocket")


def test_a_tuition_comparison_says_the_gap(chat):
    assert "$47,096 a year less" in chat("how much more is penn than uw per year")


def test_the_sources_own_best_value_pick_is_said(chat):
    reply = chat("which school is the best bang for the buck")
    assert "Best value: University of Washington-Seattle Campus" in reply


def test_an_unlisted_correction_takes_the_focus_away(chat):
    chat("how much is boston u per yr")
    assert "not among" in chat("oops no i meant boston college sry")
    reply = chat("ok whatever, and brandeis?")
    assert "$64,348" in reply and "$63,798" not in reply


def test_score_bounds_filter_and_are_no_dollars(chat):
    reply = chat("which schools have a score between 65 and 66")
    assert set(rows(reply)) == {"University of California-Irvine", "Brandeis University",
                                "Northeastern University", "Rochester Institute of Technology",
                                "University of San Diego"}
    assert "score 65-66" in reply and "$65" not in reply
    strict = chat("which schools have a score of at least 60 but below 62")
    assert "Illinois Institute of Technology" in rows(strict)  # 60.0: "at least" takes it
    assert "University of Central Florida" in rows(strict)
    assert "Carnegie Mellon University" not in rows(strict) and "tuition" not in strict.split(
        "\n")[0]


def test_the_list_means_the_whole_ranking_not_the_rows_shown(chat):
    chat("help me choose, i want to do research")
    chat("skip")
    reply = chat("ok then whats the cheapest private school on the list")
    assert rows(reply)[:1] == ["Illinois Institute of Technology"]


def test_a_short_filtered_list_is_shown_whole(chat):
    reply = chat("which ranked schools have tuition under 12k")
    assert len(rows(reply)) == 7 and "show more" not in reply
    assert "show more" in chat("top programs", act="rank")  # all 25: a page at a time


def test_which_top_n_is_a_range_of_ranks(chat):
    reply = chat("which top 10 schools are cheaper than penn")
    assert "within the source's top 10" in reply and "Clark University" in rows(reply)
    assert "University of Central Florida" not in rows(reply)


def test_one_specialization_of_the_guide(chat):
    assert "$165,000" in chat("which ml specialization pays best", act="guide",
                             guide="specializations")
    reply = chat("and data eng?")
    assert "Data Engineering" in reply and "$145,000" in reply and "Cybersecurity" not in reply
    pay = chat("and cybersecurity, whats the median pay for that")
    assert "35% job growth" in pay and "no salary figure for Cybersecurity" in pay


def test_how_long_part_time_takes_is_the_guides_timeline(chat):
    assert "2.5-4 years" in chat("how long do part time programs usually take")


def test_tuition_for_international_students_is_not_in_the_source(chat):
    chat("tuition at uw")
    reply = chat("is that also what international students pay?")
    assert "The source gives no separate tuition for international" in reply


def test_a_correction_drops_the_school_it_says_not(chat):
    chat("tuition at upenn")
    reply = chat("no sorry penn state, not upenn")
    assert "$19,672" in reply and "$58,620" not in reply


def test_the_employer_the_user_moved_to_is_theirs(chat):
    chat("my employer is amazon, what do they cover", act="employer")
    reply = chat("oops, i said amazon but i actually moved to microsoft. does that change it")
    assert reply.startswith("Microsoft") and "Career Choice" not in reply
    assert chat("wait my bad, the offer i took is from google not amazon. what do they give"
                ).startswith("Google")


def test_an_unheld_fact_asked_by_someone_describing_themselves(chat):
    reply = chat("army vet here, want to use my GI bill for an ML masters. does your guide say "
                 "anything about GI bill or veteran benefits?")
    assert "The source gives no veterans' education benefits" in reply and "Top 3" not in reply
    assert "rankings" not in chat("my son finishes his bachelor's next year. what do people "
                                  "earn after an ml masters?", act="guide", guide="salary")


def test_public_or_private_ruled_out_is_not_asked_for(chat):
    chat("schools in pennsylvania")
    reply = chat("Private tuition is out of the question for us. Just the public ones, please.")
    assert set(rows(reply)) == {"University of Pittsburgh-Pittsburgh Campus",
                                "Pennsylvania State University-Main Campus"}


def test_the_first_one_is_a_row_and_the_3_cheapest_a_new_list(chat):
    chat("which private schools are cheaper than emory", act="compare")
    assert "89%" in chat("grad rate of the first one")
    chat("top 3 public schools by rank")
    reply = chat("now the 3 cheapest public ones instead")
    assert rows(reply) == ["University of Central Florida", "San Jose State University",
                           "University of North Texas"]
    assert rows(chat("cheapest of the 3?")) == ["University of Central Florida"]


def test_a_list_of_one_is_what_there_means(chat):
    chat("what does the ranking have for texas")
    assert "70%" in chat("the grad rate there looks kinda low?")


def test_all_25_undoes_the_top_10(chat):
    chat("which top 10 schools are cheaper than penn")
    reply = chat("ok now across all 25, which private ones are cheaper than penn")
    assert "Saint Louis University" in rows(reply) and "top 10" not in reply


def test_its_after_an_unlisted_school_is_that_school(chat):
    assert "not among" in chat("is stanford ranked on ur list")
    reply = chat("whats its tuition then")
    assert "Stanford" in reply and "$" not in reply
    chat("tuition at cmu")
    assert "$62,260" in chat("and its grad rate?") or "98%" in chat("its grad rate?")


def test_the_order_asked_by_wins(chat):
    reply = chat("top 5 by score. name + tuition, nothing else")
    assert rows(reply)[:2] == ["Carnegie Mellon University", "University of Southern California"]
    assert "92%" in chat("2nd one grad rate")


def test_forget_the_top_10_asks_of_the_whole_list(chat):
    chat("in the top 10 is anything pricier than northwestern?")
    reply = chat("ok forget the top 10. which schools on the whole list cost between 50k and 60k "
                 "a year")
    assert {"Clark University", "Emory University", "Saint Louis University"} <= set(rows(reply))


def test_advice_shows_every_school_within_the_limits_up_to_ten(chat):
    chat("im pretty broke, need tuition under 10k a year. what are my options")
    reply = chat("hmm ok stretch it to 12k")
    assert {"University of Washington-Seattle Campus", "University of California-Santa Cruz"} <= \
        set(advice_rows(reply))


def test_their_after_two_schools_one_by_one_means_both(chat):
    chat("who's ranked 16th")
    chat("and who is right above it")
    reply = chat("how far apart are their scores")
    assert "0.1 points higher" in reply and "Emory" in reply and "SJSU" in reply
    chat("compare penn and cmu grad rates")
    assert "2 percentage points higher" in chat("compare penn and cmu grad rates")


def test_who_runs_a_lab_is_the_sentence_that_says_so(chat):
    chat("tell me about nyu")
    assert "led by Yann LeCun" in chat("who runs the famous lab there")
    assert "Callison-Burch" in chat("who directs penn's online ai masters")


def test_which_top_program_lets_me_study_online(chat):
    reply = chat("i have a full time job and kids, cant relocate. is any top 10 program fully "
                 "online and async?", act="guide", guide="part_time")
    # one profile says so: that school, quoted (not a list to read through)
    assert reply.startswith("University of Pennsylvania") and "fully online, asynchronous" in reply
    assert "$58,620" in chat("tuition?")


def test_who_has_a_rate_lists_the_schools_with_it(chat):
    reply = chat("who has 99% grad rate", act="facts", topic="graduation_rate")
    assert set(rows(reply)) == {"Syracuse University", "Brandeis University"}
    assert "graduation rate 99%" in reply
    assert "$61,310" in chat("cheaper of the 2?")


def test_work_experience_and_background_questions_answer_from_the_guides(chat):
    reply = chat("just graduated with a cs degree, zero work experience. really want cmu. is no "
                 "experience a problem")
    assert "60-70% of admits have 2+ years experience" in reply
    assert chat.context.focus == ("Carnegie Mellon University",)
    assert "non-technical backgrounds" in chat("do these programs even take ppl w/o a cs degree")


def test_an_employer_named_by_someone_describing_themselves(chat):
    reply = chat("so i work at amazon as an ops analyst and want to move into ML. people keep "
                 "telling me amazon pays for school?? what does your guide say about that")
    assert reply.startswith("Amazon") and "95%" in reply
    assert chat("and apple, is there a catch?").startswith("Apple")


def test_how_people_afford_it_is_the_financing_guide(chat):
    reply = chat("problem is i cant really pay 60k a year. how do ppl in the top programs "
                 "afford it")
    assert "67% of students in top-tier programs" in reply
    chat("top 5 w/ scores", act="rank")
    assert rows(chat("which of em are public")) == ["University of Washington-Seattle Campus"]


# --- round 7 (sets V, W) -------------------------------------------------------------------

def test_a_range_of_ranks_is_a_list_of_those_rows(chat):
    assert [s for s in rows(chat("list the schools ranked 11 through 15"))] == [
        "Brandeis University", "Rochester Institute of Technology", "University of San Diego",
        "University of Pittsburgh-Pittsburgh Campus", "Emory University"]
    assert rows(chat("which of those are public")) == [
        "University of Pittsburgh-Pittsburgh Campus"]
    assert rows(chat("now do 16 to 20. which of those are private")) == [
        "Johns Hopkins University"]  # the new range, not $16,000-$20,000
    beyond = chat("what about ranks 26-30")
    assert "no school ranked #26-#30" in beyond and "$" not in beyond


def test_bare_numbers_after_a_rank_are_ranks_not_dollars(chat):
    chat("who's number 7 in the ranking")
    assert rows(chat("8 and 9?")) == ["Clark University", "University of California-Irvine"]
    assert rows(chat("wait no i meant 18 and 19")) == ["University of Central Florida",
                                                       "University of Georgia"]
    assert "$5,312 a year less" in chat("which of those 2 is cheaper")


def test_a_correction_edits_the_list_it_corrects(chat):
    chat("whats the 3 highest ranked schools in massachusetts")
    assert "public, in Massachusetts" in chat("no, public ones")  # none: all four are private
    chat("cheapest schools in california")
    assert set(rows(chat("no private ones"))) == {
        "San Jose State University", "University of California-Irvine",
        "University of California-Santa Cruz"}
    chat("public schools under 12k a year?")
    chat("hmm make it under 10k")
    assert "Pennsylvania State University-Main Campus" in rows(
        chat("wait sorry i meant 20k not 10k"))


def test_a_state_taken_back_is_no_school_and_an_unlisted_top_program_is_said_so(chat):
    texas = chat("whats the top program in texas, and is it in the ranked 25?")
    assert "top program UT Austin (not among the 25 listed rows)" in texas
    michigan = chat("sorry i meant michigan, not texas")
    assert michigan.startswith("Michigan:") and "North Texas" not in michigan
    assert "top program University of Washington." in chat("and washington?")


def test_adding_the_other_kind_of_school_keeps_both(chat):
    chat("CA resident here so i want in-state public schools only. what are my options")
    both = rows(chat("ok add private schools in california too, but keep it under 60k a year"))
    assert {"University of San Diego", "San Jose State University"} <= set(both)


def test_what_an_employer_named_pays_is_taken_off_the_tuition(chat):
    chat("top 5 schools with an online option")
    covered = chat("the cheapest of those, what's the yearly tuition and would google's money "
                   "cover it?")
    assert "University of Washington-Seattle Campus: $11,524/yr" in covered
    assert "(of up to $12,000)" in covered and "$0/yr out of pocket" in covered
    assert "$46,620/yr out of pocket" in chat(
        "and for penn, how much would i still owe per year after the google part?")


def test_the_cheapest_of_another_kind_is_a_new_list_of_one(chat):
    chat("2 cheapest private schools?")
    assert rows(chat("ok now the cheapest public one")) == ["University of Central Florida"]
    assert "University of Central Florida" in chat("whats the acceptance rate there")


def test_a_bare_topic_after_advice_is_about_the_school_it_puts_first(chat):
    chat("im in orlando, working as a data analyst, want something local and cheap")
    assert "University of Central Florida has a 93% graduation rate" in chat("grad rate?")
    missing = chat("do you have a full profile on it, like research labs and industry partners?")
    assert "no research labs or industry partners for University of Central Florida" in missing
    assert missing.count("What it does list") == 1


def test_a_question_asked_of_every_profile_finds_every_school_naming_it(chat):
    found = chat("which top 10 schools list amazon as an industry partner")
    for school in ("Carnegie Mellon University", "University of Southern California",
                   "University of Washington-Seattle Campus", "Northeastern University"):
        assert school in found
    assert "Syracuse" not in found
    assert "CILVR" in chat("which of the top ranked schools has a research lab that actually "
                           "does healthcare applications?")
    assert "67% of students" in chat("how do people even afford these programs, they're so "
                                     "expensive")


def test_when_a_program_starts_is_its_profile_sentence_and_top_n_with_a_limit_filters(chat):
    chat("im a software dev in seattle, full time, and i cant quit. is there anything on your "
         "list i could do part-time or online?")
    assert "launching Fall 2026" in chat("nice, when does that uw one start?")
    chat("give me the 5 highest scoring private schools")
    chat("actually make it public ones instead")
    assert rows(chat("hmm just the top 3 of those publics but under 15k tuition")) == [
        "University of Washington-Seattle Campus", "University of California-Irvine",
        "San Jose State University"]


def test_what_the_employer_pays_carries_over_to_the_next_school(chat):
    chat("list the schools ranked 11 through 15")
    chat("which of those are public")
    assert "$10,154/yr out of pocket" in chat(
        "how much would i still owe there if my employer covers 10k")
    assert "$48,620/yr out of pocket" in chat("and for penn?")
    assert "100% graduation rate" in chat("and its grad rate?")
    assert "out of pocket" not in chat("and cmu?")  # the topic asked last: grad rate


# --- round 8 (writers Y, Z, AA) ---------------------------------------------------------------

def test_a_low_superlative_turns_a_fields_order_and_anything_lists_every_match(chat):
    lowest = chat("2 lowest grad rates")
    assert rows(lowest) == ["University of North Texas",
                            "Pennsylvania State University-Main Campus"]
    cheaper = chat("anything cheaper than pitt?")
    assert len(rows(cheaper)) == 8 and "Pennsylvania State University-Main Campus" in cheaper


def test_a_lower_case_postal_code_is_a_state_only_beside_a_place_word(chat):
    assert "in Pennsylvania: 4 of the 25" in chat("ml schools in pa")
    assert "Florida" not in Chat()("unrelated, ableton or fl studio for chopping samples?")
    states = Chat()("ca vs ny avg tuition")
    assert "median tuition $28,400" in states and "median tuition $45,200" in states


def test_an_unlisted_school_gets_the_quote_that_answers_and_the_listed_schools_of_its_city(chat):
    chat("is gatech omscs in ur rankings")
    cost = chat("how much does it cost tho")
    assert "GT OMSCS = $7K total" in cost and cost.count("is not among") == 1
    other = Chat()
    other("is stanford even on ur list")
    assert "$170,000+" in other("wat do grads from there make")
    assert "$170,000" not in Chat()("stanford tuition?")  # no salary beside "no tuition"
    near = Chat()("is ucsd on there too? i'd honestly love to live in san diego")
    assert "In San Diego, the source lists University of San Diego (#13, $55,690/yr)" in near


def test_what_the_user_drops_or_says_in_passing_is_not_a_filter(chat):
    chat("id like to stay in california, public schools only please. what do you have in CA")
    dropped = chat("ok what if i drop the public only thing, just CA and under 60k a year")
    assert "University of San Diego" in dropped and "public," not in dropped.splitlines()[0]
    moving = Chat()("hi, im a teacher in illinois, 2 kids. i'd consider relocating if the "
                    "school is cheap enough. list the 5 cheapest public schools")
    assert rows(moving)[0] == "University of Central Florida" and "graduation rate at least" \
        not in moving and "Illinois" not in moving.splitlines()[0]


def test_ranges_of_ranks_said_loosely_and_the_top_n_of_yours(chat):
    thru = chat("who's ranked 11 thru 15")
    assert rows(thru)[:3] == ["Brandeis University", "Rochester Institute of Technology",
                              "University of San Diego"]
    between = Chat()("im a payroll accountant just browsing. which schools are ranked between "
                     "11 and 15")
    assert "Brandeis University" in between and "Top 3 for you" not in between
    assert rows(Chat()("which of your top 10 are public")) == [
        "University of Washington-Seattle Campus", "University of California-Irvine"]


def test_the_three_just_talked_about_and_a_list_asked_after_a_focus(chat):
    chat("emory grad rate")
    chat("n jhu")
    chat("bu?")
    assert rows(chat("ok which of those 3 is cheapest")) == ["Emory University"]
    chat("who is the #1 school and what score did it get")
    assert len(rows(chat("which schools scored above 80"))) == 4


def test_an_order_asked_after_telling_about_oneself_and_a_topic_after_tell_me_about(chat):
    value = chat("intl student from nigeria tight budget, whats the best value school")
    assert "By value, best first" in value and "Best value: University of Washington" in value
    chat("which of your top 10 are public")
    online = chat("the first one then. tell me about doing it online, i cant be on campus")
    assert "fully online" in online and "What stands out" not in online


def test_loosening_a_bound_of_a_list_of_one_changes_the_list(chat):
    chat("which private schools on the list have a graduation rate of 99% or higher?")
    assert rows(chat("same thing but public schools")) == ["San Jose State University"]
    loosened = chat("hmm loosen it to 95% or above, still public only")
    assert rows(loosened)[:2] == ["University of Washington-Seattle Campus",
                                  "University of California-Irvine"]


def test_it_after_who_has_the_best_is_the_school_that_has_it(chat):
    chat("out of cmu, syracuse and northwestern, who has the best graduation rate")
    cheaper = chat("is it cheaper than cmu")
    assert "Syracuse University: $61,310/yr" in cheaper and "Northwestern" not in cheaper
    partners = chat("what companies does it partner with")
    assert "NetApp" in partners and "Bosch" not in partners


def test_ties_and_the_nth_in_an_order_of_the_rows(chat):
    chat("what rank is brandeis")
    assert rows(chat("is it tied w anyone")) == ["Northeastern University", "Brandeis University"]
    assert rows(Chat()("which schools have the same tuition as uci")) == [
        "University of California-Irvine", "University of California-Santa Cruz"]
    other = Chat()
    other("public schools in california")
    second = other("tuition and grad rate for the second highest ranked of those")
    assert "San Jose State University" in second and "Irvine" not in second


def test_whether_a_specialization_changes_pay_is_the_specialization_guide(chat):
    reply = chat("does picking a specialization actually change what you earn after the masters?")
    assert "$10,000-$30,000" in reply


def test_a_limit_said_with_a_negation_and_a_bound_that_crosses_the_one_kept(chat):
    assert rows(chat("I can't spend more than 20k a year. anything ranked in Texas?")) == [
        "University of North Texas"]
    chat("what about anywhere")
    under = chat("hmm make that under 10k")
    assert "San Jose State University" in rows(under) and "$20,000-" not in under
    assert all(int(t.replace(",", "")) <= 10000 for t in re.findall(r"\$([\d,]+)/yr", under))
    other = Chat()
    other("which schools on the list cost between 50k and 60k a year")
    floor = other("make the bottom 40k instead")
    assert "Illinois Institute of Technology" in rows(floor) and "lowest first" not in floor
    assert rows(Chat()("show me the bottom 5"))[0] == "Saint Louis University"


def test_staying_in_state_a_control_after_forget_and_a_topic_for_a_list_of_one(chat):
    assert rows(chat("i live in georgia and wanna stay in-state. public schools only, "
                     "what's ranked?")) == ["University of Georgia"]
    tech = chat("no not that one, the georgia tech one. where's it ranked")
    assert "Georgia Institute of Technology is not among" in tech and "#19" not in tech
    assert rows(chat("ok forget public then. any private ones in georgia?")) == [
        "Emory University"]
    assert "Emory University has a 97% graduation rate" in chat("grad rate?")


def test_a_correction_to_an_unlisted_school_keeps_what_was_asked(chat):
    chat("grad rate at washington?")
    assert "no graduation rate figures" in chat("no not that one, washington university in "
                                                "st. louis")
    assert "92%" in chat("ok what about saint louis university then")


def test_a_new_employer_and_what_is_left_to_pay(chat):
    chat("i work at microsoft, how much would they chip in for a masters?")
    assert "$12,000" in chat("oh wait, I just switched to Google actually")
    assert "no service commitment" in chat("do i have to stay there for a while after")
    assert "about $0/yr out of pocket" in chat("if i picked uc irvine whats left for me to pay")


def test_a_count_on_the_whole_list_and_a_correction_that_keeps_it(chat):
    assert len(rows(chat("list the 3 cheapest schools on the whole list"))) == 3
    assert rows(chat("sorry, cheapest private ones i meant")) == [
        "Illinois Institute of Technology", "Saint Louis University", "Clark University"]


def test_a_state_code_in_capitals_before_ones_but_not_a_degree(chat):
    assert rows(chat("which MA ones are between 60k and 64k a year")) == [
        "Northeastern University", "Boston University"]
    assert "Mississippi" not in Chat()("which MS programs are under 12k")


def test_any_other_leaves_out_the_school_in_focus_and_how_much_more_is_a_difference(chat):
    chat("cheapest private school on the list?")
    assert rows(chat("any other ranked schools around chicago?")) == ["Northwestern University"]
    assert "$15,280 a year less" in chat("how much more per year is that than iit")
    same = Chat()
    same("who's #9")
    same("any other UCs ranked?")
    assert "a tie between UCI, UCSC ($11,834/yr)" in same("wait they cost the same??")


def test_online_lists_name_the_program_and_lengths_when_the_format_is_unknown(chat):
    chat("top 3 on the list?")
    online = chat("which of those 3 could i do online")
    assert "Syracuse: MS in Applied Data Science" in online
    assert "34 credits" in chat("how many credits is that online program")
    cmu = Chat()("i have to keep working. is cmu's ms set up for that?")
    assert "MS, 16 months" in cmu


def test_a_masters_total_cost_is_the_financing_guide_and_mixed_it_up_is_no_school(chat):
    assert "$140,000" in chat("ballpark what does a masters like this cost in total")
    chat("my wife got an offer in st louis. anything in missouri on the list?")
    chat("public or private?")
    assert rows(chat("sorry i mixed it up, the offer is in baltimore not st louis. so maryland")
                ) == ["Johns Hopkins University"]


def test_the_winner_of_a_which_comparison_a_difference_and_rows_of_a_sub_list(chat):
    chat("any public schools in PA on the list?")
    chat("which of those two has the better grad rate")
    score = chat("ok and whats its overall score in the ranking")
    assert "Pittsburgh-Pittsburgh Campus is ranked #14" in score and "58.8" not in score
    more = Chat()
    more("schools that cost more than cmu")
    assert "$4,380 a year less" in more("how much more is usc per yr")
    within = Chat()
    within("which schools on the list cost between 40k and 60k a year")
    within("which of those are cheaper than clark")
    assert "Saint Louis, Missouri" in within("the second one, where is it located")


def test_chat_shorthand_state_codes_before_school_words_and_a_count_that_showed_all(chat):
    chat("ml schools in pa")
    chat("just the public ones")
    assert rows(chat("wat abt california")) == [
        "University of California-Irvine", "San Jose State University",
        "University of California-Santa Cruz"]
    assert "Rochester Institute of Technology" in rows(Chat()("ny schools under 60k?"))
    capped = Chat()
    capped("public only, under 12k/yr, cheapest first")
    capped("let me see 7")
    raised = capped("ok raise the cap to 21k, which public ones now")
    assert "Pennsylvania State University-Main Campus" in rows(raised)
    assert "University of Pittsburgh-Pittsburgh Campus" in rows(raised)


def test_schools_sharing_a_figure_and_cheaper_than_that_as_a_bound(chat):
    assert rows(chat("do any two schools in the list have the exact same tuition")) == [
        "University of California-Irvine", "University of California-Santa Cruz"]
    assert "96%" in chat("which of the two has the better grad rate")
    midwest = Chat()
    midwest("list the 5 most expensive schools in the ranking, priciest first")
    midwest("any of those in the midwest?")
    assert rows(midwest("is there a private school in the midwest on your list thats cheaper "
                        "than that")) == [
        "Illinois Institute of Technology", "Saint Louis University"]


def test_staying_local_in_the_city_said_before_feeds_the_advice(chat):
    """"something close to home" reads the user's own city (said a turn before, not in this
    message) as the place of the advice: it once stopped the turn with an error."""
    chat("im in boston")
    reply = chat("something close to home, what would you recommend for me")
    assert reply.startswith("Top") and "in Boston, MA, can't relocate" in reply
    assert chat.context.profile.city == "Boston" and chat.context.profile.state == "MA"


def test_steps_along_the_ranking_counted_and_from_where_they_started(chat):
    """"and just above" after "whos just below them" steps from the school the first step
    left (Emory), not from the one it found; "the 2 right above that" are two steps from the
    school in focus; "the last school on the list" with no list shown is the source's #25."""
    chat("where is emory ranked")
    assert "San Jose State University is #16" in chat("whos just below them")
    assert "University of Pittsburgh-Pittsburgh Campus is #14" in chat("and just above")
    two = chat("and the 2 right above that")
    assert "Rochester Institute of Technology" in two and "University of San Diego" in two
    assert "Emory" not in two
    other = Chat()
    assert "Saint Louis University" in other("whos the last school on the list u have")
    above = other("and the 2 right above it")
    assert "Boston University" in above and "Pennsylvania State University" in above
    assert "Illinois Institute of Technology" not in above


def test_cheaper_than_a_school_lists_every_match_but_is_it_cheaper_picks_one(chat):
    cheaper = rows(chat("whats cheaper than uw"))
    assert {"San Jose State University", "University of Central Florida",
            "University of North Texas"} <= set(cheaper)
    chat("out of cmu, syracuse and northwestern, who has the best graduation rate")
    assert "Syracuse University ($61,310/yr" in chat("is it cheaper than cmu")
    partners = chat("what companies does it partner with")
    assert "NetApp" in partners and "Bosch" not in partners


def test_the_place_of_someone_described_feeds_the_list_asked_unless_they_study_online(chat):
    """A place said of the person the user asks for is where the list is ("she's in
    pennsylvania ... options?", "transferring her to atlanta ... near there?"), but not for
    someone who needs a fully online program: where he lives limits none of those."""
    online = chat("my husband works full time in ohio and can't relocate, he'd need something "
                  "fully online. which ranked programs do that?")
    assert "University of Pennsylvania" in online and "no program in Ohio" not in online
    public = Chat()
    assert rows(public("she's in pennsylvania and wants a public school. options?")) == [
        "University of Pittsburgh-Pittsburgh Campus", "Pennsylvania State University-Main Campus"]
    moving = Chat()
    assert rows(moving("my partner is in orlando, works full time at a bank, wants a cheap "
                       "public ml masters close by. ideas?")) == ["University of Central Florida"]
    assert "#18" in moving("where does it rank and what's the grad rate")
    near = moving("ok plot twist, her bank is transferring her to atlanta in the spring. same "
                  "kind of thing near there?")
    assert "University of Georgia" in near and "$4,478" not in near


def test_own_budget_least_expensive_and_she_is_a_person_not_a_school(chat):
    """"that fit my budget" is the budget said before; "the least expensive" of a list is
    one row; "she" is the person asked for, so "give me the 3 highest ranked public ones"
    is a new list, not the schools in focus."""
    chat("im in texas, need a public school under 20k a year, what do i have")
    fitting = chat("ok outside texas then, top 3 by rank that fit my budget")
    assert rows(fitting) == ["University of Washington-Seattle Campus",
                             "University of California-Irvine", "San Jose State University"]
    mass = Chat()
    mass("which schools on the ranking are in massachusetts")
    assert rows(mass("which of those is the least expensive")) == ["Clark University"]
    public = mass("oh she'd actually move for the right school, she just told me. forget "
                  "massachusetts - give me the 3 highest ranked public ones under 12k")
    assert rows(public) == ["University of Washington-Seattle Campus",
                            "University of California-Irvine", "San Jose State University"]


def test_the_employer_asked_about_and_a_list_after_employer_talk(chat):
    """(With the classifier's hint, as the NLU gives it: without one, a message naming an
    employer and asking nothing else is a fact about the user.)"""
    apple = chat("i work at apple and a friend asked whether apple pays for an ml masters. "
                 "what does the guide say and is there a catch", act="employer", confidence=0.9)
    assert apple.startswith("Apple")
    deloitte = chat("wait i think you assumed she works at apple. i'm the apple one, she's at "
                    "deloitte. what does deloitte do", act="employer", confidence=0.9)
    assert deloitte.startswith("Deloitte")
    listed = chat("she's in atlanta and would go private if it's covered. highest ranked "
                  "private there + cost?")
    assert rows(listed) == ["Emory University"] and "$59,920" in listed


def test_the_last_public_or_private_said_is_the_wish_and_forget_the_city_changes_the_list(chat):
    """"private, ugh. ok forget the city, public ones in CA?": the reaction first, the wish
    last; "public ones" there is the changed list, not the one public row of the advice;
    "we cant swing private tuition" rules private out."""
    chat("i'm in san diego, i have to keep my job. anything ranked near me?")
    changed = chat("private, ugh. ok forget the city, public ones in CA?")
    assert changed.startswith("Top") and "in California" in changed and "public" in changed
    assert "San Jose State University" in changed and "Stands out" not in changed
    texas = Chat()
    assert rows(texas("my bf is in dallas and wants to do ml grad school, public only, we cant "
                      "swing private tuition. anything in texas?")) == ["University of North Texas"]


def test_a_tax_question_on_what_an_employer_pays_gets_the_tax_free_note(chat):
    chat("whats the yearly tuition at uw")
    taxed = chat("hmm our policy only covers 5250 a year. is that amount taxable for her or not")
    assert "$5,250 tax-free" in taxed and "$11,524" not in taxed
    career = Chat()  # ("out of tax season": no tax question)
    top = career("im a cpa in nyc and i want out of tax season forever. show me the top 5 "
                 "schools overall pls")
    assert len(rows(top)) == 5


def test_if_its_covered_is_no_school_and_there_is_the_users_own_city(chat):
    """"she'd go private if it's covered. highest ranked private one there + cost?": "it" is
    no school, "there" is her city said a turn before, "highest ranked" orders the list
    ("cost" only names a field); a step along the ranking then goes from Emory."""
    chat("hi! asking for my sister. she lives in atlanta, works full time as an accountant "
         "and her company would pay part of it. what are her options?")
    listed = chat("she'd go private if it's covered. highest ranked private one there + cost?")
    assert rows(listed) == ["Emory University"] and "$59,920" in listed
    assert "San Jose State University" in chat("who's right below them in the ranking")


def test_what_an_employer_would_leave_me_paying_is_out_of_pocket(chat):
    chat("hi, i'm a data analyst at amazon in seattle. i can't quit, so part time or online. "
         "what would fit me?")
    chat("how much is the first one per year")
    left = chat("and what would amazon leave me paying there")
    assert "about $576/yr out of pocket" in left and "University of Washington" in left


def test_there_after_a_list_points_at_its_rows_and_the_pick_shows_its_figure(chat):
    chat("public schools in california?")
    picked = chat("cheapest one there and the grad rate")
    assert rows(picked) == ["San Jose State University"] and "100%" in picked
    chat("which public schools are in the ranking")
    where = chat("priciest of those + where is it")
    assert "Pittsburgh" in where and "$20,154" in where  # where, and what picked it


def test_a_place_taken_back_gives_way_to_the_one_named_after_it(chat):
    chat("anything in texas")
    swapped = chat("ok forget texas, make it georgia")
    assert set(rows(swapped)) == {"Emory University", "University of Georgia"}
    assert "District of Columbia" in chat("any programs in washington dc?")


def test_corrections_of_a_count_a_bound_and_a_wish(chat):
    chat("5 cheapest schools pls")
    assert len(rows(chat("srry meant 3 not 5"))) == 3
    assert len(rows(chat("cheapest 4 with grad rates"))) == 4
    chat("private schools cheaper than emory?")
    rebound = chat("sorry not emory, i meant cheaper than nyu")
    assert "cheaper than NYU" in rebound and "cheaper than Emory" not in rebound
    assert "Emory University" in rows(rebound)
    other = Chat()
    other("public schools under 60k")
    assert "University of Pennsylvania" in rows(other("ok public/private doesnt matter"))


def test_top_n_with_a_field_to_show_keeps_the_rankings_order(chat):
    assert rows(chat("gimme the top 10, just names + tuition"))[0] == \
        "Carnegie Mellon University"


def test_a_number_after_whos_is_a_row_or_a_rank(chat):
    assert "#30" in chat("ok whos 30")
    chat("5 cheapest schools")
    assert "University of North Texas" in chat("whos 3")


def test_advice_shows_only_the_schools_that_keep_every_limit_when_two_do(chat):
    advice = chat("i live in pennsylvania and want a public school, what do i have")
    assert "Pittsburgh" in advice and "Penn State" in advice.replace(
        "Pennsylvania State University-Main Campus", "Penn State")
    assert "Carnegie Mellon" not in advice


def test_a_place_beats_a_format_the_source_does_not_confirm(chat):
    advice = chat("teacher in houston, i can only do evenings and we're staying in texas. "
                  "so what fits me")
    assert advice.index("University of North Texas") < advice.index("Syracuse University")


def test_what_the_user_tells_feeds_the_advice_and_the_employer_sums(chat):
    chat("im a nurse in atlanta and we're staying in georgia")
    advice = chat("money wise 15k a year is our hard ceiling. so given all that which one")
    assert "University of Georgia" in advice.split("\n")[1]
    job = Chat()
    job("i work at google, how much do they chip in for tuition")
    assert "$10,000" in job("oh i just switched jobs, im at microsoft now")
    paid = job("so if i went to uw whats the tuition vs what they'd cover")
    assert "about $1,524/yr out of pocket" in paid
    assert "$1,524/yr" in job("would that cover most of uw?")
    hospital = Chat()
    assert "$5,250" in hospital("my hospital reimburses up to 5250 a year, is that standard?")


def test_a_school_with_a_remark_after_it_carries_the_question_over(chat):
    chat("ok how much is usc per year")
    carried = chat("and sjsu? way closer to me")
    assert "$5,742" in carried and "$66,640" not in carried


def test_profile_details_asked_in_other_words(chat):
    assert "Neural Computation" in chat("what phd stuff does cmu offer")
    assert "1.5-2 years" in chat("how many yrs is the usc ms")
    online = chat("does syracuse have evening or online classes?")
    assert online.count("MS in Applied Data Science") == 1  # one program answers both


def test_lists_bounded_by_a_school_and_membership_questions(chat):
    bounded = chat("is there anything on your list thats online and cheaper than slu?")
    assert "University of Washington" in bounded
    assert "#13" in chat("is university of san diego (the private one) on the list at all")
    assert "not among the 25" in chat("dukes tuition?")
    assert "Clark University" in chat("and #8s partners")


def test_places_said_in_capitals_and_states_compared(chat):
    told = chat("vfx artist in LA, cant leave LA. what's in los angeles on your list")
    assert "Louisiana" not in told and "University of Southern California" in told
    states = chat("we're moving to michigan or north carolina. which state's programs are "
                  "cheaper")
    assert "$28,700" in states and "$22,100" in states


def test_which_of_the_two_on_the_field_just_asked(chat):
    chat("penn grad rate?")
    chat("and syracuse")
    assert "Syracuse University" in chat("whos got the higher tuition out of the two")
    chat("whats clarks grad rate")
    chat("and irvine")
    chat("usc?")
    compared = chat("ok which of the last two is higher")
    assert "Highest graduation rate: University of California-Irvine" in compared


def test_a_bare_amount_beside_a_benefit_word_is_dollars(chat):
    """"if my district reimburses 5250 a year what would uw actually cost me" (make chat,
    round 11): 5250 written without $ is the dollars covered; a year is not."""
    chat("and northwestern?")
    paid = chat("if my district reimburses 5250 a year what would uw actually cost me")
    assert "about $6,274/yr out of pocket" in paid
    assert "$2,026" not in chat("would my employer pay for uw in 2026? what would it cost me")


def test_a_place_told_with_no_question_lists_the_schools_there(chat):
    """"nurse in atlanta, not leaving georgia" (no school, no question): the schools there,
    not "which school do you mean?"."""
    told = chat("nurse in atlanta, not leaving georgia")  # (advice: "not leaving" is a limit)
    assert set(advice_rows(told)) == {"Emory University", "University of Georgia"}


# --- round 12: corrections, limits dropped, advice for those who stay, lists reshaped -------

def test_a_correction_replaces_the_number_place_or_school_it_names(chat):
    chat("who's #7")
    assert "University of California-Santa Cruz is #17" in chat("not 7, 17. fat fingers")
    assert "$11,834" in chat("tuition there?")
    chat("any ml masters programs in maryland")
    assert "Saint Louis University" in chat("wait no, missouri. i always mix up the m states")
    chat("whats penn's tuition")
    assert "$19,672" in chat("no the other penn")  # Penn State
    assert "$20,154" in chat("hmm scratch that, i actually meant the public one in pittsburgh")
    chat("grad rate at uc irvine?")
    assert "University of California-Santa Cruz has a 93%" in chat("no the other uc one")
    chat("tuition at rit")
    assert "not among the 25" in chat("sry meant rpi not rit")  # RPI: not listed


def test_a_correction_of_a_row_swaps_it_in_the_question_asked(chat):
    chat("top 5 public schools pls")
    chat("tuition for the 3rd one?")
    assert "Tuition at San Jose State University is $5,742" in chat("no sorry, the 4th")
    chat("schools ranked 11 through 15?")
    chat("compare tuition of the first and last")
    swapped = chat("wait not the first, the second one")
    assert "$55,784" in swapped and "$59,920" in swapped and "Brandeis" not in swapped
    assert "Emory University: 97%" in chat("and grad rates for those two")


def test_a_correction_of_the_topic_the_range_or_the_direction(chat):
    chat("how do northeastern and brandeis compare on tuition")
    score = chat("no i meant score, not tuition")
    assert "score 65.4" in score and "a tie" in score
    chat("which schools are between 50k and 55k a year")
    moved = chat("sorry not 50 to 55, i meant 55 to 60")
    assert "tuition $55,000-$60,000/yr" in moved and "University of San Diego" in moved
    assert rows(chat("which of those is ranked lowest")) == ["Emory University"]
    assert rows(chat("whoops i meant highest")) == ["University of Pennsylvania"]


def test_a_limit_dropped_by_a_verb_and_its_noun(chat):
    chat("tight budget here, cant do more than 15k/yr tuition. what ranked programs work")
    overall = chat("ok forget the 15k cap, my company is covering tuition now. top 3 overall then?")
    assert rows(overall) == ["Carnegie Mellon University", "University of Southern California",
                             "Syracuse University"]
    chat("show me schools with tuition somewhere between 50k and 56k")
    chat("only california ones")
    dropped = chat("drop the price limit")
    assert dropped.startswith("By the ranking's score — in California") and len(rows(dropped)) == 5


def test_advice_for_users_who_stay_or_study_online(chat):
    chat("im a swe at google in mountain view. not quitting. does google even pay for this?")
    online = chat("my schedule is all over the place so i need something fully online that i "
                  "can do async, on my own time. which one would u pick")
    assert advice_rows(online)[0] == "University of Pennsylvania"  # its online MSE-AI is async
    assert "about $46,620/yr out of pocket" in chat("whats the tuition there and what would i "
                                                    "still owe per yr after google's part")
    assert "University of Washington-Seattle Campus: $11,524/yr tuition" in chat(
        "and same math for uw's online program?")
    home = Chat()("orange county here, got a mortgage so not moving. public only. what should "
                  "i look at")
    assert advice_rows(home)[0] == "University of California-Irvine"
    texas = Chat()("high school math teacher in dallas here. want to switch into data science. "
                   "i'm staying in texas and honestly 10k/yr is my ceiling")
    assert advice_rows(texas) == ["University of North Texas"]
    listed = Chat()("consultant at deloitte, based in chicago. the firm might sponsor me. whats "
                    "on ur list in illinois?")
    assert set(rows(listed)) == {"Northwestern University", "Illinois Institute of Technology"}
    friend = Chat()("asking for a friend - she's a data analyst in atlanta and wants to stay in "
                    "georgia for her masters. what are her options?")
    assert "University of Georgia" in friend and "Emory University" in friend


def test_lists_reshaped_paged_and_pointed_into(chat):
    chat("cheapest overall")
    assert rows(chat("next 2 cheapest")) == ["San Jose State University",
                                             "University of North Texas"]
    chat("which schools are cheaper than pitt")
    chat("only the ones with grad rate 96% or higher")
    assert rows(chat("sort those by tuition low to high"))[0] == "San Jose State University"
    assert "score of 81.7" in chat("the middle one - whats its score")  # UW
    advice = Chat()
    advice("hi! im pretty broke lol, 10k/yr tuition max, location doesnt matter. whats out there")
    assert rows(advice("sort by grad rate instead"))[:2] == ["San Jose State University",
                                                              "University of Georgia"]
    pair = Chat()
    pair("cmu or northwestern, which one costs less per year")
    lengths = pair("how long are the two programs")
    assert "16 months" in lengths and "15 months" in lengths
    boston = Chat()
    boston("my son is in boston, what's there")
    assert rows(boston("Okay, if he looked at all of Massachusetts instead of just Boston, what's "
                       "the cheapest option for him?")) == ["Clark University"]
    assert rows(Chat()("She really can't spend $60,000 or more a year. Is there anything under "
                       "that in New York?")) == ["Rochester Institute of Technology"]


def test_what_the_source_does_not_hold_said_plainly(chat):
    paid = chat("last q, roughly what do data scientists make?")
    assert "no salary figure for Data Scientist" in paid and "$157,000" in paid
    assert "$25,000" in chat("do research assistantships actually pay anything")
    chat("tell me about northwestern")
    assert "no application deadlines" in chat("when's the deadline for fall apps")
    chat("cmu vs pitt tuition")
    rates = chat("grad rts too")
    assert "98%" in rates and "88%" in rates


def test_steps_along_an_order_a_place_left_and_the_federal_benefit(chat):
    chat("tuition at ucf")
    assert "San Jose State University" in chat("what's the next cheapest one after it on the "
                                               "whole list")  # by tuition, not rank #19
    chat("federal employee in baltimore, i have to keep my gov job. what's around me on your list?")
    moved = chat("oh wait scratch that, i'm getting transferred to michigan next month, not "
                 "staying in maryland. what's there?")
    assert "Michigan" in moved and "$62,840" not in moved  # Johns Hopkins is left behind
    chat("tuition at saint louis university")
    paid = chat("my bank only does the irs tax-free max for tuition. what would i be paying per "
                "year after that")
    assert "about $47,010/yr out of pocket" in paid and "#26" not in paid


def test_a_school_the_source_never_names_is_not_the_one_in_focus(chat):
    """make chat, round 12: "what about duquesne, is it on your list?" right after CMU's
    programs answered for CMU again."""
    chat("ok and what about cmu, how long is it and whats the tuition")
    reply = chat("what about duquesne, is it on your list?")
    assert "not among the 25" in reply and "$62,260" not in reply


def test_telling_about_oneself_without_asking_gets_the_next_question(chat):
    """Round 13: a self-description that asks nothing is answered with what is still
    missing, not with a list or a guide; "so what do you think?" then gets the advice."""
    first = chat("pharmacist in orlando, been doing it 5 years and getting curious about data work")
    assert "?" in first and "$" not in first
    advice = chat("we can't relocate, my kids are in school here. so what do you think?")
    assert advice_rows(advice) == ["University of Central Florida"]


def test_a_place_one_cannot_leave_is_enough_to_advise(chat):
    reply = chat("lab tech in rochester ny, my husband won't move so it has to be local")
    assert advice_rows(reply)[0] == "Rochester Institute of Technology"


def test_what_an_employer_covers_is_not_the_budget(chat):
    """"they give 10k a year for school" is Microsoft's share, not a 10k budget: NYU (in the
    city) is the advice, and what is left to pay is its tuition less the $10,000."""
    reply = chat("software engineer at microsoft in nyc, they give 10k a year for school. "
                 "staying in the city")
    assert advice_rows(reply)[0] == "New York University" and "budget up to" not in reply
    assert "about $50,438/yr out of pocket" in chat("what would i still be on the hook for")


def test_schools_users_name_that_the_source_never_does(chat):
    chat("tuition at penn?")
    reply = chat("and villanova?")
    assert "Villanova University is not among the 25" in reply and "$58,620" not in reply
    assert "not among the 25" in chat("is drexel on there")


def test_a_range_whose_top_is_written_with_k(chat):
    """The NLU took "50k" for a school's name: a figure is never one."""
    reply = chat("any ranked schools with tuition between 48 and 50k?",
                 entities={"school": ("50k",)})
    assert rows(reply) == ["Illinois Institute of Technology"]


def test_is_it_in_a_city_asks_where_the_school_in_focus_is(chat):
    chat("whats northeastern charging for the ml masters these days")
    assert "Northeastern University is in Boston" in chat("is it in boston?")
    chat("tuition at clark")
    assert "Clark University is in Worcester" in chat("is that actually in boston")


def test_the_words_topics_beat_the_classifiers_one(chat):
    """The classifier heard one topic ("programs"); the words ask two."""
    chat("tuition at usc")
    reply = chat("is that per year or the whole program? and how long is it", act="facts",
                 topic="programs", confidence=0.9)
    assert "$66,640 per year" in reply and "1.5-2 years" in reply


def test_a_per_cent_of_a_format_or_a_cover_is_no_graduation_rate(chat):
    reply = chat("need something 100% online. what's in the top 10")
    assert "graduation rate at least" not in reply and "online" in reply
    assert "graduation rate at least" not in chat("my company pays 100% of tuition, what's in "
                                                  "pennsylvania")


def test_a_school_named_as_background_and_then_asked_about(chat):
    reply = chat("my cousin went to drexel and loved it, is drexel on there for ml masters?")
    assert "Drexel University is not among the 25" in reply


def test_an_employers_cover_weighed_against_the_school_in_focus(chat):
    chat("tuition at penn")
    assert "about $46,620/yr out of pocket" in chat("how much would google cover vs what it "
                                                    "charges")


def test_a_place_corrected_in_the_same_message(chat):
    chat("public programs under 10k?")
    reply = chat("is there anything like that in ohio? sorry, iowa i mean")
    assert "Iowa" in reply and "Ohio" not in reply


def test_states_whose_median_tuition_is_within_a_range(chat):
    reply = chat("which states have a median tuition between 30 and 45k")
    assert reply.startswith("Illinois: 4 ML master's programs, median tuition $31,200")
    assert "California" not in reply


def test_a_role_one_has_and_a_role_one_wants(chat):
    """"paralegal" is who the user is; "become an ai engineer" is not: the place and budget
    are theirs, so the advice is Pitt."""
    reply = chat("paralegal in pittsburgh hoping to become an ml engineer. staying here, 22k a "
                 "year max")
    assert advice_rows(reply)[0] == "University of Pittsburgh-Pittsburgh Campus"


def test_a_city_no_listed_school_is_in(chat):
    """make chat, round 13: "chem teacher in san antonio" placed the user nowhere. The city
    puts them in Texas for advice, and does not narrow a list asked in passing."""
    first = chat("hey. im a high school chem teacher in san antonio, thinking about switching "
                 "to data science")
    assert "San Antonio, TX" in first and "?" in first
    advice = chat("i cant really move, my wife works at the base here. budget maybe 15k a year")
    assert advice_rows(advice) == ["University of North Texas"]
    listed = Chat()("dental hygienist, houston area. which school on your list has the lowest "
                    "graduation rate?")
    assert rows(listed) == ["University of North Texas"] and "Houston" not in listed


def test_public_or_private_ruled_out_is_the_other(chat):
    """round 14: "they said no private schools" was kept as private."""
    reply = chat("my parents r paying for my masters but they said no private schools lol")
    assert "public" in reply and "private" not in reply


def test_a_time_is_not_a_count(chat):
    """"stuck here 3 more years" asks for no three results; the user told where they are."""
    reply = chat("hey so im in chicago, wife is finishing her residency at rush so we're stuck "
                 "here 3 more years")
    assert "You asked for 3" not in reply and "Illinois Institute of Technology" in reply


def test_advice_asks_what_is_missing_and_a_bare_answer_advises_again(chat):
    first = chat("teacher in harrisburg pa. i want a public school, in state")
    assert first.rstrip().split("\n")[-2].startswith("What's your tuition budget per year?")
    again = chat("and it needs to be under 20k a year, we've got 2 kids in daycare")
    assert advice_rows(again)[0] == "Pennsylvania State University-Main Campus"
    # a guess to confirm and its question are one question: Pitt against the pick in focus
    assert "$482 a year less" in chat("pitt is only a little more right? how much more exactly")
    assert "$14,422/yr out of pocket" in chat("my district chips in 5250 a yr, whats left at "
                                              "penn state then")


def test_a_question_after_advice_is_not_an_answer_to_its_question(chat):
    chat("data analyst in wichita ks. theres nothing ranked near me so it has to be fully "
         "online, and i cant do more than 20k a year")
    reply = chat("hm ok forget the budget, which ones can be done online at all")
    assert reply.startswith("By the ranking's score — online study: 4 of the 25")


def test_asking_what_there_is_while_telling_advises_now(chat):
    chat("mom of two in worcester, kids are in school here so moving is not happening")
    assert "Clark University" in chat("my bachelors is in sociology but im into the social side "
                                      "of ai. anything for me locally?")
    assert "$54,760" in chat("how much is it")


def test_advice_never_says_nothing_is_where_the_user_is_when_a_school_is(chat):
    """University of San Diego is over this budget and schools elsewhere in California fit:
    the advice is those, and it does not say the source lists no program in San Diego."""
    chat("im in san diego, my partner is in the navy and stationed here")
    chat("we figured 15k a year is about what we can do")
    reply = chat("an industry job")
    assert "no program in San Diego" not in reply
    assert advice_rows(reply)[0] == "University of California-Irvine"


def test_a_list_loosened_names_the_few_it_finds_with_their_figures(chat):
    reply = chat("live in chicago, we cant do more than 40k a year. any options in the area?")
    assert "Without the tuition limit (in Chicago or Evanston), 2 do: Northwestern University " \
           "(#7, $64,887/yr) and Illinois Institute of Technology (#22, $49,607/yr)" in reply


def test_getting_in_with_a_background_asked_with_a_place(chat):
    reply = chat("ok so im a bartender in boston, zero tech background, want to switch into "
                 "data science. can someone like me even get into a masters")
    assert "non-technical backgrounds" in reply


def test_two_letters_off_in_a_two_word_name(chat):
    assert "$62,260" in chat("how much is carnagie melon per year")


def test_a_count_corrected(chat):
    chat("gimme the top 5")
    assert len(rows(chat("actually make that 3 not 5"))) == 3


def test_a_score_bound_corrected_is_a_score(chat):
    chat("which programs score above 70")
    reply = chat("oops above 80 i meant")
    assert rows(reply) == ["Carnegie Mellon University", "University of Southern California",
                           "Syracuse University", "University of Washington-Seattle Campus"]
    assert "$80,000" not in reply


def test_a_careers_other_figure_carried_over(chat):
    chat("what do ml engineers make these days")
    assert "40% projected job growth" in chat("and growth?")


def test_an_employers_cover_is_no_bound_and_a_new_employer_reprices_it(chat):
    """Redmond has no listed school: "around here" is Washington; the 10k the company gives
    is what it covers, not a bound on the list; a new employer changes what is left."""
    listed = chat("swe at microsoft in redmond. company gives 10k/yr for tuition w manager "
                  "sign off. whats my cheapest ml masters around here")
    assert rows(listed) == ["University of Washington-Seattle Campus"]
    assert "about $1,524/yr out of pocket" in chat("so what would i pay after my employer's part")
    assert "(of up to $12,000)" in chat("oh actually scratch that, i just accepted an offer at "
                                        "google. does that change it")


def test_what_an_employer_asks_in_return_is_its_benefit_not_advice(chat):
    chat("i work at google's irvine office, they do up to 12k a year for school. anything "
         "close by that it'd basically fully cover?")
    assert "no service commitment" in chat("do i owe google anything after, like do i have "
                                           "to stay")


def test_a_goal_said_while_asking_what_is_local_is_not_a_career_question(chat):
    chat("st louis native, husbands family business is here so we arent going anywhere")
    reply = chat("im an accountant, want to move into ml for finance, quant type stuff. "
                 "anything local?")
    assert "Saint Louis University" in reply and "SOC 15-2031" not in reply


def test_on_my_own_schedule_is_asynchronous_study(chat):
    reply = chat("money isnt really the issue, the hospital pays most of it. which of ur top "
                 "programs can i do completely on my own schedule")
    assert reply.startswith("The profiles that mention asynchronous study (1 of 10")
    assert "University of Pennsylvania" in reply


def test_they_are_the_schools_of_the_place_asked_and_the_other_one_is_not_in_focus(chat):
    chat("where does uga land in the rankings")
    other = chat("no the other georgia one, georgia tech")
    assert "Georgia Institute of Technology is not among the 25" in other and "#19" not in other
    both = chat("ok so which georgia schools actually made your list and what do they cost")
    assert rows(both) == ["University of Georgia", "Emory University"]


def test_there_against_the_school_named_by_its_place(chat):
    chat("budget is like 10k/yr tops and i wanna stay in tx. what do i have")
    chat("oh wait my company is relocating me to florida next spring")
    reply = chat("is the grad rate there better than the texas one?")
    assert "University of Central Florida: 93%" in reply and "University of North Texas: 70%" \
        in reply


def test_what_an_employer_covers_bounds_a_list_said_to_be_under_it(chat):
    reply = chat("swe in nairobi, my employer will cover up to ~60k a year in tuition. best "
                 "ranked options under that?")
    assert reply.startswith("By the ranking's score — tuition up to $60,000/yr")


def test_those_after_naming_schools_the_source_does_not_list_are_those(chat):
    chat("i live in dallas and dont want to move far, whats ranked near me")
    reply = chat("my gf is looking at ut dallas and texas a&m, are those listed")
    assert "UT Dallas is not among the 25" in reply and "$8,319" not in reply


def test_a_feature_said_while_asking_for_a_suggestion_is_advice(chat):
    reply = chat("I manage a data analyst in seattle and we'd like to sponsor her for an ML "
                 "masters. she has to keep working full time. what would u suggest")
    assert advice_rows(reply)


def test_relocating_is_out_keeps_the_user_where_they_are(chat):
    """make chat, round 14: "relocating is out" was not heard."""
    assert "can't relocate" in chat("hi, im a pharmacist in philly with 2 kids so relocating "
                                     "is out")


def test_someone_who_cannot_leave_their_city_hears_which_schools_are_in_it(chat):
    """make chat, round 14: a pharmacist in Philadelphia who cannot move, 25k a year, was
    advised Pitt and Penn State as if they were local (300 km away) and never told of Penn,
    in the city, over the budget. Another city of the state is said not to be theirs, and the
    city's own school is named; "wanna stay in california" keeps the whole state."""
    chat("hi, im a pharmacist in philly with 2 kids so relocating is out")
    advice = chat("we could maybe do 25k a year tops. what would you suggest")
    assert advice_rows(advice)[:2] == ["University of Pittsburgh-Pittsburgh Campus",
                                       "Pennsylvania State University-Main Campus"]
    assert "but not in Philadelphia" in advice
    assert "In Philadelphia itself, the source lists University of Pennsylvania (#5, " \
           "$58,620/yr), above your $25,000 budget." in advice
    state_wide = Chat()("im in LA and wanna stay in california, tuition under 60k. whats out "
                        "there")
    assert "not in Los Angeles" not in state_wide and "$66,640" not in state_wide
    assert "University of California-Irvine" in state_wide


def test_the_classifiers_act_never_asks_a_school_for_a_format_topic(monkeypatch):
    """bench/rule_oracle.py found it: the last rule (the classifier's act) took "online" for a
    school topic, which no school answer has (a KeyError), when no other rule read the
    message. "Is it online" is a feature; the classifier's topic answers."""
    from knowledge.understanding.acts import Reader
    from knowledge.understanding.reading import read

    monkeypatch.setattr(Reader, "RULES", ("hinted",))
    state = ConversationState(focus=("University of Washington-Seattle Campus",))
    question = read(Message("is it online or in person", act="facts", topic="tuition",
                            confidence=0.9), state)
    assert question.act == "facts" and "format" not in question.topics
    assert respond(Message("is it online or in person", act="facts", topic="tuition",
                           confidence=0.9), state.to_dict()).replies


def test_schools_between_two_schools_are_the_rows_they_bound(chat):
    """"list the schools ranked strictly between those two" (Brandeis #11 and Emory #15) was
    a comparison of the two; two schools after "between" bound a list on both sides, on the
    field said next to them (rank unless a price or a rate is said), while "the difference
    between cmu and penn" still compares them."""
    chat("where does brandeis rank")
    chat("and emory?")
    between = chat("list the schools ranked strictly between those two")
    assert rows(between) == ["Rochester Institute of Technology", "University of San Diego",
                             "University of Pittsburgh-Pittsburgh Campus"]
    assert "$20,154" in chat("the public one out of those, how much is it")
    assert rows(Chat()("which schools are ranked between cmu and penn")) == [
        "University of Southern California", "Syracuse University",
        "University of Washington-Seattle Campus"]
    assert rows(Chat()("anything between uci and pitt in price?")) == [
        "Pennsylvania State University-Main Campus"]
    compared = Chat()("whats the difference between cmu and penn")
    assert "Side by side" in compared and not rows(compared)


def test_asking_whether_a_row_exists_searches_all_rows_not_the_school_in_focus(chat):
    """"is there a public top 10 one i can do online part time" after Penn's tuition was a
    question about Penn; asking whether one exists searches the rows, and "a top 10 one" (one
    row) is within the source's top 10, not ten rows."""
    chat("is any top 10 program fully online and async?")
    chat("tuition for it?")
    search = chat("too pricey. is there a public top 10 one i can do online part time",
                  act="inform", confidence=0.7)
    assert "within the source's top 10" in search and "$58,620" not in search
    assert rows(search)[0] == "University of Washington-Seattle Campus"  # "too pricey":
    # cheaper is wanted, cheapest first (not "pricey", most expensive first)
    assert "You asked for 10" not in search


def test_a_school_named_by_a_common_word_is_a_school_where_one_stands(chat):
    """make chat, round 15: an ICU nurse in Houston asked "what about rice? its right here"
    and got UW's profile (the school in focus): "rice" is no alias of Rice University, being
    a common word. Where a school stands ("what about rice", "and brown?") it names one; in
    "i had rice and beans" it does not."""
    chat("im an ICU nurse in houston, budget maybe 15k a year, has to be online")
    assert "Rice University is not among the 25" in chat("what about rice? its right here")
    assert "Brown University is not among the 25" in chat("and brown?")
    lunch = chat("i had rice and beans for lunch, anyway whats the cheapest online program")
    assert "Rice University" not in lunch and "University of Washington" in lunch


def test_an_employer_the_source_does_not_list_is_named_as_not_listed(chat):
    """make chat, round 15: "does my hospital pay for any of this? its memorial hermann" got
    the list of employers with no word on the one named. The name after "its", "i work at",
    "my employer is" is the employer asked about when the NLU tags none."""
    reply = chat("does my hospital pay for any of this? its memorial hermann", act="employer",
                 confidence=0.55)
    assert "The source lists no tuition benefit for “memorial hermann”" in reply
    assert "Google" in reply  # what the source does list follows
    startup = Chat()("does my company pay? its a small startup", act="employer",
                     confidence=0.95)
    assert "lists no tuition benefit for" not in startup and "Google" in startup


def test_a_row_asked_about_in_the_middle_of_the_questions_brings_the_advice(chat):
    """make chat, round 15: in the middle of "help me choose", "is the first one good for
    research?" (no list shown yet) was asked the place question again: the user wants the
    list, so the advice comes with what is known."""
    chat("hi! international student from nigeria, cs undergrad, want research and maybe a phd "
         "later")
    chat("money is a real issue, cant do more than 20k")
    advice = chat("is the first one good for research?")
    assert advice_rows(advice)[0] == "University of California-Irvine"
    assert "Center for Machine Learning and Intelligent Systems" in advice


# --- round 16: a new writer's conversations (set AX), first read unread ----------------------

def test_the_n_cheapest_of_a_list_sorts_it_by_tuition(chat):
    """"give me just the 2 cheapest of those" kept the list's order (by score) and gave its
    first two; "the top 3 of those" still does."""
    chat("private schools under 56k/yr?")
    cheapest = chat("give me just the 2 cheapest of those")
    assert rows(cheapest) == ["Illinois Institute of Technology", "Saint Louis University"]
    assert "#25" in chat("the second one — what rank is it and grad rate?")
    chat("private schools under 56k/yr?")
    assert rows(chat("the top 2 of those")) == ["Clark University",
                                               "Rochester Institute of Technology"]


def test_a_format_from_the_users_job_is_loosened_before_the_state_they_asked_about(chat):
    """"work full time ... which ranked schools are in illinois" reads part-time study too;
    no Illinois row is confirmed part-time, and the answer dropped the state (5 part-time
    schools elsewhere). The place stays and the format goes, saying for which school the
    source does not know."""
    reply = chat("work full time as a risk analyst in the chicago loop. which ranked schools "
                 "are in illinois")
    assert "Without the format filter (in Illinois), 2 do: Northwestern University" in reply
    assert "The source does not say whether Illinois Tech offers part-time study" in reply
    assert "Syracuse" not in reply


def test_the_users_own_school_is_background_and_in_state_rates_are_not_in_the_source(chat):
    """"My son is a math major at Pitt ... Which schools on your list are in PA": Pitt is
    where he studies now, not the school asked about; "are those in-state rates?" is a fact
    the source does not hold (one tuition per school)."""
    listed = chat("My son is a math major at Pitt and we'd like him to stay in Pennsylvania "
                  "for grad school. Which schools on your list are in PA, and what do they "
                  "charge?")
    assert len(rows(listed)) == 4 and "$62,260" in listed and "$19,672" in listed
    chat("Just the public ones, please.")
    rates = chat("Are those in-state rates? We're PA residents so that matters.")
    assert "gives no separate tuition for international or out-of-state students" in rates
    assert "Pennsylvania State University-Main Campus" in rates and "$11,524" not in rates


def test_a_guide_question_after_an_employer_is_not_about_the_employer(chat):
    """After Apple's benefit, "how many years does part time take" got Apple's benefit again:
    "does" counted as a word about what an employer pays."""
    chat("my wife works at apple, what do they cover for tuition", act="employer")
    reply = chat("realistically how many years does part time take compared to going full "
                 "time", act="guide", guide="part_time")
    assert "2.5-4" in reply and "Apple" not in reply


# --- round 16: two more writers (AZ, BA), first read unread ---------------------------------

def test_a_corrected_budget_redoes_the_list_it_bounded(chat):
    """"wait sorry my budget is actually more like 60k ... redo that" after the California
    list under 15k got the profiles of its rows ("that", "it"); it redoes the list."""
    chat("im a data analyst in sacramento and i really dont want to leave california. which "
         "cali schools do you have on the list")
    chat("money wise i can do maybe 15k a year tops, which of those fit")
    redone = chat("wait sorry my budget is actually more like 60k, my company covers a chunk "
                  "of it. redo that")
    assert "University of San Diego" in rows(redone) and "$66,640" not in redone


def test_a_correction_or_job_change_means_the_employer_named_last(chat):
    chat("im a backend dev at amazon in seattle. does amazon actually help pay for a masters?",
         act="employer")
    reply = chat("oh wait i said amazon but im starting at microsoft next month, does that "
                 "change the tuition help", act="employer")
    assert "$10,000" in reply and "95%" not in reply


def test_is_a_named_school_public_asks_its_type_and_in_state_pricing_is_not_in_the_source(
        chat):
    """"is rit public?" is the phrase "is it public" with the school named; a city said
    before it is where the user lives, not the question."""
    chat("who's #12 on ur ranking")
    reply = chat("oh nice i actually live in rochester, i do analytics at a hospital here. is "
                 "rit public? was hoping for in state pricing")
    assert "private university" in reply and "$55,784" in reply
    assert "gives no separate tuition" in reply


def test_advice_names_every_program_of_the_asked_format(chat):
    """Part time, not online: UW's evening MSDS is named, not only its online program."""
    chat("mechanical engineer at boeing in everett wa, want to get into ml, has to be part "
         "time, evenings in seattle")
    advice = chat("what do you recommend")
    assert "meeting evenings on campus" in advice


def test_other_schools_of_a_state_besides_the_one_shown_come_from_the_states_table(chat):
    chat("give me the 3 cheapest schools on the list")
    chat("im in dallas fyi. the texas one, whats its grad rate")
    other = chat("i really dont wanna leave texas tho, any other texas schools")
    assert "no other program in Texas" in other and "besides UNT" in other
    assert "UT Austin" in other


def test_none_of_those_is_public_is_said_plainly(chat):
    chat("which massachusetts schools are ranked")
    reply = chat("any of those public? teacher salary lol")
    assert "Not one of those is public: all 4 are private." in reply


def test_it_against_a_row_compares_the_two_and_the_rows_are_no_dollar_amount(chat):
    """"how does it compare to the first one on tuition" (USC in focus, CMU first on the
    list): both; "which of the 5 qualify" counts rows, it is no $5,000 limit."""
    chat("top 5 pls")
    in_city = chat("i dropped out of a physics phd and work at a startup in LA now. which of "
                   "those is in my city")
    assert rows(in_city) == ["University of Southern California"]
    both = chat("how does it compare to the first one on tuition")
    assert "$66,640" in both and "$62,260" in both
    public = chat("actually scratch that i want public only. which of the 5 qualify",
                  act="inform", confidence=0.99, entities={"amount": ["5 qualify"]})
    assert rows(public) == ["University of Washington-Seattle Campus"]
    assert "$5,000" not in public


def test_what_the_user_earns_is_no_budget(chat):
    reply = chat("so im a junior data analyst in denver making 70k. would an ml masters "
                 "actually pay off or nah", act="guide", guide="salary", confidence=0.88)
    assert "$70,000" not in reply and "$157,000" in reply


def test_the_next_n_after_those_n_pages_the_list_not_the_two_in_focus(chat):
    chat("can u give me the 5 cheapest schools on the list? just by tuition")
    chat("the last two on it - whats their grad rate")
    chat("which of those 2 scores higher in the ranking")
    more = chat("ok now give me the next 2 cheapest after those 5", act="more")
    assert rows(more) == ["University of California-Irvine", "University of California-Santa Cruz"]
    three = Chat()
    three("public schools in california")
    assert "San Jose State University" in three("the cheapest of this three, how much is?")


def test_units_are_program_length_and_missing_employers_name_the_partners(chat):
    assert "32 units" in chat("how many units is usc's ml masters")
    reply = chat("who hires syracuse grads")
    assert "no top employers" in reply and "NetApp, ADP, PayPal" in reply


def test_would_my_employer_pay_for_a_named_school_works_out_what_is_left(chat):
    reply = chat("i work at google as a swe and want to do the uw program part time. would "
                 "google pay for it?", act="employer")
    assert "$11,524" in reply and "$12,000" in reply


def test_how_long_would_that_take_asks_of_the_school_in_focus(chat):
    chat("tell me about uw")
    assert "Degree programs at University of Washington-Seattle Campus" in chat(
        "how long would that take part time")
    assert "Part-time format options" in Chat()("how long does a part time masters take")


def test_re_sorting_the_same_list_keeps_its_rows_and_the_one_in_a_place_is_a_row(chat):
    """"7 cheapest programs overall?", "the one in texas - score and rank?" (a row, not a list
    of Texas), "ok now re-sort that same list by grad rate": the 7 rows, newly ordered."""
    chat("7 cheapest programs overall?")
    texas = chat("the one in texas - score and rank?")
    assert "University of North Texas is ranked #21" in texas
    resorted = chat("ok now re-sort that same list by grad rate, highest first")
    shown = rows(resorted)
    assert len(shown) == 7 and shown[0] == "San Jose State University"
    assert shown[-1] == "University of North Texas"  # 70%, the lowest of the seven


def test_how_much_more_is_the_school_asked_last_than_the_one_before(chat):
    chat("whats tuition at uga")
    chat("and emory?")
    assert "$50,130 a year less" in chat("so how much more a year is emory exactly")


def test_a_placement_rate_is_a_fact_the_source_does_not_hold(chat):
    chat("tuition at northeastern")
    reply = chat("how many of their co-op students get hired full time after")
    assert "The source gives no job-placement rates for Northeastern University" in reply


# --- round 17: BD-BI's misses ---------------------------------------------------------------

def test_which_school_a_description_fits_is_that_school_and_then_in_focus(chat):
    """"one of the ranked schools lets u stack certificates ... which one": the one profile
    that says so stands out from all others, so that school is the answer (not the ranking),
    and "that program" / "there" next are that school."""
    reply = chat("i heard one of the ranked schools lets u stack certificates into a masters?? "
                 "which one", act="rank", confidence=0.9)
    assert reply.startswith("University of Washington-Seattle Campus") and "stackable" in reply
    assert "Boeing" in chat("who funded that program")
    assert "Ali Farhadi" in chat("any notable faculty there")
    policy = Chat()("which top 10 school is more about social science / policy uses of ml vs "
                    "commercial stuff")
    assert policy.startswith("Clark University")
    assert rows(Chat()("which top 5 programs are cheapest"))  # an order asked: still a list


def test_numbers_said_of_oneself_are_no_bounds(chat):
    """"im 100% keeping my job" is no 100% graduation-rate minimum; "2 kids (6 and 9)" is no
    $6,000-$9,000 range; and after an empty list whose nearest row is one school, "it" is
    that school."""
    reply = chat("staff auditor in boston, im 100% keeping my job. budget maybe 55k a yr. what "
                 "are the 3 highest ranked schools in massachusetts?")
    assert rows(reply) == ["Clark University"] and "graduation rate at least" not in reply
    nurse = Chat()
    first = nurse("icu nurse in tampa, florida. 2 kids (6 and 9). budget maybe 15k a year tops. "
                  "what ranked programs are in florida that would fit?")
    assert "University of Central Florida" in first and "$6,000" not in first
    assert "University of Central Florida" in nurse("is it online tho?")


def test_places_joined_dropped_and_parts_of_a_state(chat):
    assert "in New York or Pennsylvania" in chat("ok how about ny or pa then, public only")
    chat("budget is 20k a year max and i want a public school. whats in the ranking")
    dropped = chat("drop the california and washington ones")
    assert "outside California and Washington" in dropped
    assert "University of Washington-Seattle Campus" not in rows(dropped)
    socal = rows(Chat()("ok which socal schools r"))
    assert "University of Southern California" in socal and "San Jose State University" not in socal
    assert rows(Chat()("ml schools in pittsburg?")) == [
        "Carnegie Mellon University", "University of Pittsburgh-Pittsburgh Campus"]


def test_rows_and_ranks_by_their_words(chat):
    chat("which ones r in mass")
    assert "Boston University is $63,798" in chat("last one tuition?")
    assert "Brandeis University is ranked #11" in Chat()("who's ranked right after northeastern")
    texas = Chat()("which of the ranked 25 are actually in texas, and whats the grad rate")
    assert rows(texas) == ["University of North Texas"]
    one = Chat()
    one("budget up to 70k/yr. whats the highest ranked school in california?")
    assert "University of Pennsylvania is #5" in one("whos #5 on the list btw")


def test_its_in_the_next_part_is_the_unlisted_school_just_named(chat):
    chat("cheapest public school with a 90%+ grad rate")
    reply = chat("ok and for georgia tech? whats its grad rate")
    assert "Georgia Institute of Technology is not among" in reply and "93%" not in reply


def test_a_budget_beside_a_general_question_answers_the_question(chat):
    reply = chat("cant do 60k/yr lol. do RA jobs pay anything")
    assert reply.startswith("Financing your ML master's") and "tuition remission" in reply


def test_two_schools_compared_then_which_one_and_either_of_them(chat):
    """"which one can u finish faster" right after two schools: those two; "do either of them
    have a thesis track" asks of the two (it clears no public/private filter)."""
    chat("syracuse vs usc, how do they compare on credits")
    faster = chat("which one can u finish faster")
    assert "Degree programs at Syracuse University" in faster and "University of Southern " \
        "California" in faster
    pa = Chat()
    pa("which ranked programs r in pennsylvania")
    pa("just the public ones")
    thesis = pa("do either of them have a thesis track")
    assert "The source does not say whether University of Pittsburgh-Pittsburgh Campus" in thesis
    assert not rows(thesis)


def test_a_time_of_day_is_no_rank_and_off_topic_it_is_not_the_school(chat):
    chat("accountant in st louis, no moving, up to 55k a year. is anything on your list near me?")
    reply = chat("does it have evening or online classes? daycare pickup is at 5:30")
    assert "Saint Louis University" in reply and "Pennsylvania" not in reply
    off = chat("totally unrelated but why is the sky blue, can u explain it simply",
               act="out_of_scope", confidence=0.9)
    assert "Saint Louis University" not in off


def test_an_employer_guess_then_a_list_question_gets_both(chat):
    reply = chat("work at microsoft near boston, they give 10k a year for school right? i want to "
                 "stay in MA, whats ranked around here")
    assert "Microsoft: $10,000/year" in reply and "Clark University" in reply
    assert "$44,760/yr out of pocket" in chat(
        "after the 10k, what would i pay out of pocket per year at the cheapest of those")
    penn = Chat()
    penn("how much is penn a year")
    assert "$48,620/yr out of pocket" in penn("if my job covers 10k of that per year, what am i "
                                              "paying myself")


def test_profile_words_the_state_of_the_school_and_who_a_program_is_for(chat):
    chat("list the ranked schools w tuition between 50k and 60k")
    profiled = chat("only the ones that have a full profile")
    assert rows(profiled) == ["University of Pennsylvania", "Clark University"]
    assert "MS in Computer Science with ML track — 2 years" in chat(
        "the cheaper of those two, whats its ml degree and how long is it")
    assert "median tuition $56,300" in chat("is that below the median tuition in that state?")
    penn = Chat()
    penn("tell me about penn")
    background = penn("do i need a cs background for it?")
    assert "computer science or engineering backgrounds" in background
    deloitte = Chat()
    assert "Northwestern University" in deloitte(
        "do any of the ranked schools actually place grads at deloitte")
    assert "$64,887" in deloitte("how long is that program and whats it cost")
