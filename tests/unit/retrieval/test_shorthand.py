from bot.retrieval.shorthand import spelled_out


def test_chat_shorthand_is_spelt_out() -> None:
    assert spelled_out("which std sets out the mgmt system reqs for sust dev?") == (
        "which standard sets out the management system requirements for sustainable development?")
    assert spelled_out("Info security for the govt's data platform w/ the uni") == (
        "information security for the government's data platform with the uni")


def test_words_that_only_contain_shorthand_are_kept() -> None:
    for question in ("developers and standards for the infrastructure", "an organisation-wide stdout log",
                     "the development of technology", "ISO/IEC 30182 and orgs/units"):
        assert spelled_out(question).split()[:2] == question.split()[:2]
    assert spelled_out("development of technology") == "development of technology"


def test_chat_shorthand_of_the_assessment_is_spelt_out() -> None:
    assert spelled_out("whats the diff between lvl 3 and 4, can u check atm?") == (
        "what's the difference between level 3 and 4, can you check at the moment?")
