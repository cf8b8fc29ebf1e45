"""Sort keys, filters, ties and unknowns of knowledge.deciding.ranking, against the real store."""
import pytest

from knowledge.deciding.ranking import rank, value_of
from knowledge.question import Criteria, CriteriaChange, Relative
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
    (Criteria(states=("CA",)), {r.name for r in ROWS if r.state == "CA"}),
    (Criteria(cities=("Boston",)), {"Northeastern University", "Boston University"}),
    (Criteria(control="public"), {r.name for r in ROWS if r.control == "public"}),
    (Criteria(max_tuition=20000), {r.name for r in ROWS if r.tuition <= 20000}),
    (Criteria(states=("CA",), control="public", max_tuition=11834),
     {"University of California-Irvine", "University of California-Santa Cruz",
      "San Jose State University"}),
    (Criteria(states=("MA",), control="public"), set()),
    (Criteria(states=("GA", "NY")), {r.name for r in ROWS if r.state in ("GA", "NY")}),
    (Criteria(min_tuition=15000, max_tuition=35000),
     {r.name for r in ROWS if 15000 <= r.tuition <= 35000}),
    (Criteria(max_rank=8, control="public"), {"University of Washington-Seattle Campus"}),
    (Criteria(group="University of California"),
     {"University of California-Irvine", "University of California-Santa Cruz"}),
    (Criteria(names=("Emory University", "University of Georgia"), control="public"),
     {"University of Georgia"}),
    (Criteria(control="private",
              relative=(Relative("tuition", "below", "Brandeis University"),)),
     {r.name for r in ROWS if r.control == "private" and r.tuition < 64348}),
])
def test_filters_combine(criteria, expected):
    assert set(names(rank(criteria))) == expected


def test_max_tuition_is_inclusive():
    assert "University of Washington-Seattle Campus" in names(rank(Criteria(max_tuition=11524)))


def test_top_n_limits_the_list():
    ranking = rank(Criteria(sort_by="grad_rate", limit=3))
    assert len(ranking.listed) == 3 and not ranking.unranked


def test_a_change_replaces_the_city_with_a_state_and_keeps_the_rest():
    base = Criteria(sort_by="tuition_low", cities=("Boston",), control="private")
    changed = base.changed(CriteriaChange({"states": ("NY",)}))
    assert (changed.states, changed.cities, changed.control, changed.sort_by) == \
        (("NY",), (), "private", "tuition_low")
    assert Criteria.from_dict(changed.to_dict()) == changed


def test_a_change_can_drop_a_criterion():
    base = Criteria(max_tuition=20000, min_tuition=5000, control="public")
    assert base.changed(CriteriaChange(cleared=("min_tuition", "max_tuition"))) == \
        Criteria(control="public")


def test_a_new_tuition_bound_replaces_a_bound_set_by_another_school():
    cheaper = Criteria(relative=(Relative("tuition", "below", "Emory University"),))
    assert cheaper.changed(CriteriaChange({"max_tuition": 30000})).relative == ()


def test_fewest_graduates_first_and_unknowns_stay_unranked():
    ranking = rank(Criteria(sort_by="grad_rate_low", limit=1))
    assert [s.short_name for s in ranking.schools] == ["UNT"]  # 70%
    assert not ranking.unranked


def test_the_top_one_brings_its_ties():
    ranking = rank(Criteria(sort_by="grad_rate", limit=1))
    assert [s.short_name for s in ranking.schools] == ["Penn", "SJSU"]  # both 100%


def test_relative_graduation_rate_leaves_out_unknowns():
    ranking = rank(Criteria(relative=(Relative("grad_rate", "above", "Emory University"),)))
    assert {s.graduation_rate for s in ranking.schools} <= {98, 99, 100}
    assert {s.short_name for s in ranking.left_out} == {"NYU", "Northeastern", "JHU", "BU"}


def test_online_filter_says_where_the_source_is_silent():
    ranking = rank(Criteria(formats=("online",)))
    assert {s.short_name for s in ranking.schools} == {"Syracuse", "UW", "Penn", "NYU"}
    assert "BU" in {s.short_name for s in ranking.silent}  # no profile: the source is silent
    part_time = {s.short_name for s in rank(Criteria(formats=("part_time",))).schools}
    assert part_time == {"Syracuse", "UW", "Penn", "NYU", "UCI"}  # online counts, per the guide


def test_bad_criteria_are_refused():
    with pytest.raises(ValueError):
        Criteria(sort_by="vibes")
    with pytest.raises(ValueError):
        Criteria(control="charter")
    with pytest.raises(ValueError):
        Criteria(formats=("hovercraft",))
