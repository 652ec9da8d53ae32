"""Values as the panels and the briefing read them out."""

from briefer.domain.records import Spec
from briefer.services import formatting


def spec(**values):
    base = dict(
        subject_id="s",
        attribute="a",
        value=None,
        value_text=None,
        unit="t",
        value_low=None,
        value_high=None,
        confidence="likely",
        sources=(),
        note=None,
    )
    return Spec(**{**base, **values})


def test_spec_values_read_aloud():
    assert formatting.spec_value(None) == "unknown"
    assert formatting.spec_value(spec()) == "unknown"
    assert formatting.spec_value(spec(value=92.0)) == "92 t"
    assert formatting.spec_value(spec(value=1500.0, unit="kg")) == "1,500 kg"
    assert formatting.spec_value(spec(value_low=78.0, value_high=80.0)) == "78–80 t"
    assert (
        formatting.spec_value(spec(value=85.0, value_low=80.0, value_high=92.5)) == "85 t (80–92.5)"
    )
    assert formatting.spec_value(spec(value=3.0, unit="count")) == "3"
    assert formatting.spec_value(spec(value_high=8250.0, unit="kg")) == "≤ 8,250 kg"
    assert formatting.spec_value(spec(value_low=2.0)) == "≥ 2 t"
    assert formatting.spec_value(spec(value_text="LOX / kerosene", unit=None)) == "LOX / kerosene"
