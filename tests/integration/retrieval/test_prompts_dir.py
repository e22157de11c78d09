"""`mmssc ask` phrases with the prompt of the configured prompts folder (MMSSC_PROMPTS_DIR), not a fixed path."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.adapters.cli.main import app
from tests.support.fake_llm_server import prompt_echoing_llm_server

QUESTION = "we want an open data portal that startups actually use"


def test_ask_phrases_with_the_standards_prompt_of_the_configured_folder(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (prompts / "standards_answer.md").write_text("OUR OWN PROMPT. Question: $question\nListed:\n$standards\n",
                                                 encoding="utf-8")
    with prompt_echoing_llm_server() as url:  # the chat model answers with the prompt it was given
        environment = {"MMSSC_DATA_DIR": str(tmp_path / "data"), "MMSSC_EMBEDDER": "hashing",
                       "MMSSC_PROMPTS_DIR": str(prompts), "MMSSC_LLM_PROVIDER": "openai", "MMSSC_LLM_MODEL": "echo",
                       "MMSSC_LLM_BASE_URL": url, "MMSSC_LLM_API_KEY": "not-a-real-key"}
        result = CliRunner().invoke(app, ["ask", "--json", QUESTION], env=environment)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["kind"] == "matched" and answer["phrased_by"] == "llm", answer.get("fallback_reason")
    assert answer["answer"].startswith(f"OUR OWN PROMPT. Question: {QUESTION}\nListed:\n- ")
    assert all(hit["reference"] in answer["answer"] for hit in answer["standards"])
