"""Sentence vectors: the shipped encoder (:mod:`factbox.embed.encoder`) and how it is
rebuilt (:mod:`factbox.embed.export`, needs the ``train`` extra)."""

from factbox.embed.encoder import ModelFileError, SentenceEncoder, load_encoder

__all__ = ["ModelFileError", "SentenceEncoder", "load_encoder"]
