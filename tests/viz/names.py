"""The IRIs of tiny.ttl, the hand-made graph the viz tests draw."""
from pathlib import Path

TINY = Path(__file__).with_name("tiny.ttl")
ID = "https://w3id.org/newskg/id/"
QAANI, HANIYEH, HAMAS, LONELY = (ID + "actor/" + a for a in ("esmail-qaani", "ismail-haniyeh", "hamas", "lonely"))
LETTER, QUOTE, SPEECH = ID + "letter/tasnim-1/l0", ID + "quote/tasnim-1/q0", ID + "speech/jazeera-2/s0"
