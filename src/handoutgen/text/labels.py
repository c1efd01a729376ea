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
        "drill": "Drill",
        "equipment_mat": "exercise mat",
        "equipment_chair": "sturdy chair",
        "equipment_bench": "sturdy bench or sofa",
        "equipment_step": "step or stair",
        "equipment_wall": "a wall",
        "equipment_band": "resistance band",
        "equipment_roller": "foam roller",
        "equipment_ball": "exercise ball",
        "equipment_towel": "towel",
        "equipment_weights": "weights",
        "equipment_cone": "cones or markers",
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
        "drill": "Técnica",
        "equipment_mat": "colchoneta",
        "equipment_chair": "silla firme",
        "equipment_bench": "banco firme o sofá",
        "equipment_step": "escalón o escalera",
        "equipment_wall": "una pared",
        "equipment_band": "banda elástica",
        "equipment_roller": "rodillo de espuma",
        "equipment_ball": "pelota de ejercicio",
        "equipment_towel": "toalla",
        "equipment_weights": "pesas",
        "equipment_cone": "conos o marcas",
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


if tuple(LABELS) != LANGUAGES:  # pragma: no cover - a language added in one place only
    raise RuntimeError("every content language needs its labels")
