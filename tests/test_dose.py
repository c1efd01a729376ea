"""A dose in plain words, in English and Spanish."""

from __future__ import annotations

import pytest

from handoutgen.model.exercise import Dose, Load
from handoutgen.model.types import Tempo
from handoutgen.text.dose import dose_words


@pytest.mark.parametrize(
    ("dose", "english", "spanish"),
    [
        (
            Dose(reps=2, hold=30, sides="each", per_day=1, days=7),
            "Hold 30 seconds, 2 times, each side, once a day, every day",
            "Mantén 30 segundos, 2 veces, cada lado, una vez al día, todos los días",
        ),
        (
            Dose(sets=3, reps=10, rest=60, days=3),
            "3 sets of 10, rest 1 minute between sets, 3 days a week",
            "3 series de 10, descansa 1 minuto entre series, 3 días a la semana",
        ),
        (
            Dose(sets=3, reps=12, hold=3, rest=45),
            "3 sets of 12, hold 3 seconds, rest 45 seconds between sets",
            "3 series de 12, mantén 3 segundos, descansa 45 segundos entre series",
        ),
        (
            Dose(sets=3, reps=8, tempo=Tempo("3-1-1"), load=Load(kg=5), rpe=7),
            "3 sets of 8, lower for 3 seconds, pause for 1, lift for 1, with 5 kg, effort 7 out of 10",
            "3 series de 8, baja en 3 segundos, pausa de 1, sube en 1, con 5 kg, esfuerzo 7 de 10",
        ),
        (
            Dose(sets=2, reps=15, tempo=Tempo("2-0-2"), load=Load(band="red"), reserve=2),
            "2 sets of 15, lower for 2 seconds, lift for 2, with a red band, stop when you could still do 2 more",
            "2 series de 15, baja en 2 segundos, sube en 2, con una banda roja, para cuando aún podrías hacer 2 más",
        ),
        (
            Dose(sets=2, reps=10, load=Load(lb=12.5), reserve=0),
            "2 sets of 10, with 12.5 lb, keep going until you cannot do another",
            "2 series de 10, con 12.5 lb, sigue hasta que no puedas hacer otra",
        ),
        (
            Dose(sets=3, reps=10, load="bodyweight", per_day=2),
            "3 sets of 10, with your body weight, twice a day",
            "3 series de 10, con el peso de tu cuerpo, dos veces al día",
        ),
        (Dose(sets=2, distance=30), "2 × 30 m", "2 × 30 m"),
        (
            Dose(sets=3, time=30, rest=30),
            "3 × 30 seconds, rest 30 seconds between sets",
            "3 × 30 segundos, descansa 30 segundos entre series",
        ),
        (Dose(distance=1500), "1.5 km", "1.5 km"),
        (Dose(time=120, per_day=3), "2 minutes, 3 times a day", "2 minutos, 3 veces al día"),
        (Dose(sets=4), "4 sets", "4 series"),
        (Dose(reps=1), "Once", "Una vez"),
        (Dose(sets=1, reps=12), "12 times", "12 veces"),
        (Dose(), "", ""),
    ],
)
def test_every_part_of_a_dose_in_plain_words(dose: Dose, english: str, spanish: str) -> None:
    assert dose_words("en", dose) == english
    assert dose_words("es", dose) == spanish


BASE = "exercise: e\nname: E\nlanguage: en\ncategory: strength\nsteps: [Do it.]\n"


@pytest.mark.parametrize(
    ("dose", "message"),
    [
        ("{rpe: 6, reserve: 2}", "give effort as `rpe` or as `reserve`, not both"),
        ("{hold: 30s, time: 30s}", "`hold` is for a position held still, `time` for moving: give one"),
        ("{reps: 10, distance: 30m}", "a drill goes a `distance` or a number of `reps`, not both"),
        ("{load: {kg: 5, band: red}}", "a load is one of `kg`, `lb` or `band`"),
        ("{load: heavy}", "`load` is `heavy`; expected one of `bodyweight`"),
        ("{load: {band: pink}}", "`band` is `pink`; expected one of"),
        ("{tempo: slow}", "`slow` is not a tempo; write the seconds to lower, pause and lift"),
        ("{distance: 30 yards}", "`30 yards` is not a distance"),
        ("{rpe: 11}", "`rpe` is 11; it must be from 0 to 10"),
    ],
)
def test_a_dose_written_wrong_is_named(tmp_path, dose: str, message: str) -> None:
    from conftest import run

    path = tmp_path / "e.yaml"
    path.write_text(BASE + f"dose: {dose}\n", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 2 and message in result.stderr and "e.yaml:6:" in result.stderr, result.stderr


def test_a_tempo_of_no_time_is_refused(tmp_path) -> None:
    from conftest import run

    path = tmp_path / "e.yaml"
    path.write_text(BASE + "dose: {tempo: 0-0-0}\n", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 2 and "`0-0-0` is a tempo of no time at all" in result.stderr
