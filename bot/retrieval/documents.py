"""The knowledge base as a list of retrievable documents, one per entry (a pure function of the KB).

Each document has three texts: `text`, the faithful entry shown to people and cited; `dense_text`,
what is embedded: the same text with the names of the characteristic, sub-dimension and dimension it
belongs to, so a question phrased in the model's own terms finds it; and `search_text`, what BM25
indexes: the dense text plus the everyday cue phrases of a level's conditions. (Embedding the cues too
doubled the tokens and the index build time without helping the dense ranking; docs/retrieval.md.)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.knowledge import KnowledgeBase, criterion_id
from bot.knowledge.models import AnnexBEntry, AnnexCFunction, Characteristic, Level, Standard
from bot.retrieval.retriever import EntryKind

ISO_18091 = "ISO 18091"


class IndexDocument(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: EntryKind
    text: str
    dense_text: str
    search_text: str
    characteristic: str | None = None
    level: int | None = None
    standard: str | None = None
    ref: str | None = None
    # characteristic ids this entry is about; used by the `characteristic` filter
    applies_to: frozenset[str] = frozenset()

    def chroma_metadata(self) -> dict[str, str | int]:
        """Flat metadata for the vector store (Chroma refuses `None` values, so they are left out)."""
        metadata: dict[str, str | int] = {"entry_id": self.id, "kind": self.kind.value}
        for key in ("characteristic", "level", "standard", "ref"):
            value = getattr(self, key)
            if value is not None:
                metadata[key] = value
        return metadata


def build_index_documents(kb: KnowledgeBase) -> list[IndexDocument]:
    """Every criterion, standard, Annex B row and Annex C function of the knowledge base, in KB order."""
    documents = [
        _criterion_document(kb, characteristic, level)
        for characteristic in kb.characteristics
        for level in characteristic.levels
    ]
    documents += [_standard_document(standard) for standard in kb.standards]
    documents += [_annex_b_document(kb, entry) for entry in kb.annex_b]
    documents += [_annex_c_document(kb, function) for function in kb.annex_c]
    return documents


def _criterion_document(kb: KnowledgeBase, characteristic: Characteristic, level: Level) -> IndexDocument:
    sub_dimension = kb.sub_dimension(characteristic.sub_dimension).name
    cues = "; ".join(cue for condition in level.conditions for cue in condition.cues)
    dense_text = (
        f"{characteristic.name} ({sub_dimension}). Level {level.level} {kb.level_name(level.level)}: {level.criteria}"
    )
    return IndexDocument(
        id=criterion_id(characteristic.id, level.level),
        kind=EntryKind.CRITERION,
        text=level.criteria,
        dense_text=dense_text,
        search_text=dense_text + (f"\nIn other words: {cues}" if cues else ""),
        characteristic=characteristic.id,
        level=level.level,
        applies_to=frozenset({characteristic.id}),
    )


def _standard_document(standard: Standard) -> IndexDocument:
    text = f"{standard.title}. {standard.description}" if standard.title else standard.description
    return IndexDocument(
        id=standard.id,
        kind=EntryKind.STANDARD,
        text=standard.description,
        dense_text=f"{standard.id}: {text}",
        search_text=f"{standard.id}: {text}",
        standard=standard.id,
    )


def _annex_b_document(kb: KnowledgeBase, entry: AnnexBEntry) -> IndexDocument:
    dimension = kb.dimension(entry.dimension)
    if entry.sub_dimension is None:
        where = f"{dimension.name} (overall)"
        applies_to = {c.id for c in kb.characteristics_in_dimension(entry.dimension)}
    else:
        characteristics = kb.characteristics_in_sub_dimension(entry.sub_dimension)
        where = f"{dimension.name}: {kb.sub_dimension(entry.sub_dimension).name}"
        names = "; ".join(c.name for c in characteristics if c.name != kb.sub_dimension(entry.sub_dimension).name)
        where += f" ({names})" if names else ""
        applies_to = {c.id for c in characteristics}
    return IndexDocument(
        id=entry.id,
        kind=EntryKind.ANNEX_B,
        text=entry.guidance,
        dense_text=f"{where}. {entry.guidance}",
        search_text=f"{where}. {entry.guidance}",
        standard=entry.standard,
        ref=entry.ref,
        applies_to=frozenset(applies_to),
    )


def _annex_c_document(kb: KnowledgeBase, function: AnnexCFunction) -> IndexDocument:
    purpose = kb.sub_dimension(function.purpose).name
    text = f"ISO 18091 local government function {function.code}: {function.function}"
    return IndexDocument(
        id=function.id,
        kind=EntryKind.ANNEX_C,
        text=text,
        dense_text=f"{text}. Contributes to the purpose {purpose}.",
        search_text=f"{text}. Contributes to the purpose {purpose}.",
        characteristic=function.purpose,
        standard=ISO_18091,
        ref=function.code,
        applies_to=frozenset({function.purpose}),
    )
