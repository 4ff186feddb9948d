"""Report parser: blocks of a document -> a typed :class:`~loaders.model.Report`.

Short Quality Screening (SQS) reports are read by their known layout. A report of any other
layout goes through the same section walk with generic rules (headings, numbered paragraphs,
bulleted lists, any copy list) and carries warnings that say what was not recognised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import dates
from loaders.model import Block, Document, Holder, LoadError, Measurement, Report, Span, Statement
from loaders.tagging import Gazetteer, gazetteer
from ontology import ID

HMIP = ID + "org/hmi-probation"
_TITLE = re.compile(r"Report of (?:an? )?(.+?)\s+of youth (?:offending|justice) work in\s+(.+?)\s*$", re.IGNORECASE)
_GENERIC_TITLE_AREA = re.compile(r"\bin\s+([A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|upon\s+)?[A-Z][\w'’-]*)*)\s*$")
_YOS = re.compile(r"\b((?:[A-Z][\w'’&-]*\s+){1,5}Youth Offending (?:Service|Team))")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(?=\S)")
_THEME_HEADING = re.compile(r"^(\d+)\.?\s+(.+)$")
_HEADER_KEY = re.compile(r"^(To|From|Copy to|Publication date|Date|Author)\s*:?\s*$", re.IGNORECASE)
_HONORIFIC = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Cllr|Councillor|Prof|Professor|Sir|Dame|Rev|Revd|Lord|Lady|Baroness|Baron)\.?\s+)+",
    re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_ROLE_HEAD = re.compile(r"\s+and\s+(?=(?:Director|Chair|Head|Chief|Manager|Lead|Assistant|Deputy|Member|Executive)\b)")
_COPY_LIST = re.compile(r"(copy to|copy list|distribution( list)?):?", re.IGNORECASE)
_CASES = re.compile(r"\bexamined\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+cases\b", re.IGNORECASE)
_RATE = re.compile(r"reoffending rate\b[^.%]*?\bwas\s+(\d+(?:\.\d+)?)\s*%", re.IGNORECASE)
_COMPARATOR = re.compile(r"((?:the\s+)?(?:England and Wales|national|regional|YOT family|Wales|England)\s+average)"
                         r"(?:\s+of)?\s+(\d+(?:\.\d+)?)\s*%", re.IGNORECASE)
_COHORT = re.compile(r"for the\s+(.+?)\s+cohort", re.IGNORECASE)
_PUBLISHED = re.compile(r"published\s+(?:in\s+)?(" + dates.MONTH_YEAR.pattern[2:-2] + r")", re.IGNORECASE)
_SOURCE = re.compile(r"Source:\s*(.+?)\s*\.?$")
_PREVIOUS = re.compile(r"since (?:the|our) (?:last|previous) (?:SQS|inspection|screening)(?:\s+in)?\s+([A-Z][a-z]+\s+\d{4})")  # noqa: E501
_LEAD = re.compile(r"lead inspector,?\s+(?:who\s+)?(?:was|is)\s+((?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]+)")  # noqa: E501
_WORD_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}  # noqa: E501
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50})

SECTION_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^summary\b", re.I), "finding"),
    (re.compile(r"^operational management\b", re.I), "finding"),
    (re.compile(r"^(key )?strengths?\b", re.I), "strength"),
    (re.compile(r"^(areas? (requiring|for|needing) improvement|recommendations?)\b", re.I), "recommendation"),
    (re.compile(r"^(context|introduction|background|contents|notes?)\b", re.I), "skip"),
    (re.compile(r"^commentary\b", re.I), "container"),
]


def clean_name(name: str) -> str:
    """A person's name without honorifics or stray punctuation."""
    return _HONORIFIC.sub("", " ".join(name.split()).strip(" .,;")).strip()


def split_names(text: str) -> list[str]:
    return [n for n in (clean_name(part) for part in _NAME_SPLIT.split(text)) if n]


@dataclass
class _Section:
    heading: str
    kind: str  # finding, strength, recommendation, skip, container, unknown
    theme: str | None = None
    number: str | None = None


@dataclass
class _Walk:
    """What the section walk collects before it becomes a report."""

    header: dict[str, Block] = field(default_factory=dict)
    title: str | None = None
    sections_seen: list[str] = field(default_factory=list)
    unknown_sections: list[str] = field(default_factory=list)
    statements: list[tuple[str, Span, str, str | None, str | None]] = field(default_factory=list)
    copy_rows: list[Block] = field(default_factory=list)
    paragraphs: list[Block] = field(default_factory=list)


