"""Reading and parsing: a raw folder in, parsed interviews out.

Takes ``raw/<interview-id>/`` (``meta.toml`` and one ``<lang>.txt`` per
language) and gives an :class:`~qa_builder.transcripts.interview.Interview`:
per language its speaker turns, the segments that are not turns, and the
question–answer exchanges, as :mod:`qa_builder.models` records.

``read`` (bytes → numbered lines → paragraphs) → ``parse`` (one engine, driven by
``meta`` and the ``conventions`` data files: → turns and segments) →
``exchanges`` (→ Q&A); ``interview`` runs them over a folder; ``sentences``
splits a text into sentences for the aligner.
"""
