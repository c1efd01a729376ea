"""Words the tool prints itself, per content language."""

from __future__ import annotations

import datetime as dt

from ..model.types import LANGUAGES

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
        "steps": "How to do it",
        "tips": "Tips",
        "avoid": "Avoid",
        "caution": "Take care",
        "start": "Start",
        "end": "End",
        "works": "Works",
        "you_need": "You need",
        "video": "Watch how to do it",
        "stretch": "Stretch",
        "strength": "Strength",
        "mobility": "Mobility",
        "release": "Release",
        "lying": "lying",
        "sitting": "sitting",
        "kneeling": "kneeling",
        "standing": "standing",
        "patient": "Patient",
        "clinician": "Clinician",
        "clinic": "Clinic",
        "date": "Date",
        "review_date": "Next review",
        "goals": "Your goals",
        "your_exercises": "Your exercises",
        "note": "Note",
        "continued": "continued",
        "log": "Your exercise log",
        "log_hint": "Tick a box each day you do the exercise.",
        "tracker": "Track your recovery",
        "tracker_hint": "Tick a box on each day you did it.",
        "checklist_hint": "Tick each one when it is done.",
        "week": "Week {n}",
        "days": "Mon Tue Wed Thu Fri Sat Sun",
        "program": "Home exercise programme",
        "fold": "Fold here",
        "logo": "{name} logo",
        "logo_alone": "Logo",
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
        "steps": "Cómo hacerlo",
        "tips": "Consejos",
        "avoid": "Evita",
        "caution": "Precaución",
        "start": "Inicio",
        "end": "Final",
        "works": "Trabaja",
        "you_need": "Necesitas",
        "video": "Mira cómo se hace",
        "stretch": "Estiramiento",
        "strength": "Fuerza",
        "mobility": "Movilidad",
        "release": "Liberación",
        "lying": "tumbado",
        "sitting": "sentado",
        "kneeling": "de rodillas",
        "standing": "de pie",
        "patient": "Paciente",
        "clinician": "Profesional",
        "clinic": "Centro",
        "date": "Fecha",
        "review_date": "Próxima revisión",
        "goals": "Tus objetivos",
        "your_exercises": "Tus ejercicios",
        "note": "Nota",
        "continued": "continuación",
        "log": "Tu registro de ejercicios",
        "log_hint": "Marca una casilla cada día que hagas el ejercicio.",
        "tracker": "Sigue tu recuperación",
        "tracker_hint": "Marca una casilla cada día que lo hayas hecho.",
        "checklist_hint": "Marca cada una cuando la hayas hecho.",
        "week": "Semana {n}",
        "days": "Lun Mar Mié Jue Vie Sáb Dom",
        "program": "Programa de ejercicios en casa",
        "fold": "Dobla por aquí",
        "logo": "Logotipo de {name}",
        "logo_alone": "Logotipo",
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


def label(language: str, key: str, **values: object) -> str:
    return LABELS[language][key].format(**values)


def short_date(language: str, date: dt.date) -> str:
    """`1 Nov 2026`, `1 nov 2026`: for a footer with little room."""
    month = _MONTHS[language][date.month - 1][:3]
    return f"{date.day} {month if language == 'es' else month.capitalize()} {date.year}"


def long_date(language: str, date: dt.date) -> str:
    month = _MONTHS[language][date.month - 1]
    if language == "es":
        return f"{date.day} de {month} de {date.year}"
    return f"{date.day} {month} {date.year}"


_DOSE = {
    "en": {
        "hold": "hold {t}",
        "sets": "{sets} sets of {reps}",
        "sets_only": "{sets} sets",
        "reps": "{reps} times",
        "once": "once",
        "rest": "rest {t} between sets",
        "each": "each side",
        "per_day": "{n} times a day",
        "per_day_1": "once a day",
        "per_day_2": "twice a day",
        "days": "{n} days a week",
        "days_7": "every day",
        "second": "second",
        "seconds": "seconds",
        "minute": "minute",
        "minutes": "minutes",
    },
    "es": {
        "hold": "mantén {t}",
        "sets": "{sets} series de {reps}",
        "sets_only": "{sets} series",
        "reps": "{reps} veces",
        "once": "una vez",
        "rest": "descansa {t} entre series",
        "each": "cada lado",
        "per_day": "{n} veces al día",
        "per_day_1": "una vez al día",
        "per_day_2": "dos veces al día",
        "days": "{n} días a la semana",
        "days_7": "todos los días",
        "second": "segundo",
        "seconds": "segundos",
        "minute": "minuto",
        "minutes": "minutos",
    },
}


def duration(language: str, seconds: int) -> str:
    words = _DOSE[language]
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} {words['minute'] if minutes == 1 else words['minutes']}"
    return f"{seconds} {words['second'] if seconds == 1 else words['seconds']}"


def dose_words(language: str, dose) -> str:  # dose: model.exercise.Dose
    """A dose in plain words: "Hold 30 seconds, 2 times, each side, once a day, every day"."""
    words = _DOSE[language]
    parts: list[str] = []
    hold = [words["hold"].format(t=duration(language, dose.hold))] if dose.hold else []
    if not (dose.sets and dose.sets > 1):
        parts += hold  # a stretch: "Hold 30 seconds, 2 times"
    if dose.sets and dose.sets > 1 and dose.reps:
        parts.append(words["sets"].format(sets=dose.sets, reps=dose.reps))
    elif dose.sets and dose.sets > 1:
        parts.append(words["sets_only"].format(sets=dose.sets))
    elif dose.reps:
        parts.append(words["once"] if dose.reps == 1 else words["reps"].format(reps=dose.reps))
    if dose.sets and dose.sets > 1:
        parts += hold  # strength: "3 sets of 12, hold 3 seconds"
    if dose.rest:
        parts.append(words["rest"].format(t=duration(language, dose.rest)))
    if dose.sides == "each":
        parts.append(words["each"])
    if dose.per_day:
        key = f"per_day_{dose.per_day}"
        parts.append(words[key] if key in words else words["per_day"].format(n=dose.per_day))
    if dose.days:
        parts.append(words["days_7"] if dose.days == 7 else words["days"].format(n=dose.days))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


if not tuple(LABELS) == tuple(_DOSE) == LANGUAGES:  # pragma: no cover - a language added in one place only
    raise RuntimeError("every content language needs its labels and dose words")