def parse(document: Document, gaz: Gazetteer | None = None) -> Report:
    """Parse a document into a report; raise LoadError when nothing report-like is found."""
    gaz = gaz or gazetteer()
    walk = _walk(document, gaz)
    text = document.text
    sqs = _TITLE.search(walk.title or "")
    warnings: list[str] = []
    if sqs:
        inspection_type = re.sub(r"\s*\([^)]*\)\s*$", "", sqs.group(1)).strip()
        area = sqs.group(2).strip().rstrip(".:")
        parser_name = "sqs"
    else:
        parser_name = "generic"
        inspection_type = "Inspection"
        warnings.append("layout not recognised as a Short Quality Screening report: read with the generic parser")
        yos = _YOS.search(text)
        title_area = _GENERIC_TITLE_AREA.search(walk.title or "")
        area = (title_area.group(1) if title_area else
                re.sub(r"\s+Youth Offending (Service|Team)$", "", yos.group(1)).strip() if yos else "")
        if walk.unknown_sections:
            warnings.append("sections read as plain findings: " + "; ".join(walk.unknown_sections[:10]))
    if not area:
        raise LoadError("no recognisable report structure (no title naming an area, no Youth Offending Service)")
    if not walk.statements:
        raise LoadError("no findings, strengths or recommendations found")
    yos_match = _YOS.search(text)
    yos_name = yos_match.group(1).strip() if yos_match and area.lower() in yos_match.group(1).lower() \
        else f"{area} Youth Offending Service"
    report = Report(document=document, parser=parser_name, title=walk.title or f"Inspection of {area}",
                    area=area, inspection_type=inspection_type, yos_name=yos_name, warnings=warnings)
    _header(report, walk, gaz)
    _facts(report, walk, text, gaz)
    for kind, span, section, number, theme in walk.statements:
        statement = Statement(kind, span, section, number, theme)  # type: ignore[arg-type]
        statement.polarity, statement.tags, orgs = gaz.tag(span, kind, area, yos_name)
        for org in orgs:
            report.organisations.setdefault(org.iri, org)
        if kind == "recommendation":
            statement.addressed_to = _addressed_to(span, area, yos_name, gaz)
        report.statements.append(statement)
    _copy_list(report, walk, gaz)
    yos_org = gaz.local_org(ID + "agency-type/youth-offending-service", area, yos_name)
    report.organisations.setdefault(yos_org.iri, yos_org)
    if report.publisher:
        report.organisations.setdefault(report.publisher, gaz.national[report.publisher])
    missing_facts = (("publication date", report.issued is None), ("fieldwork dates", report.fieldwork_start is None),
                     ("copy list", not report.copy_list))
    for name, missing in missing_facts:
        if missing:
            report.warnings.append(f"no {name} found")
    return report


def _walk(document: Document, gaz: Gazetteer) -> _Walk:
    walk = _Walk()
    section = _Section("", "unknown")
    in_copy_list = False
    themes_by_number: dict[str, str] = {}
    for block in document.blocks:
        if block.kind == "row":
            key = _HEADER_KEY.match(block.cells[0]) if block.cells else None
            if key and len(block.cells) >= 2 and block.cells[1]:
                walk.header.setdefault(key.group(1).lower(), block)
                continue
            if key and key.group(1).lower() == "copy to":
                in_copy_list = True
                continue
            if in_copy_list and len(block.cells) >= 2:
                walk.copy_rows.append(block)
            continue
        if block.kind in ("para", "heading") and _COPY_LIST.fullmatch(block.text.strip("* ")):
            in_copy_list = True
            continue
        in_copy_list = False
        if block.kind == "heading":
            heading = block.text.strip().strip("*").strip().rstrip(":").strip()
            if walk.title is None and (_TITLE.search(heading) or block.level <= 1):
                walk.title = heading
                continue
            section = _classify(heading, gaz, themes_by_number)
            walk.sections_seen.append(heading)
            if section.kind == "unknown" and heading not in walk.unknown_sections:
                walk.unknown_sections.append(heading)
            continue
        walk.paragraphs.append(block)
        numbered = _NUMBERED.match(block.text)
        if numbered:
            number = numbered.group(1)
            theme = themes_by_number.get(number.split(".")[0], section.theme)
            span = Span(block.text[numbered.end():], block.start + numbered.end(), block.end)
            walk.statements.append(("finding", span, section.heading, number, theme))
            continue
        span = Span(block.text, block.start, block.end)
        if section.kind == "finding" or (section.kind == "unknown" and section.heading):
            if not _is_footnote(block.text):
                walk.statements.append(("finding", span, section.heading, None, section.theme))
        elif section.kind in ("strength", "recommendation") and block.kind == "item":
            walk.statements.append((section.kind, span, section.heading, None, None))
    if walk.title is None:
        first = next((b for b in document.blocks if b.kind in ("heading", "para")), None)
        walk.title = first.text[:200] if first else None
    return walk


def _classify(heading: str, gaz: Gazetteer, themes_by_number: dict[str, str]) -> _Section:
    numbered = _THEME_HEADING.match(heading)
    theme = gaz.theme_for(numbered.group(2) if numbered else heading)
    if theme:
        if numbered:
            themes_by_number[numbered.group(1)] = theme
        return _Section(heading, "finding", theme, numbered.group(1) if numbered else None)
    for pattern, kind in SECTION_KINDS:
        if pattern.search(heading):
            return _Section(heading, kind)
    return _Section(heading, "unknown")


