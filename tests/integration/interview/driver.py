"""A stakeholder typing into the interview service, for tests."""

from __future__ import annotations

from dataclasses import dataclass

from bot.interview.messages import EventKind, InterviewEvent, Reply, ReplyKind
from bot.services.interview_service import InterviewService


@dataclass
class Stakeholder:
    service: InterviewService
    assessment: str
    name: str
    channel: str = "test"

    def start(self, dimension: str | None = None) -> list[Reply]:
        return self.service.handle(self.assessment, self.name, InterviewEvent(kind=EventKind.START,
                                                                              dimension=dimension), self.channel)

    def say(self, text: str, event_id: str | None = None) -> list[Reply]:
        return self.service.handle(self.assessment, self.name,
                                   InterviewEvent(kind=EventKind.TEXT, text=text, event_id=event_id), self.channel)

    def send(self, event: InterviewEvent) -> list[Reply]:
        return self.service.handle(self.assessment, self.name, event, self.channel)


def kinds(replies: list[Reply]) -> list[ReplyKind]:
    return [reply.kind for reply in replies]


def last_question(replies: list[Reply]) -> tuple[str | None, str | None]:
    questions = [r for r in replies if r.kind == ReplyKind.QUESTION]
    return (questions[-1].characteristic, questions[-1].horizon) if questions else (None, None)
