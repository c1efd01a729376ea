"""Words the tool prints itself, per content language."""

from __future__ import annotations

import datetime as dt

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "page_label": "Page {page} of {pages}",
        "reviewed": "Reviewed {date}",
        "key_points": "Key points",
        "questions": "Questions",
        "info": "Good to know",
        "tip": "Tip",
        "warning": "Important",
        "scan": "Scan or visit",
        "contents": "Contents",
    },
    "es": {
        "page_label": "Página {page} de {pages}",
        "reviewed": "Revisado el {date}",
        "key_points": "Puntos clave",
        "questions": "Preguntas",
        "info": "Conviene saber",
        "tip": "Consejo",
        "warning": "Importante",
        "scan": "Escanea o visita",
        "contents": "Contenido",
    },
}

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

LANGUAGES = tuple(LABELS)


def label(language: str, key: str, **values: object) -> str:
    return LABELS[language][key].format(**values)


def long_date(language: str, date: dt.date) -> str:
    month = _MONTHS[language][date.month - 1]
    if language == "es":
        return f"{date.day} de {month} de {date.year}"
    return f"{date.day} {month} {date.year}"
