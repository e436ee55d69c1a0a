"""The array back end: many worlds of one scenario stepped at once as numpy arrays, for Monte Carlo.

A twin of the engine's turn for batch play (`simulate`, `balance`, baselines), drawing the very same numbers
(draws.py) and reading the scenario's expressions generated from the same parsed trees (exprs.py). Games a player
can save are always played by the engine. `support.why_not` says up front what it cannot play.
"""

BACKENDS = ("auto", "engine", "arrays")  # auto: the arrays where they can play the batch, else the engine
