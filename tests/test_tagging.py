"""The gazetteer and cue phrases: aliases resolve to one node, local bodies stay in their area."""
from __future__ import annotations

from loaders.model import Span
from loaders.tagging import POLARITY, gazetteer
from ontology import ID


def _orgs(text: str, area: str = "Salford") -> list[str]:
    return [org.iri for org, *_ in gazetteer().find_organisations(text, area)]


def test_aliases_of_a_national_body_are_one_node() -> None:
    yjb = ID + "org/youth-justice-board"
    assert _orgs("The Youth Justice Board funds the work.") == [yjb]
    assert _orgs("The YJB funds the work.") == [yjb]
    # three mentions, one node: the context alias counts once the body has been named
    assert _orgs("The Youth Justice Board (YJB) met; the Board agreed.") == [yjb, yjb, yjb]


def test_context_alias_needs_its_context() -> None:
    assert _orgs("The Board agreed the plan.") == []


def test_local_bodies_are_scoped_to_their_area() -> None:
    salford = _orgs("Communication with children's social care was poor.", "Salford")
    westminster = _orgs("Communication with children's social care was poor.", "Westminster")
    assert salford == [ID + "org/salford/childrens-social-care"]
    assert westminster == [ID + "org/westminster/childrens-social-care"]


def test_a_commissioner_is_scoped_to_the_area_it_is_named_for() -> None:
    assert _orgs("Police and Crime Commissioner for Greater Manchester") == [
        ID + "org/greater-manchester/police-and-crime-commissioner"]
    assert _orgs("Lead Elected Member for Crime") == [ID + "org/salford/local-authority"]


def test_acronyms_match_case_sensitively() -> None:
    assert _orgs("the yos and the nps") == []
    assert _orgs("the YOS and the NPS") == [ID + "org/salford/youth-offending-service", ID + "org/national-probation-service"]


def _tag(text: str, kind: str = "finding"):  # type: ignore[no-untyped-def]
    return gazetteer().tag(Span(text, 100, 100 + len(text)), kind, "Salford", "Salford Youth Offending Service")


def test_gaps_only_where_the_sentence_is_critical() -> None:
    polarity, tags, _ = _tag("Joint working with the police was effective.")
    assert polarity == POLARITY["positive"]
    assert not [t for t in tags if t.kind == "gap"]
    polarity, tags, _ = _tag("Joint working with the police was effective. The police did not share intelligence.")
    assert polarity == POLARITY["mixed"]
    gap = next(t for t in tags if t.kind == "gap")
    assert gap.target == ID + "gap/police-joint-working"
    assert gap.evidence.text == "The police did not share intelligence."
    assert gap.evidence.start == 100 + len("Joint working with the police was effective. ")


def test_recommendations_evidence_gaps_and_strengths_never_do() -> None:
    _, tags, _ = _tag("Access to CAMHS should be improved.", "recommendation")
    assert [t.target for t in tags if t.kind == "gap"] == [ID + "gap/health-camhs-access"]
    polarity, tags, _ = _tag("Access to CAMHS was not a problem, but there were delays elsewhere.", "strength")
    assert polarity == POLARITY["positive"] and not [t for t in tags if t.kind == "gap"]


def test_a_gap_with_co_cues_needs_both() -> None:
    _, tags, _ = _tag("Children's social care did not attend court.")  # no communication cue
    assert not [t for t in tags if t.kind == "gap" and t.target.endswith("social-care-communication")]
    _, tags, _ = _tag("Information sharing with children's social care was not timely.")
    assert [t.target for t in tags if t.kind == "gap"] == [ID + "gap/social-care-communication"]
