"""Alignment: parsed interviews in, their translations paired.

Takes an :class:`~qa_builder.transcripts.interview.Interview` and gives an
:class:`~qa_builder.alignment.parallel.Alignment`: parallel turns, exchanges and
sentences as :mod:`qa_builder.models` records.

``model`` (the weight-free aligner: items, costs, two passes) prices beads with
``stepcost`` and solves them with ``lattice`` (a banded dynamic program over many
problems at once); ``parallel`` turns an interview's beads into records;
``evaluation`` scores sentence beads against a hand-made gold; ``view`` shows an
alignment on the terminal.
"""
