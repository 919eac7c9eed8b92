"""The synthetic agency generator and its ground truth (see ``docs/synthetic.md``).

``generate(out, KonfigurasiSintesis(...))`` writes every table of the data contract,
``unit_kerja``, and ``ground_truth/``, deterministically for a seed.
"""

from bakat.synth.config import Format, KonfigurasiSintesis, TingkatGalat
from bakat.synth.generate import LANGKAH, Hasil, generate

__all__ = ["LANGKAH", "Format", "Hasil", "KonfigurasiSintesis", "TingkatGalat", "generate"]