def _is_footnote(text: str) -> bool:
    return "Source:" in text and "cohort" in text.lower()


def _header(report: Report, walk: _Walk, gaz: Gazetteer) -> None:
    if "publication date" in walk.header:
        report.issued = dates.parse_date(walk.header["publication date"].cells[1])
    elif "date" in walk.header:
        report.issued = dates.parse_date(walk.header["date"].cells[1])
    if "to" in walk.header:
        report.addressee = _holder_line(walk.header["to"], report, gaz)
    author = walk.header.get("from") or walk.header.get("author")
    if author:
        report.author = _holder_line(author, report, gaz)
        if report.author.org is None:
            report.author.org = HMIP


def _holder_line(block: Block, report: Report, gaz: Gazetteer) -> Holder:
    """ "Name, Role and Role" from a To:/From: line (the roles share one holder)."""
    value = block.cells[1]
    start = block.start + block.text.index(value)
    name, _, roles = value.partition(",")
    first, *others = _ROLE_HEAD.split(roles.strip() or "Addressee")  # "Chair of X and Director of Y"
    return Holder(role=first, names=[clean_name(name)], org=_org_of_role(first, report, gaz),
                  span=Span(value, start, start + len(value)),
                  other_roles=[(role, _org_of_role(role, report, gaz)) for role in others])


def _org_of_role(role: str, report: Report, gaz: Gazetteer) -> str | None:
    found = gaz.find_organisations(role, report.area, report.yos_name)
    if not found:
        return None
    org = found[0][0]
    report.organisations.setdefault(org.iri, org)
    return org.iri


def _facts(report: Report, walk: _Walk, text: str, gaz: Gazetteer) -> None:
    fieldwork = next((r for p in walk.paragraphs if "conducted" in p.text or "fieldwork" in p.text.lower()
                      for r in [dates.parse_range(p.text)] if r), None) or dates.parse_range(text)
    if fieldwork:
        report.fieldwork_start, report.fieldwork_end = fieldwork
    if report.issued is None:
        report.issued = dates.parse_date(text[:2000])
    cases = _CASES.search(text)
    if cases:
        word = cases.group(1).lower()
        report.cases_examined = int(word) if word.isdigit() else _WORD_NUMBERS.get(word)
    previous = _PREVIOUS.search(text)
    if previous:
        report.previous_inspection = dates.parse_month_year(previous.group(1))
    if "hmi probation" in text.lower() or "inspectorate of probation" in text.lower() or report.parser == "sqs":
        report.publisher = HMIP
    lead = _LEAD.search(text)
    if lead:
        report.lead_inspector = clean_name(lead.group(1))
    rate_para = next((p for p in walk.paragraphs if _RATE.search(p.text)), None)
    if rate_para:
        rate = float(_RATE.search(rate_para.text).group(1))  # type: ignore[union-attr]
        measurement = Measurement(rate, f"Reoffending rate, {report.area}")
        comparator = _COMPARATOR.search(rate_para.text)
        if comparator:
            label = re.sub(r"^the\s+", "", comparator.group(1), flags=re.I)
            measurement.comparator = Measurement(float(comparator.group(2)), label[0].upper() + label[1:])
        footnote = next((p for p in walk.paragraphs if _is_footnote(p.text)), None)
        if footnote:
            cohort = _COHORT.search(footnote.text)
            published = _PUBLISHED.search(footnote.text)
            source = _SOURCE.search(footnote.text)
            measurement.cohort = cohort.group(1) if cohort else None
            measurement.published = published.group(1) if published else None
            if source:
                orgs = gaz.find_organisations(source.group(1), report.area, report.yos_name)
                if orgs:
                    measurement.source_org = orgs[0][0].iri
                    report.organisations.setdefault(orgs[0][0].iri, orgs[0][0])
        report.reoffending = measurement


def _copy_list(report: Report, walk: _Walk, gaz: Gazetteer) -> None:
    for row in walk.copy_rows:
        role, names = row.cells[0], " ".join(row.cells[1:])
        holder = Holder(role=role, names=split_names(names), org=_org_of_role(role, report, gaz),
                        span=Span(row.text, row.start, row.end))
        report.copy_list.append(holder)


def _addressed_to(span: Span, area: str, yos_name: str | None, gaz: Gazetteer) -> list[str]:
    """Organisations a recommendation names as its subject ("The YOS Management Board should ...")."""
    match = re.match(r"^(?:The\s+|All\s+)?(.{2,80}?)\s+(?:should|must|needs? to|is to|are to)\b", span.text)
    if not match:
        return []
    return [org.iri for org, *_ in gaz.find_organisations(match.group(1), area, yos_name)]
