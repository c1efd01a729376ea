"""`handoutgen lint`: reading level, long sentences, small text, contrast, alt text, structure.

Each finding has a place in a file and a suggestion. Readability is a guide, not a verdict:
grade 8 or lower (Flesch-Kincaid for English, Fernández-Huerta for Spanish) passes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import Where
from ..model.handout import Handout, Image
from ..model.layout import Layout
from ..model.types import Located, Text
from ..text.colors import contrast, text_pairs
from ..text.printed import plain

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 25
MIN_BODY_PT = 12.0
MIN_CONTRAST = 4.5
REVIEW_YEARS = 3
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
IMPERATIVES = {
    "en": {
        "do",
        "use",
        "try",
        "avoid",
        "stop",
        "start",
        "keep",
        "take",
        "put",
        "add",
        "rest",
        "call",
        "see",
        "stand",
        "lie",
        "hold",
        "stretch",
        "walk",
        "drink",
        "apply",
        "make",
        "get",
        "ask",
        "sit",
        "lift",
    },
    "es": {
        "haz",
        "usa",
        "intenta",
        "evita",
        "para",
        "empieza",
        "mantén",
        "toma",
        "pon",
        "añade",
        "descansa",
        "llama",
        "ponte",
        "túmbate",
        "sujeta",
        "estira",
        "camina",
        "bebe",
        "aplica",
        "pide",
        "siéntate",
    },
}


@dataclass(frozen=True)
class Finding:
    where: Where | None
    code: str
    message: str
    suggestion: str

    def format(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.code}: {self.message}\n  suggestion: {self.suggestion}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["where"] = str(self.where) if self.where else None
        return data


def syllables(word: str, language: str) -> int:
    word = word.lower()
    if language == "es":
        # Vowel groups; two strong vowels side by side, or an accented í or ú, split a group in two.
        strong, accented_weak = "aeoáéó", "íú"
        count = 0
        for group in re.findall(r"[aeiouáéíóúü]+", word):
            count += 1 + sum(
                1
                for a, b in itertools.pairwise(group)
                if (a in strong and b in strong) or a in accented_weak or b in accented_weak
            )
        return max(1, count)
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word) if len(word) > 3 else word
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def grade(text: str, language: str) -> tuple[float, str] | None:
    """A school grade for `text` and how it was reached; None for too little text to judge."""
    words = _WORD.findall(text)
    if len(words) < 30:
        return None
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    syllable_count = sum(syllables(w, language) for w in words)
    if language == "es":
        ease = 206.84 - 0.60 * (100 * syllable_count / len(words)) - 1.02 * (100 * sentences / len(words))
        # Fernández-Huerta bands: 90+ grade 4, 80 grade 5, 70 grade 6, 60 grade 8, 50 grade 10, 30 grade 13.
        school = 4 + max(0.0, 90 - ease) / 10 * 1.5 if ease < 90 else 4.0
        return school, f"Fernández-Huerta ease {ease:.0f}"
    school = 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59
    return school, "Flesch-Kincaid"


def lint_handout(handout: Handout, layout: Layout | None = None) -> list[Finding]:
    language = str(handout.language)
    findings: list[Finding] = []
    if not handout.summary:
        findings.append(
            Finding(
                handout.where,
                "no-summary",
                "the handout has no `summary` (key points)",
                "add 2 to 4 key messages: many readers read only the top of the page",
            )
        )
    findings += _review_findings(handout, dt.date.today())
    for section in handout.sections:
        texts = _texts(section)
        whole = " ".join(plain(t) for t in texts)
        judged = grade(whole, language)
        if judged and judged[0] > MAX_GRADE:
            findings.append(
                Finding(
                    section.title.where,
                    "reading-grade",
                    f'section "{plain(section.title)}" reads at about grade {judged[0]:.0f} '
                    f"({judged[1]}); aim for 8 or lower",
                    'use shorter sentences and everyday words ("doctor" not "physician")',
                )
            )
        for text in texts:
            findings.extend(_long_sentences(text))
        for block in section.blocks:
            findings.extend(_block_findings(block, language))
    if layout is not None:
        findings.extend(lint_layout(layout))
    return findings


def _review_findings(handout: Handout, today: dt.date) -> list[Finding]:
    """A handout that says no review date, or one more than three years before `today`."""
    if handout.reviewed is None:
        return [
            Finding(
                handout.where,
                "review-date",
                "the handout has no `reviewed` date",
                "once a clinician has checked it, add `reviewed: YYYY-MM-DD`; the footer then says when",
            )
        ]
    try:
        due = handout.reviewed.replace(year=handout.reviewed.year + REVIEW_YEARS)
    except ValueError:  # 29 February
        due = handout.reviewed.replace(year=handout.reviewed.year + REVIEW_YEARS, day=28)
    if due >= today:
        return []
    from ..model.read import position

    return [
        Finding(
            position(handout, "reviewed") or handout.where,
            "review-date",
            f"the handout was last reviewed on {handout.reviewed.isoformat()}, more than {REVIEW_YEARS} years ago",
            "have a clinician check it against current advice, then update `reviewed`",
        )
    ]


def lint_layout(layout: Layout) -> list[Finding]:
    findings: list[Finding] = []
    where = layout.text.where or layout.where
    if layout.cards is None and layout.text.size < MIN_BODY_PT:
        findings.append(
            Finding(
                where,
                "small-text",
                f"body text is {layout.text.size:g} pt",
                "use 12 pt or more for handouts (18 pt for large print)",
            )
        )
    findings += _contrast_findings(layout)
    return findings


def _contrast_findings(layout: Layout) -> list[Finding]:
    """One finding per colour too faint for text on any background it is printed on."""
    faint: dict[tuple[str, str], list[str]] = {}
    for name, fore, back, background in text_pairs(layout.colors):
        ratio = contrast(fore, back)
        if ratio < MIN_CONTRAST:
            faint.setdefault((name, fore), []).append(f"{ratio:.1f}:1 on {background}")
    return [
        Finding(
            layout.where,
            "contrast",
            f"`{name}` colour {fore} is too faint for text: " + ", ".join(where) + "; WCAG AA asks 4.5:1",
            "darken the colour",
        )
        for (name, fore), where in faint.items()
    ]


def lint_program(content: Any, layout: Layout) -> list[Finding]:
    program = content.program
    findings: list[Finding] = []
    limit = layout.max_exercises
    for given, where in [(phase.exercises, phase.where) for phase in program.phases] or [
        (program.exercises, program.where)
    ]:
        if len(given) > limit:
            findings.append(
                Finding(
                    where,
                    "too-many-exercises",
                    f"{len(given)} exercises; this layout recommends at most {limit}",
                    "patients do more of a short programme: keep the most important ones",
                )
            )
    for resolved in content.exercises:
        findings.extend(_alt_findings(resolved.exercise.images.start, resolved.exercise.images.end))
    return findings


def _texts(section: Any) -> list[Text]:
    return [t for t in _model_texts(section.blocks) if isinstance(t, Text)]


def _model_texts(obj: Any) -> list[Located]:
    """The user strings of a part of the model that are printed (not alt text, ids or paths)."""
    import dataclasses

    if isinstance(obj, Located):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [t for item in obj for t in _model_texts(item)]
    if dataclasses.is_dataclass(obj):
        return [
            t
            for f in dataclasses.fields(obj)
            if f.metadata.get("printed", True)
            for t in _model_texts(getattr(obj, f.name))
        ]
    return []


def _long_sentences(text: Text) -> list[Finding]:
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", plain(text)):
        count = len(_WORD.findall(sentence))
        if count > MAX_SENTENCE_WORDS:
            found.append(
                Finding(
                    text.where,
                    "long-sentence",
                    f'a sentence of {count} words: "{sentence[:60]}…"',
                    f"split it: aim for {MAX_SENTENCE_WORDS} words or fewer",
                )
            )
    return found


def _block_findings(block: Any, language: str) -> list[Finding]:
    if isinstance(block.body, Image):
        return _alt_findings(block.body)
    if block.kind == "bullets":
        verbs = IMPERATIVES.get(language, set())
        actions = [t for t in block.body if (_WORD.findall(plain(t)) or [""])[0].lower() in verbs]
        if len(actions) >= 2:
            return [
                Finding(
                    block.where,
                    "actions-as-steps",
                    f"{len(actions)} bullets are actions",
                    "write actions as numbered `steps`, in the order to do them",
                )
            ]
    return []


def origin_findings(exercise: Any) -> list[Finding]:
    """Each picture file of an exercise that does not say whose it is, and each whose licence
    asks for the author to be named but names none. Pictures drawn from poses are ours."""
    from ..resolve.posed import needs_credit

    found = []
    for picture in (exercise.images.start, exercise.images.end):
        if picture is None or picture.path is None:
            continue
        if picture.license is None:
            found.append(
                Finding(
                    picture.path.where,
                    "picture-origin",
                    f"picture `{picture.path}` does not say whose it is",
                    "add `license: own` if the clinic made it, or its licence (like `CC-BY-4.0`) with `author` "
                    "and `source`; or draw it with `pose:`",
                )
            )
        elif needs_credit(picture.license) and picture.author is None:
            found.append(
                Finding(
                    picture.license.where,
                    "picture-origin",
                    f"`{picture.license}` asks for the author to be named, and this picture names none",
                    "add `author:` (and `source:`), printed under the picture",
                )
            )
    return found


def _alt_findings(*pictures: Any) -> list[Finding]:
    found = []
    for picture in pictures:
        if picture is None:
            continue
        alt = str(picture.alt).strip()
        if len(alt) < 8 or alt.lower() in (str(picture.path).lower(), "image", "picture", "photo"):
            found.append(
                Finding(
                    picture.alt.where,
                    "alt-text",
                    f'alt text "{alt}" says little',
                    "describe what the picture shows, in a sentence",
                )
            )
    return found
