"""Tagging: which organisations a statement mentions, which gaps it evidences, its polarity.

Everything the tagger matches comes from the ontology folder (the agency gazetteer and the
cue phrases of the SKOS vocabularies): edit the Turtle files to change what it finds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from loaders.model import Organisation, Span, Tag
from ontology import FILES, ID, NS, slug

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_ORG = "http://www.w3.org/ns/org#Organization"
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)]*(?=\s+[A-Z0-9\"'‘“(])")
POLARITY = {name: ID + "polarity/" + name for name in ("positive", "negative", "mixed", "neutral")}
YOS_TYPE = ID + "agency-type/youth-offending-service"


@dataclass(frozen=True)
class _Alias:
    target: str  # organisation IRI, or agency type IRI for local types
    local: bool
    context_only: bool = False


@dataclass(frozen=True)
class _Gap:
    iri: str
    cues: re.Pattern[str]
    co_cues: re.Pattern[str] | None


def _cue_pattern(cues: list[str], whole_word: bool = False) -> re.Pattern[str]:
    """Case-insensitive alternation matched from a word start, longest first."""
    ordered = sorted({c.lower() for c in cues}, key=len, reverse=True)
    tail = r"(?!\w)" if whole_word else ""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in ordered) + ")" + tail, re.IGNORECASE)


def _is_acronym(alias: str) -> bool:
    return sum(c.isupper() for c in alias) >= 2 and " " not in alias


def _fold(text: str) -> str:
    """Same-length text with curly apostrophes made straight, for matching."""
    return text.replace("’", "'").replace("‘", "'")


class Gazetteer:
    """The vocabularies' cues compiled for matching; build once with :func:`gazetteer`."""

    def __init__(self) -> None:
        quads = [q for path in FILES.values() for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        by_subject: dict[str, dict[str, list[str]]] = {}
        for q in quads:
            props = by_subject.setdefault(q.subject.value, {})
            props.setdefault(q.predicate.value, []).append(q.object.value)
        self.labels: dict[str, str] = {}
        self.national: dict[str, Organisation] = {}
        self.local_types: dict[str, tuple[str, str]] = {}  # type IRI -> (label pattern, slug)
        aliases: dict[str, _Alias] = {}
        gaps: list[_Gap] = []
        polarity_cues: dict[str, list[str]] = {}
        for subject, props in by_subject.items():
            label = (props.get(_SKOS + "prefLabel") or [None])[0]
            if label:
                self.labels[subject] = label
            types = props.get(_RDF_TYPE, [])
            if _ORG in types:
                self.national[subject] = Organisation(
                    subject, label or subject, tuple(t for t in types), (props.get(NS + "agencyType") or [None])[0],
                    tuple(props.get(_SKOS + "altLabel", [])))
                for alias in props.get(_SKOS + "altLabel", []) + ([label] if label else []):
                    aliases[alias if _is_acronym(alias) else alias.lower()] = _Alias(subject, False)
                for alias in props.get(NS + "contextAlias", []):
                    aliases[alias.lower()] = _Alias(subject, False, True)
            elif subject.startswith(ID + "agency-type/"):
                if props.get(NS + "scope") == ["local"]:
                    self.local_types[subject] = (props[NS + "localLabel"][0], subject.rsplit("/", 1)[1])
                    for cue in props.get(NS + "cue", []):
                        aliases[cue if _is_acronym(cue) else cue.lower()] = _Alias(subject, True)
            elif subject.startswith(ID + "gap/"):
                co = props.get(NS + "coCue")
                gaps.append(_Gap(subject, _cue_pattern(props[NS + "cue"]), _cue_pattern(co) if co else None))
            elif subject.startswith(ID + "polarity/") and NS + "cue" in props:
                polarity_cues[subject] = props[NS + "cue"]
        self.themes = {s: p for s, p in by_subject.items() if s.startswith(ID + "theme/")}
        self.gaps = sorted(gaps, key=lambda g: g.iri)
        self._aliases = aliases
        exact = [a for a in aliases if a != a.lower() or _is_acronym(a)]
        folded = [a for a in aliases if a not in exact]
        alternation = "|".join(re.escape(a) for a in sorted(exact, key=len, reverse=True))
        self._exact = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")
        self._folded = _cue_pattern(folded, whole_word=True)
        self._negative = _cue_pattern(polarity_cues[POLARITY["negative"]])
        self._positive = _cue_pattern(polarity_cues[POLARITY["positive"]])

    # ------------------------------------------------------------ organisations

    def local_org(self, type_iri: str, area: str, yos_name: str | None = None) -> Organisation:
        """The organisation of a local agency type in one area."""
        pattern, type_slug = self.local_types[type_iri]
        label = yos_name if type_iri == YOS_TYPE and yos_name else pattern.replace("{area}", area)
        classes = (_ORG, NS + ("YouthOffendingService" if type_iri == YOS_TYPE else "LocalPartner"))
        return Organisation(f"{ID}org/{slug(area)}/{type_slug}", label, classes, type_iri)

    def find_organisations(self, text: str, area: str, yos_name: str | None = None,
                           offset: int = 0) -> list[tuple[Organisation, str, int, int]]:
        """Organisations named in ``text``: (organisation, words matched, start, end), in text order.

        Overlapping matches keep the leftmost, then longest. A context alias counts only after
        another alias of the same organisation in the same text.
        """
        folded = _fold(text)
        found = [(m.start(), m.end(), m.group(0)) for m in self._exact.finditer(folded)]
        found += [(m.start(), m.end(), m.group(0)) for m in self._folded.finditer(folded)]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result: list[tuple[Organisation, str, int, int]] = []
        seen: set[str] = set()
        last_end = -1
        for start, end, words in found:
            if start < last_end:
                continue
            alias = self._aliases.get(words) or self._aliases.get(words.lower())
            if alias is None:
                continue
            if alias.local:
                # "Police and Crime Commissioner for Greater Manchester": a body named for its own area
                place = _place_after(text, end) if "for {area}" in self.local_types[alias.target][0] else None
                org = self.local_org(alias.target, place or area, yos_name)
            else:
                if alias.context_only and alias.target not in seen:
                    continue
                org = self.national[alias.target]
            seen.add(org.iri)
            last_end = end
            result.append((org, text[start:end], offset + start, offset + end))
        return result

    # ------------------------------------------------------------ statements

    def tag(self, span: Span, kind: str, area: str, yos_name: str | None,
            ) -> tuple[str, list[Tag], list[Organisation]]:
        """Polarity, tags and mentioned organisations of one statement."""
        tags: list[Tag] = []
        orgs: dict[str, Organisation] = {}
        negative_sentences = positive_sentences = 0
        for sentence in sentences(span):
            folded = _fold(sentence.text)
            negative = bool(self._negative.search(folded))
            positive = not negative and bool(self._positive.search(folded))
            negative_sentences += negative
            positive_sentences += positive
            for org, words, _, _ in self.find_organisations(sentence.text, area, yos_name, sentence.start):
                if org.iri not in orgs:
                    orgs[org.iri] = org
                    tags.append(Tag("mention", org.iri, words, sentence))
            if kind == "strength" or not (negative or kind == "recommendation"):
                continue
            for gap in self.gaps:
                cue = gap.cues.search(folded)
                if (cue and (gap.co_cues is None or gap.co_cues.search(folded))
                        and not any(t.kind == "gap" and t.target == gap.iri for t in tags)):
                    tags.append(Tag("gap", gap.iri, sentence.text[cue.start():cue.end()], sentence))
        if kind == "strength":
            polarity = "positive"
        elif kind == "recommendation":
            polarity = "negative"
        elif negative_sentences and positive_sentences:
            polarity = "mixed"
        else:
            polarity = "negative" if negative_sentences else "positive" if positive_sentences else "neutral"
        return POLARITY[polarity], tags, list(orgs.values())

    def theme_for(self, heading: str) -> str | None:
        """The theme concept a section heading names, if any."""
        folded = _fold(heading).lower()
        for iri, props in self.themes.items():
            names = [props[_SKOS + "prefLabel"][0].lower()] + [c.lower() for c in props.get(NS + "cue", [])]
            if any(name in folded for name in names):
                return iri
        return None


def sentences(span: Span) -> list[Span]:
    """Split a passage into sentences, keeping offsets.

    A sentence ends at . ! or ? followed by white space and a capital, digit or opening quote,
    so "35.6%", "e.g. the" and "window.name" stay inside their sentence.
    """
    result = []
    start = 0
    text = span.text
    for boundary in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        piece = text[start:boundary]
        stripped = piece.strip()
        if stripped:
            offset = span.start + start + (len(piece) - len(piece.lstrip()))
            result.append(Span(stripped, offset, offset + len(stripped)))
        start = boundary
    return result


def _place_after(text: str, end: int) -> str | None:
    """The place in "... for Greater Manchester" right after a matched local agency name."""
    match = re.match(r"\s+for\s+((?:[A-Z][\w'’-]*)(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)", text[end:])
    return match.group(1) if match else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
