"""Write kg/nlp/lexicons/common_words.txt from spacy-lookups-data's English word probabilities.

A word is "common" when its lowercase form is at least about as frequent as its
capitalised form: "will", "force", "however" are common; "kerry", "gaza" are not.
The rule components use the list to tell a sentence-initial capital from a name.
Run once when the lexicon should change: python tools/make_common_words.py
"""
from pathlib import Path

import gzip
import json

import spacy_lookups_data

MIN_LOGPROB = -17.0  # rarer words are left out: they are not worth the bytes
MARGIN = 0.7  # lowercase may be this much (natural log) rarer than Capitalised

OUT = Path(__file__).resolve().parents[1] / "kg/nlp/lexicons/common_words.txt"


def main() -> None:
    data = Path(spacy_lookups_data.__file__).parent / "data/en_lexeme_prob.json.gz"
    prob = json.loads(gzip.decompress(data.read_bytes()))
    words = set()
    for w, lp in prob.items():
        if not w.isalpha() or not w.islower() or lp < MIN_LOGPROB:
            continue
        cap = prob.get(w.capitalize(), -30.0)
        if lp >= cap - MARGIN:
            words.add(w)
    header = ("# Lowercase words that are at least about as frequent lowercase as capitalised\n"
              "# (from spacy-lookups-data en_lexeme_prob, MIT; made by tools/make_common_words.py).\n")
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
