"""A dose in plain words, in each content language: "3 sets of 10, lower for 3 seconds, with a
red band, rest 1 minute between sets, 3 days a week"."""

from __future__ import annotations

from ..model.types import LANGUAGES

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "hold": "hold {t}",
        "sets": "{sets} sets of {reps}",
        "sets_only": "{sets} sets",
        "times": "{sets} × {what}",
        "reps": "{reps} times",
        "once": "once",
        "lower": "lower for {t}",
        "pause": "pause for {n}",
        "lift": "lift for {n}",
        "kg": "with {n} kg",
        "lb": "with {n} lb",
        "band": "with a {colour} band",
        "bodyweight": "with your body weight",
        "rpe": "effort {n} out of 10",
        "reserve": "stop when you could still do {n} more",
        "reserve_0": "keep going until you cannot do another",
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
        "yellow": "yellow",
        "red": "red",
        "green": "green",
        "blue": "blue",
        "black": "black",
    },
    "es": {
        "hold": "mantén {t}",
        "sets": "{sets} series de {reps}",
        "sets_only": "{sets} series",
        "times": "{sets} × {what}",
        "reps": "{reps} veces",
        "once": "una vez",
        "lower": "baja en {t}",
        "pause": "pausa de {n}",
        "lift": "sube en {n}",
        "kg": "con {n} kg",
        "lb": "con {n} lb",
        "band": "con una banda {colour}",
        "bodyweight": "con el peso de tu cuerpo",
        "rpe": "esfuerzo {n} de 10",
        "reserve": "para cuando aún podrías hacer {n} más",
        "reserve_0": "sigue hasta que no puedas hacer otra",
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
        "yellow": "amarilla",
        "red": "roja",
        "green": "verde",
        "blue": "azul",
        "black": "negra",
    },
}


def duration(language: str, seconds: int) -> str:
    words = WORDS[language]
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} {words['minute'] if minutes == 1 else words['minutes']}"
    return f"{seconds} {words['second'] if seconds == 1 else words['seconds']}"


def distance(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 and metres % 100 == 0 else f"{metres:g} m"


def dose_words(language: str, dose) -> str:  # dose: model.exercise.Dose
    """A dose in plain words: "Hold 30 seconds, 2 times, each side, once a day, every day"."""
    words = WORDS[language]
    sets = dose.sets if dose.sets and dose.sets > 1 else None
    hold = [words["hold"].format(t=duration(language, dose.hold))] if dose.hold else []
    parts: list[str] = [] if sets else list(hold)  # a stretch: "Hold 30 seconds, 2 times"
    parts += _amount(language, dose, sets)
    if sets:
        parts += hold  # strength: "3 sets of 12, hold 3 seconds"
    parts += _tempo(language, dose.tempo) + _load(language, dose.load) + _effort(language, dose)
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


def _amount(language: str, dose, sets: int | None) -> list[str]:
    """How much: sets of reps, a distance or a time (`2 × 30 m`), or a number of times."""
    words = WORDS[language]
    what = distance(dose.distance) if getattr(dose, "distance", None) else None
    if what is None and getattr(dose, "time", None):
        what = duration(language, dose.time)
    if what is not None:
        return [words["times"].format(sets=sets, what=what) if sets else what]
    if sets and dose.reps:
        return [words["sets"].format(sets=sets, reps=dose.reps)]
    if sets:
        return [words["sets_only"].format(sets=sets)]
    if dose.reps:
        return [words["once"] if dose.reps == 1 else words["reps"].format(reps=dose.reps)]
    return []


def _tempo(language: str, tempo) -> list[str]:
    """`3-1-1`: lower for 3 seconds, pause for 1, lift for 1 (a phase of 0 is left out)."""
    if not tempo:
        return []
    words = WORDS[language]
    phases = [int(part) for part in str(tempo).split("-")]
    keys = ("lower", "pause", "lift", "pause")
    return [
        words[key].format(t=duration(language, seconds), n=seconds)
        for key, seconds in zip(keys, phases, strict=False)
        if seconds
    ]


def _load(language: str, load) -> list[str]:
    words = WORDS[language]
    if not load:
        return []
    if load == "bodyweight":
        return [words["bodyweight"]]
    if load.kg is not None:
        return [words["kg"].format(n=f"{load.kg:g}")]
    if load.lb is not None:
        return [words["lb"].format(n=f"{load.lb:g}")]
    return [words["band"].format(colour=words[str(load.band)])]


def _effort(language: str, dose) -> list[str]:
    words = WORDS[language]
    if getattr(dose, "rpe", None) is not None:
        return [words["rpe"].format(n=dose.rpe)]
    reserve = getattr(dose, "reserve", None)
    if reserve is not None:
        return [words["reserve_0"] if reserve == 0 else words["reserve"].format(n=reserve)]
    return []


if tuple(WORDS) != LANGUAGES:  # pragma: no cover - a language added in one place only
    raise RuntimeError("every content language needs its dose words")
