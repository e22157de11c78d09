"""Build the `InterviewService` from the app context: what every channel (terminal, Slack) starts with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.interview_service import InterviewService

if TYPE_CHECKING:
    from bot.context import AppContext
    from bot.retrieval.standards import StandardsAnswer


def build_interview_service(ctx: AppContext) -> InterviewService:
    """The service on the context's knowledge base, engine and database. The retriever behind
    "which standard helps with X" is built only when the first such question comes."""

    def answer_standards(question: str) -> StandardsAnswer:
        from bot.retrieval.standards import answer_standards_question

        return answer_standards_question(question, ctx.kb, ctx.retriever)

    return InterviewService(ctx.kb, ctx.engine, ctx.database, standards_answerer=answer_standards,
                            max_probes=ctx.settings.max_probes)
