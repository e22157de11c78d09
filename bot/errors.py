"""Errors the adapters turn into clear messages for people."""


class MMSSCError(Exception):
    """Base class for every error this package raises on purpose."""


class InvalidInputError(MMSSCError):
    """Something a user typed cannot be used as it is (empty, too long, unknown id...)."""


class UnknownIdError(InvalidInputError):
    """An id that is not in the knowledge base; carries the closest known ids."""

    def __init__(self, kind: str, given: str, closest: list[str]):
        self.kind = kind
        self.given = given
        self.closest = closest
        hint = f" Did you mean: {', '.join(closest)}?" if closest else ""
        super().__init__(f"Unknown {kind} '{given}'.{hint}")


class KnowledgeBaseError(MMSSCError):
    """A knowledge file is missing, malformed or inconsistent; names the file and field."""


class NotFoundError(MMSSCError):
    """A stored record (assessment, stakeholder...) does not exist."""


class PermissionDeniedError(MMSSCError):
    """The person is not allowed to do this (e.g. only facilitators set consensus)."""


class EnvironmentFaultError(MMSSCError):
    """The machine is not as the product needs it (an unwritable path, a damaged index...); the message
    says what failed and what to do."""
