"""Sort keys, filters, ties and unknowns of knowledge.deciding.ranking, against the real store."""
import pytest

from knowledge.deciding.ranking import Criteria, rank, value_of
from tests import source_document

ROWS = source_document.top50_rows()


def names(ranking):
    return [s.name for s in ranking.listed]


def test_default_order_is_the_sources_rank():
    assert names(rank()) == [row.name for row in ROWS]


def test_cheapest_first_breaks_ties_by_rank():
    ranking = rank(Criteria(sort_by="tuition_low"))
    tuition = [s.tuition_per_year for s in ranking.schools]
    assert tuition == sorted(tuition) and ranking.schools[0].short_name == "UCF"
    # UC Irvine (#9) and UC Santa Cruz (#17) both charge $11,834: the better rank comes first.
    tied = [s.rank for s in ranking.schools if s.tuition_per_year == 11834]
    assert tied == [9, 17]


def test_most_expensive_first():
    ranking = rank(Criteria(sort_by="tuition_high"))
    assert ranking.schools[0].tuition_per_year == max(row.tuition for row in ROWS) == 66640


def test_score_ties_keep_the_source_rank():
    ranked = [s.rank for s in rank(Criteria()).schools if s.score == 65.4]
    assert ranked == [10, 11]  # Northeastern and Brandeis share 65.4


def test_graduation_rate_unknowns_are_listed_last_not_as_zero():
    ranking = rank(Criteria(sort_by="grad_rate"))
    unknown = {row.name for row in ROWS if row.graduation_rate is None}
    assert {s.name for s in ranking.unranked} == unknown and len(unknown) == 4
    rates = [s.graduation_rate for s in ranking.schools]
    assert None not in rates and rates == sorted(rates, reverse=True)
    assert rates[0] == 100 and ranking.schools[0].short_name == "Penn"  # the supported 100%


def test_minimum_graduation_rate_leaves_unknowns_out_and_says_so():
    ranking = rank(Criteria(min_grad_rate=95))
    assert all(s.graduation_rate >= 95 for s in ranking.schools)
    assert {s.short_name for s in ranking.left_out} == {"NYU", "Northeastern", "JHU", "BU"}
    expected = {row.name for row in ROWS if row.graduation_rate and row.graduation_rate >= 95}
    assert set(names(ranking)) == expected


def test_value_is_score_per_10k_of_tuition():
    ranking = rank(Criteria(sort_by="value"))
    values = [value_of(s) for s in ranking.schools]
    assert values == sorted(values, reverse=True)
    best = ranking.schools[0]
    assert best.short_name == "UCF" and round(value_of(best), 1) == round(61.4 / 0.4478, 1)


@pytest.mark.parametrize("criteria, expected", [
    (Criteria(state="CA"), {r.name for r in ROWS if r.state == "CA"}),
    (Criteria(city="Boston"), {"Northeastern University", "Boston University"}),
    (Criteria(control="public"), {r.name for r in ROWS if r.control == "public"}),
    (Criteria(max_tuition=20000), {r.name for r in ROWS if r.tuition <= 20000}),
    (Criteria(state="CA", control="public", max_tuition=11834),
     {"University of California-Irvine", "University of California-Santa Cruz",
      "San Jose State University"}),
    (Criteria(state="MA", control="public"), set()),
])
def test_filters_combine(criteria, expected):
    assert set(names(rank(criteria))) == expected


def test_max_tuition_is_inclusive():
    assert "University of Washington-Seattle Campus" in names(rank(Criteria(max_tuition=11524)))


def test_top_n_limits_the_list():
    ranking = rank(Criteria(sort_by="grad_rate", limit=3))
    assert len(ranking.listed) == 3 and not ranking.unranked


def test_refined_replaces_city_with_state_and_keeps_the_rest():
    base = Criteria(sort_by="tuition_low", city="Boston", control="private")
    refined = base.refined(state="NY")
    assert (refined.state, refined.city, refined.control, refined.sort_by) == \
        ("NY", None, "private", "tuition_low")
    assert Criteria.from_dict(refined.to_dict()) == refined


def test_bad_criteria_are_refused():
    with pytest.raises(ValueError):
        Criteria(sort_by="vibes")
    with pytest.raises(ValueError):
        Criteria(control="charter")
